/**
 * A wall time typed in any digits ("09:30", "۹:۳۰", "٩٫٣٠", "930", "9:30 pm") and shown in the
 * locale's digits, 24-hour. Chromium's `<input type=time>` drops Persian and Arabic digits and
 * writes the computer's format, not the app's, so the time is a text box read by parseTimeText.
 */
import { useId, useState } from 'react';
import { formatTimeText, parseTimeText } from '#shared/calendar';
import { getLocale, t } from '#shared/i18n';

type Props = {
  /** "HH:MM", or "" for none. */
  value: string;
  /** A time, "" when the box is emptied, or null while what is typed is not a time. */
  onChange: (value: string | null) => void;
  id?: string;
  label?: string;
  testId?: string;
  required?: boolean;
  disabled?: boolean;
};

export function TimeField({ value, onChange, id, label, testId, required, disabled }: Props) {
  const locale = getLocale();
  const hintId = useId();
  const [text, setText] = useState(() => formatTimeText(value, locale));
  const [seen, setSeen] = useState(value);
  const typed = text.trim() === '' ? '' : parseTimeText(text);
  if (value !== seen) {
    setSeen(value);
    if (!(value === '' && typed === null)) setText(formatTimeText(value, locale));
  }
  const invalid = typed === null || (required === true && typed === '');
  return (
    <span className="time-field">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="time-field-box"
        value={text}
        placeholder={formatTimeText('09:00', locale)}
        required={required}
        disabled={disabled}
        aria-label={id ? undefined : label}
        aria-invalid={invalid || undefined}
        aria-describedby={typed === null ? hintId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = e.target.value.trim() === '' ? '' : parseTimeText(e.target.value);
          if (parsed !== null) setSeen(parsed);
          onChange(parsed);
        }}
        onBlur={() => {
          if (typed) setText(formatTimeText(typed, locale));
        }}
        data-testid={testId}
      />
      {typed === null && (
        <span id={hintId} className="error-text small" role="alert">
          {t('time.invalid', { example: formatTimeText('18:30', locale) })}
        </span>
      )}
    </span>
  );
}
