/**
 * For each contact detail the draft uses, how many contacts of the book have no value, and what they
 * will see instead. Asked of main a moment after the text stops changing.
 */
import { useEffect, useMemo, useState } from 'react';
import type { VariableGap } from '#shared/campaigns';
import { t } from '#shared/i18n';
import { useContactsView } from '#renderer/contacts/view';
import { RemoteError } from '#shared/errors';
import { errorMessage } from '#renderer/ui/api';
import { drafts } from './store';
import { DraftIcon } from './DraftIcon';
import { gapsProbe, type EditorPart } from './model';

const DEBOUNCE_MS = 500;

/** The gaps for these parts, or null before the first answer. */
function useVariableGaps(parts: readonly EditorPart[]): { gaps: VariableGap[] | null; error: string | null } {
  const probe = useMemo(() => gapsProbe(parts), [parts]);
  const probeKey = JSON.stringify(probe);
  // Bumped on `contacts.changed`: a contact's new values may fill a gap or open one.
  const version = useContactsView((s) => s.version);
  const [state, setState] = useState<{ key: string; gaps: VariableGap[] | null; error: string | null }>({ key: '', gaps: null, error: null });
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      const input = JSON.parse(probeKey) as typeof probe;
      if (input.length === 0) {
        setState({ key: probeKey, gaps: [], error: null });
        return;
      }
      drafts
        .variableGaps({ parts: input, audience: null })
        .then((gaps) => {
          if (alive) setState({ key: probeKey, gaps, error: null });
        })
        .catch((e: unknown) => {
          // Replaced by a newer ask (another window's): no error; the next change asks again.
          if (e instanceof RemoteError && e.code === 'cancelled') return;
          if (alive) setState({ key: probeKey, gaps: null, error: errorMessage(e) });
        });
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [probeKey, version]);
  return { gaps: state.gaps, error: state.error };
}

const token = (key: string) => `{{${key}}}`;

export function VariableGaps({ parts }: { parts: readonly EditorPart[] }) {
  const { gaps, error } = useVariableGaps(parts);
  if (error !== null) return <p className="error-text small">{t('drafts.gaps.failed', { message: error })}</p>;
  if (gaps === null || gaps.length === 0) return null;
  const total = gaps[0]?.total ?? 0;
  if (total === 0) {
    return (
      <div className="drafts-gaps" data-testid="variable-gaps">
        <p className="muted small">{t('drafts.gaps.noContacts')}</p>
      </div>
    );
  }
  const complete = gaps.filter((g) => g.missing === 0);
  const missing = gaps.filter((g) => g.missing > 0);
  return (
    <div className="drafts-gaps" data-testid="variable-gaps" aria-live="polite">
      {missing.map((gap) => {
        const fallback = gap.fallback?.trim() ?? '';
        const params = { variable: token(gap.key), missing: gap.missing, total: gap.total, fallback };
        return fallback === '' ? (
          <p key={gap.key} className="drafts-gap warn" data-testid="variable-gap">
            <DraftIcon name="warning" size={14} />
            <span>{t('drafts.gaps.nothing', params)}</span>
          </p>
        ) : (
          <p key={gap.key} className="drafts-gap" data-testid="variable-gap">
            <span>{t('drafts.gaps.fallback', params)}</span>
          </p>
        );
      })}
      {complete.length > 0 && (
        <p className="drafts-gap ok" data-testid="variable-gap-ok">
          {t('drafts.gaps.allHave', { variables: complete.map((g) => token(g.key)).join(', '), total, count: complete.length })}
        </p>
      )}
    </div>
  );
}
