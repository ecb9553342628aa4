import { useEffect, useState } from 'react';
import type { ContactQuery } from '#shared/filters';
import { emptyQuery } from '#shared/filters';
import { t } from '#shared/i18n';
import { Dialog } from '#renderer/ui/Dialog';
import { ProgressBar } from '#renderer/ui/ProgressBar';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { contacts } from './store';

type Scope = 'all' | 'filtered' | 'selected';

export function ExportDialog(props: {
  query: ContactQuery;
  filteredCount: number;
  selectedIds: number[] | null;
  onClose: () => void;
}) {
  const [scope, setScope] = useState<Scope>(props.selectedIds ? 'selected' : 'filtered');
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [allCount, setAllCount] = useState<number | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const { error, run: runBusy } = useBusyAction();

  useEffect(() => {
    void contacts.count(emptyQuery()).then(setAllCount);
  }, []);

  const run = async () => {
    setProgress({ done: 0, total: 1 });
    const input = {
      query: scope === 'all' ? emptyQuery() : props.query,
      ...(scope === 'selected' && props.selectedIds ? { ids: props.selectedIds } : {}),
      format,
    };
    const ok = await runBusy(() => contacts.export(input, (done, total) => setProgress({ done, total })));
    setProgress(null);
    if (ok) props.onClose();
  };

  return (
    <Dialog
      title={t('export.title')}
      onClose={props.onClose}
      testId="export-dialog"
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={progress !== null} onClick={() => void run()} data-testid="export-start">
            {t('export.start')}
          </button>
        </>
      }
    >
      <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend className="muted small">{t('export.scope')}</legend>
        <label className="check">
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} data-testid="export-scope-all" />
          {t('export.scope.all', { count: allCount ?? '…' })}
        </label>
        <label className="check">
          <input type="radio" name="scope" checked={scope === 'filtered'} onChange={() => setScope('filtered')} data-testid="export-scope-filtered" />
          {t('export.scope.filtered', { count: props.filteredCount })}
        </label>
        {props.selectedIds && (
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'selected'} onChange={() => setScope('selected')} data-testid="export-scope-selected" />
            {t('export.scope.selected', { count: props.selectedIds.length })}
          </label>
        )}
      </fieldset>
      <fieldset style={{ border: 'none', padding: 0, marginBlock: '10px 0' }}>
        <legend className="muted small">{t('export.format')}</legend>
        <label className="check">
          <input type="radio" name="format" checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} data-testid="export-format-xlsx" />
          {t('export.format.xlsx')}
        </label>
        <label className="check">
          <input type="radio" name="format" checked={format === 'csv'} onChange={() => setFormat('csv')} data-testid="export-format-csv" />
          {t('export.format.csv')}
        </label>
      </fieldset>
      <p className="muted small">{t('export.safety')}</p>
      {progress && <ProgressBar done={progress.done} total={progress.total} label={t('export.working', { done: progress.done, total: progress.total })} />}
      {error && <p className="error-text">{error}</p>}
    </Dialog>
  );
}
