/**
 * Over-long cells lose nothing but their tail: the contact is kept, the cell is cut to the limit,
 * and the summary lists the cut with its row and column. Through the contract, the real reader and
 * writer workers, and real SQLite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '#shared/limits';
import { callCore, testCore } from '#main/test-support/core';
import type { Core } from '#main/core/core';

let core: Core;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ core, cleanup } = await testCore());
});
afterEach(async () => {
  await cleanup();
});

const MAX = IMPORT_LIMITS.maxCellChars;

describe('an over-long note or field', () => {
  it('keeps the contact, cuts the cell to the limit and lists a warning with row and column', async () => {
    const longNote = 'n'.repeat(MAX + 1234);
    // An emoji straddling the limit: the cut must not leave half of it behind.
    const longField = `${'f'.repeat(MAX - 1)}😊${'g'.repeat(50)}`;
    const csv = [
      'Name;Phone;Remarks;Notes',
      'Ayşe Yılmaz;0532 123 45 67;likes tea;',
      `Long Note;0533 765 43 21;short;${longNote}`,
      `Long Field;0542 111 22 33;${longField};ok`,
      'Çağrı Şen;0505 222 33 44;;',
    ].join('\r\n');
    const preview = await callCore(core, 'imports.open', { fileName: 'long.csv', bytes: new TextEncoder().encode(csv) });
    const mapping = preview.mapping.map((m) =>
      m.header === 'Remarks' ? { ...m, role: 'field' as const, fieldKey: 'Remarks' } : m.header === 'Notes' ? { ...m, role: 'note' as const } : m,
    );
    const summary = await callCore(core, 'imports.run', {
      importId: preview.importId,
      mapping,
      onDuplicate: 'skip',
      target: { kind: 'contacts' },
      tags: [],
    });
    expect(summary).toMatchObject({ status: 'completed', added: 4, rejected: 0, warned: 2 });
    expect(summary.rejectedSample).toEqual([]);
    expect(summary.warningSample).toEqual([
      {
        row: 3,
        sheet: '',
        phone: '0533 765 43 21',
        name: 'Long Note',
        column: 'Notes',
        reason: `Column “Notes” had ${(MAX + 1234).toLocaleString('en')} characters; only the first ${MAX.toLocaleString('en')} were kept`,
      },
      {
        row: 4,
        sheet: '',
        phone: '0542 111 22 33',
        name: 'Long Field',
        column: 'Remarks',
        reason: `Column “Remarks” had ${(MAX + 51).toLocaleString('en')} characters; only the first ${MAX.toLocaleString('en')} were kept`,
      },
    ]);

    const rows = await core.store.db.selectFrom('contacts').select(['name', 'fields', 'note']).orderBy('id').execute();
    expect(rows.map((r) => r.name)).toEqual(['Ayşe Yılmaz', 'Long Note', 'Long Field', 'Çağrı Şen']);
    const longNoteRow = rows[1];
    expect(longNoteRow?.note).toBe('n'.repeat(MAX));
    const fields = new Map(JSON.parse(rows[2]?.fields ?? '[]') as [string, string][]);
    // Cut before the emoji rather than through it.
    expect(fields.get('Remarks')).toBe('f'.repeat(MAX - 1));
    expect(rows[2]?.note).toBe('ok');
  });
});
