// Types for scripts/make-icons.mjs (imported by src-main/packaging/icons.test.ts).
export const PNG_SIZES: number[];
export const ICO_SIZES: number[];
export const ICNS_TYPES: [string, number][];
export const PNG_SIGNATURE: Buffer;
export function render(size: number): Buffer;
export function encodePng(size: number, rgba: Buffer): Buffer;
export function toSvg(): string;
export function renderAll(): Map<string, Buffer>;
