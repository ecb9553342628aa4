/** How many people a campaign will reach, who is left out and why, and variables some lack. */
import type { AudiencePreview, Exclusions } from '#shared/campaigns';
import { formatNumber, t } from '#shared/i18n';
import { ErrorText } from '#renderer/ui/ErrorText';
import { Icon } from '#renderer/ui/Icon';
import type { PreviewState } from './useAudiencePreview';
import { CAMPAIGNS_EXCLUDED } from '#shared/i18n/keys';

type Excluded = keyof AudiencePreview['excluded'];
const EXCLUDED: Excluded[] = ['blacklist', 'graylist', 'notOnWhatsApp', 'recentlyMessaged', 'duplicates', 'invalid'];

/** One short line: "342 people will get this message (18 left out)". */
export function AudienceCount({ state }: { state: PreviewState }) {
  const { preview, error, loading } = state;
  if (error) return <ErrorText error={error} />;
  if (!preview) return <p className="muted small">{t('campaigns.preview.counting')}</p>;
  // Duplicates are not left out: they get the message once.
  const left = preview.matched - preview.total + preview.excluded.invalid;
  return (
    <p className={loading ? 'cmp-count stale' : 'cmp-count'} aria-live="polite" data-testid="audience-count">
      <strong>{t('campaigns.preview.willGet', { count: preview.total })}</strong>
      {left > 0 && <span className="muted"> {t('campaigns.preview.leftOut', { count: left })}</span>}
    </p>
  );
}

export function AudiencePreviewPanel({ state, exclusions }: { state: PreviewState; exclusions: Exclusions }) {
  const { preview, error, loading } = state;
  if (error) return <ErrorText error={error} banner />;
  if (!preview) return <p className="muted">{t('campaigns.preview.counting')}</p>;
  const rows = EXCLUDED.filter((k) => preview.excluded[k] > 0);
  return (
    <div className={loading ? 'cmp-preview stale' : 'cmp-preview'} data-testid="audience-preview" aria-busy={loading}>
      <p className="cmp-big" data-testid="audience-total" data-value={preview.total}>
        {t('campaigns.preview.willGet', { count: preview.total })}
      </p>
      {preview.total === 0 && <p className="banner warn">{t('campaigns.preview.nobody')}</p>}
      <p className="muted small">{t('campaigns.preview.matched', { count: preview.matched })}</p>
      <h4>{t('campaigns.preview.leftOutTitle')}</h4>
      {rows.length === 0 ? (
        <p className="muted small">{t('campaigns.preview.noneLeftOut')}</p>
      ) : (
        <table className="simple-table cmp-excluded">
          <tbody>
            {rows.map((k) => (
              <tr key={k} data-testid={`excluded-${k}`} data-value={preview.excluded[k]}>
                <td className="cmp-n">{formatNumber(preview.excluded[k])}</td>
                <td>{t(CAMPAIGNS_EXCLUDED[k], { hours: exclusions.recentlyMessagedHours ?? 0 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">
        <Icon name="block" size={13} /> {t('campaigns.preview.blacklistAlways')}
      </p>
      {preview.invalidSamples.length > 0 && (
        <details className="cmp-invalid">
          <summary>{t('campaigns.preview.invalidSamples', { count: preview.invalidSamples.length })}</summary>
          <ul className="small">
            {preview.invalidSamples.map((s, i) => (
              <li key={i}>
                <code dir="auto">{s.input}</code> — {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview.variableGaps.some((g) => g.missing > 0) && (
        <>
          <h4>{t('campaigns.preview.gapsTitle')}</h4>
          <ul className="cmp-gaps small" data-testid="variable-gaps">
            {preview.variableGaps
              .filter((g) => g.missing > 0)
              .map((g) => (
                <li key={g.key}>
                  <code>{`{{${g.key}}}`}</code>{' '}
                  {g.fallback !== null
                    ? t('campaigns.preview.gapFallback', { count: g.missing, fallback: g.fallback })
                    : t('campaigns.preview.gapEmpty', { count: g.missing, total: g.total })}
                </li>
              ))}
          </ul>
        </>
      )}
    </div>
  );
}
