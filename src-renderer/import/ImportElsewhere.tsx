/**
 * On the Import page's first step: an import that main is still running (the window was closed or
 * reloaded while it ran) with its progress and Cancel, then its result; and the Imports history
 * (each import's counts, and its rejected rows while main still keeps them).
 */
import { useEffect, useState } from 'react';
import type { ImportNow, ImportRecord } from '#shared/domain';
import { formatNumber, t } from '#shared/i18n';
import { api, onEvent } from '#renderer/ui/api';
import { useNav } from '#renderer/ui/nav';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { ErrorText } from '#renderer/ui/ErrorText';
import { Step4Running } from './Step4Running';
import { Step5Result } from './Step5Result';
import { imports } from './store';

export function ImportElsewhere() {
  // Only an import that was running when the page opened is followed to its end here.
  const [now, setNow] = useState<ImportNow | null>(null);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    let alive = true;
    let followed: string | null = null;
    const read = () =>
      void api.imports.current({}).then(
        (c) => {
          if (!alive) return;
          if (c?.running) followed = c.importId;
          setNow(c && (c.running || c.importId === followed) ? c : null);
        },
        () => undefined,
      );
    read();
    const off = onEvent('imports.progress', (p) => {
      if (p.importId !== followed) return;
      if (p.phase === 'done') read();
      else setNow((n) => (n && n.importId === p.importId ? { ...n, progress: p } : n));
    });
    return () => {
      alive = false;
      off();
    };
  }, []);
  return (
    <>
      {now?.running && (
        <div data-testid="import-elsewhere">
          <Step4Running
            fileName={now.fileName}
            totalRows={now.progress?.total || now.totalRows}
            progress={now.progress}
            cancelling={cancelling}
            onCancel={() => {
              setCancelling(true);
              void imports.cancel(now.importId).finally(() => setCancelling(false));
            }}
          />
        </div>
      )}
      {now && !now.running && now.summary && (
        <div data-testid="import-elsewhere-result">
          <Step5Result
            summary={now.summary}
            targetKind="contacts"
            onShowContacts={() => useNav.getState().go('contacts')}
            onAnother={() => setNow(null)}
          />
        </div>
      )}
    </>
  );
}

export function ImportHistory() {
  const [rows, setRows] = useState<ImportRecord[] | null>(null);
  const download = useBusyAction();
  useEffect(() => {
    const read = () => void api.imports.history({ limit: 20 }).then(setRows, () => undefined);
    read();
    return onEvent('imports.progress', (p) => {
      if (p.phase === 'done') read();
    });
  }, []);
  if (!rows || rows.length === 0) return null;
  return (
    <div className="panel" data-testid="import-history">
      <h2>{t('import.history.title')}</h2>
      <div className="import-history-wrap">
        <table className="import-history">
          <thead>
            <tr>
              <th scope="col">{t('import.history.when')}</th>
              <th scope="col">{t('import.history.file')}</th>
              <th scope="col">{t('import.history.status')}</th>
              <th scope="col" className="num">{t('import.result.added')}</th>
              <th scope="col" className="num">{t('import.result.updated')}</th>
              <th scope="col" className="num">{t('import.result.skipped')}</th>
              <th scope="col" className="num">{t('import.result.rejected')}</th>
              <th scope="col" aria-label={t('import.history.actions')} />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="import-history-row">
                <td title={formatFull(r.startedAt)}>{formatWhen(r.startedAt)}</td>
                <td className="file">{r.fileName}</td>
                <td>{t(statusKey(r.status))}</td>
                <td className="num">{formatNumber(r.added)}</td>
                <td className="num">{formatNumber(r.updated)}</td>
                <td className="num">{formatNumber(r.skipped)}</td>
                <td className="num">{formatNumber(r.rejected)}</td>
                <td>
                  {r.kept && r.rejected > 0 && (
                    <button type="button" className="link" disabled={download.busy} onClick={() => void download.run(() => imports.downloadRejected(r.id))}>
                      {t('import.history.downloadRejected')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorText error={download.error} />
    </div>
  );
}

function statusKey(status: string) {
  switch (status) {
    case 'completed':
      return 'import.history.completed' as const;
    case 'cancelled':
      return 'import.history.cancelled' as const;
    case 'running':
      return 'import.history.running' as const;
    default:
      return 'import.history.failed' as const;
  }
}
