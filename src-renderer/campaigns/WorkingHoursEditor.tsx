/** Working days and hours; says so when the window goes past midnight. */
import { useId } from 'react';
import { formatTimeText } from '#shared/calendar';
import { weekdayName } from '#shared/dates';
import { getLocale, t } from '#shared/i18n';
import { describeWorkingHours, parseHHMM, type Weekday, type WorkingHours } from '#shared/pace';
import { weekDays } from '#shared/week';
import { useWeek } from '#renderer/i18n/week';
import { TimeField } from '#renderer/ui/TimeField';

/** The day's short name in the current language (7 Jan 2024 was a Sunday). */
function dayName(day: Weekday, style: 'short' | 'long'): string {
  return weekdayName(day, getLocale(), style);
}

export function WorkingHoursEditor({ value, onChange }: { value: WorkingHours; onChange: (hours: WorkingHours) => void }) {
  const id = useId();
  // The days from the first of the operator's week (Saturday in Persian, Monday in Turkish…).
  const week = useWeek();
  const set = (patch: Partial<WorkingHours>) => onChange({ ...value, ...patch });
  const toggleDay = (day: Weekday, on: boolean) =>
    set({ days: on ? [...value.days.filter((d) => d !== day), day].sort((a, b) => a - b) : value.days.filter((d) => d !== day) });
  const start = parseHHMM(value.start);
  const end = parseHHMM(value.end);
  return (
    <div className="cmp-hours">
      <label className="check">
        <input type="checkbox" checked={value.enabled} onChange={(e) => set({ enabled: e.target.checked })} data-testid="hours-enabled" />
        {t('campaigns.hours.enabled')}
      </label>
      {value.enabled ? (
        <>
          <fieldset className="cmp-days">
            <legend className="muted small">{t('campaigns.hours.days')}</legend>
            {weekDays(week.firstDay).map((day) => (
              <label
                key={day}
                className={`cmp-day${value.days.includes(day) ? ' on' : ''}${week.weekend.includes(day) ? ' weekend' : ''}`}
                title={dayName(day, 'long')}
                data-day={day}
              >
                <input type="checkbox" checked={value.days.includes(day)} onChange={(e) => toggleDay(day, e.target.checked)} aria-label={dayName(day, 'long')} />
                {dayName(day, 'short')}
              </label>
            ))}
          </fieldset>
          <div className="cmp-line">
            <label htmlFor={`${id}-from`}>{t('campaigns.hours.from')}</label>
            <TimeField id={`${id}-from`} value={value.start} required onChange={(start) => start && set({ start })} testId="hours-start" />
            <label htmlFor={`${id}-to`}>{t('campaigns.hours.to')}</label>
            <TimeField id={`${id}-to`} value={value.end} required onChange={(end) => end && set({ end })} testId="hours-end" />
          </div>
          {start !== null && end !== null && end < start && (
            <p className="account-note small" data-testid="hours-midnight">
              {t('campaigns.hours.crosses', { start: formatTimeText(value.start, getLocale()), end: formatTimeText(value.end, getLocale()) })}
            </p>
          )}
          {start !== null && start === end && <p className="account-note small">{t('campaigns.hours.allDay', { start: formatTimeText(value.start, getLocale()) })}</p>}
          <p className="muted small">{describeWorkingHours(value, week.firstDay)}</p>
        </>
      ) : (
        <p className="muted small">{t('campaigns.hours.anyTimeHelp')}</p>
      )}
    </div>
  );
}
