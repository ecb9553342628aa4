/**
 * Settings → Desktop app: what closing the window does while campaigns send, starting Pigeon at
 * login, and which system notifications to show. Saved like every setting (each change at once);
 * in the browser host a line says they apply to the desktop app.
 */
import { useEffect, useId, useState } from 'react';
import type { AppInfo, CloseAction, Settings } from '#shared/domain';
import { t, type MessageKey } from '#shared/i18n';
import { ErrorText } from '#renderer/ui/ErrorText';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { settings as settingsActions, useSettings } from './store';
import './settings.css';

const CLOSE_LABELS: Record<CloseAction, MessageKey> = {
  ask: 'desktop.settings.close.ask',
  background: 'desktop.settings.close.background',
  quit: 'desktop.settings.close.quit',
};

type NotifyKey = 'notifyCompleted' | 'notifyPaused' | 'notifyAccounts' | 'notifyScheduled';
const NOTIFY_LABELS: Record<NotifyKey, MessageKey> = {
  notifyCompleted: 'desktop.settings.notify.completed',
  notifyPaused: 'desktop.settings.notify.paused',
  notifyAccounts: 'desktop.settings.notify.accounts',
  notifyScheduled: 'desktop.settings.notify.scheduled',
};

function useShell(): AppInfo['shell'] | null {
  const [shell, setShell] = useState<AppInfo['shell'] | null>(null);
  useEffect(() => {
    let alive = true;
    settingsActions.appInfo().then(
      (info) => alive && setShell(info.shell),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  return shell;
}

export function DesktopSection() {
  const settings = useSettings((s) => s.settings);
  const shell = useShell();
  const { busy, error, run } = useBusyAction();
  const ids = { close: useId(), login: useId(), loginHelp: useId(), notifyHelp: useId() };
  // The choice shows at once while it is saved (then the saved settings say it).
  const [pending, setPending] = useState<Partial<Pick<Settings, 'closeAction' | 'openAtLogin' | NotifyKey>>>({});
  const save = (change: typeof pending) => {
    setPending((p) => ({ ...p, ...change }));
    void run(() => settingsActions.update(change)).finally(() => setPending({}));
  };
  const current = settings ? { ...settings, ...pending } : null;
  const disabled = !settings || busy;
  return (
    <section className="panel desktop-settings" aria-labelledby="desktop-title" data-testid="settings-desktop">
      <h2 id="desktop-title">{t('desktop.settings.title')}</h2>
      {shell === 'browser' && (
        <p className="muted small" data-testid="settings-desktop-browser">
          {t('desktop.settings.browserNote')}
        </p>
      )}
      <fieldset className="desktop-group" aria-describedby={ids.close}>
        <legend>{t('desktop.settings.close.label')}</legend>
        {(Object.keys(CLOSE_LABELS) as CloseAction[]).map((action) => (
          <label className="check" key={action}>
            <input
              type="radio"
              name="desktop-close"
              value={action}
              checked={current?.closeAction === action}
              disabled={disabled}
              onChange={() => save({ closeAction: action })}
            />
            {t(CLOSE_LABELS[action])}
          </label>
        ))}
        <p id={ids.close} className="muted small">
          {t('desktop.settings.close.help')}
        </p>
      </fieldset>
      <div className="desktop-group">
        <label className="check" htmlFor={ids.login}>
          <input
            id={ids.login}
            type="checkbox"
            checked={current?.openAtLogin ?? false}
            disabled={disabled}
            aria-describedby={ids.loginHelp}
            onChange={(e) => save({ openAtLogin: e.target.checked })}
          />
          {t('desktop.settings.login')}
        </label>
        <p id={ids.loginHelp} className="muted small">
          {t('desktop.settings.loginHelp')}
        </p>
      </div>
      <fieldset className="desktop-group" aria-describedby={ids.notifyHelp}>
        <legend>{t('desktop.settings.notify.title')}</legend>
        {(Object.keys(NOTIFY_LABELS) as NotifyKey[]).map((key) => (
          <label className="check" key={key}>
            <input type="checkbox" checked={current?.[key] ?? true} disabled={disabled} onChange={(e) => save({ [key]: e.target.checked })} />
            {t(NOTIFY_LABELS[key])}
          </label>
        ))}
        <p id={ids.notifyHelp} className="muted small">
          {t('desktop.settings.notify.help')}
        </p>
      </fieldset>
      <ErrorText error={error} />
    </section>
  );
}
