import { describe, expect, it } from 'vitest';
import { contract } from '#shared/contract';
import type { ColumnMapping, ColumnRole, Group, ImportPreview } from '#shared/domain';
import { mulberry32 } from '#shared/random';
import {
  baseName,
  chosenGroup,
  defaultOptions,
  hasPhoneColumn,
  initialMapping,
  mappingForRun,
  optionsProblem,
  progressView,
  roleLabel,
  ROLES,
  runInput,
  warningText,
  withRole,
  type ImportOptions,
} from './model';

const IMPORT_ID = '3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f';

function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    importId: IMPORT_ID,
    fileName: 'Customers 2024.xlsx',
    fileType: 'xlsx',
    sheetName: 'Sheet1',
    headers: ['Tel', 'Ad Soyad', 'Şehir', 'Notlar'],
    sampleRows: [],
    totalRows: 3,
    mapping: [],
    warnings: [],
    sheets: [],
    ...overrides,
  };
}

function col(index: number, header: string, role: ColumnRole, fieldKey = ''): ColumnMapping[number] {
  return { index, header, role, fieldKey };
}

/** A mapping as main guesses it: phone, name, a field, a skipped column, another field. */
function guessed(): ColumnMapping {
  return [
    col(0, 'Tel', 'phone'),
    col(1, 'Ad Soyad', 'name'),
    col(2, 'Şehir', 'field', 'Şehir'),
    col(3, 'Notlar', 'ignore'),
    col(4, 'GSM', 'field', 'GSM'),
  ];
}

const roles = (m: ColumnMapping) => m.map((c) => c.role);

function group(id: number, name: string): Group {
  return { id, name, memberCount: 0, createdAt: '2026-01-01T00:00:00.000Z' };
}

function options(overrides: Partial<ImportOptions> = {}): ImportOptions {
  return { onDuplicate: 'skip', targetKind: 'contacts', groupId: null, newGroupName: 'Customers', reason: '', tagsText: '', ...overrides };
}

describe('roleLabel', () => {
  it('names every role in the user’s words', () => {
    expect(ROLES.map(roleLabel)).toEqual([
      'Phone number',
      'Name',
      'First name',
      'Last name',
      'Tags',
      'Note',
      'Keep as field',
      'Skip this column',
    ]);
  });
});

describe('baseName', () => {
  it.each([
    ['Customers 2024.xlsx', 'Customers 2024'],
    ['backup.tar.gz', 'backup.tar'],
    ['list.CSV', 'list'],
    ['no extension', 'no extension'],
    ['  Spaced name .csv', 'Spaced name'],
    ['Müşteriler 🇹🇷.ods', 'Müşteriler 🇹🇷'],
    ['.csv', '.csv'],
    ['', ''],
  ])('%j gives %j', (fileName, name) => {
    expect(baseName(fileName)).toBe(name);
  });

  it('keeps a group name within 100 characters', () => {
    expect(baseName(`${'x'.repeat(150)}.xlsx`)).toBe('x'.repeat(100));
    expect(baseName(`${'x'.repeat(100)}.xlsx`)).toBe('x'.repeat(100));
  });

  // Was a bug: the cut at 100 is made in UTF-16 units, so an emoji there is cut in half and the
  // suggested group name ends in a broken character (a lone surrogate).
  it('never cuts an emoji in half', () => {
    const name = baseName(`${'a'.repeat(99)}😀 list.xlsx`);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('defaultOptions', () => {
  it('adds contacts, skips duplicates and suggests the file’s name for a new group', () => {
    expect(defaultOptions(preview())).toEqual({
      onDuplicate: 'skip',
      targetKind: 'contacts',
      groupId: null,
      newGroupName: 'Customers 2024',
      reason: '',
      tagsText: '',
    });
  });
});

describe('initialMapping', () => {
  it('has one entry per column, in column order, skipping columns the guess left out', () => {
    const p = preview({ mapping: [col(2, 'Şehir', 'field', 'Şehir'), col(0, 'Tel', 'phone')] });
    expect(initialMapping(p)).toEqual([
      col(0, 'Tel', 'phone'),
      col(1, 'Ad Soyad', 'ignore'),
      col(2, 'Şehir', 'field', 'Şehir'),
      col(3, 'Notlar', 'ignore'),
    ]);
  });

  it('drops guesses for columns the file does not have', () => {
    const p = preview({ headers: ['Tel'], mapping: [col(0, 'Tel', 'phone'), col(7, 'Ghost', 'name')] });
    expect(initialMapping(p)).toEqual([col(0, 'Tel', 'phone')]);
  });

  it('keeps columns that share a header apart', () => {
    const p = preview({ headers: ['Phone', 'Phone'], mapping: [col(1, 'Phone', 'phone')] });
    expect(initialMapping(p)).toEqual([col(0, 'Phone', 'ignore'), col(1, 'Phone', 'phone')]);
  });

  it('is empty for a file with no columns', () => {
    expect(initialMapping(preview({ headers: [], mapping: [] }))).toEqual([]);
  });

  it('copies the guesses, so editing the mapping leaves the preview alone', () => {
    const p = preview({ headers: ['Tel'], mapping: [col(0, 'Tel', 'phone')] });
    const m = initialMapping(p);
    if (m[0]) m[0].role = 'name';
    expect(p.mapping).toEqual([col(0, 'Tel', 'phone')]);
  });
});

describe('withRole', () => {
  it('moves a one-column role: the column that had it is kept as a field named after its header', () => {
    expect(withRole(guessed(), 4, 'phone')).toEqual([
      col(0, 'Tel', 'field', 'Tel'),
      col(1, 'Ad Soyad', 'name'),
      col(2, 'Şehir', 'field', 'Şehir'),
      col(3, 'Notlar', 'ignore'),
      col(4, 'GSM', 'phone', 'GSM'),
    ]);
  });

  it.each<ColumnRole>(['phone', 'name', 'firstName', 'lastName', 'tags', 'note'])('lets only one column be %s', (role) => {
    let m = withRole(guessed(), 2, role);
    m = withRole(m, 3, role);
    expect(roles(m).filter((r) => r === role)).toHaveLength(1);
    expect(m[3]?.role).toBe(role);
    expect(m[2]).toEqual(col(2, 'Şehir', 'field', 'Şehir'));
  });

  it('lets many columns be fields or skipped', () => {
    let m = withRole(guessed(), 3, 'field');
    expect(roles(m)).toEqual(['phone', 'name', 'field', 'field', 'field']);
    m = withRole(withRole(m, 2, 'ignore'), 4, 'ignore');
    expect(roles(m)).toEqual(['phone', 'name', 'ignore', 'field', 'ignore']);
  });

  it('names a new field after its header, trimmed and at most 64 characters', () => {
    const long = `  ${'Ü'.repeat(70)}  `;
    const m = [col(0, '  Doğum tarihi ', 'ignore'), col(1, long, 'ignore')];
    expect(withRole(m, 0, 'field')[0]).toEqual(col(0, '  Doğum tarihi ', 'field', 'Doğum tarihi'));
    expect(withRole(m, 1, 'field')[1]?.fieldKey).toBe('Ü'.repeat(64));
  });

  it('keeps a name the user gave the field', () => {
    const m = [col(0, 'Tel', 'phone', 'mobile'), col(1, 'GSM', 'ignore', 'cell')];
    expect(withRole(m, 1, 'field')[1]).toEqual(col(1, 'GSM', 'field', 'cell'));
    expect(withRole(m, 1, 'phone')[0]).toEqual(col(0, 'Tel', 'field', 'mobile'));
  });

  it('changes nothing when the column already has the role', () => {
    expect(withRole(guessed(), 0, 'phone')).toEqual(guessed());
  });

  it('changes nothing for a column that is not there', () => {
    expect(withRole(guessed(), 42, 'field')).toEqual(guessed());
  });

  it('leaves the mapping it was given alone', () => {
    const m = guessed();
    withRole(m, 4, 'phone');
    expect(m).toEqual(guessed());
  });

  it('never ends with two columns sharing a one-column role, whatever the clicks', () => {
    const random = mulberry32(7);
    let m = guessed();
    for (let i = 0; i < 500; i++) {
      const index = Math.floor(random() * m.length);
      const role = ROLES[Math.floor(random() * ROLES.length)] ?? 'ignore';
      m = withRole(m, index, role);
      expect(m[index]?.role).toBe(role);
      for (const single of ['phone', 'name', 'firstName', 'lastName', 'tags', 'note'] as const) {
        expect(roles(m).filter((r) => r === single).length).toBeLessThanOrEqual(1);
      }
    }
    expect(m.map((c) => [c.index, c.header])).toEqual(guessed().map((c) => [c.index, c.header]));
  });
});

describe('hasPhoneColumn', () => {
  it('is true only while a column holds the phone numbers', () => {
    expect(hasPhoneColumn(guessed())).toBe(true);
    expect(hasPhoneColumn(withRole(guessed(), 0, 'ignore'))).toBe(false);
    expect(hasPhoneColumn([])).toBe(false);
  });
});

describe('mappingForRun', () => {
  it('names every field that has no name yet after its header', () => {
    const m = [col(0, 'Tel', 'phone'), col(1, ' City ', 'field'), col(2, 'Note', 'ignore'), col(3, 'Kod', 'field', 'code')];
    expect(mappingForRun(m)).toEqual([col(0, 'Tel', 'phone'), col(1, ' City ', 'field', 'City'), col(2, 'Note', 'ignore'), col(3, 'Kod', 'field', 'code')]);
    expect(m[1]?.fieldKey).toBe('');
  });

  it('takes a field name of spaces as no name', () => {
    expect(mappingForRun([col(0, 'İl', 'field', '   ')])).toEqual([col(0, 'İl', 'field', 'İl')]);
  });
});

describe('chosenGroup', () => {
  const groups = [group(1, 'VIP'), group(2, 'Wholesale')];

  it('is the chosen group while it exists, else the first one', () => {
    expect(chosenGroup(options({ groupId: 2 }), groups)?.name).toBe('Wholesale');
    expect(chosenGroup(options({ groupId: 99 }), groups)?.name).toBe('VIP');
    expect(chosenGroup(options({ groupId: null }), groups)?.name).toBe('VIP');
  });

  it('is null when there are no groups', () => {
    expect(chosenGroup(options({ groupId: 2 }), [])).toBeNull();
  });
});

describe('optionsProblem', () => {
  const groups = [group(1, 'VIP')];
  const tags = (n: number) => Array.from({ length: n }, (_, i) => `tag${i}`).join(', ');

  it('is null when the import can start', () => {
    expect(optionsProblem(options(), [])).toBeNull();
    expect(optionsProblem(options({ targetKind: 'existingGroup', groupId: 99 }), groups)).toBeNull();
    expect(optionsProblem(options({ targetKind: 'newGroup', newGroupName: ' 🎉 ' }), [])).toBeNull();
    expect(optionsProblem(options({ targetKind: 'blacklist', reason: '' }), [])).toBeNull();
    expect(optionsProblem(options({ tagsText: tags(20) }), [])).toBeNull();
  });

  it('needs a group to add to', () => {
    expect(optionsProblem(options({ targetKind: 'existingGroup' }), [])).toBe(
      'There are no groups yet. Choose “Also in a new group” to create one.',
    );
  });

  it('needs a name for a new group', () => {
    expect(optionsProblem(options({ targetKind: 'newGroup', newGroupName: ' \t ' }), [])).toBe('Give the new group a name.');
  });

  it('allows at most 20 tags, counting a repeated tag once', () => {
    expect(optionsProblem(options({ tagsText: tags(21) }), [])).toBe('Use at most 20 tags.');
    expect(optionsProblem(options({ tagsText: `${tags(20)}; TAG0 | tag1 ,,` }), [])).toBeNull();
  });

  it('allows tags of at most 64 characters and quotes the one that is longer', () => {
    const long = 'y'.repeat(65);
    expect(optionsProblem(options({ tagsText: `vip, ${long}` }), [])).toBe(
      `A tag can have at most 64 characters; this one is longer: “${long}”.`,
    );
    expect(optionsProblem(options({ tagsText: `vip, ${'y'.repeat(64)}` }), [])).toBeNull();
  });

  it('reports the group before the tags', () => {
    expect(optionsProblem(options({ targetKind: 'existingGroup', tagsText: tags(30) }), [])).toBe(
      'There are no groups yet. Choose “Also in a new group” to create one.',
    );
  });
});

describe('runInput', () => {
  const groups = [group(1, 'VIP'), group(2, 'Wholesale')];

  function accepted(input: ReturnType<typeof runInput>) {
    const parsed = contract['imports.run'].input.safeParse(input);
    return parsed.success;
  }

  it('sends the mapping with every field named, the duplicates rule, the target and the tags', () => {
    const m = [col(0, 'Tel', 'phone'), col(1, 'Şehir', 'field'), col(2, 'x', 'ignore')];
    const input = runInput(IMPORT_ID, m, options({ onDuplicate: 'update', tagsText: ' vip ; Yaz 2026,vip ' }), groups);
    expect(input).toEqual({
      importId: IMPORT_ID,
      mapping: [col(0, 'Tel', 'phone'), col(1, 'Şehir', 'field', 'Şehir'), col(2, 'x', 'ignore')],
      onDuplicate: 'update',
      target: { kind: 'contacts' },
      tags: ['vip', 'Yaz 2026'],
    });
    expect(accepted(input)).toBe(true);
  });

  it.each<[string, Partial<ImportOptions>, unknown]>([
    ['the chosen group', { targetKind: 'existingGroup', groupId: 2 }, { kind: 'existingGroup', groupId: 2 }],
    ['the first group when the chosen one is gone', { targetKind: 'existingGroup', groupId: 9 }, { kind: 'existingGroup', groupId: 1 }],
    ['a new group, name trimmed', { targetKind: 'newGroup', newGroupName: '  Yaz 🌞 ' }, { kind: 'newGroup', name: 'Yaz 🌞' }],
    ['the blacklist, reason trimmed', { targetKind: 'blacklist', reason: ' asked to stop \n' }, { kind: 'blacklist', reason: 'asked to stop' }],
  ])('goes to %s', (_what, overrides, target) => {
    const input = runInput(IMPORT_ID, [col(0, 'Tel', 'phone')], options(overrides), groups);
    expect(input?.target).toEqual(target);
    expect(accepted(input)).toBe(true);
  });

  it('is null while the options have a problem', () => {
    expect(runInput(IMPORT_ID, [], options({ targetKind: 'existingGroup' }), [])).toBeNull();
    expect(runInput(IMPORT_ID, [], options({ targetKind: 'newGroup', newGroupName: '' }), groups)).toBeNull();
    expect(runInput(IMPORT_ID, [], options({ tagsText: 'z'.repeat(65) }), groups)).toBeNull();
  });
});

describe('progressView', () => {
  it('says it is checking before the first event', () => {
    expect(progressView(null, 1200)).toEqual({ label: 'Checking numbers… 0 of 1,200', done: 0, total: 1200 });
  });

  it('follows each phase', () => {
    const at = (phase: 'reading' | 'checking' | 'writing' | 'done', done: number, total: number) =>
      progressView({ importId: IMPORT_ID, phase, done, total }, 1200);
    expect(at('reading', 5, 10)).toEqual({ label: 'Reading the file…', done: 5, total: 10 });
    expect(at('checking', 300, 1200)).toEqual({ label: 'Checking numbers… 300 of 1,200', done: 300, total: 1200 });
    expect(at('writing', 1000, 1150)).toEqual({ label: 'Saving contacts… 1,000 of 1,150', done: 1000, total: 1150 });
  });

  it('shows a full bar when done', () => {
    expect(progressView({ importId: IMPORT_ID, phase: 'done', done: 0, total: 0 }, 1200)).toEqual({
      label: 'Saving contacts… 1,200 of 1,200',
      done: 1,
      total: 1,
    });
  });
});

describe('warningText', () => {
  it('uses the catalogue’s words when it knows the warning', () => {
    expect(
      warningText({ code: 'duplicate_header', message: 'reader text', params: { header: 'Phone', renamed: 'Phone (2)' } }),
    ).toBe('Two columns are called “Phone”; the second one is shown as “Phone (2)”.');
  });

  it('falls back to the reader’s own words for a warning it does not know', () => {
    expect(warningText({ code: 'brand_new', message: 'Something new happened.', params: {} })).toBe('Something new happened.');
    expect(warningText({ code: 'toString', message: 'Not a catalogue key.', params: {} })).toBe('Not a catalogue key.');
    expect(warningText({ code: '', message: 'Empty code.', params: {} })).toBe('Empty code.');
  });
});
