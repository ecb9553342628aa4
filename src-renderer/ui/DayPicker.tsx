/** The days of the week as toggles, listed from the operator's first day of the week. */
import { weekdayName } from '#shared/dates';
import { getLocale } from '#shared/i18n';
import type { Weekday } from '#shared/pace';
import { sortDays, weekOrder } from '#shared/regions';

export function DayPicker(props: {
  legend: string;
  days: readonly Weekday[];
  weekStart: Weekday;
  onChange: (days: Weekday[]) => void;
  disabled?: boolean;
  describedBy?: string;
  testId?: string;
}) {
  const { days, weekStart, onChange } = props;
  const toggle = (day: Weekday, on: boolean) => onChange(sortDays(on ? [...days, day] : days.filter((d) => d !== day), weekStart));
  return (
    <fieldset className="cmp-days" aria-describedby={props.describedBy} data-testid={props.testId}>
      <legend className="muted small">{props.legend}</legend>
      {weekOrder(weekStart).map((day) => {
        const long = weekdayName(day, getLocale(), 'long');
        return (
          <label key={day} className={days.includes(day) ? 'cmp-day on' : 'cmp-day'} title={long}>
            <input type="checkbox" checked={days.includes(day)} disabled={props.disabled} onChange={(e) => toggle(day, e.target.checked)} aria-label={long} />
            {weekdayName(day, getLocale(), 'short')}
          </label>
        );
      })}
    </fieldset>
  );
}
