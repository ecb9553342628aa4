/**
 * Import contacts from a spreadsheet, as a five-step wizard: choose a file, match its columns, pick
 * the options, watch it run (or cancel it), read the result. The steps live next to this page; it
 * holds the wizard's state, and ./store talks to `imports.*`.
 */
import { useEffect, useRef, useState } from 'react';
import type { ColumnMapping, ImportPreview, ImportProgress, ImportSummary } from '#shared/domain';
import { t, type MessageKey } from '#shared/i18n';
import { errorMessage } from '#renderer/ui/api';
import { defaultOptions, initialMapping, pickedRows, runInput, type ImportOptions } from './model';
import { ImportElsewhere, ImportHistory } from './ImportElsewhere';
import { Step1File } from './Step1File';
import { Step2Mapping } from './Step2Mapping';
import { Step3Options } from './Step3Options';
import { Step4Running } from './Step4Running';
import { Step5Result } from './Step5Result';
import { useContactsView } from '#renderer/contacts/view';
import { useNav } from '#renderer/ui/nav';
import { toast } from '#renderer/ui/toasts';
import { useGroups } from '#renderer/groups/store';
import { imports } from './store';

/** `file`: kept to read the workbook again with another sheet mapped; `extraSheets`: other sheets picked. */
type Opened = { preview: ImportPreview; mapping: ColumnMapping; options: ImportOptions; file: File; extraSheets: string[] };

type Wizard =
  | { step: 'file' }
  | ({ step: 'map' } & Opened)
  | ({ step: 'options'; error: string | null } & Opened)
  | ({ step: 'run'; progress: ImportProgress | null; cancelling: boolean } & Opened)
  | ({ step: 'result'; summary: ImportSummary } & Opened);

type Step = Wizard['step'];

const STEPS: { step: Step; label: MessageKey }[] = [
  { step: 'file', label: 'import.step.file' },
  { step: 'map', label: 'import.step.map' },
  { step: 'options', label: 'import.step.options' },
  { step: 'run', label: 'import.step.run' },
  { step: 'result', label: 'import.step.result' },
];

const discard = (importId: string) => imports.discard(importId);

export function ImportPage() {
  const [wizard, setWizard] = useState<Wizard>({ step: 'file' });
  const { mountedRef, openImportIdRef } = useOpenImportGuard(wizard);
  const stepRef = useFocusOnStepChange(wizard.step);

  const [switching, setSwitching] = useState(false);

  const onOpened = (preview: ImportPreview, file: File) => {
    if (!mountedRef.current) {
      // The user left the page while the file was being read.
      discard(preview.importId);
      return;
    }
    setWizard({ step: 'map', preview, mapping: initialMapping(preview), options: defaultOptions(preview), file, extraSheets: [] });
  };

  /** Reads the workbook again with another sheet mapped (its columns differ from the first one's). */
  const mapSheet = async (file: File, sheetName: string) => {
    setSwitching(true);
    try {
      // Opening replaces the import open before it in main.
      const preview = await imports.open(file, { sheetName });
      onOpened(preview, file);
    } catch (err) {
      // The import open before was replaced by this attempt: start again from the file.
      toast.error(errorMessage(err));
      if (mountedRef.current) setWizard({ step: 'file' });
    } finally {
      setSwitching(false);
    }
  };

  const startOver = (importId: string) => {
    discard(importId);
    openImportIdRef.current = null;
    setWizard({ step: 'file' });
  };

  const start = async ({ preview, mapping, options, file, extraSheets }: Opened) => {
    const opened: Opened = { preview, mapping, options, file, extraSheets };
    const { importId } = preview;
    const base = runInput(importId, mapping, options, useGroups.getState().groups);
    if (!base) return;
    const input = extraSheets.length > 0 ? { ...base, sheets: extraSheets } : base;
    const onProgress = (progress: ImportProgress) =>
      setWizard((w) => (w.step === 'run' && w.preview.importId === importId ? { ...w, progress } : w));
    setWizard({ ...opened, step: 'run', progress: null, cancelling: false });
    try {
      const summary = await imports.run(input, onProgress);
      if (mountedRef.current) setWizard({ ...opened, step: 'result', summary });
      else finishedElsewhere(summary, preview.fileName);
    } catch (err) {
      // The import did not start (a stale group, another import running…): back to the options.
      if (mountedRef.current) setWizard({ ...opened, step: 'options', error: errorMessage(err) });
      else {
        discard(importId);
        toast.error(errorMessage(err));
      }
    }
  };

  const cancel = (importId: string) => {
    setWizard((w) => (w.step === 'run' ? { ...w, cancelling: true } : w));
    imports.cancel(importId).catch((err: unknown) => {
      toast.error(errorMessage(err));
      setWizard((w) => (w.step === 'run' ? { ...w, cancelling: false } : w));
    });
  };

  const showContacts = (summary: ImportSummary, options: ImportOptions) => {
    if (options.targetKind === 'blacklist') {
      useNav.getState().go('blacklist');
      return;
    }
    // Also clears a group filter left from before, so the imported contacts are in view.
    useContactsView.getState().showGroup(summary.groupId);
    useNav.getState().go('contacts');
  };

  return (
    <section className="page" aria-labelledby="import-title">
      <div className="page-head">
        <h1 id="import-title">{t('import.title')}</h1>
      </div>
      <StepList current={wizard.step} />
      <div ref={stepRef}>
        {wizard.step === 'file' && (
          <>
            <ImportElsewhere />
            <Step1File onOpened={onOpened} />
            <ImportHistory />
          </>
        )}
        {wizard.step === 'map' && (
          <Step2Mapping
            preview={wizard.preview}
            mapping={wizard.mapping}
            onChange={(mapping) => setWizard({ ...wizard, mapping })}
            extraSheets={wizard.extraSheets}
            onSheets={(extraSheets) => setWizard({ ...wizard, extraSheets })}
            onMapSheet={(sheet) => void mapSheet(wizard.file, sheet)}
            switching={switching}
            onBack={() => startOver(wizard.preview.importId)}
            onNext={() => setWizard({ ...wizard, step: 'options', error: null })}
          />
        )}
        {wizard.step === 'options' && (
          <Step3Options
            preview={{ ...wizard.preview, totalRows: pickedRows(wizard.preview, wizard.extraSheets) }}
            options={wizard.options}
            error={wizard.error}
            onChange={(options) => setWizard({ ...wizard, options })}
            onBack={() =>
              setWizard({
                step: 'map',
                preview: wizard.preview,
                mapping: wizard.mapping,
                options: wizard.options,
                file: wizard.file,
                extraSheets: wizard.extraSheets,
              })
            }
            onStart={() => void start(wizard)}
          />
        )}
        {wizard.step === 'run' && (
          <Step4Running
            fileName={wizard.preview.fileName}
            totalRows={pickedRows(wizard.preview, wizard.extraSheets)}
            progress={wizard.progress}
            cancelling={wizard.cancelling}
            onCancel={() => cancel(wizard.preview.importId)}
          />
        )}
        {wizard.step === 'result' && (
          <Step5Result
            summary={wizard.summary}
            targetKind={wizard.options.targetKind}
            onShowContacts={() => showContacts(wizard.summary, wizard.options)}
            onAnother={() => startOver(wizard.preview.importId)}
          />
        )}
      </div>
    </section>
  );
}

/**
 * Knows whether the page is still shown and which import it holds open, so that leaving the page
 * frees that import in main. A running import is left to finish; `start` frees it when it ends.
 */
function useOpenImportGuard(wizard: Wizard) {
  const mountedRef = useRef(false);
  const openImportIdRef = useRef<string | null>(null);
  const keepOpen = wizard.step === 'map' || wizard.step === 'options' || wizard.step === 'result';
  const importId = wizard.step === 'file' ? null : wizard.preview.importId;
  useEffect(() => {
    openImportIdRef.current = keepOpen ? importId : null;
  }, [keepOpen, importId]);
  useEffect(() => {
    mountedRef.current = true;
    const open = openImportIdRef;
    return () => {
      mountedRef.current = false;
      if (open.current !== null) discard(open.current);
      open.current = null;
    };
  }, []);
  return { mountedRef, openImportIdRef };
}

/** Moves the keyboard focus to the new step's heading, so the next Tab starts in that step. */
function useFocusOnStepChange(step: Step) {
  const container = useRef<HTMLDivElement>(null);
  const shown = useRef<Step | null>(null);
  useEffect(() => {
    const previous = shown.current;
    shown.current = step;
    if (previous === null || previous === step) return;
    const heading = container.current?.querySelector('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [step]);
  return container;
}

/** The user left the page while the import ran: tell them how it ended, and free it. */
function finishedElsewhere(summary: ImportSummary, fileName: string): void {
  discard(summary.importId);
  if (summary.status === 'completed') {
    toast.success(
      t('import.background.done', {
        file: fileName,
        added: summary.added,
        updated: summary.updated,
        rejected: summary.rejected + summary.duplicatesInFile,
      }),
    );
  } else if (summary.status === 'failed') {
    toast.error(summary.message ?? t('common.error'));
  }
}

function StepList({ current }: { current: Step }) {
  const currentIndex = STEPS.findIndex((s) => s.step === current);
  return (
    <ol className="steps" aria-label={t('import.stepsLabel')}>
      {STEPS.map((s, i) => (
        <li
          key={s.step}
          className={i === currentIndex ? 'current' : i < currentIndex ? 'done' : undefined}
          aria-current={i === currentIndex ? 'step' : undefined}
        >
          {t(s.label)}
        </li>
      ))}
    </ol>
  );
}
