/** A compact grid of common emoji; arrow keys move around it, Enter or a click inserts one. */
import { useRef, type KeyboardEvent } from 'react';
import { t } from '#shared/i18n';

export const EMOJI: readonly string[] = [
  '😀', '😃', '😄', '😁', '😊', '🙂', '😉', '😍', '🥰', '😘',
  '😎', '🤩', '🥳', '😂', '🤣', '🤗', '🤔', '😮', '😢', '🙏',
  '👍', '👏', '🙌', '👋', '💪', '👌', '✌️', '🤝', '👉', '☝️',
  '❤️', '🧡', '💛', '💚', '💙', '💜', '🔥', '✨', '⭐', '🌟',
  '🎉', '🎁', '🎈', '🛍️', '🛒', '💰', '💸', '🏷️', '📢', '📣',
  '📦', '🚚', '⏰', '📅', '📍', '📞', '✅', '❌', '⚠️', '🆕',
];

const COLUMNS = 10;

export function EmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  const gridRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(gridRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
    const step: Record<string, number> = {
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
      ArrowDown: COLUMNS,
      ArrowUp: -COLUMNS,
      Home: -index,
      End: buttons.length - 1 - index,
    };
    const delta = step[e.key];
    if (delta === undefined) return;
    e.preventDefault();
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, index + delta))];
    next?.focus();
  };
  return (
    <div className="drafts-emoji" role="group" aria-label={t('drafts.tool.emoji')} ref={gridRef} onKeyDown={onKeyDown} data-testid="emoji-picker">
      {EMOJI.map((emoji, i) => (
        <button
          key={emoji}
          type="button"
          className="drafts-emoji-btn"
          // One stop for Tab; the arrows move inside the grid.
          tabIndex={i === 0 ? 0 : -1}
          aria-label={emoji}
          onClick={() => onPick(emoji)}
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
