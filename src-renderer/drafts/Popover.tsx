/**
 * A button that opens a small panel under it (the emoji picker, the variable menu). Escape or a
 * click elsewhere closes it and gives focus back to the button; focus moves into it when it opens.
 * The panel is placed in the window (position: fixed), so a scrolling column never cuts it off or
 * grows because of it: under the button (above when there is no room below), starting at the
 * button's start edge (right edge in right-to-left), moved in to stay whole on screen.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

const MARGIN = 8;
const GAP = 4;

/** Where a panel of `size` goes next to `anchor` in a `view`-sized window (all in CSS pixels). */
export function placePanel(
  anchor: { left: number; right: number; top: number; bottom: number },
  size: { width: number; height: number },
  view: { width: number; height: number },
  rtl: boolean,
): { left: number; top: number; maxHeight: number } {
  const width = Math.min(size.width, view.width - 2 * MARGIN);
  let left = rtl ? anchor.right - width : anchor.left;
  left = Math.max(MARGIN, Math.min(left, view.width - MARGIN - width));
  const below = view.height - MARGIN - (anchor.bottom + GAP);
  const above = anchor.top - GAP - MARGIN;
  if (size.height <= below || below >= above) {
    return { left, top: anchor.bottom + GAP, maxHeight: Math.max(below, 0) };
  }
  const height = Math.min(size.height, above);
  return { left, top: anchor.top - GAP - height, maxHeight: above };
}

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
  const [place, setPlace] = useState<CSSProperties | null>(null);

  const reposition = useCallback(() => {
    const button = document.getElementById(buttonId);
    const panel = panelRef.current;
    if (!button || !panel) return;
    const rtl = getComputedStyle(button).direction === 'rtl';
    const b = button.getBoundingClientRect();
    // Measure the panel at its natural size (not squeezed by an earlier placement).
    const previous = panel.style.maxBlockSize;
    panel.style.maxBlockSize = 'none';
    const { width, height } = panel.getBoundingClientRect();
    panel.style.maxBlockSize = previous;
    const spot = placePanel(b, { width, height }, { width: window.innerWidth, height: window.innerHeight }, rtl);
    // Window coordinates are physical: left/top, with the other two edges let go.
    setPlace({ position: 'fixed', left: spot.left, top: spot.top, right: 'auto', bottom: 'auto', maxBlockSize: spot.maxHeight, overflow: 'auto' });
  }, [buttonId]);

  // Placed before the first paint of the open panel (a previous placement is measured over).
  useLayoutEffect(() => {
    if (!open) return;
    reposition();
    window.addEventListener('resize', reposition);
    window.addEventListener('scroll', reposition, true);
    return () => {
      window.removeEventListener('resize', reposition);
      window.removeEventListener('scroll', reposition, true);
    };
  }, [open, reposition]);

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
        <div
          className="drafts-popover"
          id={panelId}
          ref={panelRef}
          role="dialog"
          aria-label={props.label}
          style={place ?? { position: 'fixed', visibility: 'hidden', left: 0, top: 0, right: 'auto', bottom: 'auto' }}
        >
          {props.children(close)}
        </div>
      )}
    </div>
  );
}
