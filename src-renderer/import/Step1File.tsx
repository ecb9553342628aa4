/** Step 1: pick a spreadsheet (drop it or choose it), read it in main, hand the preview on. */
import { useEffect, useRef, useState, type ChangeEvent, type DragEvent, type ReactNode } from 'react';
import type { ImportPreview } from '#shared/domain';
import { t } from '#shared/i18n';
import { RemoteError } from '#shared/errors';
import { errorMessage } from '#renderer/ui/api';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { imports } from './store';
import { ACCEPTED_FILES, MAX_FILE_BYTES, MAX_FILE_MB, MAX_ROWS } from './model';

function hasFiles(e: { dataTransfer: DataTransfer | null }): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/** A file dropped anywhere else on the window would replace the app with the file; ignore it instead. */
function useIgnoreStrayDrops(): void {
  useEffect(() => {
    const ignore = (e: globalThis.DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);
}

export function Step1File({ onOpened }: { onOpened: (preview: ImportPreview, file: File) => void }) {
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** A text file named .xlsx/.xls: the question asked, and the file to read as text if the operator agrees. */
  const [mismatch, setMismatch] = useState<{ file: File; question: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useIgnoreStrayDrops();

  const open = async (file: File, readAsText = false) => {
    if (reading !== null) return;
    setError(null);
    setMismatch(null);
    if (file.size > MAX_FILE_BYTES) {
      // Refused here: reading it would load it all into memory and send it to main for nothing.
      const sizeMb = Math.round((file.size / (1024 * 1024)) * 10) / 10;
      setError(t('import.tooBig', { sizeMb, maxMb: MAX_FILE_MB }));
      return;
    }
    setReading(file.name);
    try {
      const preview = await imports.open(file, { readAsText });
      onOpened(preview, file);
    } catch (err) {
      if (err instanceof RemoteError && err.code === 'content_mismatch') setMismatch({ file, question: err.message });
      else setError(errorMessage(err));
      setReading(null);
    }
  };

  const onPicked = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) is noticed.
    e.target.value = '';
    if (file) void open(file);
  };

  return (
    <div className="panel">
      <h2>{t('import.step.file')}</h2>
      <DropZone busy={reading !== null} onFile={(file) => void open(file)}>
        {reading !== null ? (
          <div role="status" aria-live="polite">
            <p>{t('import.reading', { file: reading })}</p>
            <progress aria-label={t('import.reading', { file: reading })} />
          </div>
        ) : (
          <>
            <p>{t('import.drop')}</p>
            <button type="button" className="primary" onClick={() => inputRef.current?.click()}>
              {t('import.choose')}
            </button>
            <input
              ref={inputRef}
              type="file"
              accept={ACCEPTED_FILES}
              hidden
              onChange={onPicked}
              data-testid="import-file-input"
            />
            <p className="muted small" style={{ marginBlockStart: 12 }}>
              {t('import.formats', { maxMb: MAX_FILE_MB, maxRows: MAX_ROWS })}
            </p>
          </>
        )}
      </DropZone>
      {mismatch !== null && (
        <div className="banner warn" role="alertdialog" aria-labelledby="import-mismatch-question" data-testid="import-mismatch" style={{ marginBlockStart: 12, borderRadius: 6 }}>
          <p id="import-mismatch-question" style={{ marginBlock: '0 8px' }}>
            {mismatch.question}
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void open(mismatch.file, true)} data-testid="import-read-as-text">
              {t('import.readAsText')}
            </button>
            <button type="button" onClick={() => setMismatch(null)} data-testid="import-mismatch-cancel">
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {error !== null && (
        <div className="banner error" role="alert" data-testid="import-error" style={{ marginBlockStart: 12, borderRadius: 6 }}>
          {error}
        </div>
      )}
      <TemplateLink />
    </div>
  );
}

function DropZone(props: { busy: boolean; onFile: (file: File) => void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const { busy, onFile } = props;
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    if (!busy) setOver(true);
  };
  const onDragLeave = (e: DragEvent<HTMLDivElement>) => {
    // Moving onto a child of the zone is not leaving it.
    if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
    setOver(false);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <div
      className={over ? 'dropzone over' : 'dropzone'}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      aria-busy={busy}
      data-testid="import-dropzone"
    >
      {props.children}
    </div>
  );
}

function TemplateLink() {
  const { busy, run } = useBusyAction({ failures: 'toast' });
  const download = () => run(() => imports.downloadTemplate());
  return (
    <p className="muted" style={{ marginBlockStart: 12, marginBlockEnd: 0 }}>
      {t('import.templateHelp')}{' '}
      <button type="button" className="link" onClick={() => void download()} disabled={busy} data-testid="import-template">
        {t('import.template')}
      </button>
    </p>
  );
}
