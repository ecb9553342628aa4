/** Changes the pace of a running or paused campaign; the next message already follows it. */
import { useState } from 'react';
import type { Campaign } from '#shared/campaigns';
import { t } from '#shared/i18n';
import { paceIssues } from '#shared/pace';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { campaigns } from './store';
import { toast } from '#renderer/ui/toasts';
import { Dialog } from '#renderer/ui/Dialog';
import { ErrorText } from '#renderer/ui/ErrorText';
import { workingHoursIssues } from './model';
import { PaceEditor } from './PaceEditor';
import { WorkingHoursEditor } from './WorkingHoursEditor';

export function ChangePaceDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const [pace, setPace] = useState(campaign.pace);
  const { busy, error, run } = useBusyAction();
  const issues = paceIssues(pace);
  const hourIssues = workingHoursIssues(pace);
  const save = async () => {
    const ok = await run(() => campaigns.changePace(campaign.id, pace));
    if (ok) {
      toast.success(t('campaigns.toast.paceChanged', { name: campaign.name }));
      onClose();
    }
  };
  return (
    <Dialog
      title={t('campaigns.paceDialog.title', { name: campaign.name })}
      onClose={onClose}
      wide
      testId="change-pace-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void save()} disabled={busy || issues.length > 0} data-testid="pace-save">
            {t('campaigns.paceDialog.save')}
          </button>
        </>
      }
    >
      <p className="account-note">{t('campaigns.paceDialog.atOnce')}</p>
      <PaceEditor name="change-pace" value={pace} onChange={setPace} parts={campaign.parts.length} />
      <h3>{t('campaigns.hours.title')}</h3>
      <WorkingHoursEditor value={pace.workingHours} onChange={(workingHours) => setPace({ ...pace, workingHours })} />
      <p className="muted small">{t('campaigns.paceDialog.zone', { zone: campaign.timezone })}</p>
      {hourIssues.length > 0 && (
        <ul className="banner warn cmp-issues">
          {hourIssues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
      <ErrorText error={error} banner />
    </Dialog>
  );
}
