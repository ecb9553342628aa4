/**
 * Moving to another computer: everything exported into one .pigeon file comes back on a fresh data
 * folder (contacts, groups, campaigns with their reports, settings, attachments); a file that is
 * not one, or that names anything outside a backup, is refused and leaves nothing behind; an
 * existing file is never replaced.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyQuery } from '#shared/filters';
import { testCore } from '#main/test-support/core';
import { packArchive, unpackArchive } from './archive';

type Opened = Awaited<ReturnType<typeof testCore>>;
const opened: Opened[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeon-archive-'));
  dirs.push(d);
  return d;
}

async function open() {
  const o = await testCore({ startQueue: false, connectAccounts: false });
  opened.push(o);
  return o;
}

describe('export everything, import everything', () => {
  it('a fresh install gets the same contacts, groups, drafts with their files and settings back', async () => {
    const from = await open();
    const h = from.core.handlers;
    for (let i = 0; i < 20; i++) await h['contacts.create']({ phone: `+90532555${String(i).padStart(4, '0')}`, name: `Müşteri ${i} 🌸`, fields: [], tags: ['vip'], note: '' });
    await h['groups.create']({ name: 'Kunden' });
    const doc = await h['drafts.attach']({ kind: 'document', fileName: 'fiyat listesi.txt', bytes: new TextEncoder().encode('fiyatlar') });
    await h['drafts.create']({ name: 'Fiyatlar', parts: [{ kind: 'document', attachment: doc, caption: '' }] });
    await h['settings.update']({ defaultCountry: 'DE' });
    const out = tempDir();
    const exported = await h['backups.exportArchive']({ path: path.join(out, 'moving day'), includeSessions: false });
    expect(exported.path).toBe(path.join(out, 'moving day.pigeon'));
    expect(exported.bytes).toBe(fs.statSync(exported.path).size);
    expect(exported.backup.reason).toBe('export');

    const to = await open();
    const imported = await to.core.handlers['backups.importArchive']({ path: exported.path });
    expect(imported.id).toBe(exported.backup.id);
    expect((await to.core.handlers['backups.list']({})).backups.map((b) => b.id)).toContain(imported.id);
    await to.core.handlers['backups.restore']({ id: imported.id });

    const th = to.core.handlers;
    const list = await th['contacts.list']({ query: emptyQuery(), sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 100, withTotal: true });
    expect(list.total).toBe(20);
    expect(list.rows[0]?.name).toBe('Müşteri 0 🌸');
    expect((await th['groups.list']({})).map((g) => g.name)).toEqual(['Kunden']);
    expect((await th['settings.get']({})).defaultCountry).toBe('DE');
    const [draft] = await th['drafts.list']({});
    const part = draft?.parts[0];
    expect(part?.kind).toBe('document');
    // The attachment's file came along, byte for byte.
    const file = path.join(to.dataDir, 'attachments', doc.id);
    expect(fs.readFileSync(file, 'utf8')).toBe('fiyatlar');
    // Importing the same file again finds the same backup.
    expect((await th['backups.importArchive']({ path: exported.path })).id).toBe(imported.id);
  });

  it('never replaces an existing file, and says so', async () => {
    const { core } = await open();
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'taken.pigeon'), 'mine');
    await expect(core.handlers['backups.exportArchive']({ path: path.join(out, 'taken.pigeon'), includeSessions: false })).rejects.toThrow(/already there/);
    expect(fs.readFileSync(path.join(out, 'taken.pigeon'), 'utf8')).toBe('mine');
    await expect(core.handlers['backups.exportArchive']({ path: 'relative/name', includeSessions: false })).rejects.toThrow(/full path/);
    await expect(core.handlers['backups.exportArchive']({ path: path.join(out, 'no such folder', 'x.pigeon'), includeSessions: false })).rejects.toThrow(/does not exist/);
  });

  it.each([
    ['a text file', () => Buffer.from('name,phone\nAyla,+905321110000\n')],
    ['random bytes', () => Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))],
    ['an archive that reaches outside', () => tarOf([['manifest.json', '{}'], ['../../escaped.txt', 'gotcha']])],
    ['an archive naming a file no backup holds', () => tarOf([['manifest.json', '{}'], ['pigeon.sqlite3', 'x'], ['run-me.sh', 'echo hi']])],
    ['an archive whose manifest is not first', () => tarOf([['pigeon.sqlite3', 'x'], ['manifest.json', '{}']])],
    ['an archive cut short', (good: Buffer) => good.subarray(0, Math.floor(good.length / 2))],
    ['an archive with a header changed', (good: Buffer) => Buffer.concat([good.subarray(0, 10), Buffer.from('X'), good.subarray(11)])],
  ])('refuses %s and leaves nothing behind', async (_what, make) => {
    const { core, dataDir } = await open();
    await core.handlers['contacts.create']({ phone: '+905321110001', name: 'Kept', fields: [], tags: [], note: '' });
    const out = tempDir();
    const good = fs.readFileSync((await core.handlers['backups.exportArchive']({ path: path.join(out, 'good.pigeon'), includeSessions: false })).path);
    const bad = path.join(out, 'bad.pigeon');
    fs.writeFileSync(bad, make(good));
    const before = fs.readdirSync(path.join(dataDir, 'backups')).sort();
    await expect(core.handlers['backups.importArchive']({ path: bad })).rejects.toThrow(/not a Pigeon export|not a Pigeon backup|damaged/);
    expect(fs.readdirSync(path.join(dataDir, 'backups')).sort()).toEqual(before);
    expect(fs.existsSync(path.join(dataDir, 'escaped.txt'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'escaped.txt'))).toBe(false);
    expect(fs.existsSync(path.join(os.tmpdir(), 'escaped.txt'))).toBe(false);
  });

  it('a disk that fills while the file is written leaves nothing of it and says so in words', async (ctx) => {
    const { core } = await open();
    for (let i = 0; i < 200; i++) await core.handlers['contacts.create']({ phone: `+90532666${String(i).padStart(4, '0')}`, name: `Person ${i} ${'x'.repeat(200)}`, fields: [], tags: [], note: 'n'.repeat(500) });
    // A tiny disk of its own: a 128 kB tmpfs (needs root and a kernel that lets this process mount).
    const disk = tempDir();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      console.log('skipped: this machine cannot mount a small tmpfs to fill (not root, or not allowed here)');
      ctx.skip();
      return;
    }
    try {
      await expect(core.handlers['backups.exportArchive']({ path: path.join(disk, 'full.pigeon'), includeSessions: false })).rejects.toThrow(/disk is full/);
      expect(fs.readdirSync(disk)).toEqual([]);
      // The data and the backup taken for it are whole.
      expect((await core.handlers['backups.list']({})).backups[0]?.counts.contacts).toBe(200);
    } finally {
      execFileSync('umount', [disk]);
    }
  });

  it('keeps names longer than a tar header holds (deep session folders)', () => {
    const folder = tempDir();
    const deep = ['sessions', 'account-1', 'session', 'Default', 'Service Worker', 'CacheStorage', 'a'.repeat(64), 'b'.repeat(40), 'index.txt'];
    fs.mkdirSync(path.join(folder, ...deep.slice(0, -1)), { recursive: true });
    fs.writeFileSync(path.join(folder, ...deep), 'deep');
    fs.writeFileSync(path.join(folder, 'manifest.json'), '{"a":1}');
    fs.writeFileSync(path.join(folder, 'pigeon.sqlite3'), Buffer.alloc(1300, 7));
    const file = path.join(tempDir(), 'x.pigeon');
    packArchive({ folder, file });
    const into = path.join(tempDir(), 'out');
    unpackArchive({ file, into });
    expect(fs.readFileSync(path.join(into, ...deep), 'utf8')).toBe('deep');
    expect(fs.readFileSync(path.join(into, 'pigeon.sqlite3'))).toEqual(Buffer.alloc(1300, 7));
    expect(fs.readFileSync(path.join(into, 'manifest.json'), 'utf8')).toBe('{"a":1}');
  });
});

/** A minimal ustar archive of `entries`, written here as another tool would. */
function tarOf(entries: [string, string][]): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of entries) {
    const body = Buffer.from(text);
    const h = Buffer.alloc(512);
    h.write(name, 0, 100);
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(body.length.toString(8).padStart(11, '0') + '\0', 124);
    h.write('00000000000\0', 136);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    h.write('        ', 148);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
