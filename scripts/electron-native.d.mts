// Types for scripts/electron-native.mjs (imported by src-main/db/native.test.ts).
export const NATIVE_FILE: string;
export function electronNativeDir(root: string, electronVersion: string, arch: string): string;
export type WantedBuild = { electron: string | null; arch: string; platform: string; betterSqlite3: string | null };
export function wantedBuild(root: string, arch?: string): WantedBuild;
export function electronBinaryPresent(root: string): boolean;
export function electronBuildState(root: string, want?: WantedBuild): { state: 'ready' | 'missing' | 'stale'; dir: string | null; want: WantedBuild };
export function rebuildEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function buildElectronNative(
  root: string,
  options?: { want?: WantedBuild; log?: (line: string) => void; timeoutMs?: number },
): Promise<{ ok: boolean; message: string }>;
export function checkNotNodeAbi(file: string): { ok: boolean; message: string };
export function explainFailure(output: string): string;
