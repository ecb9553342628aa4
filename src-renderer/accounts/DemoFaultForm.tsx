/** One fault of the demo phone that applies to its next N sends: "Make the next [3] sends fail". */
import { useId, useState } from 'react';
import { readNumber } from '#shared/digits';
import { NumberInput, numberText } from '#renderer/ui/NumberInput';

type Props = {
  /** The words before the number ("Make the next"). */
  lead: string;
  /** The number box's own name, read by screen readers ("How many sends fail"). */
  countLabel: string;
  /** The button, which finishes the sentence ("sends fail"). */
  submit: string;
  /** What it does, in plain words. */
  help: string;
  disabled: boolean;
  onSubmit: (count: number) => void;
  testId: string;
  /** The number's range and first value (default 1–1000, 3): a rate in % is 0–100. */
  min?: number;
  max?: number;
  initial?: number;
};

export function DemoFaultForm({ lead, countLabel, submit, help, disabled, onSubmit, testId, min = 1, max = 1000, initial = 3 }: Props) {
  const [text, setText] = useState(() => numberText(initial));
  const typed = readNumber(text);
  const count = Math.max(min, Math.min(max, Math.round(typed ?? min)));
  const helpId = useId();
  return (
    <form
      className="demo-fault"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(count);
      }}
    >
      <div className="row">
        <label className="inline-field">
          <span>{lead}</span>
          <NumberInput
            integer
            min={min}
            max={max}
            value={text}
            aria-label={countLabel}
            aria-describedby={helpId}
            aria-invalid={typed === null || undefined}
            onChange={setText}
            onBlur={() => setText(numberText(count))}
            style={{ inlineSize: 80 }}
          />
        </label>
        <button type="submit" disabled={disabled} aria-describedby={helpId}>
          {submit}
        </button>
      </div>
      <p id={helpId} className="muted small">
        {help}
      </p>
    </form>
  );
}
