/** Step 5: everything on one screen, and the numbers the audience gives now. */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { describeEstimate, estimateDuration } from '#shared/estimate';
import { formatTimeText, formatWallDate } from '#shared/calendar';
import { getLocale, t } from '#shared/i18n';
import { fromDraftPart } from '#renderer/drafts/model';
import { Preview } from '#renderer/drafts/Preview';
import { useAccounts } from '#renderer/accounts/store';
import { useDrafts } from '#renderer/drafts/store';
import { AudiencePreviewPanel } from './AudiencePreviewPanel';
import { BudgetReviewLine } from './BudgetReviewLine';
import { exclusionsOf, localTimeZone, scheduledMs, type CampaignForm, type Step } from './model';
import { contactsLabel, describeQuery, queryLabel, useQueryCount } from './selection';
import { capEstimate, describeHours, describePace } from './text';
import type { PreviewState } from './useAudiencePreview';
import { useGroups } from '#renderer/groups/store';
import { useLists } from '#renderer/lists/store';
import { TestSendDialog } from '#renderer/test-sends/TestSendDialog';
import { RiskReview } from './RiskReview';
import { useWarmupPlans } from '#renderer/safety/warmup';
import { WarmupReviewLine } from './WarmupReviewLine';
import { CAMPAIGNS_PACE } from '#shared/i18n/keys';

type Props = { form: CampaignForm; preview: PreviewState; goTo: (step: Step) => void };

function Item({ label, step, goTo, children }: { label: string; step: Step; goTo: (step: Step) => void; children: ReactNode }) {
  return (
    <div className="cmp-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
      <dd className="cmp-change">
        <button type="button" className="link" onClick={() => goTo(step)} aria-label={t('campaigns.review.changeWhat', { what: label })}>
          {t('campaigns.review.change')}
        </button>
      </dd>
    </div>
  );
}

/** Now, to the minute, moving on each minute (the estimate need not move every second). */
function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000) * 60_000), 15_000);
    return () => clearInterval(timer);
  }, []);
  return minute;
}

export function ReviewStep({ form, preview, goTo }: Props) {
  const drafts = useDrafts((s) => s.drafts);
  const groups = useGroups((s) => s.groups);
  const lists = useLists((s) => s.lists);
  const accounts = useAccounts((s) => s.accounts);
  const draft = drafts.find((d) => d.id === form.draftId);
  const queryCount = useQueryCount(form.query);
  const audience = [
    ...(form.contactIds.length > 0 ? [contactsLabel(form.contactIds.length)] : []),
    ...(form.query ? [queryLabel(describeQuery(form.query, groups, lists), queryCount)] : []),
    ...groups.filter((g) => form.groupIds.includes(g.id)).map((g) => t('campaigns.review.group', { name: g.name })),
    ...lists.filter((l) => form.listIds.includes(l.id)).map((l) => t('campaigns.review.list', { name: l.name })),
  ];
  const pastedLines = form.pasted.split(/[\n,;]+/).filter((l) => l.trim() !== '').length;
  if (pastedLines > 0) audience.push(t('campaigns.audience.pastedCount', { count: pastedLines }));
  const exclusions = exclusionsOf(form);
  const left = [
    t('campaigns.review.blacklist'),
    form.includeGraylist ? t('campaigns.review.graylistIncluded') : t('campaigns.review.graylist'),
    ...(form.skipNotOnWhatsApp ? [t('campaigns.review.notOnWhatsApp')] : []),
    ...(form.skipRecent ? [t('campaigns.review.recent', { hours: form.recentHours })] : []),
  ];
  const chosen = accounts.filter((a) => form.accountIds.includes(a.id));
  const capLine = draft ? capEstimate(form.pace.dailyCapPerAccount, draft.parts.length) : null;
  const customers = preview.loading ? null : (preview.preview?.total ?? null);
  const minute = useMinute();
  const startMs = form.scheduleKind === 'now' ? minute : (scheduledMs(form) ?? minute);
  const parts = draft?.parts.length ?? 1;
  const warmups = useWarmupPlans(form.accountIds);
  const estimate = useMemo(
    () =>
      customers === null || customers === 0
        ? undefined
        : estimateDuration({ pace: form.pace, customers, parts, accounts: form.accountIds.length, startMs, timeZone: form.timezone, warmups }),
    [customers, form.pace, parts, form.accountIds.length, startMs, form.timezone, warmups],
  );
  const draftParts = draft?.parts;
  const previewParts = useMemo(() => (draftParts ? draftParts.map(fromDraftPart) : []), [draftParts]);
  const [testing, setTesting] = useState(false);
  return (
    <div className="cmp-review">
      <dl className="cmp-summary" data-testid="campaign-review">
        <Item label={t('campaigns.form.name')} step="message" goTo={goTo}>
          <bdi>{form.name}</bdi>
        </Item>
        <Item label={t('campaigns.form.draft')} step="message" goTo={goTo}>
          {draft ? <bdi>{draft.name}</bdi> : <span className="error-text">{t('campaigns.draft.gone')}</span>}
          {draft && (
            <button type="button" className="cmp-test-send" onClick={() => setTesting(true)} data-testid="review-test-send">
              {t('ts.button')}
            </button>
          )}
          {testing && draft && <TestSendDialog draftId={draft.id} onClose={() => setTesting(false)} />}
        </Item>
        <Item label={t('campaigns.review.audience')} step="audience" goTo={goTo}>
          <span data-testid="review-audience">{audience.join(' · ')}</span>
        </Item>
        <Item label={t('campaigns.exclusions.title')} step="audience" goTo={goTo}>
          {left.join(' · ')}
        </Item>
        <Item label={t('campaigns.accounts.title')} step="sending" goTo={goTo}>
          {chosen.map((a) => (a.state === 'ready' ? a.label : t('campaigns.review.accountWaits', { label: a.label }))).join(', ')}
          <BudgetReviewLine form={form} />
        </Item>
        <Item label={t('campaigns.pace.title')} step="sending" goTo={goTo}>
          <strong>{t(CAMPAIGNS_PACE[form.pace.preset])}</strong>: {describePace(form.pace).join(' · ')}
          {capLine && (
            <span className="cmp-estimate" data-testid="review-cap-estimate">
              {capLine}
            </span>
          )}
          <WarmupReviewLine accountIds={form.accountIds} />
        </Item>
        <Item label={t('campaigns.hours.title')} step="timing" goTo={goTo}>
          {describeHours(form.pace, form.timezone)}
        </Item>
        <Item label={t('estimate.title')} step="timing" goTo={goTo}>
          {estimate ? (
            <>
              <strong data-testid="review-estimate">{describeEstimate(estimate, minute, form.timezone)}</strong>
              <span className="cmp-estimate">
                {t('estimate.basis', {
                  customers: customers ?? 0,
                  from: form.scheduleKind === 'now' ? t('campaigns.schedule.now').toLocaleLowerCase() : t('campaigns.review.at', { date: formatWallDate(form.date, getLocale(), { dateStyle: 'full' }), time: formatTimeText(form.time, getLocale()), zone: form.timezone }),
                })}
                {form.scheduleKind === 'now' && form.timezone !== localTimeZone() ? ` (${form.timezone})` : ''}
              </span>
            </>
          ) : estimate === null ? (
            <span className="error-text" data-testid="review-estimate">{t('estimate.never')}</span>
          ) : (
            <span className="muted" data-testid="review-estimate">{t('estimate.waiting')}</span>
          )}
        </Item>
        <Item label={t('risk.title')} step="sending" goTo={goTo}>
          <RiskReview
            pace={form.pace}
            parts={draft?.parts ?? []}
            accounts={chosen}
            audience={preview.loading ? null : (preview.preview?.standing && { total: preview.preview.total, ...preview.preview.standing }) ?? null}
            now={minute}
          />
        </Item>
        <Item label={t('campaigns.schedule.title')} step="timing" goTo={goTo}>
          {form.scheduleKind === 'now'
            ? t('campaigns.schedule.now')
            : t('campaigns.review.at', { date: formatWallDate(form.date, getLocale(), { dateStyle: 'full' }), time: formatTimeText(form.time, getLocale()), zone: form.timezone })}
        </Item>
      </dl>
      <div className="cmp-review-side">
        <section className="panel cmp-preview-box" aria-label={t('campaigns.review.previewTitle')}>
          <AudiencePreviewPanel state={preview} exclusions={exclusions} />
        </section>
        {draft && (
          <div className="panel cmp-message-preview" data-testid="review-message-preview">
            <Preview parts={previewParts} />
          </div>
        )}
      </div>
    </div>
  );
}
