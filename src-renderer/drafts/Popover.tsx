/**
 * A button that opens a small panel under it (the emoji picker, the variable menu). Escape or a
 * click elsewhere closes it and gives focus back to the button; focus moves into it when it opens.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function Popover(props: {
  /** The button's accessible name and tooltip. */
  label: string;
  /** What the button shows. */
  button: ReactNode;
  className?: string;
  testId?: string;
  disabled?: boolean;
  /** The panel; `close` closes it (and puts focus back on the button unless told not to). */
  children: (close: (refocus?: boolean) => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const buttonId = `${panelId}-button`;

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) document.getElementById(buttonId)?.focus();
  };

  useEffect(() => {
    if (!open) return;
    // Focus the first thing to use in the panel (an input, else a button).
    const first = panelRef.current?.querySelector<HTMLElement>('input, button');
    first?.focus();
    const onPointer = (e: PointerEvent) => {
      if (wrapRef.current && !wrapRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      className="drafts-popover-wrap"
      ref={wrapRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
      onBlur={(e) => {
        // Tabbing out of the panel closes it.
        if (open && !wrapRef.current?.contains(e.relatedTarget) && e.relatedTarget !== null) setOpen(false);
      }}
    >
      <button
        id={buttonId}
        type="button"
        className={props.className ?? 'drafts-tool'}
        title={props.label}
        aria-label={props.label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="dialog"
        disabled={props.disabled}
        onClick={() => setOpen((o) => !o)}
        data-testid={props.testId}
      >
        {props.button}
      </button>
      {open && (
        <div className="drafts-popover" id={panelId} ref={panelRef} role="dialog" aria-label={props.label}>
          {props.children(close)}
        </div>
      )}
    </div>
  );
}
