/** Working days and hours; says so when the window goes past midnight. */
import { useId } from 'react';
import { weekdayName } from '#shared/dates';
import { getLocale, t } from '#shared/i18n';
import { describeWorkingHours, parseHHMM, type Weekday, type WorkingHours } from '#shared/pace';
import { weekOrder } from '#shared/regions';
import { useSettings } from '#renderer/settings/store';


/** The day's short name in the current language (7 Jan 2024 was a Sunday). */
function dayName(day: Weekday, style: 'short' | 'long'): string {
  return weekdayName(day, getLocale(), style);
}

export function WorkingHoursEditor({ value, onChange }: { value: WorkingHours; onChange: (hours: WorkingHours) => void }) {
  const id = useId();
  // The days are listed from the operator's first day of the week (Saturday in Iran, Sunday in Saudi Arabia).
  const week: Weekday[] = weekOrder(useSettings((s) => s.settings?.weekStart ?? 1));
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
            {week.map((day) => (
              <label key={day} className={value.days.includes(day) ? 'cmp-day on' : 'cmp-day'} title={dayName(day, 'long')}>
                <input type="checkbox" checked={value.days.includes(day)} onChange={(e) => toggleDay(day, e.target.checked)} aria-label={dayName(day, 'long')} />
                {dayName(day, 'short')}
              </label>
            ))}
          </fieldset>
          <div className="cmp-line">
            <label htmlFor={`${id}-from`}>{t('campaigns.hours.from')}</label>
            <input id={`${id}-from`} type="time" value={value.start} required onChange={(e) => set({ start: e.target.value })} data-testid="hours-start" />
            <label htmlFor={`${id}-to`}>{t('campaigns.hours.to')}</label>
            <input id={`${id}-to`} type="time" value={value.end} required onChange={(e) => set({ end: e.target.value })} data-testid="hours-end" />
          </div>
          {start !== null && end !== null && end < start && (
            <p className="account-note small" data-testid="hours-midnight">
              {t('campaigns.hours.crosses', { start: value.start, end: value.end })}
            </p>
          )}
          {start !== null && start === end && <p className="account-note small">{t('campaigns.hours.allDay', { start: value.start })}</p>}
          <p className="muted small">{describeWorkingHours(value)}</p>
        </>
      ) : (
        <p className="muted small">{t('campaigns.hours.anyTimeHelp')}</p>
      )}
    </div>
  );
}
