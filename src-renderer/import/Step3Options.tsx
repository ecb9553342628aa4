/** Step 3: what to do with numbers already there, where the imported numbers go, and tags. */
import { useEffect, useId, useState, type CSSProperties, type SubmitEvent, type ReactNode } from 'react';
import type { ImportPreview } from '#shared/domain';
import { t } from '#shared/i18n';
import {
  chosenGroup,
  MAX_GROUP_NAME_CHARS,
  MAX_REASON_CHARS,
  optionsProblem,
  type ImportOptions,
  type TargetKind,
} from './model';
import { refreshGroups, useGroups } from '#renderer/groups/store';
import { countryName, useCountryOptions } from '#renderer/settings/countries';
import { settings as settingsActions, useSettings } from '#renderer/settings/store';
import { ErrorText } from '#renderer/ui/ErrorText';
import { useBusyAction } from '#renderer/ui/useBusyAction';

const fieldset: CSSProperties = { border: 'none', padding: 0, margin: 0, marginBlockEnd: 14 };
const legend: CSSProperties = { fontWeight: 600, padding: 0, marginBlockEnd: 4 };
const nested: CSSProperties = { paddingInlineStart: 26, marginBlockEnd: 6 };

export function Step3Options(props: {
  preview: ImportPreview;
  options: ImportOptions;
  error: string | null;
  onChange: (options: ImportOptions) => void;
  onBack: () => void;
  onStart: () => void;
}) {
  const { preview, options, onChange, onStart } = props;
  const groups = useGroups((s) => s.groups);
  const names = useId();
  useEffect(() => {
    // The group list may be stale if groups were changed elsewhere; a failure keeps the old list.
    void refreshGroups()
      .catch(() => undefined);
  }, []);

  const set = (patch: Partial<ImportOptions>) => onChange({ ...options, ...patch });
  const problem = optionsProblem(options, groups);
  const group = chosenGroup(options, groups);
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (problem === null) onStart();
  };

  const target = (kind: TargetKind, label: string, extra?: ReactNode, disabled = false) => (
    <>
      <label className="check">
        <input
          type="radio"
          name={`${names}-target`}
          checked={options.targetKind === kind}
          onChange={() => set({ targetKind: kind })}
          disabled={disabled}
          data-testid={`import-target-${kind}`}
        />
        {label}
      </label>
      {extra && <div style={nested}>{extra}</div>}
    </>
  );

  return (
    <form className="panel" onSubmit={submit} aria-label={t('import.step.options')}>
      <h2>{t('import.step.options')}</h2>
      <p className="muted">{t('import.optionsFor', { file: preview.fileName, count: preview.totalRows })}</p>
      <CountryLine />

      <fieldset style={fieldset}>
        <legend style={legend}>{t('import.duplicates')}</legend>
        <label className="check">
          <input
            type="radio"
            name={`${names}-dup`}
            checked={options.onDuplicate === 'skip'}
            onChange={() => set({ onDuplicate: 'skip' })}
            data-testid="import-dup-skip"
          />
          {t('import.duplicates.skip')}
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${names}-dup`}
            checked={options.onDuplicate === 'update'}
            onChange={() => set({ onDuplicate: 'update' })}
            data-testid="import-dup-update"
          />
          {t('import.duplicates.update')}
        </label>
      </fieldset>

      <fieldset style={fieldset}>
        <legend style={legend}>{t('import.target')}</legend>
        {target('contacts', t('import.target.contacts'))}
        {target(
          'existingGroup',
          t('import.target.existingGroup'),
          <>
            <select
              value={group?.id ?? ''}
              // Choosing a group also chooses this option.
              onChange={(e) => set({ groupId: Number(e.target.value), targetKind: 'existingGroup' })}
              disabled={groups.length === 0}
              aria-label={t('import.chooseGroup')}
              data-testid="import-group-select"
            >
              {groups.length === 0 && <option value="">{t('common.none')}</option>}
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
            {groups.length === 0 && options.targetKind !== 'existingGroup' && (
              <p className="muted small">{t('import.noGroups')}</p>
            )}
          </>,
          groups.length === 0,
        )}
        {target(
          'newGroup',
          t('import.target.newGroup'),
          <input
            value={options.newGroupName}
            onChange={(e) => set({ newGroupName: e.target.value, targetKind: 'newGroup' })}
            aria-label={t('import.newGroupName')}
            placeholder={t('import.newGroupName')}
            maxLength={MAX_GROUP_NAME_CHARS}
            data-testid="import-new-group-name"
          />,
        )}
        {target(
          'blacklist',
          t('import.target.blacklist'),
          <input
            value={options.reason}
            onChange={(e) => set({ reason: e.target.value, targetKind: 'blacklist' })}
            aria-label={t('import.blacklistReason')}
            placeholder={t('import.blacklistReasonPlaceholder')}
            maxLength={MAX_REASON_CHARS}
            style={{ inlineSize: 'min(100%, 360px)' }}
            data-testid="import-blacklist-reason"
          />,
        )}
      </fieldset>

      <label className="field" style={{ maxInlineSize: 480 }}>
        <span>{t('import.tags')}</span>
        <input
          value={options.tagsText}
          onChange={(e) => set({ tagsText: e.target.value })}
          placeholder={t('import.tagsPlaceholder')}
          maxLength={2000}
          data-testid="import-tags"
        />
        <span>{t('import.tagsHelp')}</span>
      </label>

      {problem !== null && <p className="error-text">{problem}</p>}
      {props.error !== null && (
        <div className="banner error" role="alert" data-testid="import-error" style={{ borderRadius: 6, marginBlockEnd: 8 }}>
          {props.error}
        </div>
      )}
      <div className="row">
        <button type="button" onClick={props.onBack}>
          {t('common.back')}
        </button>
        <span className="grow" />
        <button type="submit" className="primary" disabled={problem !== null} data-testid="import-start">
          {t('import.start', { count: preview.totalRows })}
        </button>
      </div>
    </form>
  );
}

/**
 * Which country numbers written without a + are read in (the setting), with a way to change it
 * here, before importing.
 */
function CountryLine() {
  const code = useSettings((s) => s.settings?.defaultCountry ?? null);
  const options = useCountryOptions();
  const [changing, setChanging] = useState(false);
  const { busy, error, run } = useBusyAction();
  const selectId = useId();
  if (code === null) return null;
  const callingCode = options.find((o) => o.code === code)?.callingCode ?? '';
  const choose = (next: string) =>
    void run(async () => {
      await settingsActions.update({ defaultCountry: next });
      setChanging(false);
    });
  return (
    <div className="import-country" data-testid="import-country">
      <p className="row">
        <span data-testid="import-country-line">{t('import.country.line', { country: countryName(code), code: callingCode })}</span>
        {!changing && (
          <button type="button" className="link" onClick={() => setChanging(true)} data-testid="import-country-change">
            {t('import.country.change')}
          </button>
        )}
      </p>
      {changing && (
        <div className="field" style={{ maxInlineSize: 420 }}>
          <label htmlFor={selectId} className="muted small">
            {t('import.country.label')}
          </label>
          <select
            id={selectId}
            value={code}
            disabled={busy}
            // Opened to change it: the list is where the focus goes.
            autoFocus
            onChange={(e) => choose(e.target.value)}
            data-testid="import-country-select"
          >
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <ErrorText error={error} />
    </div>
  );
}
