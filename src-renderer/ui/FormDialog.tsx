/**
 * A dialog around one form: Cancel and the submit button in the footer, the form's failure under its
 * fields. Submitting runs `onSubmit` (busy meanwhile) and closes the dialog when it succeeds; Enter
 * in a text box submits too, since the footer's button belongs to the form.
 */
import { useId, type ReactNode } from 'react';
import { t } from '#shared/i18n';
import { Dialog } from './Dialog';
import { ErrorText } from './ErrorText';
import { useBusyAction } from './useBusyAction';

/** A button next to the submit button that runs another step through the same busy state. */
export type OtherAction = { label: string; run: () => Promise<unknown>; disabled?: boolean };

export function FormDialog(props: {
  title: string;
  onClose: () => void;
  /** The step the form submits; the dialog closes once it resolves. */
  onSubmit: () => Promise<unknown>;
  /** Checks made before submitting: a message stops it and is shown. */
  validate?: () => string | null;
  submitLabel: string;
  /** Shown on the submit button while the step runs (the label stays when not given). */
  busyLabel?: string;
  submitDisabled?: boolean;
  submitTestId?: string;
  other?: OtherAction;
  /** Shown at the start of the footer (a live count, say). */
  footerStart?: ReactNode;
  wide?: boolean;
  testId?: string;
  /** The fields; as a function, they can show the form's failure (aria-invalid). */
  children: ReactNode | ((state: { error: string | null }) => ReactNode);
}) {
  const formId = useId();
  const { busy, error, setError, run } = useBusyAction();
  const { onClose, other } = props;
  /** Enter in a text box submits even while the button is disabled: then it does nothing. */
  const finish = async (step: () => Promise<unknown>, disabled: boolean | undefined) => {
    if (busy || disabled) return;
    const problem = props.validate?.() ?? null;
    if (problem !== null) {
      setError(problem);
      return;
    }
    if (await run(step)) onClose();
  };
  return (
    <Dialog
      title={props.title}
      onClose={onClose}
      wide={props.wide}
      testId={props.testId}
      footer={
        <>
          {props.footerStart}
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {other && (
            <button type="button" onClick={() => void finish(other.run, other.disabled)} disabled={busy || other.disabled}>
              {other.label}
            </button>
          )}
          <button type="submit" form={formId} className="primary" disabled={busy || props.submitDisabled} data-testid={props.submitTestId}>
            {busy && props.busyLabel ? props.busyLabel : props.submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault();
          void finish(props.onSubmit, props.submitDisabled);
        }}
      >
        {typeof props.children === 'function' ? props.children({ error }) : props.children}
        <ErrorText error={error} />
      </form>
    </Dialog>
  );
}
