// Types for scripts/dist.mjs (imported by src-main/packaging/dist.test.ts).
export type Probe = { what: string; url: string };
export function downloadProbes(electronVersion: string, env?: NodeJS.ProcessEnv): Probe[];
export function preflight(
  probes: Probe[],
  options?: { timeoutMs?: number; fetchImpl?: typeof fetch },
): Promise<{ ok: boolean; message: string }>;
