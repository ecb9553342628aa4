/**
 * About Pigeon: the version, where the data lives, how Pigeon is running (desktop app or browser
 * host), and the open-source libraries inside it with their licences (a searchable list generated
 * from package-lock.json by scripts/licenses.mjs; the full texts ship in THIRD-PARTY-LICENSES.txt).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { AppInfo } from '#shared/domain';
import { t, type MessageKey } from '#shared/i18n';
import { Dialog } from '#renderer/ui/Dialog';
import { ErrorText } from '#renderer/ui/ErrorText';
import { errorMessage } from '#renderer/ui/api';
import { settings as settingsActions } from '#renderer/settings/store';
import { LIBRARIES, matchingLibraries } from '#shared/libraries';
import './about.css';

const SHELL_NAMES: Record<AppInfo['shell'], MessageKey> = {
  electron: 'about.shell.electron',
  browser: 'about.shell.browser',
};

export function AboutDialog(props: { onClose: () => void }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const listId = useId();
  useEffect(() => {
    let alive = true;
    settingsActions.appInfo().then(
      (i) => alive && setInfo(i),
      (e: unknown) => alive && setError(errorMessage(e)),
    );
    return () => {
      alive = false;
    };
  }, []);
  const all = LIBRARIES;
  const shown = useMemo(() => matchingLibraries(LIBRARIES, query), [query]);
  return (
    <Dialog
      title={t('about.title')}
      onClose={props.onClose}
      wide
      testId="about-dialog"
      footer={
        <button type="button" className="primary" onClick={props.onClose} data-testid="about-close">
          {t('common.close')}
        </button>
      }
    >
      <ErrorText error={error} />
      <dl className="about-facts">
        <dt>{t('about.version')}</dt>
        <dd data-testid="about-version">{info ? t('about.versionValue', { version: info.version, schema: info.schemaVersion }) : t('common.loading')}</dd>
        <dt>{t('settings.dataFolder')}</dt>
        <dd>
          <code dir="ltr" data-testid="about-data-dir">
            {info?.dataDir ?? '…'}
          </code>
        </dd>
        <dt>{t('about.shell')}</dt>
        <dd data-testid="about-shell">{info ? t(SHELL_NAMES[info.shell]) : '…'}</dd>
      </dl>
      <h3 className="about-subtitle">{t('about.libraries.title')}</h3>
      <p className="muted small">{t('about.libraries.count', { count: all.length })}</p>
      <input
        type="search"
        className="about-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('about.libraries.search')}
        aria-label={t('about.libraries.search')}
        aria-controls={listId}
        data-testid="about-search"
      />
      <div className="about-libraries" id={listId} role="region" aria-label={t('about.libraries.title')} tabIndex={0} data-testid="about-libraries">
        {shown.length === 0 ? (
          <p className="muted">{t('about.libraries.none', { query: query.trim() })}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('about.libraries.name')}</th>
                <th scope="col">{t('about.version')}</th>
                <th scope="col">{t('about.libraries.licence')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((l) => (
                <tr key={`${l.name}@${l.version}`} data-testid="about-library">
                  <td>
                    <bdi dir="ltr">{l.name}</bdi>
                    {l.runtime && <span className="muted small"> · {t('about.libraries.runtime')}</span>}
                  </td>
                  <td>
                    <bdi dir="ltr">{l.version}</bdi>
                  </td>
                  <td>
                    <bdi dir="ltr">{l.license}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <p className="muted small" data-testid="about-texts">
        {t('about.libraries.texts')}
      </p>
    </Dialog>
  );
}
