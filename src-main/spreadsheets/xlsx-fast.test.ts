import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { corruptXlsxBytes, generateContactsXlsx, makeZip, messyContactsXlsx, unzip, type ZipFile } from './fixtures';
import { DEFAULT_PARSE_LIMITS, parseSpreadsheet, SpreadsheetError, type ParseLimits } from './parse';
import { decodeXmlText, MAX_UNPACKED_ENTRY_BYTES, numberCellText, readXlsxFast, XlsxRefusal } from './xlsx-fast';

// --- helpers -----------------------------------------------------------------------------------

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string; params: unknown };

function run(bytes: Uint8Array, fast: boolean, limits: ParseLimits = DEFAULT_PARSE_LIMITS, sheetName?: string): Outcome {
  const before = process.env.PIGEON_XLSX_FAST;
  process.env.PIGEON_XLSX_FAST = fast ? '1' : '0';
  try {
    return { ok: true, value: parseSpreadsheet(bytes, 'x.xlsx', limits, sheetName) };
  } catch (e) {
    if (e instanceof SpreadsheetError) return { ok: false, code: e.code, message: e.message, params: e.params };
    throw e;
  } finally {
    if (before === undefined) delete process.env.PIGEON_XLSX_FAST;
    else process.env.PIGEON_XLSX_FAST = before;
  }
}

/** Whether the fast reader handles every sheet of the file itself (no SheetJS fallback). */
function fastHandles(bytes: Uint8Array, maxRows = DEFAULT_PARSE_LIMITS.maxRows): boolean {
  const wb = readXlsxFast(bytes, { maxRows });
  if (wb === null) return false;
  return wb.sheetNames.every((n) => wb.readSheet(n) !== null);
}

/** parseSpreadsheet gives the same result (or the same error) with and without the fast reader. */
function expectSame(bytes: Uint8Array, opts: { fast?: boolean; limits?: ParseLimits; sheetName?: string } = {}): Outcome {
  if (opts.fast !== undefined) expect(fastHandles(bytes, opts.limits?.maxRows)).toBe(opts.fast);
  const slow = run(bytes, false, opts.limits, opts.sheetName);
  const fast = run(bytes, true, opts.limits, opts.sheetName);
  expect(fast).toEqual(slow);
  return fast;
}

function rowsOf(o: Outcome): string[][] {
  if (!o.ok) throw new Error(`expected rows, got ${o.code}`);
  return (o.value as { rows: string[][] }).rows;
}

function bookOf(sheets: [string, XLSX.WorkSheet][], opts: { bookSST?: boolean; compression?: boolean; cellDates?: boolean } = {}): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', ...opts }) as ArrayBuffer);
}

const aoaBook = (aoa: unknown[][], opts: { bookSST?: boolean; compression?: boolean; cellDates?: boolean } = {}): Uint8Array =>
  bookOf([['Sheet1', XLSX.utils.aoa_to_sheet(aoa, opts.cellDates ? { cellDates: true } : {})]], opts);

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

type CraftSheet = { name: string; data: string; state?: 'hidden' | 'veryHidden'; target?: string };

/** A hand-made workbook: `data` is the inside of <sheetData>. */
function craft(sheets: CraftSheet[], opts: { sst?: string[]; numFmts?: [number, string][]; xfs?: number[]; extra?: ZipFile[]; stored?: boolean } = {}): Uint8Array {
  const ct = [
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    opts.sst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    '</Types>',
  ].join('');
  const rootRels = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `${HEAD}<workbook ${NS}><sheets>${sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const wbRels = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`)
    .join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${
    opts.sst ? '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''
  }</Relationships>`;
  const numFmts = opts.numFmts ?? [];
  const xfs = opts.xfs ?? [0];
  const styles = `${HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${
    numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`).join('')}</numFmts>` : ''
  }<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs
    .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
    .join('')}</cellXfs></styleSheet>`;
  const files: ZipFile[] = [
    { name: '[Content_Types].xml', data: utf8(ct) },
    { name: '_rels/.rels', data: utf8(rootRels) },
    { name: 'xl/workbook.xml', data: utf8(wb) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(wbRels) },
    { name: 'xl/styles.xml', data: utf8(styles) },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: utf8(`${HEAD}<worksheet ${NS}><sheetData>${s.data}</sheetData></worksheet>`),
    })),
  ];
  if (opts.sst) {
    files.push({
      name: 'xl/sharedStrings.xml',
      data: utf8(`${HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${opts.sst.length}" uniqueCount="${opts.sst.length}">${opts.sst.join('')}</sst>`),
    });
  }
  for (const f of files) f.stored = opts.stored;
  return makeZip([...files, ...(opts.extra ?? [])]);
}

afterEach(() => {
  delete process.env.PIGEON_XLSX_FAST;
});

// --- SheetJS-made workbooks ---------------------------------------------------------------------

describe('the same result as SheetJS on SheetJS-made workbooks', () => {
  const mixed: unknown[][] = [
    ['Phone', 'Name', 'Amount', 'Active', 'Joined', 'Note', 'Empty'],
    [905321234567, 'Ayşe Yılmaz', 12.5, true, new Date(Date.UTC(1990, 2, 15)), 'a & b <c> "d" \'e\'', null],
    [5321234567, 'علی رضایی', -3.25, false, new Date(Date.UTC(2024, 11, 31, 13, 45)), '🌸 Dewi 👨‍👩‍👧', null],
    [],
    [null, 'محمد العتيبي', 0, null, null, '  padded  ', null],
    [-905321234567, 'Γιώργος', 1e-7, true, null, 'line 1\nline 2', null],
    [123456789012345, '李雷', 1234567890.123, null, null, 'tab\there', null],
    [1e15, '0532 123 45 67', 1e21, null, null, '=SUM(A1)', null],
    [],
    [],
    [0.1 + 0.2, '+90 (533) 765-43-21', -0, null, null, '_x0041_ stays', null],
  ];
  for (const bookSST of [false, true]) {
    for (const compression of [false, true]) {
      it(`mixed values (bookSST ${bookSST}, compression ${compression})`, () => {
        const bytes = aoaBook(mixed, { bookSST, compression });
        const o = expectSame(bytes, { fast: true });
        const rows = rowsOf(o);
        expect(rows[0]?.[0]).toBe('905321234567');
        expect(rows[1]?.[1]).toBe('علی رضایی');
        expect((o as { value: { rowNumbers: number[] } }).value.rowNumbers).toEqual([2, 3, 5, 6, 7, 8, 11]);
      });
    }
  }

  it('30+ columns and columns beyond Z', () => {
    const header = Array.from({ length: 40 }, (_, i) => `Col ${i + 1}`);
    const rows = Array.from({ length: 20 }, (_, r) => Array.from({ length: 40 }, (_, c) => ((r + c) % 7 === 0 ? null : (r * 40 + c) % 3 === 0 ? r * 1000 + c : `v${r}.${c}`)));
    for (const bookSST of [false, true]) {
      const o = expectSame(aoaBook([header, ...rows], { bookSST }), { fast: true });
      expect(rowsOf(o)[0]).toHaveLength(40);
    }
  });

  it('a header row further down, blank columns in front, sparse cells', () => {
    const aoa: unknown[][] = [[], [], [null, null, 'Phone', null, 'Name'], [], [null, null, 905321234567, null, 'Ali'], [null, null, null, null, null, null, null, 'far']];
    for (const bookSST of [false, true]) expectSame(aoaBook(aoa, { bookSST }), { fast: true });
  });

  it('number formats set with cell.z, including dates', () => {
    const formats = [
      'm/d/yy',
      'yyyy-mm-dd',
      'dd\\.mm\\.yyyy',
      'dd/mm/yyyy',
      'd/m/yyyy',
      'm/d/yy h:mm',
      'dd/mm/yyyy hh:mm:ss',
      'h:mm:ss',
      'mmm d, yyyy',
      '0',
      '0.00',
      '#,##0',
      '#,##0.00',
      '0%',
      '0.00E+00',
      '00000000000',
      '[<=9999999]###-####;(###) ###-####',
      '"Tel: "0',
      '@',
      'General',
      '# ?/?',
      '[h]:mm:ss',
    ];
    const values = [905321234567, 5321234567, 32947, 32947.5729, 45657.25, 0.5, -12.75, 1234567.891, 0, 7];
    const header = ['Format', ...values.map((_, i) => `V${i}`)];
    const aoa: unknown[][] = [header, ...formats.map((f) => [f, ...values])];
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    formats.forEach((f, r) => {
      values.forEach((_, c) => {
        const cell = ws[XLSX.utils.encode_cell({ r: r + 1, c: c + 1 })] as XLSX.CellObject | undefined;
        if (cell) cell.z = f;
      });
    });
    for (const bookSST of [false, true]) {
      const o = expectSame(bookOf([['Formats', ws]], { bookSST }), { fast: true });
      const byFormat = new Map(rowsOf(o).map((r) => [r[0], r.slice(1)]));
      expect(byFormat.get('m/d/yy')?.slice(0, 4)).toEqual(['905321234567', '5321234567', '3/15/90', '3/15/90']);
      expect(byFormat.get('yyyy-mm-dd')?.slice(0, 4)).toEqual(['905321234567', '5321234567', '1990-03-15', '1990-03-15']);
      expect(byFormat.get('dd\\.mm\\.yyyy')?.[2]).toBe('15.03.1990');
      expect(byFormat.get('dd/mm/yyyy')?.[2]).toBe('15/03/1990');
      expect(byFormat.get('d/m/yyyy')?.[2]).toBe('15/3/1990');
      expect(byFormat.get('00000000000')?.[1]).toBe('05321234567'); // the leading zero is kept
    }
  });

  it('built-in date formats 14 and 22 (Date cells written by SheetJS)', () => {
    const aoa: unknown[][] = [['Name', 'Day', 'When'], ['Ali', new Date(Date.UTC(1990, 2, 15)), 45657.25]];
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    const when = ws['C2'] as XLSX.CellObject;
    when.z = 'm/d/yy h:mm'; // SheetJS's code for built-in format 22
    const o = expectSame(bookOf([['S', ws]]), { fast: true });
    expect(rowsOf(o)[0]?.[1]).toBe('3/15/90');
    expect(rowsOf(o)[0]?.[2]).toBe('12/31/24 6:00');
  });

  it('date cells written with cellDates (t="d") fall back to SheetJS', () => {
    const aoa: unknown[][] = [['Name', 'Day'], ['Ali', new Date(Date.UTC(1990, 2, 15))]];
    const bytes = aoaBook(aoa, { cellDates: true });
    expectSame(bytes, { fast: false });
  });

  it('a sheet chosen by name, hidden sheets after visible ones, empty sheets skipped', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Empty');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Phone'], ['111']]), 'Hidden');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Phone'], ['222']]), 'Visible');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Phone', 'Name'], ['333', 'x']]), 'Other & <more>');
    wb.Workbook = { Sheets: [{ name: 'Empty' }, { name: 'Hidden', Hidden: 1 }, { name: 'Visible' }, { name: 'Other & <more>' }] };
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const first = expectSame(bytes, { fast: true });
    expect((first as { value: { sheetName: string } }).value.sheetName).toBe('Visible');
    for (const name of ['Empty', 'Hidden', 'Visible', 'Other & <more>', 'Nope']) expectSame(bytes, { sheetName: name });
    expect(rowsOf(run(bytes, true, DEFAULT_PARSE_LIMITS, 'Other & <more>'))).toEqual([['333', 'x']]);
  });

  it('random sheets (fuzz)', () => {
    let seed = 20240601;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 4294967296;
    };
    const pieces = ['Ayşe', 'علی', '🌸', '&', '<', '>', '"', "'", ' ', '\n', '_x0041_', 'a', 'Z', '0', '5', '-', '+', '.', ',', 'é', '李', '\t'];
    const value = (): unknown => {
      const k = rnd();
      if (k < 0.15) return null;
      if (k < 0.3) return Math.floor(rnd() * 1e12);
      if (k < 0.4) return (rnd() - 0.5) * 10 ** Math.floor(rnd() * 20 - 8);
      if (k < 0.45) return rnd() < 0.5;
      if (k < 0.5) return new Date(Date.UTC(1900 + Math.floor(rnd() * 200), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28), Math.floor(rnd() * 24), Math.floor(rnd() * 60)));
      let s = '';
      const n = Math.floor(rnd() * 8);
      for (let i = 0; i < n; i++) s += pieces[Math.floor(rnd() * pieces.length)] ?? '';
      return s;
    };
    for (let book = 0; book < 12; book++) {
      const width = 1 + Math.floor(rnd() * 35);
      const height = 1 + Math.floor(rnd() * 40);
      const aoa: unknown[][] = [];
      for (let r = 0; r < height; r++) {
        if (rnd() < 0.1) {
          aoa.push([]);
          continue;
        }
        aoa.push(Array.from({ length: width }, value));
      }
      expectSame(aoaBook(aoa, { bookSST: book % 2 === 0, compression: book % 3 === 0 }), { fast: true });
    }
  });
});

describe('fixtures', () => {
  it('the messy .xlsx', () => {
    const o = expectSame(messyContactsXlsx(), { fast: true });
    expect(rowsOf(o)[0]?.[1]).toBe('5321234567');
  });

  it('generated contacts', () => {
    expectSame(generateContactsXlsx(3000, 11), { fast: true });
  });

  it('a truncated .xlsx is corrupt either way', () => {
    const o = expectSame(corruptXlsxBytes());
    expect(o).toMatchObject({ ok: false, code: 'corrupt_workbook' });
    expect(readXlsxFast(corruptXlsxBytes(), { maxRows: 10 })).toBeNull();
  });
});

// --- hand-made XML -------------------------------------------------------------------------------

describe('hand-made workbooks', () => {
  it('shared strings: rich text, phonetic runs, entities, _xHHHH_ escapes, xml:space', () => {
    const sst = [
      '<si><t>Phone</t></si>',
      '<si><t>Name</t></si>',
      '<si><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t>Ay</t></r><r><t xml:space="preserve">şe </t></r><r><rPr><i/></rPr><t>Yılmaz</t></r></si>',
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><r><t>大阪</t></r><rPh sb="0" eb="2"><t>オオサカ</t></rPh></si>',
      '<si><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#xE9; &#10;x</t></si>',
      '<si><t xml:space="preserve">  spaced  </t></si>',
      '<si><t>Line_x000D_ two _x005F_x0041_ _x0041_</t></si>',
      '<si><t/></si>',
      '<si><t>0532 123 45 67</t></si>',
      '<si><t>علی 🌸</t></si>',
    ];
    const data =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      [2, 3, 4, 5, 6, 7, 8, 10].map((k, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>9</v></c><c r="B${i + 2}" t="s"><v>${k}</v></c></row>`).join('');
    const bytes = craft([{ name: 'S', data }], { sst });
    const o = expectSame(bytes, { fast: true });
    expect(rowsOf(o).map((r) => r[1])).toEqual(['Ayşe Yılmaz', '東京', '大阪', 'a & b <c> "d" \'e\' éé \nx', 'spaced', 'Line\r two _x0041_ A', '', 'علی 🌸']);
  });

  it('inline strings (also rich), str, booleans, errors, formulas with cached values', () => {
    const data = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Phone</t></is></c><c r="B1" t="inlineStr"><is><r><t>Na</t></r><r><rPr><b/></rPr><t>me</t></r></is></c><c r="C1" t="str"><v>Flag</v></c><c r="D1" t="str"><v>Calc</v></c></row>',
      '<row r="2"><c r="A2"><f>1+1</f><v>905321234567</v></c><c r="B2" t="str"><f>"A"&amp;"li"</f><v>Ali</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>',
      '<row r="3"><c r="A3"><v>12.5</v></c><c r="B3" t="inlineStr"><is><t xml:space="preserve"> Veli </t></is></c><c r="C3" t="b"><v>0</v></c><c r="D3" t="e"><v>#N/A</v></c></row>',
      '<row r="4"><c r="A4" t="b"/><c r="B4" t="str"><f>X()</f></c><c r="C4"><f>Y()</f></c><c r="D4" t="e"/></row>',
      '<row r="5"><c r="A5" s="0"><v>-7</v></c><c r="B5" t="n"><v>3</v></c><c r="C5" t="inlineStr"/><c r="D5"><v></v></c></row>',
    ].join('');
    const o = expectSame(craft([{ name: 'S', data }]), { fast: true });
    expect(rowsOf(o)).toEqual([
      ['905321234567', 'Ali', 'TRUE', '#DIV/0!'],
      ['12.5', 'Veli', 'FALSE', '#N/A'],
      ['FALSE', '', '', ''],
      ['-7', '3', '', ''],
    ]);
  });

  it('cells and rows without r attributes, self-closing rows and cells', () => {
    const data = [
      '<row><c t="inlineStr"><is><t>Phone</t></is></c><c t="inlineStr"><is><t>Name</t></is></c><c/><c t="inlineStr"><is><t>City</t></is></c></row>',
      '<row><c><v>5321234567</v></c><c t="inlineStr"><is><t>Ali</t></is></c></row>',
      '<row r="4"/>',
      '<row r="5" spans="1:4"><c r="A5"><v>5337654321</v></c><c r="D5" t="inlineStr"><is><t>İzmir</t></is></c></row>',
      '<row><c r="B6" t="inlineStr"><is><t>Only name</t></is></c><c t="inlineStr"><is><t>next col</t></is></c></row>',
    ].join('');
    const o = expectSame(craft([{ name: 'S', data }]), { fast: true });
    expect(rowsOf(o)).toEqual([
      ['5321234567', 'Ali', '', ''],
      ['5337654321', '', '', 'İzmir'],
      ['', 'Only name', 'next col', ''],
    ]);
    expect((o as { value: { rowNumbers: number[] } }).value.rowNumbers).toEqual([2, 5, 6]);
  });

  it('columns AA, AZ, BA and pretty-printed XML', () => {
    const data = `
      <row r="1">
        <c r="A1" t="inlineStr"><is><t>Phone</t></is></c>
        <c r="AA1" t="inlineStr"><is><t>AA</t></is></c>
        <c r="AZ1" t="inlineStr"><is><t>AZ</t></is></c>
        <c r="BA1" t="inlineStr"><is><t>BA</t></is></c>
      </row>
      <row r="2">
        <c r="A2"><v>1</v></c>
        <c r="BA2"><v>2</v></c>
      </row>
    `;
    const o = expectSame(craft([{ name: 'S', data }]), { fast: true });
    const value = (o as { value: { headers: string[] } }).value;
    expect(value.headers).toHaveLength(53);
    expect(value.headers[26]).toBe('AA');
    expect(value.headers[51]).toBe('AZ');
    expect(value.headers[52]).toBe('BA');
  });

  it('custom and built-in number formats from styles.xml', () => {
    const numFmts: [number, string][] = [
      [164, 'yyyy-mm-dd'],
      [165, 'dd/mm/yyyy'],
      [166, 'd/m/yyyy'],
      [167, '&quot;+&quot;0'],
      [168, '0000000000'],
    ];
    const xfs = [0, 14, 22, 164, 165, 166, 167, 168, 1, 2, 49, 9];
    const cells = xfs.map((_, i) => `<c r="${String.fromCharCode(65 + i)}2" s="${i}"><v>${i === 0 ? 905321234567 : i < 6 ? 45000.75 : 5321234567}</v></c>`).join('');
    const head = xfs.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>H${i}</t></is></c>`).join('');
    const o = expectSame(craft([{ name: 'S', data: `<row r="1">${head}</row><row r="2">${cells}</row>` }], { numFmts, xfs }), { fast: true });
    expect(rowsOf(o)[0]?.slice(0, 8)).toEqual(['905321234567', '3/15/23', '3/15/23 18:00', '2023-03-15', '15/03/2023', '15/3/2023', '5321234567', '5321234567']);
  });

  it('character references SheetJS decodes wrongly are decoded correctly (intended difference)', () => {
    // SheetJS decodes &#NNN; in <v> before UTF-8 (giving U+FFFD) and truncates references above U+FFFF.
    const data =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>' +
      '<row r="2"><c r="A2" t="str"><v>Caf&#233;</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>&#x1F338; Dewi</t></is></c></row>';
    const fast = run(craft([{ name: 'S', data }]), true);
    expect(rowsOf(fast)).toEqual([['Café'], ['🌸 Dewi']]);
  });

  it('a workbook shaped like Excel writes it (markup extensions, shared formulas, data descriptors)', () => {
    const files = unzip(craft([{ name: 'S', data: '' }], { sst: [] }));
    files.set(
      'xl/workbook.xml',
      utf8(
        `${HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/><workbookPr defaultThemeVersion="166925"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\ayse\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="8_{0}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"/></bookViews><sheets><sheet name="Müşteriler" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Müşteriler!$A$1:$C$3</definedName></definedNames><calcPr calcId="191029"/></workbook>`,
      ),
    );
    files.set(
      'xl/sharedStrings.xml',
      utf8(`${HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="5"><si><t>Telefon</t></si><si><t>Ad Soyad</t></si><si><t>Toplam</t></si><si><t xml:space="preserve">Ayşe Yılmaz </t></si><si><t>Mehmet Öztürk</t></si></sst>`),
    );
    files.set(
      'xl/worksheets/sheet1.xml',
      utf8(
        `${HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{8A3C0B4E-0000-0000-0000-000000000000}"><dimension ref="A1:C3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="C4" sqref="C4"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="16.7109375" customWidth="1"/></cols><sheetData>` +
          `<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
          `<row r="2" spans="1:3" x14ac:dyDescent="0.25"><c r="A2" s="1"><v>905321234567</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><f t="shared" ref="C2:C3" si="0">A2*2</f><v>1810642469134</v></c></row>` +
          `<row r="3" spans="1:3" ht="18" customHeight="1" x14ac:dyDescent="0.3"><c r="A3" s="1"><v>905337654321</v></c><c r="B3" t="s"><v>4</v></c><c r="C3"><f t="shared" si="0"/><v>1810675308642</v></c></row>` +
          `</sheetData><autoFilter ref="A1:C3"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
      ),
    );
    const bytes = makeZip([...files].map(([name, data]) => ({ name, data, flags: 8 | 0x800 })));
    const o = expectSame(bytes, { fast: true });
    expect(rowsOf(o)).toEqual([
      ['905321234567', 'Ayşe Yılmaz', '1810642469134'],
      ['905337654321', 'Mehmet Öztürk', '1810675308642'],
    ]);
    expect((o as { value: { sheetName: string } }).value.sheetName).toBe('Müşteriler');
  });

  it('an unknown built-in format id falls back to SheetJS', () => {
    const data = '<row r="1"><c r="A1" t="inlineStr"><is><t>Day</t></is></c></row><row r="2"><c r="A2" s="1"><v>45000</v></c></row>';
    expectSame(craft([{ name: 'S', data }], { xfs: [0, 30] }), { fast: false });
  });

  it('absolute and relative sheet targets', () => {
    const data = '<row r="1"><c r="A1" t="inlineStr"><is><t>Phone</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>';
    expectSame(craft([{ name: 'A', data, target: '/xl/worksheets/sheet1.xml' }]), { fast: true });
    // SheetJS resolves "../xl/…" its own way; the fast reader leaves such targets to it.
    expectSame(craft([{ name: 'A', data, target: '../xl/worksheets/sheet1.xml' }]), { fast: false });
    expectSame(craft([{ name: 'A', data }], { stored: true }), { fast: true });
  });

  it('a hidden sheet with data is used only when no visible sheet has data', () => {
    const d = (v: string): string => `<row r="1"><c r="A1" t="inlineStr"><is><t>Phone</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${v}</t></is></c></row>`;
    const o = expectSame(craft([{ name: 'H', data: d('hidden'), state: 'hidden' }, { name: 'Blank', data: '<row r="1"><c r="A1" t="inlineStr"><is><t> </t></is></c></row>' }, { name: 'V', data: d('visible') }]), { fast: true });
    expect(rowsOf(o)).toEqual([['visible']]);
    const h = expectSame(craft([{ name: 'H', data: d('hidden'), state: 'veryHidden' }, { name: 'Blank', data: '' }]), { fast: true });
    expect(rowsOf(h)).toEqual([['hidden']]);
  });

  it('things the fast reader leaves to SheetJS', () => {
    const ok = '<row r="1"><c r="A1" t="inlineStr"><is><t>Phone</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>';
    const cases = [
      '<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row>', // rows out of order
      '<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>', // cells out of order
      '<row r="1"><c r="A2"><v>1</v></c></row>', // a cell in another row
      '<row r="1"><c r="A1" t="d"><v>2024-01-02T00:00:00Z</v></c></row>', // ISO date cell
      '<row r="1"><c r="A1" t="str"><v>&unknown;</v></c></row>', // unknown entity
      '<row r="1"><c r="A1" t="str"><v><![CDATA[x]]></v></c></row>', // CDATA
      '<row r="1"><c r="A1"><v>0x10</v></c></row>', // not a plain number
      '<row r="1"><c r="a1"><v>1</v></c></row>', // lower-case reference
    ];
    for (const data of cases) {
      const bytes = craft([{ name: 'S', data: ok.replace('<row r="2"><c r="A2"><v>1</v></c></row>', '') + data }]);
      expect(fastHandles(bytes), data).toBe(false);
      const fast = run(bytes, true);
      const slow = run(bytes, false);
      expect(fast, data).toEqual(slow);
    }
  });

  it('namespace prefixes and strict OOXML fall back', () => {
    const prefixed = craft([{ name: 'S', data: '' }]);
    expect(fastHandles(prefixed)).toBe(true);
    const strictWb = `${HEAD}<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const files = unzip(craft([{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]));
    files.set('xl/workbook.xml', utf8(strictWb));
    const bytes = makeZip([...files].map(([name, data]) => ({ name, data })));
    expect(readXlsxFast(bytes, { maxRows: 10 })).toBeNull();
    expect(run(bytes, true)).toEqual(run(bytes, false));
  });
});

// --- limits and row numbers -------------------------------------------------------------------

describe('limits and row numbers', () => {
  it('too many rows, and the limit itself, as on the SheetJS path', () => {
    const limits = { ...DEFAULT_PARSE_LIMITS, maxRows: 10 };
    const aoa: unknown[][] = [['Phone']];
    for (let i = 0; i < 10; i++) aoa.push([`0532 000 00 ${10 + i}`]);
    for (const bookSST of [false, true]) {
      expect(rowsOf(expectSame(aoaBook(aoa, { bookSST }), { limits, fast: true }))).toHaveLength(10);
      const over = expectSame(aoaBook([...aoa, ['one more']], { bookSST }), { limits });
      expect(over).toMatchObject({ ok: false, code: 'too_many_rows' });
      const gappy: unknown[][] = [['Phone'], [], [], ['1'], [], ['2'], [], ['3'], [], [], [], [], [], [], ['4'], ['5'], ['6'], ['7'], ['8'], ['9'], ['10'], ['11']];
      expect(expectSame(aoaBook(gappy, { bookSST }), { limits })).toMatchObject({ ok: false, code: 'too_many_rows' });
    }
    const g = readXlsxFast(aoaBook([...aoa, ['x'], ['y']]), { maxRows: 10 });
    const grid = g?.readSheet('Sheet1');
    expect(grid?.truncated).toBe(true);
    expect(grid?.rows).toHaveLength(12);
  });

  it('counts non-empty rows, where SheetJS counts sheet rows (intended difference)', () => {
    // 6 contacts, the last one far down: SheetJS's sheetRows cut-off sees row 40 > maxRows + 2 and
    // refuses the sheet; the fast reader counts the rows that hold data.
    const limits = { ...DEFAULT_PARSE_LIMITS, maxRows: 10 };
    const aoa: unknown[][] = [['Phone'], ['1'], ['2'], ['3'], ['4'], ['5']];
    for (let i = 0; i < 33; i++) aoa.push([]);
    aoa.push(['6']);
    const bytes = aoaBook(aoa);
    expect(run(bytes, false, limits)).toMatchObject({ ok: false, code: 'too_many_rows' });
    const fast = run(bytes, true, limits);
    expect(rowsOf(fast)).toEqual([['1'], ['2'], ['3'], ['4'], ['5'], ['6']]);
    expect((fast as { value: { rowNumbers: number[] } }).value.rowNumbers).toEqual([2, 3, 4, 5, 6, 40]);
    // Away from the limit both agree.
    expectSame(bytes, { fast: true });
  });

  it('rowNumbers skip blank rows (xlsx, both paths, and CSV)', () => {
    const aoa: unknown[][] = [[], ['Phone', 'Name'], ['1', 'a'], [], [null, null], ['2', 'b'], [], [], ['3', 'c']];
    const o = expectSame(aoaBook(aoa), { fast: true });
    expect((o as { value: { rowNumbers: number[] } }).value.rowNumbers).toEqual([3, 6, 9]);
    const csv = parseSpreadsheet(utf8('Phone;Name\r\n1;a\r\n\r\n;\r\n2;"b\nstill b"\r\n3;c\r\n'), 'x.csv');
    expect(csv.rows.map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(csv.rowNumbers).toEqual([2, 5, 6]);
    const hinted = parseSpreadsheet(utf8('sep=;\nPhone\n\n1\n'), 'x.csv');
    expect(hinted.rowNumbers).toEqual([3]);
  });
});

// --- broken and hostile zips -------------------------------------------------------------------

describe('broken and hostile zips', () => {
  const good = (): Map<string, Uint8Array> =>
    unzip(craft([{ name: 'S', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>Phone</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>' }]));

  it('reads a zip with an archive comment', () => {
    const files = [...good()].map(([name, data]) => ({ name, data }));
    expect(rowsOf(run(makeZip(files, 'a plain comment'), true))).toEqual([['1']]);
    // The fast reader finds the right end record even with its signature in the comment, but
    // SheetJS would take the one in the comment: zip-guard refuses such a file before either.
    const tricky = makeZip(files, 'a comment with PK\u0005\u0006 inside');
    expect(fastHandles(tricky)).toBe(true);
    expect(run(tricky, true)).toMatchObject({ ok: false, code: 'corrupt_workbook' });
  });

  it('an encrypted entry flag, an unknown method, a ZIP64 marker: null', () => {
    const files: ZipFile[] = [...good()].map(([name, data]) => ({ name, data }));
    const enc = makeZip(files.map((f) => (f.name === 'xl/workbook.xml' ? { ...f, flags: 1 } : f)));
    expect(readXlsxFast(enc, { maxRows: 10 })).toBeNull();
    const lzma = makeZip(files.map((f) => (f.name === 'xl/workbook.xml' ? { ...f, method: 14, stored: true } : f)));
    expect(readXlsxFast(lzma, { maxRows: 10 })).toBeNull();
    const z64 = makeZip(files);
    new DataView(z64.buffer).setUint32(z64.length - 22 + 16, 0xffffffff, true);
    expect(readXlsxFast(z64, { maxRows: 10 })).toBeNull();
    // Whatever SheetJS makes of them, both paths agree.
    for (const b of [enc, lzma, z64]) expect(run(b, true)).toEqual(run(b, false));
  });

  it('garbage inside a deflated part: null, and SheetJS decides', () => {
    const bytes = messyContactsXlsx();
    const bad = bytes.slice();
    for (let i = 200; i < bad.length - 2000; i++) bad[i] = (bad[i] ?? 0) ^ 0x5a;
    expect(() => readXlsxFast(bad, { maxRows: 10 })).not.toThrow();
    expect(run(bad, true)).toMatchObject({ ok: false, code: 'corrupt_workbook' });
    expect(run(bad, true)).toEqual(run(bad, false));
  });

  it('random bytes after a zip signature never throw anything but SpreadsheetError', () => {
    let x = 7;
    for (let n = 0; n < 25; n++) {
      const b = messyContactsXlsx();
      for (let k = 0; k < 20; k++) {
        x = (x * 1103515245 + 12345) >>> 0;
        const i = 4 + (x % (b.length - 4));
        b[i] = x >>> 24;
      }
      try {
        readXlsxFast(b, { maxRows: 100 })?.readSheet('Contacts');
      } catch (e) {
        expect(e).toBeInstanceOf(XlsxRefusal);
      }
      const fast = run(b, true);
      if (!fast.ok) expect(typeof fast.code).toBe('string');
    }
  });

  it('zip bomb: an entry declaring more than 1 GiB is refused as file_too_large', () => {
    const files: ZipFile[] = [...good()].map(([name, data]) => ({ name, data }));
    const bomb = makeZip([...files, { name: 'xl/media/huge.bin', data: new Uint8Array(1000), declaredSize: MAX_UNPACKED_ENTRY_BYTES + 1 }]);
    expect(() => readXlsxFast(bomb, { maxRows: 10 })).toThrow(XlsxRefusal);
    expect(run(bomb, true)).toMatchObject({ ok: false, code: 'file_too_large' });
    const e = run(bomb, true);
    if (e.ok) throw new Error('expected an error');
    expect(e.message).not.toMatch(/undefined|null|Error|exception|stack|CFB|OOXML/);
    expect(e.message.endsWith('.')).toBe(true);
  });

  it('zip bomb: an entry inflating to more than it declares is refused as corrupt', () => {
    const files: ZipFile[] = [...good()].map(([name, data]) => ({ name, data }));
    const big = new Uint8Array(5_000_000); // zeros: deflates to a few KB
    const sheet = files.find((f) => f.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('sheet');
    expect(fastHandles(makeZip(files))).toBe(true);
    const lying = makeZip(files.map((f) => (f === sheet ? { ...f, data: concat(f.data, big), declaredSize: f.data.length } : f)));
    expect(() => readXlsxFast(lying, { maxRows: 10 })?.readSheet('S')).toThrow(XlsxRefusal);
    expect(run(lying, true)).toMatchObject({ ok: false, code: 'corrupt_workbook' });
  });

  it('an xlsb-like package, a missing sheet part, a missing rels part: null', () => {
    const files = good();
    const noSheet = new Map(files);
    noSheet.delete('xl/worksheets/sheet1.xml');
    expect(readXlsxFast(makeZip([...noSheet].map(([name, data]) => ({ name, data }))), { maxRows: 10 })).toBeNull();
    const noRels = new Map(files);
    noRels.delete('xl/_rels/workbook.xml.rels');
    expect(readXlsxFast(makeZip([...noRels].map(([name, data]) => ({ name, data }))), { maxRows: 10 })).toBeNull();
    const ct = new TextDecoder().decode(files.get('[Content_Types].xml'));
    const bin = new Map(files);
    bin.set('[Content_Types].xml', utf8(ct.replace('spreadsheetml.sheet.main+xml', 'x').replace('</Types>', '<Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>')));
    expect(readXlsxFast(makeZip([...bin].map(([name, data]) => ({ name, data }))), { maxRows: 10 })).toBeNull();
  });
});

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

// --- small units --------------------------------------------------------------------------------

describe('units', () => {
  it('decodeXmlText', () => {
    expect(decodeXmlText('a &amp; b &lt; &gt; &quot; &apos; &#65;&#x42;&#x1F338;')).toBe('a & b < > " \' AB🌸');
    expect(decodeXmlText('_x000D__x000a_ _X0041_ _x005F_x0041_')).toBe('\r\n A _x0041_');
    expect(decodeXmlText('&nbsp;')).toBeNull();
    expect(decodeXmlText('&AMP;')).toBeNull();
    expect(decodeXmlText('a & b')).toBeNull();
  });

  it('numberCellText', () => {
    expect(numberCellText(905321234567, undefined)).toBe('905321234567');
    expect(numberCellText(905321234567, '9.05E+11')).toBe('905321234567');
    expect(numberCellText(5321234567, '05321234567')).toBe('05321234567');
    expect(numberCellText(32947, '3/15/90')).toBe('3/15/90');
    expect(numberCellText(12.5, undefined)).toBe('12.5');
    expect(numberCellText(0.5, '50%')).toBe('50%');
    expect(numberCellText(1e15, undefined)).toBe('1000000000000000');
  });
});

describe('dates SheetJS cannot format', () => {
  it('writes dd.mm.yyyy dates (common in Turkey) as ISO dates, not serial numbers', async () => {
    const { parseSpreadsheet } = await import('./parse');
    const XLSXmod = await import('xlsx');
    const ws = XLSXmod.utils.aoa_to_sheet([['Phone', 'Birthday'], ['05321234567', 32947]]);
    const cell = ws['B2'] as { z?: string };
    cell.z = 'dd.mm.yyyy';
    const wb = XLSXmod.utils.book_new();
    XLSXmod.utils.book_append_sheet(wb, ws, 'S');
    const bytes = new Uint8Array(XLSXmod.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(parseSpreadsheet(bytes, 'b.xlsx').rows[0]).toEqual(['05321234567', '1990-03-15']);
  });
});
