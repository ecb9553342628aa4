/**
 * A number typed in the unit the user thinks in (seconds, minutes) and kept in the unit the
 * contract wants (ms): `scale` units of the value make one unit on screen. Any digits are taken
 * (۳۰, ٣٠, 30) and the number is shown in the language's.
 */
import { useId, useState } from 'react';
import { readNumber } from '#shared/digits';
import { NumberInput, numberText } from '#renderer/ui/NumberInput';

function show(value: number, scale: number): string {
  return numberText(Math.round((value / scale) * 1000) / 1000);
}

export function NumberField(props: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  /** Shown after the box ("seconds"). */
  unit?: string;
  scale?: number;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  testId?: string;
  disabled?: boolean;
}) {
  const scale = props.scale ?? 1;
  const id = useId();
  const [text, setText] = useState(() => show(props.value, scale));
  const [seen, setSeen] = useState(props.value);
  // A new value from outside (a preset picked): show it.
  if (props.value !== seen) {
    setSeen(props.value);
    setText(show(props.value, scale));
  }
  const parse = (raw: string): number | null => {
    const n = readNumber(raw);
    if (n === null || (props.integer && !Number.isInteger(n))) return null;
    if (props.min !== undefined && n < props.min) return null;
    if (props.max !== undefined && n > props.max) return null;
    return Math.round(n * scale);
  };
  const invalid = parse(text) === null;
  return (
    <span className="cmp-number">
      <NumberInput
        id={id}
        integer={props.integer}
        aria-label={props.label}
        aria-invalid={invalid || undefined}
        value={text}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(raw) => {
          setText(raw);
          const value = parse(raw);
          if (value !== null) {
            setSeen(value);
            props.onChange(value);
          }
        }}
        onBlur={() => {
          if (parse(text) === null) setText(show(props.value, scale));
        }}
      />
      {props.unit && (
        <label htmlFor={id} className="muted">
          {props.unit}
        </label>
      )}
    </span>
  );
}
