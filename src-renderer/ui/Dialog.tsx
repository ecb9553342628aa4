import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog on the native <dialog> element: focus is trapped, Escape closes it. */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const { onClose } = props;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const cancel = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', cancel);
    return () => dialog.removeEventListener('cancel', cancel);
  }, [onClose]);
  return (
    <dialog ref={ref} className={props.wide ? 'dialog wide' : 'dialog'} aria-label={props.title} data-testid={props.testId}>
      <h2 className="dialog-title">{props.title}</h2>
      <div className="dialog-body">{props.children}</div>
      {props.footer && <div className="dialog-footer">{props.footer}</div>}
    </dialog>
  );
}
