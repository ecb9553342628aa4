/** What can be done to a campaign in its state: start, pause, resume, cancel, copy, delete, pace. */
import { useState } from 'react';
import type { Campaign } from '#shared/campaigns';
import { t } from '#shared/i18n';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { campaigns, openEditor, showList, startAndFollow } from './store';
import { toast } from '#renderer/ui/toasts';
import { confirm } from '#renderer/ui/confirm';
import { useConfirmDelete } from '#renderer/ui/useConfirmDelete';
import { ErrorText } from '#renderer/ui/ErrorText';
import { formFromCampaign, localTimeZone } from './model';
import { formatInZone } from './text';
import { reports } from '#renderer/reports/store';
import { BreakerResumeDialog, trippedBreakers } from '#renderer/safety/BreakerResumeDialog';

/** What cancelling does now, in words: before it starts, while preparing, or who won't get it. */
function cancelBody(c: Campaign): string {
  if (c.status === 'draft' || c.status === 'scheduled') return t('campaigns.cancel.bodyNotStarted');
  if (c.preparing) return t('campaigns.cancel.bodyPreparing');
  return t('campaigns.cancel.body', { count: c.counts.queued });
}

export function CampaignActions({ campaign: c, onChangePace }: { campaign: Campaign; onChangePace: () => void }) {
  const { busy, error, run, confirmAndRun } = useConfirmDelete({ failures: 'keep' });
  // Starting and resuming answer only once the recipients are prepared: meanwhile Pause and
  // Cancel stay usable, so these two keep their own busy state.
  const starting = useBusyAction();
  /** Starts or resumes; says "started" as soon as it runs, not when the preparing ends. */
  const begin = (how: 'start' | 'resume', started?: string) =>
    starting.run(async () => {
      const { campaign, followed } = await startAndFollow(c.id, how, () => {
        if (started) toast.success(started);
      });
      if (!followed && started && (campaign.status === 'running' || campaign.status === 'completed')) toast.success(started);
    });
  const edit = (step: 'message' | 'review') => openEditor({ id: c.id, form: formFromCampaign(c, Date.now()), step, dirty: false });

  /** A scheduled campaign, started before its time (after asking). */
  const startNow = async () => {
    const when = c.schedule.kind === 'at' ? formatInZone(c.schedule.at, c.timezone, localTimeZone()) : '';
    const ok = await confirm({
      title: t('campaigns.startNow.title', { name: c.name }),
      body: t(c.pace.workingHours.enabled ? 'campaigns.startNow.body' : 'campaigns.startNow.bodyAnyTime', { when }),
      confirmLabel: t('campaigns.startNow.confirm'),
      danger: false,
    });
    if (ok) await begin('start', t('campaigns.toast.started', { name: c.name }));
  };
  const pause = () => run(() => campaigns.pause(c.id));
  // A breaker on spam signals tripped on one of its accounts: resume only after seeing the figures.
  const [tripped, setTripped] = useState<Awaited<ReturnType<typeof trippedBreakers>> | null>(null);
  const resume = () =>
    starting.run(async () => {
      const found = await trippedBreakers(c.accountIds);
      if (found.length > 0) setTripped(found);
      else await begin('resume');
    });
  const cancel = async () => {
    const question = { title: t('campaigns.cancel.title', { name: c.name }), body: cancelBody(c), confirmLabel: t('campaigns.cancel.confirm') };
    if (await confirmAndRun(question, () => campaigns.cancel(c.id))) toast.info(t('campaigns.toast.cancelled', { name: c.name }));
  };
  const duplicate = async () => {
    let copy: Campaign | null = null;
    const ok = await run(async () => {
      copy = await campaigns.duplicate(c.id);
    });
    const made = copy as Campaign | null;
    if (ok && made) {
      toast.success(t('campaigns.toast.duplicated', { name: made.name }));
      openEditor({ id: made.id, form: formFromCampaign(made, Date.now()), step: 'message', dirty: false });
    }
  };
  const remove = async () => {
    const question = {
      title: t('campaigns.delete.title', { name: c.name }),
      body: c.counts.total > 0 ? t('campaigns.delete.body', { count: c.counts.total }) : t('campaigns.delete.bodyEmpty'),
      confirmLabel: t('common.delete'),
    };
    if (await confirmAndRun(question, () => campaigns.remove(c.id))) {
      toast.success(t('campaigns.toast.deleted', { name: c.name }));
      showList();
    }
  };

  const s = c.status;
  const editable = s === 'draft' || s === 'scheduled';
  const live = s === 'running' || s === 'paused';
  return (
    <div className="cmp-actions">
      <div className="row" role="toolbar" aria-label={t('campaigns.detail.actions')}>
        {s === 'draft' && (
          <button type="button" className="primary" onClick={() => edit('review')} disabled={busy} data-testid="campaign-review-start">
            {t('campaigns.action.reviewStart')}
          </button>
        )}
        {s === 'scheduled' && (
          <button type="button" className="primary" onClick={() => void startNow()} disabled={busy || starting.busy} data-testid="campaign-start-now">
            {t('campaigns.action.startNow')}
          </button>
        )}
        {editable && (
          <button type="button" onClick={() => edit('message')} disabled={busy} data-testid="campaign-edit">
            {t('campaigns.action.edit')}
          </button>
        )}
        {s === 'running' && (
          <button type="button" className="primary" onClick={() => void pause()} disabled={busy} data-testid="campaign-pause">
            {t('campaigns.action.pause')}
          </button>
        )}
        {s === 'paused' && (
          <button type="button" className="primary" onClick={() => void resume()} disabled={busy || starting.busy} data-testid="campaign-resume">
            {t('campaigns.action.resume')}
          </button>
        )}
        {live && (
          <button type="button" onClick={onChangePace} disabled={busy} data-testid="campaign-change-pace">
            {t('campaigns.action.pace')}
          </button>
        )}
        {(live || editable) && (
          <button type="button" onClick={() => void cancel()} disabled={busy} data-testid="campaign-cancel">
            {t('campaigns.action.cancel')}
          </button>
        )}
        {!editable && (
          <button type="button" onClick={() => reports.open(c.id)} data-testid="campaign-report">
            {t('reports.open')}
          </button>
        )}
        <button type="button" onClick={() => void duplicate()} disabled={busy} data-testid="campaign-duplicate">
          {t('campaigns.action.duplicate')}
        </button>
        <button
          type="button"
          onClick={() => void remove()}
          disabled={busy || s === 'running'}
          title={s === 'running' ? t('campaigns.delete.running') : undefined}
          data-testid="campaign-delete"
        >
          {t('common.delete')}
        </button>
      </div>
      <ErrorText error={error ?? starting.error} />
      {tripped && (
        <BreakerResumeDialog
          name={c.name}
          tripped={tripped}
          onCancel={() => setTripped(null)}
          onResume={() => {
            setTripped(null);
            void begin('resume');
          }}
        />
      )}
    </div>
  );
}
