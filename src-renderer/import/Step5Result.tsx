/** Step 5: what the import did, the rows it could not take (and why), and where to go next. */
import type { ImportSummary } from '#shared/domain';
import { getLocale, t, type MessageKey } from '#shared/i18n';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { imports } from './store';
import { REJECTED_ROWS_SHOWN, type TargetKind } from './model';

type Stat = { id: string; label: MessageKey; value: number };

export function Step5Result(props: {
  summary: ImportSummary;
  targetKind: TargetKind;
  onShowContacts: () => void;
  onAnother: () => void;
}) {
  const { summary } = props;
  return (
    <div className="panel" data-testid="import-result" aria-live="polite">
      <h2>{t('import.step.result')}</h2>
      {summary.status === 'cancelled' && <p>{t('import.cancelled')}</p>}
      {summary.status === 'failed' && (
        <p className="error-text" role="alert">
          {summary.message ?? t('common.error')}
        </p>
      )}
      {summary.status === 'completed' && <Completed summary={summary} targetKind={props.targetKind} />}
      <div className="row" style={{ marginBlockStart: 14 }}>
        {summary.status === 'completed' && (
          <button type="button" className="primary" onClick={props.onShowContacts} data-testid="import-show-contacts">
            {props.targetKind === 'blacklist' ? t('import.result.openBlacklist') : t('import.result.openContacts')}
          </button>
        )}
        <button type="button" onClick={props.onAnother} data-testid="import-another">
          {t('import.result.another')}
        </button>
      </div>
    </div>
  );
}

function Completed({ summary, targetKind }: { summary: ImportSummary; targetKind: TargetKind }) {
  const stats: Stat[] = [
    { id: 'added', label: 'import.result.added', value: summary.added },
    { id: 'updated', label: 'import.result.updated', value: summary.updated },
    { id: 'skipped', label: 'import.result.skipped', value: summary.skipped },
    { id: 'rejected', label: 'import.result.rejected', value: summary.rejected },
    { id: 'duplicates', label: 'import.result.duplicatesInFile', value: summary.duplicatesInFile },
  ];
  if (summary.warned > 0) stats.push({ id: 'warned', label: 'import.result.warned', value: summary.warned });
  if (targetKind === 'blacklist') stats.push({ id: 'blacklisted', label: 'import.result.blacklisted', value: summary.blacklisted });
  const notImported = summary.rejected + summary.duplicatesInFile;
  return (
    <>
      <p>{t('import.result.title')}</p>
      <div className="stats">
        {stats.map((stat) => (
          <div key={stat.id} className="stat">
            <b data-testid={`import-stat-${stat.id}`} data-value={stat.value}>
              {stat.value.toLocaleString(getLocale())}
            </b>
            <span className="muted">{t(stat.label)}</span>
          </div>
        ))}
      </div>
      {summary.groupName !== null && <p style={{ marginBlockStart: 10 }}>{t('import.result.group', { group: summary.groupName })}</p>}
      {summary.sheetsImported.length > 0 && (summary.sheetsImported.length > 1 || summary.sheetsSkipped.length > 0) && (
        <Sheets summary={summary} />
      )}
      {notImported > 0 && <Rejected summary={summary} total={notImported} />}
      {summary.warned > 0 && <Warnings summary={summary} />}
    </>
  );
}

function Rejected({ summary, total }: { summary: ImportSummary; total: number }) {
  const { busy, run } = useBusyAction({ failures: 'toast' });
  const rows = summary.rejectedSample.slice(0, REJECTED_ROWS_SHOWN);
  const showSheet = summary.sheetsImported.length > 1;
  const download = () => run(() => imports.downloadRejected(summary.importId));
  return (
    <section style={{ marginBlockStart: 14 }}>
      <div className="row" style={{ marginBlockEnd: 8 }}>
        <span className="grow">{t('import.result.rejectedHelp')}</span>
        <button type="button" onClick={() => void download()} disabled={busy} data-testid="import-download-rejected">
          {t('import.result.downloadRejected')}
        </button>
      </div>
      {rows.length < total && (
        <p className="muted small">{t('import.result.sampleNote', { shown: rows.length, total })}</p>
      )}
      <div
        style={{ maxBlockSize: 320, overflow: 'auto', border: '1px solid var(--line)', borderRadius: 6 }}
        role="region"
        aria-label={t('import.result.rejectedHelp')}
        tabIndex={0}
      >
        <table className="simple-table" data-testid="import-rejected-table">
          <thead>
            <tr>
              {showSheet && <th scope="col">{t('import.result.sheet')}</th>}
              <th scope="col">{t('import.result.row')}</th>
              <th scope="col">{t('import.result.phone')}</th>
              <th scope="col">{t('import.result.name')}</th>
              <th scope="col">{t('import.result.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${row.sheet}-${String(row.row)}-${String(i)}`}>
                {showSheet && <td>{row.sheet}</td>}
                <td>{row.row}</td>
                <td className="phone">{row.phone}</td>
                <td>{row.name}</td>
                <td>{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Rows imported with a change (a cell cut to the limit): row, column and what happened. */
function Warnings({ summary }: { summary: ImportSummary }) {
  const rows = summary.warningSample.slice(0, REJECTED_ROWS_SHOWN);
  const showSheet = summary.sheetsImported.length > 1;
  return (
    <section style={{ marginBlockStart: 14 }}>
      <p style={{ marginBlock: '0 8px' }}>{t('import.result.warnedHelp')}</p>
      {rows.length < summary.warned && (
        <p className="muted small">{t('import.result.warningSampleNote', { shown: rows.length, total: summary.warned })}</p>
      )}
      <div
        style={{ maxBlockSize: 240, overflow: 'auto', border: '1px solid var(--line)', borderRadius: 6 }}
        role="region"
        aria-label={t('import.result.warnedHelp')}
        tabIndex={0}
      >
        <table className="simple-table" data-testid="import-warnings-table">
          <thead>
            <tr>
              {showSheet && <th scope="col">{t('import.result.sheet')}</th>}
              <th scope="col">{t('import.result.row')}</th>
              <th scope="col">{t('import.result.column')}</th>
              <th scope="col">{t('import.result.name')}</th>
              <th scope="col">{t('import.result.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${row.sheet}-${String(row.row)}-${String(i)}`}>
                {showSheet && <td>{row.sheet}</td>}
                <td>{row.row}</td>
                <td>{row.column}</td>
                <td>{row.name}</td>
                <td>{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Which sheets of the workbook were imported, and those left out with why. */
function Sheets({ summary }: { summary: ImportSummary }) {
  return (
    <div style={{ marginBlockStart: 10 }} data-testid="import-result-sheets">
      <p style={{ marginBlock: '0 4px' }}>{t('import.sheets.imported', { sheets: summary.sheetsImported.map((s) => `“${s}”`).join(', ') })}</p>
      {summary.sheetsSkipped.length > 0 && (
        <>
          <p style={{ marginBlock: '0 4px' }}>{t('import.sheets.notImported')}</p>
          <ul style={{ marginBlock: 0 }} data-testid="import-result-skipped-sheets">
            {summary.sheetsSkipped.map((sheet) => (
              <li key={sheet.name}>
                <b>{sheet.name}</b>: {sheet.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
