/** Step 4: working hours, the time zone they are in, and when to start. */
import { useId } from 'react';
import { t } from '#shared/i18n';
import { isValidTimeZone } from '#shared/pace';
import { formatFull } from '#renderer/ui/format';
import { DateField } from '#renderer/ui/DateField';
import { TimeField } from '#renderer/ui/TimeField';
import { localTimeZone, scheduledMs, workingHoursIssues, type CampaignForm } from './model';
import { TimeZoneField } from './TimeZoneField';
import { WorkingHoursEditor } from './WorkingHoursEditor';

type Props = {
  form: CampaignForm;
  onChange: (patch: Partial<CampaignForm>) => void;
  /** Already scheduled: choosing Now takes it off the schedule (it then starts when told to). */
  scheduledAlready: boolean;
};

export function TimingStep({ form, onChange, scheduledAlready }: Props) {
  const id = useId();
  const hourIssues = workingHoursIssues(form.pace);
  const at = form.scheduleKind === 'at' ? scheduledMs(form) : null;
  const otherZone = isValidTimeZone(form.timezone) && form.timezone !== localTimeZone();
  return (
    <>
      <fieldset className="cmp-box">
        <legend>{t('campaigns.hours.title')}</legend>
        <WorkingHoursEditor value={form.pace.workingHours} onChange={(workingHours) => onChange({ pace: { ...form.pace, workingHours } })} />
        {hourIssues.length > 0 && (
          <ul className="banner warn cmp-issues" role="alert">
            {hourIssues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        )}
        <TimeZoneField value={form.timezone} onChange={(timezone) => onChange({ timezone })} />
      </fieldset>
      <fieldset className="cmp-box" role="radiogroup" aria-label={t('campaigns.schedule.title')}>
        <legend>{t('campaigns.schedule.title')}</legend>
        <div className="choice-list">
          <label className={form.scheduleKind === 'now' ? 'choice selected' : 'choice'}>
            <input
              type="radio"
              name={`${id}-when`}
              checked={form.scheduleKind === 'now'}
              onChange={() => onChange({ scheduleKind: 'now' })}
              data-testid="schedule-now"
            />
            <span>
              <strong>{t('campaigns.schedule.now')}</strong>
              <span className="muted small">{t(scheduledAlready ? 'campaigns.schedule.nowScheduled' : 'campaigns.schedule.nowHelp')}</span>
            </span>
          </label>
          <label className={form.scheduleKind === 'at' ? 'choice selected' : 'choice'}>
            <input type="radio" name={`${id}-when`} checked={form.scheduleKind === 'at'} onChange={() => onChange({ scheduleKind: 'at' })} data-testid="schedule-at" />
            <span>
              <strong>{t('campaigns.schedule.at')}</strong>
              <span className="muted small">{t('campaigns.schedule.atHelp', { zone: form.timezone })}</span>
            </span>
          </label>
        </div>
        {form.scheduleKind === 'at' && (
          <div className="cmp-line">
            <label htmlFor={`${id}-date`}>{t('campaigns.schedule.date')}</label>
            <DateField id={`${id}-date`} value={form.date} required showWords onChange={(date) => onChange({ date: date ?? '' })} testId="schedule-date" />
            <label htmlFor={`${id}-time`}>{t('campaigns.schedule.time')}</label>
            <TimeField id={`${id}-time`} value={form.time} required onChange={(time) => onChange({ time: time ?? '' })} testId="schedule-time" />
            <span className="muted" dir="ltr">
              {form.timezone}
            </span>
          </div>
        )}
        {at !== null && otherZone && (
          <p className="muted small">{t('campaigns.schedule.yourClock', { when: formatFull(new Date(at).toISOString()) })}</p>
        )}
      </fieldset>
    </>
  );
}
