/** Renames something in place: Enter saves, Escape or Cancel leaves the name as it was. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { t } from '#shared/i18n';
import { useBusyAction } from './useBusyAction';
import { ErrorText } from './ErrorText';

export function RenameForm(props: {
  /** The name now; saving it unchanged just closes the form. */
  name: string;
  /** The input's accessible name. */
  label: string;
  maxLength: number;
  /** Saves the name as typed; if it fails, the form stays open with the message. */
  onSave: (name: string) => Promise<unknown>;
  /** Closes the form: after saving, or on Cancel or Escape. */
  onDone: () => void;
  className?: string;
  dir?: 'auto';
  testId?: string;
}) {
  const { name: current, onSave, onDone } = props;
  const [name, setName] = useState(current);
  const { busy, error, run } = useBusyAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (name.trim() === current) return onDone();
    await run(async () => {
      await onSave(name);
      onDone();
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onDone();
    }
  };
  return (
    <form className={props.className} onSubmit={(e) => void submit(e)} aria-label={t('common.rename')}>
      <div className="row">
        <input
          className="grow"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={onKeyDown}
          aria-label={props.label}
          aria-invalid={error ? true : undefined}
          maxLength={props.maxLength}
          dir={props.dir}
          autoFocus
          data-testid={props.testId}
        />
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
