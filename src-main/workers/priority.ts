import fs from 'node:fs';
import os from 'node:os';

/**
 * On Linux a thread has its own nice value: the calling worker thread's is lowered, so on a machine
 * with few cores the main thread (which paces the sends) gets the CPU first whenever both want it.
 * Elsewhere the call is skipped: there it would lower the whole process.
 */
export function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(/\/task\/(\d+)$/.exec(fs.readlinkSync('/proc/thread-self'))?.[1]);
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) os.setPriority(tid, 10);
  } catch {
    // No /proc, or not allowed: the work just runs at the normal priority.
  }
}
