/**
 * "Check on WhatsApp": pick a ready account, start the check, follow its progress, read the summary.
 * The dialog and the banner live at the app root, so a check keeps showing wherever the user goes.
 */
import { useEffect, useState } from 'react';
import { RECHECK_AFTER_DAYS, type NumberCheckProgress } from '#shared/accounts';
import { formatNumber, t } from '#shared/i18n';
import { formatPhoneInternational } from '#shared/phone';
import { errorMessage } from '#renderer/ui/api';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { isReady, useAccounts } from '#renderer/accounts/store';
import { cancelCheck, checkSummary, recentlyChecked, startCheck, useChecks, type CheckScope } from './store';
import { useNav } from '#renderer/ui/nav';
import { Dialog } from '#renderer/ui/Dialog';
import { ErrorText } from '#renderer/ui/ErrorText';
import { Icon, type IconName } from '#renderer/ui/Icon';
import { ProgressBar } from '#renderer/ui/ProgressBar';

export function CheckDialogHost() {
  const dialog = useChecks((s) => s.dialog);
  const close = useChecks((s) => s.close);
  if (!dialog) return null;
  if (dialog.mode === 'start') return <StartCheck scope={dialog.scope} onClose={close} />;
  return <CheckProgressDialog checkId={dialog.checkId} onClose={close} />;
}

function StartCheck({ scope, onClose }: { scope: CheckScope; onClose: () => void }) {
  const accounts = useAccounts((s) => s.accounts);
  const running = useChecks((s) => s.checks);
  const ready = accounts.filter(isReady);
  const [chosen, setChosen] = useState<number | null>(null);
  const { busy, error, run } = useBusyAction();
  // The first ready account is the default; a choice that stops being ready falls back to it.
  const accountId = chosen !== null && ready.some((a) => a.id === chosen) ? chosen : (ready[0]?.id ?? null);
  const busyAccounts = new Set(Object.values(running).filter((c) => c.status === 'running').map((c) => c.accountId));
  // Numbers checked in the last 30 days are left out by default: asking WhatsApp again and again
  // about the same numbers is wasted time and one more reason for a ban.
  const [recent, setRecent] = useState(0);
  const [skipRecent, setSkipRecent] = useState(true);
  useEffect(() => {
    let alive = true;
    recentlyChecked(scope.selection, RECHECK_AFTER_DAYS).then(
      (n) => alive && setRecent(n),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [scope.selection]);
  const skipping = skipRecent && recent > 0;
  const count = skipping ? Math.max(0, scope.count - recent) : scope.count;

  // Once the check starts, the dialog shows its progress instead.
  const start = async () => {
    if (accountId !== null) await run(() => startCheck(accountId, scope.selection, skipping ? RECHECK_AFTER_DAYS : null));
  };
  const goToAccounts = () => {
    onClose();
    useNav.getState().go('accounts');
  };

  return (
    <Dialog
      title={t('checks.title')}
      onClose={onClose}
      testId="check-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {ready.length > 0 && (
            <button type="button" className="primary" disabled={busy || accountId === null || count === 0} onClick={() => void start()}>
              {t('checks.start', { count })}
            </button>
          )}
        </>
      }
    >
      <p>{t('checks.intro', { scope: scope.description })}</p>
      <p className="muted small">{t('checks.how')}</p>
      {ready.length === 0 ? (
        <div className="banner warn" role="status">
          <p>{accounts.length === 0 ? t('checks.noAccounts') : t('checks.noReady')}</p>
          <button type="button" className="link" onClick={goToAccounts}>
            {t('checks.openAccounts')}
          </button>
        </div>
      ) : (
        <fieldset className="choice-list">
          <legend className="muted small">{t('checks.account')}</legend>
          {ready.map((a) => (
            <label key={a.id} className={a.id === accountId ? 'choice selected' : 'choice'}>
              <input type="radio" name="check-account" checked={a.id === accountId} onChange={() => setChosen(a.id)} />
              <span>
                <strong>
                  <bdi>{a.label}</bdi>
                </strong>
                <span className="muted small phone">{a.phone ? formatPhoneInternational(a.phone) : ''}</span>
                {busyAccounts.has(a.id) && <span className="muted small">{t('checks.accountBusy')}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {recent > 0 && (
        <label className="check">
          <input type="checkbox" checked={skipRecent} onChange={(e) => setSkipRecent(e.target.checked)} />
          <span>{t('checks.skipRecent', { count: recent, days: RECHECK_AFTER_DAYS })}</span>
        </label>
      )}
      <ErrorText error={error} />
    </Dialog>
  );
}

function CheckCounts({ progress }: { progress: NumberCheckProgress }) {
  return (
    <div className="stats three" data-testid="check-counts">
      <Count className="stat wa-yes" value={progress.onWhatsApp} icon="check" label={t('waStatus.yes')} />
      <Count className="stat wa-no" value={progress.notOnWhatsApp} icon="cross" label={t('waStatus.no')} />
      <Count className="stat" value={progress.unknown} icon="question" label={t('checks.unknown')} />
    </div>
  );
}

function Count(props: { className: string; value: number; icon: IconName; label: string }) {
  return (
    <div className={props.className}>
      <b>{formatNumber(props.value)}</b>
      <span>
        <Icon name={props.icon} size={13} /> {props.label}
      </span>
    </div>
  );
}

function CheckProgressDialog({ checkId, onClose }: { checkId: string; onClose: () => void }) {
  const progress = useChecks((s) => s.checks[checkId]);
  const account = useAccounts((s) => s.accounts.find((a) => a.id === progress?.accountId));
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = progress?.status === 'running';
  const stop = async () => {
    setStopping(true);
    setError(null);
    try {
      await cancelCheck(checkId);
    } catch (e) {
      setError(errorMessage(e));
      setStopping(false);
    }
  };
  return (
    <Dialog
      title={t('checks.title')}
      onClose={onClose}
      testId="check-dialog"
      footer={
        running ? (
          <>
            <button type="button" disabled={stopping} onClick={() => void stop()}>
              {t('checks.stop')}
            </button>
            <button type="button" className="primary" onClick={onClose}>
              {t('checks.hide')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={onClose}>
            {t('common.close')}
          </button>
        )
      }
    >
      {!progress ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          {account && <p className="muted small">{t('checks.with', { label: account.label })}</p>}
          <ProgressBar done={progress.done} total={progress.total} label={t('checks.progress', { done: progress.done, total: progress.total })} />
          <CheckCounts progress={progress} />
          {running ? (
            <p className="muted small">{t('checks.background')}</p>
          ) : (
            <p className={progress.status === 'completed' ? 'banner ok' : 'banner warn'} role="status" data-testid="check-summary">
              {checkSummary(progress)}
            </p>
          )}
        </>
      )}
      <ErrorText error={error} />
    </Dialog>
  );
}

/** A strip at the top of every page while a check runs with its dialog closed. */
export function CheckBanner() {
  const checks = useChecks((s) => s.checks);
  const dialog = useChecks((s) => s.dialog);
  const accounts = useAccounts((s) => s.accounts);
  const shown = dialog?.mode === 'progress' ? dialog.checkId : null;
  const running = Object.values(checks).filter((c) => c.status === 'running' && c.checkId !== shown);
  if (running.length === 0) return null;
  return (
    <div className="check-banner" data-testid="check-banner">
      {running.map((c) => {
        const label = accounts.find((a) => a.id === c.accountId)?.label ?? '';
        const pct = c.total > 0 ? Math.round((c.done / c.total) * 100) : 0;
        return (
          <div key={c.checkId} className="row">
            <Icon name="clock" size={14} />
            <span className="grow">{t('checks.banner', { done: c.done, total: c.total, pct, label })}</span>
            <button type="button" className="link" onClick={() => useChecks.getState().showProgress(c.checkId)}>
              {t('checks.show')}
            </button>
            <button type="button" className="link" onClick={() => void cancelCheck(c.checkId).catch(() => undefined)}>
              {t('checks.stop')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
