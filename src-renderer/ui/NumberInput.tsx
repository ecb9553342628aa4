/**
 * A number box that takes any digits: Persian (۰–۹), Arabic-Indic (٠–٩) and ASCII, a decimal comma
 * or "٫". Chromium's `<input type=number>` silently drops every digit that is not ASCII, so this is
 * a text box with the spin-button role (its name, value, range and the arrow keys, as the native
 * one has). The caller keeps the text and reads it with readNumber / readInteger
 * (src-shared/digits.ts); numberText writes a number back in the locale's digits.
 */
import type { InputHTMLAttributes, KeyboardEvent } from 'react';
import { readNumber } from '#shared/digits';
import { formatNumber } from '#shared/i18n';

/** A number as a number box shows it: the locale's digits, no grouping ("۱۲۰۰", "0.5"). */
export function numberText(n: number): string {
  return formatNumber(n, { useGrouping: false, maximumFractionDigits: 3 });
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'min' | 'max' | 'step' | 'role'> & {
  value: string;
  onChange: (text: string) => void;
  min?: number;
  max?: number;
  /** What the arrow keys add or take away (1 unless told). */
  step?: number;
  integer?: boolean;
};

export function NumberInput({ value, onChange, min, max, step = 1, integer, onKeyDown, ...rest }: Props) {
  const n = readNumber(value);
  const key = (e: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(e);
    if (e.defaultPrevented || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    let next = (n ?? min ?? 0) + (e.key === 'ArrowUp' ? step : -step);
    next = Math.round(next * 1000) / 1000;
    if (min !== undefined) next = Math.max(min, next);
    if (max !== undefined) next = Math.min(max, next);
    onChange(numberText(next));
  };
  return (
    <input
      {...rest}
      type="text"
      role="spinbutton"
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      spellCheck={false}
      value={value}
      aria-valuenow={n ?? undefined}
      aria-valuemin={min}
      aria-valuemax={max}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={key}
    />
  );
}
