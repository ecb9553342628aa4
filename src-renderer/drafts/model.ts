/**
 * The draft editor's working copy and the pure functions around it: making parts, turning them into
 * what the contract takes (with plain-words problems when they can't be yet), summaries for the list,
 * and small text edits for the toolbar. No React, no calls to main.
 */
import {
  ATTACHMENT_LIMITS,
  attachmentOversize,
  CAPTION_LIMIT,
  DraftPartSchema,
  POLL_OPTION_LIMIT,
  TEXT_LIMIT,
  type AttachmentKind,
  type AttachmentRef,
  type DraftPart,
  type DraftPartKind,
  templatedTexts,
} from '#shared/campaigns';
import { numberAscii } from '#shared/digits';
import { t, type MessageKey } from '#shared/i18n';
import { mulberry32 } from '#shared/random';
import { issueMessage } from '#shared/validation';
import { cutText } from '#shared/text';
import {
  MAX_SPINTAX_VARIANTS,
  parseTemplate,
  renderNodes,
  spintaxVariants,
  templateVariables,
  type TemplateContact,
  type TemplateIssue,
} from '#shared/template';

/** The most parts a draft can hold (DraftPartsSchema's max). */
export const MAX_PARTS = 10;
/** DraftPartSchema's limits that the shared module does not export by name. */
export const POLL_QUESTION_LIMIT = 255;
export const POLL_OPTION_CHARS = 100;
export const NAME_LIMIT = 100;
export { CAPTION_LIMIT, POLL_OPTION_LIMIT, TEXT_LIMIT };

export const PART_KINDS: readonly DraftPartKind[] = ['text', 'image', 'video', 'document', 'voice', 'location', 'contact', 'poll'];

/** What the user calls each kind of part. */
export const KIND_LABEL: Record<DraftPartKind, MessageKey> = {
  text: 'drafts.kind.text',
  image: 'drafts.kind.image',
  video: 'drafts.kind.video',
  document: 'drafts.kind.document',
  voice: 'drafts.kind.voice',
  location: 'drafts.kind.location',
  contact: 'drafts.kind.contact',
  poll: 'drafts.kind.poll',
};

/**
 * A part as edited: media may have no file yet, coordinates are the text typed. `key` is local
 * and stable, so a part keeps its own state (an attach error, a thumbnail) when it moves.
 */
export type EditorPart = { key: string } & (
  | { kind: 'text'; text: string }
  | { kind: 'image' | 'video' | 'document'; attachment: AttachmentRef | null; caption: string }
  | { kind: 'voice'; attachment: AttachmentRef | null }
  | { kind: 'location'; latitude: string; longitude: string; name: string; address: string }
  | { kind: 'contact'; displayName: string; phone: string }
  | { kind: 'poll'; question: string; options: string[]; multipleAnswers: boolean }
);

export type Working = { id: number; name: string; parts: EditorPart[] };

let nextKey = 1;
const newKey = (): string => `p${nextKey++}`;

export function isMediaKind(kind: DraftPartKind): kind is AttachmentKind {
  return kind === 'image' || kind === 'video' || kind === 'document' || kind === 'voice';
}

export function newPart(kind: DraftPartKind): EditorPart {
  const key = newKey();
  switch (kind) {
    case 'text':
      return { key, kind, text: '' };
    case 'image':
    case 'video':
    case 'document':
      return { key, kind, attachment: null, caption: '' };
    case 'voice':
      return { key, kind, attachment: null };
    case 'location':
      return { key, kind, latitude: '', longitude: '', name: '', address: '' };
    case 'contact':
      return { key, kind, displayName: '', phone: '' };
    case 'poll':
      return { key, kind, question: '', options: ['', ''], multipleAnswers: false };
  }
}

export function fromDraftPart(part: DraftPart): EditorPart {
  const key = newKey();
  if (part.kind === 'location') {
    return { ...part, key, latitude: String(part.latitude), longitude: String(part.longitude) };
  }
  if (part.kind === 'poll') return { ...part, key, options: [...part.options] };
  return { ...part, key };
}

export function workingFrom(draft: { id: number; name: string; parts: readonly DraftPart[] }): Working {
  return { id: draft.id, name: draft.name, parts: draft.parts.map(fromDraftPart) };
}

/** Reads a coordinate as typed ("41,0082" too); null when it isn't a number. */
export function readCoordinate(text: string): number | null {
  const cleaned = numberAscii(text).trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** "41.0082, 28.9784" (as copied from a map) split into latitude and longitude; null otherwise. */
export function splitCoordinates(text: string): { latitude: string; longitude: string } | null {
  const m = /^\s*\(?\s*([-+]?\d+(?:\.\d+)?)\s*[,;\s،]\s*([-+]?\d+(?:\.\d+)?)\s*\)?\s*$/.exec(numberAscii(text));
  if (!m?.[1] || !m[2]) return null;
  return { latitude: m[1], longitude: m[2] };
}

export type PartProblem = { key: string; message: string };

/** One part as the contract takes it, or what stops it, in plain words. */
export function toDraftPart(part: EditorPart): { ok: true; part: DraftPart } | { ok: false; message: string } {
  let candidate: unknown;
  switch (part.kind) {
    case 'image':
    case 'video':
    case 'document':
    case 'voice': {
      if (part.attachment === null) return { ok: false, message: t('drafts.problem.noFile') };
      const { key: _key, ...rest } = part;
      candidate = rest;
      break;
    }
    case 'location': {
      const latitude = readCoordinate(part.latitude);
      const longitude = readCoordinate(part.longitude);
      if (latitude === null) return { ok: false, message: t('drafts.problem.latitude') };
      if (longitude === null) return { ok: false, message: t('drafts.problem.longitude') };
      candidate = { kind: 'location', latitude, longitude, name: part.name, address: part.address };
      break;
    }
    default: {
      const { key: _key, ...rest } = part;
      candidate = rest;
    }
  }
  const parsed = DraftPartSchema.safeParse(candidate, { error: issueMessage });
  if (parsed.success) return { ok: true, part: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? t('drafts.problem.generic') };
}

/** Every part as the contract takes it, or the problems per part (by key). */
export function toDraftParts(parts: readonly EditorPart[]): { ok: true; parts: DraftPart[] } | { ok: false; problems: PartProblem[] } {
  const out: DraftPart[] = [];
  const problems: PartProblem[] = [];
  for (const part of parts) {
    const result = toDraftPart(part);
    if (result.ok) out.push(result.part);
    else problems.push({ key: part.key, message: result.message });
  }
  return problems.length === 0 ? { ok: true, parts: out } : { ok: false, problems };
}

/** Template problems across the parts (for the warning badge). */
export function templateIssueCount(parts: readonly (EditorPart | DraftPart)[]): number {
  let count = 0;
  for (const part of parts) {
    for (const text of templatedTexts(part)) {
      const parsed = parseTemplate(text);
      if (!parsed.ok) count += parsed.issues.length;
    }
  }
  return count;
}

export function templateIssues(text: string): TemplateIssue[] {
  const parsed = parseTemplate(text);
  return parsed.ok ? [] : parsed.issues;
}

/** The first words of a draft, for its line in the list ('' when it has no text). */
export function draftSnippet(parts: readonly (EditorPart | DraftPart)[], max = 80): string {
  for (const part of parts) {
    const text = templatedTexts(part).find((s) => s.trim() !== '');
    if (text) {
      const oneLine = text.replace(/\s+/g, ' ').trim();
      return oneLine.length > max ? `${cutText(oneLine, max - 1)}…` : oneLine;
    }
  }
  return '';
}

/** Stable text form of what would be saved, to tell whether anything changed. */
export function serializeWorking(w: Pick<Working, 'name' | 'parts'>): string {
  return JSON.stringify({ name: w.name, parts: w.parts.map(({ key: _key, ...rest }) => rest) });
}

/** A name no other draft has: "New draft", "New draft 2"… */
export function freshName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base} ${n}`;
    if (!names.has(name)) return name;
  }
}

/**
 * Variables only, one synthetic text part per templated text of the draft, for drafts.variableGaps:
 * always valid whatever state the other parts are in (a picture with no file yet, say).
 */
export function gapsProbe(parts: readonly EditorPart[]): DraftPart[] {
  const out: DraftPart[] = [];
  for (const part of parts) {
    for (const text of templatedTexts(part)) {
      const variables = templateVariables(text);
      if (variables.length === 0) continue;
      const probe = variables.map((v) => variableToken(v.key, v.fallback ?? '', v.fallback !== null)).join(' ');
      out.push({ kind: 'text', text: probe.slice(0, TEXT_LIMIT) });
    }
  }
  return out.slice(0, MAX_PARTS);
}

// ---------------------------------------------------------------------------------------------
// Text edits (toolbar)

/** Escapes what a template gives a meaning to, so it is sent as written. */
export function escapeTemplateText(text: string): string {
  return text.replace(/[\\{}|]/g, (ch) => `\\${ch}`);
}

/** `{{key}}`, or `{{key|fallback}}` when a fallback is given (or `withBar`). */
export function variableToken(key: string, fallback: string, withBar = fallback.trim() !== ''): string {
  const safeKey = escapeTemplateText(key.replace(/[\r\n]+/g, ' '));
  const safeFallback = escapeTemplateText(fallback.replace(/[\r\n]+/g, ' ').trim());
  return withBar ? `{{${safeKey}|${safeFallback}}}` : `{{${safeKey}}}`;
}

export type TextEdit = { text: string; selectionStart: number; selectionEnd: number };

/** Replaces the selection with `insert`; the caret lands after it (or `select` marks part of it). */
export function insertAt(
  text: string,
  start: number,
  end: number,
  insert: string,
  select?: { from: number; to: number },
): TextEdit {
  const next = text.slice(0, start) + insert + text.slice(end);
  if (select) return { text: next, selectionStart: start + select.from, selectionEnd: start + select.to };
  const caret = start + insert.length;
  return { text: next, selectionStart: caret, selectionEnd: caret };
}

/**
 * Wraps the selection in a WhatsApp marker (*bold*, _italic_, ~strike~, ```mono```). Spaces at the
 * edges of the selection stay outside (WhatsApp ignores `* bold*`). With nothing selected, the
 * markers go in with the caret between them.
 */
export function wrapSelection(text: string, start: number, end: number, marker: string): TextEdit {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  const inner = text.slice(from, to);
  // Already wrapped: unwrap, so the button toggles.
  if (
    inner.length > 0 &&
    text.slice(from - marker.length, from) === marker &&
    text.slice(to, to + marker.length) === marker
  ) {
    const next = text.slice(0, from - marker.length) + inner + text.slice(to + marker.length);
    return { text: next, selectionStart: from - marker.length, selectionEnd: to - marker.length };
  }
  const next = text.slice(0, from) + marker + inner + marker + text.slice(to);
  return { text: next, selectionStart: from + marker.length, selectionEnd: to + marker.length };
}

// ---------------------------------------------------------------------------------------------
// Files

const MIME_LABEL: Record<string, MessageKey> = {
  'image/jpeg': 'drafts.mime.jpeg',
  'image/png': 'drafts.mime.png',
  'video/mp4': 'drafts.mime.mp4',
  'video/3gpp': 'drafts.mime.3gp',
  'video/3gpp2': 'drafts.mime.3gp',
  'audio/ogg': 'drafts.mime.ogg',
  'audio/mpeg': 'drafts.mime.mp3',
  'audio/mp4': 'drafts.mime.m4a',
  'audio/aac': 'drafts.mime.aac',
  'audio/amr': 'drafts.mime.amr',
  'application/pdf': 'drafts.mime.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'drafts.mime.word',
  'application/msword': 'drafts.mime.word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'drafts.mime.excel',
  'application/vnd.ms-excel': 'drafts.mime.excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'drafts.mime.powerpoint',
  'application/vnd.ms-powerpoint': 'drafts.mime.powerpoint',
  'application/zip': 'drafts.mime.zip',
  'text/plain': 'drafts.mime.text',
};

/** "PNG picture", "PDF document", or "XYZ file" from the name when the type is not a common one. */
export function fileTypeLabel(mimeType: string, fileName: string): string {
  const key = MIME_LABEL[mimeType];
  if (key) return t(key);
  const ext = /\.([a-z0-9]{1,6})$/i.exec(fileName)?.[1];
  return ext ? t('drafts.mime.other', { ext: ext.toUpperCase() }) : t('drafts.mime.unknown');
}

/** "820 bytes", "12 KB", "3.4 MB". */
export function formatSize(bytes: number, locale: string): string {
  const KB = 1024;
  const MB = 1024 * 1024;
  if (bytes < KB) return t('drafts.size.bytes', { size: bytes });
  if (bytes < MB) return t('drafts.size.kb', { size: Math.max(1, Math.round(bytes / KB)) });
  const mb = (bytes / MB).toLocaleString(locale, { maximumFractionDigits: 1 });
  return t('drafts.size.mb', { size: mb });
}

export { ATTACHMENT_LIMITS };

/** The name main would show: the base name without control characters or bidi overrides. */
function shownFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const clean = Array.from(base.normalize('NFC'))
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return !(code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069));
    })
    .join('')
    .trim();
  return clean === '' || /^\.+$/.test(clean) ? 'attachment' : clean;
}

/**
 * Why a file of `size` bytes can't be a `kind` part, in the words main uses ("“big.jpg” is 7.2 MB,
 * but WhatsApp pictures can be at most 5.0 MB. …"); null when the size is fine.
 */
export function oversizeMessage(kind: AttachmentKind, fileName: string, size: number): string | null {
  return attachmentOversize(kind, shownFileName(fileName), size)?.message ?? null;
}

/** What the file picker offers for each kind (main still checks the content). */
export const ACCEPT: Record<AttachmentKind, string> = {
  image: 'image/jpeg,image/png,.jpg,.jpeg,.png',
  video: 'video/mp4,video/3gpp,.mp4,.3gp',
  voice: 'audio/*,.ogg,.opus,.mp3,.m4a,.amr,.aac',
  document: '',
};

// ---------------------------------------------------------------------------------------------
// Preview

/** A templated text as one contact would read it; null when the template has problems. */
export type Rendered = { text: string | null; raw: string };

/**
 * Renders every templated text of the parts for one contact with one random stream, in reading
 * order, so a seed gives one whole message and another seed another variation.
 */
export function renderParts(parts: readonly EditorPart[], contact: TemplateContact, seed: number): Map<string, Rendered> {
  const random = mulberry32(seed);
  const out = new Map<string, Rendered>();
  for (const part of parts) {
    const [raw] = templatedTexts(part);
    if (raw === undefined) continue;
    const parsed = parseTemplate(raw);
    out.set(part.key, { raw, text: parsed.ok ? renderNodes(parsed.nodes, contact, random) : null });
  }
  return out;
}

/** How many different messages the spintax of all parts can give (capped like spintaxVariants). */
export function variationCount(parts: readonly EditorPart[]): number {
  let total = 1;
  for (const part of parts) {
    for (const text of templatedTexts(part)) total = Math.min(MAX_SPINTAX_VARIANTS, total * Math.max(1, spintaxVariants(text)));
  }
  return total;
}
