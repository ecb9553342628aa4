/**
 * The warm-up section of an account's safety settings: automatic warm-up on or off, "this is a new
 * number" (the warm-up starts today), and the schedule as day caps separated by commas. Self-contained:
 * it tells its parent the warm-up to save, or null while the schedule typed is not valid.
 */
import { useId, useState } from 'react';
import { t } from '#shared/i18n';
import type { AccountSafety, SafetySettings } from '#shared/safety';
import { localDate, parseSchedule } from '#shared/warmup';
import { useSettings } from '#renderer/settings/store';
import { formatWallDay } from '#renderer/ui/format';
import { numberText } from '#renderer/ui/NumberInput';
import { WARMUP_ERR } from '#shared/i18n/keys';

type Warmup = SafetySettings['warmup'];

export function WarmupSettings({ safety, onChange }: { safety: AccountSafety; onChange: (patch: { warmup: Warmup } | null /* null: invalid */) => void }) {
  const initial = safety.settings.warmup;
  const zone = useSettings((s) => s.settings?.timezone) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [auto, setAuto] = useState(initial.auto);
  const [since, setSince] = useState(initial.newNumberSince);
  const [text, setText] = useState(() => initial.schedule.map(numberText).join(t('list.separator')));
  const parsed = parseSchedule(text);
  const problem = 'error' in parsed ? t(WARMUP_ERR[parsed.error as keyof typeof WARMUP_ERR], { at: parsed.at ?? 0 }) : null;
  const id = useId();

  const tell = (next: { auto?: boolean; since?: string | null; text?: string }) => {
    const result = parseSchedule(next.text ?? text);
    onChange('error' in result ? null : { warmup: { auto: next.auto ?? auto, newNumberSince: next.since === undefined ? since : next.since, schedule: result.schedule } });
  };
  const w = safety.warmup;

  return (
    <fieldset className="panel inset" data-testid="warmup-settings">
      <legend>
        <strong>{t('warmup.settings.title')}</strong>
      </legend>
      <p className="muted small">{t('warmup.settings.intro')}</p>
      <p className="small" data-testid="warmup-now">
        {w.active && w.day !== null && w.capToday !== null ? t('warmup.settings.now', { day: w.day, of: w.of ?? w.day, cap: w.capToday }) : t('warmup.settings.off')}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={auto}
          data-testid="warmup-auto"
          onChange={(e) => {
            setAuto(e.target.checked);
            tell({ auto: e.target.checked });
          }}
        />
        <span>{t('warmup.settings.auto')}</span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={since !== null}
          data-testid="warmup-new"
          onChange={(e) => {
            const next = e.target.checked ? localDate(Date.now(), zone) : null;
            setSince(next);
            tell({ since: next });
          }}
        />
        <span>{t('warmup.settings.new')}</span>
      </label>
      {since !== null && <p className="muted small">{t('warmup.settings.newSince', { date: formatWallDay(since) })}</p>}
      <label className="field">
        <span>{t('warmup.settings.schedule')}</span>
        <input
          type="text"
          inputMode="numeric"
          dir="ltr"
          value={text}
          maxLength={900}
          data-testid="warmup-schedule"
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setText(e.target.value);
            tell({ text: e.target.value });
          }}
        />
      </label>
      <p id={`${id}-hint`} className={problem ? 'error-text small' : 'muted small'} data-testid="warmup-schedule-hint">
        {problem ?? t('warmup.settings.scheduleHint')}
      </p>
    </fieldset>
  );
}
