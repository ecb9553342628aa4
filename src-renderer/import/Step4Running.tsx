/** Step 4: the import runs in main; show its progress and offer to cancel. */
import type { ImportProgress } from '#shared/domain';
import { t } from '#shared/i18n';
import { ProgressBar } from '#renderer/ui/ProgressBar';
import { progressView } from './model';

export function Step4Running(props: {
  fileName: string;
  totalRows: number;
  progress: ImportProgress | null;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const view = progressView(props.progress, props.totalRows);
  return (
    <div className="panel" aria-busy>
      <h2>{t('import.step.run')}</h2>
      <p className="muted">{t('import.optionsFor', { file: props.fileName, count: props.totalRows })}</p>
      <ProgressBar done={view.done} total={view.total} label={view.label} />
      <p className="muted" style={{ marginBlockStart: 10 }}>
        {t('import.runningHelp')}
      </p>
      <div className="row">
        <button type="button" onClick={props.onCancel} disabled={props.cancelling} data-testid="import-cancel">
          {props.cancelling ? t('import.cancelling') : t('import.cancel')}
        </button>
      </div>
    </div>
  );
}
