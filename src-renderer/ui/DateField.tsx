/**
 * A date typed or picked in the operator's calendar (Settings → Language and calendar): the box
 * takes "۱۴۰۴/۱۲/۱۵", "15/12/1404", "2026-03-06" in any digits, and the button beside it opens a
 * month grid (react-day-picker) in that calendar. What it gives back is always the Gregorian wall
 * date "YYYY-MM-DD", as `<input type=date>` did.
 *
 * Every word and digit in the grid comes from Intl with the app's locale (the same words every
 * other screen uses): react-day-picker supplies the grid, the keyboard and the ARIA, and, for the
 * Persian calendar, the month arithmetic (date-fns-jalali); Umm al-Qura months are counted on Intl
 * (calendar-lib.ts says why).
 */
import { useId, useRef, useState } from 'react';
import { DayPicker, type Formatters, type Labels } from 'react-day-picker';
import { DayPicker as PersianDayPicker } from 'react-day-picker/persian';
import 'react-day-picker/style.css';
import { calendarOf, datePattern, formatDateText, formatWallDate, isoOfDate, parseDateText, parseIsoDate, type CalendarId } from '#shared/calendar';
import { formatDate } from '#shared/dates';
import { getLocale, isRtl, t } from '#shared/i18n';
import { useWeek } from '#renderer/i18n/week';
import { calendarDateLib } from './calendar-lib';
import { Icon } from './Icon';
import './date-field.css';

type Props = {
  /** The Gregorian wall date "YYYY-MM-DD", or "" for none. */
  value: string;
  /** A date, "" when the box is emptied, or null while what is typed is not a date. */
  onChange: (value: string | null) => void;
  /** The box's id, for a <label htmlFor>. */
  id?: string;
  /** The box's spoken name when no <label> points at it. */
  label?: string;
  testId?: string;
  required?: boolean;
  disabled?: boolean;
  /** The first and last days that can be picked ("YYYY-MM-DD"). */
  min?: string;
  max?: string;
  /** Write the chosen day out in words under the box ("Friday, 15 Esfand 1404"). */
  showWords?: boolean;
};

const localDate = (iso: string): Date | undefined => {
  const d = parseIsoDate(iso);
  return d ? new Date(d.year, d.month - 1, d.day) : undefined;
};
const isoOfLocal = (date: Date): string => isoOfDate({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });

/** DayPicker's words, all from Intl in the app's locale. */
function pickerWords(locale: string): { formatters: Partial<Formatters>; labels: Partial<Labels> } {
  const f = (date: Date, options: Intl.DateTimeFormatOptions) => formatDate(date, locale, options);
  const onlyYear = (date: Date) => new Intl.DateTimeFormat(locale, { year: 'numeric' }).formatToParts(date).find((p) => p.type === 'year')?.value ?? '';
  const full = (date: Date) => f(date, { dateStyle: 'full' });
  const month = (date: Date) => f(date, { month: 'long', year: 'numeric' });
  return {
    formatters: {
      formatCaption: month,
      formatDay: (date) => f(date, { day: 'numeric' }),
      formatWeekdayName: (date) => f(date, { weekday: 'narrow' }),
      formatMonthDropdown: (date) => f(date, { month: 'long' }),
      formatYearDropdown: onlyYear,
    },
    labels: {
      labelDayButton: (date, modifiers) => {
        let label = full(date);
        if (modifiers.today) label = t('date.today', { date: label });
        if (modifiers.selected) label = t('date.selected', { date: label });
        return label;
      },
      labelGridcell: (date) => full(date),
      labelGrid: month,
      labelWeekday: (date) => f(date, { weekday: 'long' }),
      labelNext: () => t('date.nextMonth'),
      labelPrevious: () => t('date.previousMonth'),
      labelNav: () => t('date.months'),
      labelMonthDropdown: () => t('date.chooseMonth'),
      labelYearDropdown: () => t('date.chooseYear'),
    },
  };
}

const umalqura = calendarDateLib('islamic-umalqura');

function MonthGrid(props: { calendar: CalendarId; selected: Date | undefined; onPick: (date: Date) => void; min?: string; max?: string }) {
  const locale = getLocale();
  const week = useWeek();
  const today = new Date();
  const startMonth = localDate(props.min ?? '') ?? new Date(today.getFullYear() - 20, 0, 1);
  const endMonth = localDate(props.max ?? '') ?? new Date(today.getFullYear() + 5, 11, 31);
  const disabled = [
    ...(props.min ? [{ before: localDate(props.min)! }] : []),
    ...(props.max ? [{ after: localDate(props.max)! }] : []),
  ];
  const common = {
    mode: 'single' as const,
    required: false,
    selected: props.selected,
    onSelect: (date: Date | undefined) => date && props.onPick(date),
    defaultMonth: props.selected ?? today,
    weekStartsOn: week.firstDay,
    dir: isRtl() ? 'rtl' : 'ltr',
    captionLayout: 'dropdown' as const,
    startMonth,
    endMonth,
    disabled,
    autoFocus: true,
    ...pickerWords(locale),
  };
  if (props.calendar === 'persian') return <PersianDayPicker {...common} />;
  if (props.calendar === 'islamic-umalqura') return <DayPicker {...common} dateLib={umalqura} />;
  return <DayPicker {...common} />;
}

export function DateField({ value, onChange, id, label, testId, required, disabled, min, max, showWords }: Props) {
  const locale = getLocale();
  const calendar = calendarOf(locale);
  const ownId = useId();
  const boxId = id ?? `${ownId}-date`;
  const popId = `${ownId}-pop`;
  const anchor = `--date-${ownId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const popover = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(() => formatDateText(value, locale));
  const [seen, setSeen] = useState(value);
  const typed = text.trim() === '' ? '' : parseDateText(text, locale);
  // A new value from outside (a form reset, a preset): show it; but a box whose text is not a date
  // keeps it when the form, told so, drops its date.
  if (value !== seen) {
    setSeen(value);
    if (!(value === '' && typed === null)) setText(formatDateText(value, locale));
  }
  const outOfRange = typed !== null && typed !== '' && ((min !== undefined && typed < min) || (max !== undefined && typed > max));
  const invalid = typed === null || outOfRange;
  const example = formatDateText(isoOfLocal(new Date()), locale);
  const hintId = `${ownId}-hint`;

  const type = (next: string) => {
    setText(next);
    const parsed = next.trim() === '' ? '' : parseDateText(next, locale);
    const inRange = parsed === null || parsed === '' || !((min !== undefined && parsed < min) || (max !== undefined && parsed > max));
    const result = inRange ? parsed : null;
    setSeen(result ?? seen);
    onChange(result);
  };

  return (
    <span className="date-field">
      <span className="date-field-row">
        <input
          id={boxId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="date-field-box"
          value={text}
          placeholder={datePattern(locale, { year: t('date.yearField'), month: t('date.monthField'), day: t('date.dayField') })}
          required={required}
          disabled={disabled}
          aria-label={id ? undefined : label}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid || showWords ? hintId : undefined}
          onChange={(e) => type(e.target.value)}
          onBlur={() => {
            if (typed !== null && !outOfRange) setText(formatDateText(typed, locale));
          }}
          data-testid={testId}
        />
        <button
          type="button"
          className="icon date-field-pick"
          popoverTarget={popId}
          disabled={disabled}
          aria-label={t('date.pick')}
          title={t('date.pick')}
          aria-expanded={open}
          style={{ anchorName: anchor }}
          data-testid={testId ? `${testId}-pick` : undefined}
        >
          <Icon name="calendar" size={18} />
        </button>
      </span>
      <div
        id={popId}
        ref={popover}
        popover="auto"
        className="date-field-popover"
        style={{ positionAnchor: anchor }}
        onToggle={(e) => setOpen(e.newState === 'open')}
        data-testid={testId ? `${testId}-calendar` : undefined}
      >
        {open && (
          <MonthGrid
            calendar={calendar}
            selected={localDate(typed ?? value)}
            min={min}
            max={max}
            onPick={(date) => {
              const iso = isoOfLocal(date);
              setText(formatDateText(iso, locale));
              setSeen(iso);
              onChange(iso);
              popover.current?.hidePopover();
            }}
          />
        )}
      </div>
      {invalid ? (
        <span id={hintId} className="error-text small" role="alert">
          {t('date.invalid', { example })}
        </span>
      ) : (
        showWords &&
        typed && (
          <span id={hintId} className="muted small" data-testid={testId ? `${testId}-words` : undefined}>
            {formatWallDate(typed, locale, { dateStyle: 'full' })}
          </span>
        )
      )}
    </span>
  );
}
