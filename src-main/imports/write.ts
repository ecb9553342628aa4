/**
 * The import writer. It runs in its own worker with its own connection and keeps one transaction
 * open from the first chunk to the last, so the book is either fully imported or untouched (a
 * cancel, an error or a killed process leaves nothing behind). WAL lets the main thread keep
 * reading meanwhile. Chunks arrive while the reader worker is still checking later rows, so the
 * two cores share the work.
 */

import { searchIndexStatements } from '#main/contacts/search-index';
import { nameSortKey } from '#shared/text';
import type { PreparedContact } from './prepare';
import type { Sqlite } from '#main/kernel/db';

export type WriteTarget =
  | { kind: 'contacts' }
  | { kind: 'existingGroup'; groupId: number }
  | { kind: 'newGroup'; name: string }
  | { kind: 'blacklist'; reason: string };

export type WriteOptions = {
  fileName: string;
  onDuplicate: 'skip' | 'update';
  target: WriteTarget;
  tags: string[];
  now: string;
};

export type WriteResult = {
  added: number;
  updated: number;
  skipped: number;
  blacklisted: number;
  groupId: number | null;
  groupName: string | null;
};

export class ContactWriter {
  readonly result: WriteResult = { added: 0, updated: 0, skipped: 0, blacklisted: 0, groupId: null, groupName: null };
  private readonly source: string;
  private open = false;
  private readonly write: (contacts: PreparedContact[]) => void;

  constructor(
    private readonly db: Sqlite,
    private readonly o: WriteOptions,
  ) {
    this.source = `import: ${o.fileName}`;
    db.exec('BEGIN IMMEDIATE');
    this.open = true;
    try {
      this.write = o.target.kind === 'blacklist' ? this.blacklistWriter(o.target.reason) : this.contactWriter();
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  writeChunk(contacts: PreparedContact[]): void {
    if (!this.open) throw new Error('import writer is closed');
    this.write(contacts);
  }

  commit(): WriteResult {
    if (!this.open) throw new Error('import writer is closed');
    // Merge the search index's many small segments from the chunks into one: a few tens of ms
    // here keeps prefix searches about twice as fast afterwards.
    if (this.result.added + this.result.updated > 0) this.db.exec("INSERT INTO contacts_fts (contacts_fts) VALUES ('optimize')");
    this.db.exec('COMMIT');
    this.open = false;
    return this.result;
  }

  rollback(): void {
    if (!this.open) return;
    this.open = false;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  private blacklistWriter(reason: string) {
    const upsert = this.db.prepare(
      `INSERT INTO suppressions (phone, kind, reason, source, created_at) VALUES (?, 'black', ?, ?, ?)
       ON CONFLICT (phone) DO UPDATE SET kind = 'black', reason = excluded.reason, source = excluded.source`,
    );
    return (contacts: PreparedContact[]) => {
      for (const c of contacts) {
        upsert.run(c.phone, reason, this.source, this.o.now);
        this.result.blacklisted++;
      }
    };
  }

  private resolveGroup(): number | null {
    const { db, o } = this;
    if (o.target.kind === 'newGroup') {
      const existing = db.prepare('SELECT id, name FROM groups WHERE name = ?').get(o.target.name) as
        | { id: number; name: string }
        | undefined;
      this.result.groupName = existing?.name ?? o.target.name;
      return existing
        ? existing.id
        : Number(db.prepare('INSERT INTO groups (name, created_at) VALUES (?, ?)').run(o.target.name, o.now).lastInsertRowid);
    }
    if (o.target.kind === 'existingGroup') {
      const g = db.prepare('SELECT id, name FROM groups WHERE id = ?').get(o.target.groupId) as
        | { id: number; name: string }
        | undefined;
      if (!g) throw new Error('The group chosen for this import no longer exists.');
      this.result.groupName = g.name;
      return g.id;
    }
    return null;
  }

  private contactWriter() {
    const { db, o } = this;
    const groupId = this.resolveGroup();
    this.result.groupId = groupId;
    const insert = db.prepare(
      `INSERT INTO contacts (phone, name, name_key, fields, note, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (phone) DO NOTHING`,
    );
    const findExisting = db.prepare('SELECT id, name, fields, note FROM contacts WHERE phone = ?');
    const update = db.prepare('UPDATE contacts SET name = ?, name_key = ?, fields = ?, note = ?, updated_at = ? WHERE id = ?');
    const addTag = db.prepare('INSERT OR IGNORE INTO contact_tags (tag, contact_id) VALUES (?, ?)');
    const addMember = db.prepare('INSERT OR IGNORE INTO group_members (group_id, contact_id, added_at) VALUES (?, ?, ?)');
    const index = searchIndexStatements(db);

    return (contacts: PreparedContact[]) => {
      let firstNew = 0;
      let lastNew = -1;
      for (const c of contacts) {
        const info = insert.run(c.phone, c.name, c.nameKey, JSON.stringify(c.fields), c.note, this.source, o.now, o.now);
        let id: number;
        if (info.changes === 1) {
          id = Number(info.lastInsertRowid);
          if (lastNew < firstNew) firstNew = id;
          lastNew = id;
          this.result.added++;
        } else {
          const existing = findExisting.get(c.phone) as { id: number; name: string; fields: string; note: string };
          id = existing.id;
          if (o.onDuplicate === 'update') {
            // The file's non-empty values win; fields the file does not have are kept.
            const merged = new Map<string, string>(JSON.parse(existing.fields) as [string, string][]);
            for (const [k, v] of c.fields) merged.set(k, v);
            const name = c.name || existing.name;
            update.run(name, c.name ? c.nameKey : nameSortKey(name), JSON.stringify([...merged]), c.note || existing.note, o.now, id);
            index.reindex(id);
            this.result.updated++;
          } else {
            this.result.skipped++;
          }
        }
        if (o.onDuplicate === 'update' || info.changes === 1) {
          for (const tag of c.tags) addTag.run(tag, id);
        }
        for (const tag of o.tags) addTag.run(tag, id);
        if (groupId !== null) addMember.run(groupId, id, o.now);
      }
      // New rows of this chunk have consecutive ids: this writer holds the only write lock.
      index.indexRange(firstNew, lastNew);
    };
  }
}
