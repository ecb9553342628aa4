/** What a campaign was set up with: draft, audience, exclusions, accounts, pace, timing. */
import type { Campaign } from '#shared/campaigns';
import { t } from '#shared/i18n';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { useAccounts } from '#renderer/accounts/store';
import { StateBadge } from '#renderer/accounts/StateBadge';
import { localTimeZone } from './model';
import { contactsLabel, describeQuery, queryLabel } from './selection';
import { describeHours, describePace, formatInZone } from './text';
import { useGroups } from '#renderer/groups/store';
import { useLists } from '#renderer/lists/store';
import { CAMPAIGNS_PACE } from '#shared/i18n/keys';

function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatFull(iso)}>
      {formatWhen(iso)}
    </time>
  );
}

export function CampaignFacts({ campaign: c }: { campaign: Campaign }) {
  const groups = useGroups((s) => s.groups);
  const lists = useLists((s) => s.lists);
  const accounts = useAccounts((s) => s.accounts);
  const audience = [
    ...(c.audience.contactIds.length > 0 ? [contactsLabel(c.audience.contactIds.length)] : []),
    ...(c.audience.query ? [queryLabel(describeQuery(c.audience.query, groups, lists), null)] : []),
    ...c.audience.groupIds.map((id) => t('campaigns.review.group', { name: groups.find((g) => g.id === id)?.name ?? `#${id}` })),
    ...c.audience.listIds.map((id) => t('campaigns.review.list', { name: lists.find((l) => l.id === id)?.name ?? `#${id}` })),
  ];
  const pasted = c.audience.pasted.split(/[\n,;]+/).filter((l) => l.trim() !== '').length;
  if (pasted > 0) audience.push(t('campaigns.audience.pastedCount', { count: pasted }));
  const ex = c.exclusions;
  const left = [
    t('campaigns.review.blacklist'),
    ex.includeGraylist ? t('campaigns.review.graylistIncluded') : t('campaigns.review.graylist'),
    ...(ex.skipNotOnWhatsApp ? [t('campaigns.review.notOnWhatsApp')] : []),
    ...(ex.recentlyMessagedHours !== null ? [t('campaigns.review.recent', { hours: ex.recentlyMessagedHours })] : []),
  ];
  return (
    <section className="panel cmp-facts" aria-label={t('campaigns.detail.setup')} data-testid="campaign-setup">
      <h2 className="cmp-h2">{t('campaigns.detail.setup')}</h2>
      <dl>
        <dt>{t('campaigns.form.draft')}</dt>
        <dd>
          <bdi>{c.draftName}</bdi>
          {c.frozen && <span className="muted small"> · {t('campaigns.detail.frozen')}</span>}
        </dd>
        <dt>{t('campaigns.review.audience')}</dt>
        <dd>{audience.join(' · ') || '—'}</dd>
        <dt>{t('campaigns.exclusions.title')}</dt>
        <dd>{left.join(' · ')}</dd>
        <dt>{t('campaigns.accounts.title')}</dt>
        <dd>
          <ul className="cmp-plain">
            {c.accountIds.map((id) => {
              const a = accounts.find((x) => x.id === id);
              return (
                <li key={id} className="row">
                  <bdi>{a?.label ?? `#${id}`}</bdi>
                  {a && <StateBadge account={a} />}
                </li>
              );
            })}
          </ul>
        </dd>
        <dt>{t('campaigns.pace.title')}</dt>
        <dd>
          <strong>{t(CAMPAIGNS_PACE[c.pace.preset])}</strong>
          <ul className="cmp-plain small">
            {describePace(c.pace).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('campaigns.hours.title')}</dt>
        <dd>{describeHours(c.pace, c.timezone)}</dd>
        {c.schedule.kind === 'at' && (
          <>
            <dt>{t('campaigns.detail.scheduledFor')}</dt>
            <dd>{formatInZone(c.schedule.at, c.timezone, localTimeZone())}</dd>
          </>
        )}
        <dt>{t('campaigns.detail.created')}</dt>
        <dd>
          <Time iso={c.createdAt} />
        </dd>
        {c.startedAt && (
          <>
            <dt>{t('campaigns.detail.started')}</dt>
            <dd>
              <Time iso={c.startedAt} />
            </dd>
          </>
        )}
        {c.finishedAt && (
          <>
            <dt>{t('campaigns.detail.finished')}</dt>
            <dd>
              <Time iso={c.finishedAt} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
