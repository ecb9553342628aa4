/** Timing with the event loop watched: how long a piece of work took and how long it held the loop. */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** The work's time and the longest event-loop block meanwhile, the monitor ticking before and after. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number; blockMs: number }> {
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  // The monitor measures between two of its ticks: let it tick once before the work starts.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  // One more turn of the loop, so a block at the very end is measured too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  lag.disable();
  return { value, ms, blockMs: lag.max / 1e6 };
}
