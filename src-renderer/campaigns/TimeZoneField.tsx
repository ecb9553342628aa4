/** A time zone typed or picked from the engine's list (a searchable datalist). */
import { useId } from 'react';
import { t } from '#shared/i18n';
import { isValidTimeZone } from '#shared/pace';
import { allTimeZones, localTimeZone } from './model';

type Props = {
  value: string;
  onChange: (zone: string) => void;
  /** The field's name and what it is for; a campaign's time zone unless told. */
  label?: string;
  help?: string;
  disabled?: boolean;
  testId?: string;
};

export function TimeZoneField({ value, onChange, label, help, disabled, testId = 'campaign-timezone' }: Props) {
  const id = useId();
  const listId = useId();
  const valid = isValidTimeZone(value);
  const local = localTimeZone();
  return (
    <div className="field cmp-zone">
      <label htmlFor={id}>{label ?? t('campaigns.zone.label')}</label>
      <div className="row">
        <input
          id={id}
          className="grow"
          list={listId}
          value={value}
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
          aria-invalid={!valid || undefined}
          aria-describedby={`${id}-help`}
          onChange={(e) => onChange(e.target.value.trim())}
          data-testid={testId}
        />
        {value !== local && (
          <button type="button" onClick={() => onChange(local)} disabled={disabled}>
            {t('campaigns.zone.useLocal', { zone: local })}
          </button>
        )}
      </div>
      <datalist id={listId}>
        {allTimeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <span id={`${id}-help`} className={valid ? 'muted small' : 'error-text small'}>
        {valid ? (help ?? t('campaigns.zone.help')) : t('campaigns.issue.timezone')}
      </span>
    </div>
  );
}
