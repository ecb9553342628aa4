/** Settings: the default country for numbers without a country code, and where the data lives. */
import { useEffect, useId, useMemo, useState } from 'react';
import type { AppInfo } from '../../src-shared/domain';
import { getLocale, t } from '../../src-shared/i18n';
import { countryList } from '../../src-shared/phone';
import { api, errorMessage } from '../api';
import { useCatalog } from '../stores/catalog';
import { toast } from '../stores/toasts';

type CountryOption = { code: string; label: string };

/** Every country with a readable name in the current language, sorted by that name. */
function useCountryOptions(): CountryOption[] {
  return useMemo(() => {
    const locale = getLocale();
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      names = null;
    }
    const collator = new Intl.Collator(locale);
    return countryList()
      .map((c) => {
        let name = c.code;
        try {
          name = names?.of(c.code) ?? c.code;
        } catch {
          name = c.code;
        }
        return { code: c.code, name, label: `${name} (${c.code}, +${c.callingCode})` };
      })
      .sort((a, b) => collator.compare(a.name, b.name))
      .map(({ code, label }) => ({ code, label }));
  }, []);
}

export function SettingsPage() {
  return (
    <section className="page" aria-labelledby="settings-title">
      <div className="page-head">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </div>
      <CountrySetting />
      <DataInfo />
    </section>
  );
}

function CountrySetting() {
  const settings = useCatalog((s) => s.settings);
  const options = useCountryOptions();
  const helpId = useId();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void useCatalog
      .getState()
      .refreshSettings()
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  const save = async (code: string) => {
    setPending(code);
    setError(null);
    try {
      await api.settings.update({ defaultCountry: code });
      await useCatalog.getState().refreshSettings();
      toast.success(t('settings.saved'));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(null);
    }
  };

  const value = pending ?? settings?.defaultCountry ?? '';
  return (
    <div className="panel">
      <label className="field">
        <span>{t('settings.country')}</span>
        <select
          value={value}
          onChange={(e) => void save(e.target.value)}
          disabled={!settings || pending !== null}
          aria-describedby={helpId}
          data-testid="settings-country"
        >
          {!settings && <option value="">{t('common.loading')}</option>}
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <p id={helpId} className="muted small">
        {t('settings.countryHelp')}
      </p>
      {pending !== null && <p className="muted small">{t('settings.saving')}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function DataInfo() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    api.app.info().then(
      (i) => {
        if (alive) setInfo(i);
      },
      (e: unknown) => {
        if (alive) setError(errorMessage(e));
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  if (error) {
    return (
      <div className="panel">
        <p className="error-text" role="alert">
          {error}
        </p>
      </div>
    );
  }
  if (!info) {
    return (
      <div className="panel">
        <p className="muted">{t('common.loading')}</p>
      </div>
    );
  }
  return (
    <div className="panel">
      <PathLine label={t('settings.dataFolder')} value={info.dataDir} testId="settings-data-dir" />
      <PathLine label={t('settings.database')} value={info.databasePath} testId="settings-db-path" />
      <p className="muted small">{t('settings.dataHelp')}</p>
      <p className="muted small" data-testid="settings-version">
        {t('settings.version', { version: info.version, schema: info.schemaVersion })}
      </p>
    </div>
  );
}

/** A path shown as plain, selectable text (a read-only box, so it can be selected and copied whole). */
function PathLine(props: { label: string; value: string; testId: string }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        readOnly
        value={props.value}
        dir="ltr"
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        style={{ fontFamily: 'ui-monospace, monospace' }}
        data-testid={props.testId}
      />
    </label>
  );
}
