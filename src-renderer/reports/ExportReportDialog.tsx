/**
 * Export one or several campaigns' reports to .xlsx or .csv: the format, what the file holds, the
 * progress while the worker builds it; Cancel stops the export (no file is saved then).
 */
import { useRef, useState } from 'react';
import { t } from '#shared/i18n';
import { FormDialog } from '#renderer/ui/FormDialog';
import { ProgressBar } from '#renderer/ui/ProgressBar';
import { cancelReportExport, closeReportExport, runReportExport, useReportExport } from './exportStore';

export function ExportReportDialog(props: { ids: number[]; onClose: () => void }) {
  const { ids, onClose } = props;
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const running = useRef<string | null>(null);
  const many = ids.length > 1;

  const close = () => {
    if (running.current) void cancelReportExport(running.current);
    running.current = null;
    onClose();
  };
  const run = async () => {
    const exportId = crypto.randomUUID();
    running.current = exportId;
    setProgress({ done: 0, total: 1 });
    try {
      await runReportExport({ ids, format, exportId }, (done, total) => setProgress({ done, total }));
    } finally {
      running.current = null;
      setProgress(null);
    }
  };

  return (
    <FormDialog
      title={many ? t('reportExport.titleMany', { count: ids.length }) : t('reportExport.title')}
      onClose={close}
      onSubmit={run}
      submitLabel={t('reportExport.start')}
      submitTestId="report-export-start"
      testId="report-export-dialog"
    >
      <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend className="muted small">{t('export.format')}</legend>
        <label className="check">
          <input type="radio" name="report-format" checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} data-testid="report-export-xlsx" />
          {t('export.format.xlsx')}
        </label>
        <label className="check">
          <input type="radio" name="report-format" checked={format === 'csv'} onChange={() => setFormat('csv')} data-testid="report-export-csv" />
          {t('export.format.csv')}
        </label>
      </fieldset>
      <p className="small" style={{ marginBlock: '10px 4px' }}>{format === 'csv' ? t('reportExport.csvNote') : many ? t('reportExport.whatMany') : t('reportExport.what')}</p>
      <p className="muted small">{t('export.safety')}</p>
      {progress && (
        <ProgressBar done={progress.done} total={progress.total} label={t('reportExport.working', { done: progress.done, total: progress.total })} />
      )}
    </FormDialog>
  );
}

/** The export dialog for whichever campaigns `openReportExport` named (mounted once, in App). */
export function ReportExportHost() {
  const ids = useReportExport((s) => s.ids);
  if (!ids) return null;
  return <ExportReportDialog key={ids.join(',')} ids={ids} onClose={closeReportExport} />;
}
