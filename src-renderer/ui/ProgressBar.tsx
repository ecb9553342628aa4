export function ProgressBar(props: { done: number; total: number; label: string }) {
  const pct = props.total > 0 ? Math.min(100, Math.round((props.done / props.total) * 100)) : 0;
  return (
    <div className="progress" data-testid="progress">
      <div className="progress-label">
        <span>{props.label}</span>
        <span>{pct}%</span>
      </div>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={props.label}>
        <div className="progress-fill" style={{ inlineSize: `${pct}%` }} />
      </div>
    </div>
  );
}

/** Work whose size is not known yet: a moving stripe and what is being done (no percentage). */
export function IndeterminateBar({ label, testId }: { label: string; testId?: string }) {
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress-label">
        <span>{label}</span>
      </div>
      {/* No aria-valuenow: that is how an indeterminate progressbar is announced. */}
      <div className="progress-track indeterminate" role="progressbar" aria-label={label}>
        <div className="progress-fill" />
      </div>
    </div>
  );
}
