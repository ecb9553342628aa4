/** One fault of the demo phone that applies to its next N sends: "Make the next [3] sends fail". */
import { useId, useState } from 'react';

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
};

export function DemoFaultForm({ lead, countLabel, submit, help, disabled, onSubmit, testId }: Props) {
  const [count, setCount] = useState(3);
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
          <input
            type="number"
            min={1}
            max={1000}
            value={count}
            aria-label={countLabel}
            aria-describedby={helpId}
            onChange={(e) => setCount(Math.max(1, Math.min(1000, Math.round(Number(e.target.value) || 1))))}
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
