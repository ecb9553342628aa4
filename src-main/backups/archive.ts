/**
 * One file for moving to another computer: a backup folder as a plain POSIX tar (ustar, with a pax
 * header for a name longer than 100 bytes), named `.pigeon`. The manifest comes first. Written in
 * the backup worker under a temporary name and renamed when complete; read back strictly: only the
 * names a backup holds, only regular files, every header checked, nothing outside the target.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '#shared/errors';
import { t } from '#shared/i18n';
import { ATTACHMENT_ID_PATTERN, ATTACHMENTS_FOLDER } from '#main/drafts/attachments';
import type { BackupInfo } from '#shared/backups';
import { BOOK_IN_BACKUP, MANIFEST_FILE, QUEUE_IN_BACKUP, SESSIONS_IN_BACKUP, toInfo } from './manifest';
import { checkBackup, type SchemaVersions } from './restore';
import { syncFolder } from './write';

export const ARCHIVE_EXTENSION = '.pigeon';
const BLOCK = 512;
/** ustar's size field: 11 octal digits. */
const MAX_ENTRY_BYTES = 8 ** 11 - 1;
const MAX_ENTRIES = 1_000_000;
const CHUNK = 1 << 20;

export type PackJob = { folder: string; file: string };
export type UnpackJob = { file: string; into: string };
/** Reads a `.pigeon` file into the backups folder `root` as a backup of the list (checked). */
export type ImportJob = { file: string; root: string; latest: SchemaVersions };

/** Writes the backup in `job.folder` to `job.file` (nothing under that name unless complete). */
export function packArchive(job: PackJob): { bytes: number } {
  const names = filesIn(job.folder).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const partial = `${job.file}.partial`;
  let fd: number;
  try {
    fd = fs.openSync(partial, 'wx', 0o600);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST') throw new AppError('conflict', t('archive.err.exists'));
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AppError('invalid_input', t('archive.err.noAccess'));
    throw error;
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (const name of names) {
      const full = path.join(job.folder, ...name.split('/'));
      const size = fs.statSync(full).size;
      if (size > MAX_ENTRY_BYTES) throw new AppError('invalid_input', t('archive.err.tooBig', { file: name }));
      if (Buffer.byteLength(name) > 100) {
        const record = paxRecord('path', name);
        fs.writeSync(fd, header('PaxHeader', record.length, 'x'));
        fs.writeSync(fd, padded(record));
      }
      fs.writeSync(fd, header(Buffer.byteLength(name) > 100 ? name.slice(-100) : name, size, '0'));
      const input = fs.openSync(full, 'r');
      try {
        let left = size;
        while (left > 0) {
          const n = fs.readSync(input, buffer, 0, Math.min(CHUNK, left), null);
          if (n === 0) throw new Error(`${name} shrank while it was written`);
          fs.writeSync(fd, buffer, 0, n);
          left -= n;
        }
      } finally {
        fs.closeSync(input);
      }
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) fs.writeSync(fd, Buffer.alloc(pad));
    }
    fs.writeSync(fd, Buffer.alloc(BLOCK * 2)); // the end: two zero blocks
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOSPC') throw new AppError('internal', t('archive.err.diskFull'));
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AppError('invalid_input', t('archive.err.noAccess'));
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(partial, job.file);
  syncFolder(path.dirname(job.file));
  return { bytes: fs.statSync(job.file).size };
}

/**
 * Reads a `.pigeon` file into `job.into` (which must not exist yet). A file that is not one, or
 * names anything a backup does not hold, is refused in words; what was written is removed.
 */
export function unpackArchive(job: UnpackJob): void {
  let fd: number;
  try {
    fd = fs.openSync(job.file, 'r');
  } catch {
    throw new AppError('invalid_input', t('archive.err.cannotRead'));
  }
  fs.mkdirSync(job.into, { mode: 0o700 });
  try {
    const total = fs.fstatSync(fd).size;
    const block = Buffer.alloc(BLOCK);
    const buffer = Buffer.allocUnsafe(CHUNK);
    let at = 0;
    let entries = 0;
    let longName: string | null = null;
    let sawManifest = false;
    for (;;) {
      if (at + BLOCK > total) throw notArchive();
      fs.readSync(fd, block, 0, BLOCK, at);
      at += BLOCK;
      if (block.every((b) => b === 0)) break; // the end
      if (++entries > MAX_ENTRIES) throw notArchive();
      const h = parseHeader(block);
      if (!h) throw notArchive();
      if (at + h.size > total) throw notArchive();
      const padded = h.size + ((BLOCK - (h.size % BLOCK)) % BLOCK);
      if (h.type === 'x') {
        if (h.size > 64 * 1024) throw notArchive();
        const text = Buffer.alloc(h.size);
        fs.readSync(fd, text, 0, h.size, at);
        longName = parsePaxPath(text.toString('utf8'));
        at += padded;
        continue;
      }
      const name = longName ?? h.name;
      longName = null;
      if (h.type === '5') {
        at += padded;
        continue;
      }
      if (h.type !== '0' || !allowedName(name)) throw notArchive();
      if (entries === 1 && name !== MANIFEST_FILE) throw notArchive();
      sawManifest ||= name === MANIFEST_FILE;
      const target = path.join(job.into, ...name.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      const out = fs.openSync(target, 'wx', 0o600);
      try {
        let left = h.size;
        let from = at;
        while (left > 0) {
          const n = fs.readSync(fd, buffer, 0, Math.min(CHUNK, left), from);
          if (n === 0) throw notArchive();
          fs.writeSync(out, buffer, 0, n);
          left -= n;
          from += n;
        }
        fs.fsyncSync(out);
      } finally {
        fs.closeSync(out);
      }
      at += padded;
    }
    if (!sawManifest) throw notArchive();
  } catch (error) {
    fs.rmSync(job.into, { recursive: true, force: true });
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'EEXIST') throw notArchive(); // a name twice
    throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Unpacks `job.file` beside the backups and checks it as a restore will (manifest, checksums,
 * schema); then it takes its place in the list under its own name. The same backup imported twice
 * is the one already there.
 */
export function importArchive(job: ImportJob): BackupInfo {
  fs.mkdirSync(job.root, { recursive: true, mode: 0o700 });
  const partial = path.join(job.root, `.partial-import-${process.pid}-${Date.now()}`);
  unpackArchive({ file: job.file, into: partial });
  try {
    const manifest = checkBackup(partial, job.latest);
    const final = path.join(job.root, manifest.id);
    if (fs.existsSync(final)) {
      fs.rmSync(partial, { recursive: true, force: true });
      return toInfo(checkBackup(final, job.latest));
    }
    fs.renameSync(partial, final);
    syncFolder(job.root);
    return toInfo(manifest);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

const notArchive = () => new AppError('bad_backup', t('archive.err.notArchive'));

/** The names a backup holds, and nothing else (no `..`, no absolute path, no other folder). */
function allowedName(name: string): boolean {
  if (name === MANIFEST_FILE || name === BOOK_IN_BACKUP || name === QUEUE_IN_BACKUP) return true;
  const parts = name.split('/');
  if (parts[0] === ATTACHMENTS_FOLDER) return parts.length === 2 && ATTACHMENT_ID_PATTERN.test(parts[1] ?? '');
  if (parts[0] === SESSIONS_IN_BACKUP) {
    return parts.length >= 2 && parts.every((p) => p !== '' && p !== '.' && p !== '..' && !p.includes('\\') && !p.includes('\0') && !p.includes(':'));
  }
  return false;
}

/** The manifest first, then the databases, then the rest. */
function rank(name: string): number {
  return name === MANIFEST_FILE ? 0 : name === BOOK_IN_BACKUP ? 1 : name === QUEUE_IN_BACKUP ? 2 : 3;
}

/** Every regular file under `folder`, as `a/b/c` paths. */
function filesIn(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    out.push(path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return out;
}

function header(name: string, size: number, type: '0' | 'x'): Buffer {
  const b = Buffer.alloc(BLOCK);
  b.write(name, 0, 100, 'utf8');
  b.write('0000600\0', 100, 'latin1');
  b.write('0000000\0', 108, 'latin1');
  b.write('0000000\0', 116, 'latin1');
  b.write(size.toString(8).padStart(11, '0') + '\0', 124, 'latin1');
  b.write(Math.floor(Date.now() / 1000).toString(8).padStart(11, '0') + '\0', 136, 'latin1');
  b.write(type, 156, 'latin1');
  b.write('ustar\0', 257, 'latin1');
  b.write('00', 263, 'latin1');
  b.write('        ', 148, 'latin1'); // the checksum counts its own field as spaces
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return b;
}

function parseHeader(b: Buffer): { name: string; size: number; type: string } | null {
  if (b.toString('latin1', 257, 262) !== 'ustar') return null;
  const stored = parseInt(b.toString('latin1', 148, 156).replace(/[\0 ]+$/, '').trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (b[i] ?? 0);
  if (!Number.isFinite(stored) || stored !== sum) return null;
  const sizeText = b.toString('latin1', 124, 136).replace(/[\0 ]+$/, '').trim();
  if (!/^[0-7]{1,11}$/.test(sizeText)) return null;
  const prefix = cString(b, 345, 155);
  const name = cString(b, 0, 100);
  return { name: prefix ? `${prefix}/${name}` : name, size: parseInt(sizeText, 8), type: String.fromCharCode(b[156] ?? 0) || '0' };
}

function cString(b: Buffer, start: number, length: number): string {
  const end = b.indexOf(0, start);
  return b.toString('utf8', start, end === -1 || end > start + length ? start + length : end);
}

/** A pax record: "<length> path=<value>\n", where the length counts itself. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  return Buffer.from(`${length}${body}`, 'utf8');
}

function parsePaxPath(text: string): string | null {
  for (const line of text.split('\n')) {
    const m = /^\d+ path=(.*)$/.exec(line);
    if (m?.[1] !== undefined) return m[1];
  }
  return null;
}

function padded(b: Buffer): Buffer {
  const pad = (BLOCK - (b.length % BLOCK)) % BLOCK;
  return pad ? Buffer.concat([b, Buffer.alloc(pad)]) : b;
}
