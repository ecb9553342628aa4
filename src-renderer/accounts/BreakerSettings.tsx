/**
 * The breakers' section of an account's safety settings: how many recent sends are looked at, and
 * the three limits, with a plain explanation. Self-contained: it reports each valid change as a
 * patch (null while a box holds something invalid) and the dialog around it saves.
 */
import { useId, useState } from 'react';
import { BREAKER_MIN_SENDS, SafetySettingsSchema, type AccountSafety, type SafetySettings } from '#shared/safety';
import { readNumber } from '#shared/digits';
import { t } from '#shared/i18n';
import { NumberInput, numberText } from '#renderer/ui/NumberInput';
import { BreakerFiguresTable } from '#renderer/safety/BreakerFiguresTable';
import '#renderer/safety/breaker.css';

type Breaker = SafetySettings['breaker'];
type Field = keyof Breaker;
const FIELDS: readonly Field[] = ['window', 'optOutPct', 'undeliveredPct', 'failedPct'];
const WINDOW_MAX = 1000;
/** The smallest share each limit accepts (the settings' schema). */
const MIN_PCT: Record<Exclude<Field, 'window'>, number> = { optOutPct: 0.5, undeliveredPct: 1, failedPct: 1 };

type Props = {
  safety: AccountSafety;
  onChange: (patch: { breaker: Breaker } | null /* null = invalid */) => void;
};

export function BreakerSettings({ safety, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState<Record<Field, string>>(() => {
    const b = safety.settings.breaker;
    return { window: numberText(b.window), optOutPct: numberText(b.optOutPct), undeliveredPct: numberText(b.undeliveredPct), failedPct: numberText(b.failedPct) };
  });
  const problem = (field: Field, value: string): string | null => {
    const n = readNumber(value);
    const ok = n !== null && SafetySettingsSchema.shape.breaker.shape[field].safeParse(n).success;
    if (ok) return null;
    return field === 'window'
      ? t('breaker.settings.invalidWindow', { min: BREAKER_MIN_SENDS, max: WINDOW_MAX })
      : t('breaker.settings.invalidPct', { min: MIN_PCT[field] });
  };
  const edit = (field: Field, value: string) => {
    const next = { ...text, [field]: value };
    setText(next);
    if (FIELDS.some((f) => problem(f, next[f]) !== null)) {
      onChange(null);
      return;
    }
    const num = (f: Field) => readNumber(next[f]) ?? 0;
    onChange({ breaker: { window: num('window'), optOutPct: num('optOutPct'), undeliveredPct: num('undeliveredPct'), failedPct: num('failedPct') } });
  };
  const box = (field: Field, label: string, unit: string, step: number) => {
    const error = problem(field, text[field]);
    return (
      <div>
        <label className="inline-field">
          <span>{label}</span>
          <NumberInput
            integer={field === 'window'}
            step={step}
            min={0}
            value={text[field]}
            onChange={(value) => edit(field, value)}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-${field}` : `${id}-help`}
            data-testid={`breaker-${field}`}
          />
          <span>{unit}</span>
        </label>
        {error && (
          <p id={`${id}-${field}`} className="error-text small" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  };
  return (
    <fieldset className="breaker-settings" data-testid="breaker-settings">
      <legend>{t('breaker.settings.title')}</legend>
      <p id={`${id}-help`} className="muted small">
        {t('breaker.settings.help', { min: BREAKER_MIN_SENDS })}
      </p>
      {box('window', t('breaker.settings.window'), t('breaker.settings.windowUnit'), 10)}
      {box('optOutPct', t('breaker.settings.optOutPct'), t('breaker.settings.pct'), 0.5)}
      {box('undeliveredPct', t('breaker.settings.undeliveredPct'), t('breaker.settings.pct'), 1)}
      {box('failedPct', t('breaker.settings.failedPct'), t('breaker.settings.pct'), 1)}
      <BreakerFiguresTable figures={safety.breaker} limits={safety.settings.breaker} />
    </fieldset>
  );
}
