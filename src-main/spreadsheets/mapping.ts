// Guesses what each column of an imported sheet holds, from its header (English, Turkish,
// Persian, Arabic, Indonesian) and, when the headers say nothing, from the data.
import { normalisePhone } from '#shared/phone';
import { isReservedHeader } from './parse';

export type ColumnRole = 'phone' | 'name' | 'firstName' | 'lastName' | 'tags' | 'note' | 'field' | 'ignore';

/** fieldKey is used when role === 'field' (the cleaned header); '' otherwise. */
export type ColumnMapping = { index: number; header: string; role: ColumnRole; fieldKey: string }[];

export const MAX_FIELD_KEY_CHARS = 64;

/**
 * Folds a header for comparison: no case, no diacritics (Turkish ı/İ, Arabic harakat, hamza
 * seats), Arabic and Persian letter variants unified, punctuation as spaces.
 */
export function foldHeader(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/ة/g, 'ه')
    .replace(/ـ/g, '') // tatweel
    .replace(/\u200c|\u200d|\u200e|\u200f|\u061c|\ufeff/g, ' ') // ZWNJ and direction marks
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const fold = (list: readonly string[]): Set<string> => new Set(list.map(foldHeader));

const PHONE_EXACT = fold([
  'phone', 'phones', 'phone number', 'phone no', 'phone #', 'mobile', 'mobile number', 'mobile no', 'mobile phone',
  'cell', 'cell phone', 'cellphone', 'cell number', 'gsm', 'gsm no', 'tel', 'tel no', 'telephone', 'telephone number',
  'contact number', 'number', 'whatsapp', 'whatsapp number', 'whatsapp no', 'wa', 'wa number', 'msisdn',
  'telefon', 'telefon no', 'telefon numarası', 'tel no', 'cep', 'cep no', 'cep tel', 'cep telefonu', 'cep telefon',
  'gsm numarası', 'numara', 'numarası', 'telefon numarasi',
  'شماره', 'شماره تلفن', 'شماره موبایل', 'شماره همراه', 'شماره تماس', 'موبایل', 'تلفن', 'همراه', 'تلفن همراه',
  'هاتف', 'رقم الهاتف', 'رقم الجوال', 'جوال', 'رقم', 'موبايل', 'رقم الموبايل', 'الهاتف', 'الجوال', 'رقم الواتساب', 'واتساب',
  'nomor', 'nomor hp', 'nomor telepon', 'nomor telp', 'nomor wa', 'nomor whatsapp', 'no hp', 'no. hp', 'no telp', 'no wa',
  'hp', 'handphone', 'telepon', 'telp',
]);

const PHONE_TOKENS = fold([
  'phone', 'mobile', 'mobil', 'cell', 'cellphone', 'gsm', 'tel', 'telephone', 'telefon', 'telepon', 'telp', 'cep',
  'whatsapp', 'wa', 'hp', 'handphone', 'msisdn', 'موبایل', 'تلفن', 'هاتف', 'جوال', 'موبايل', 'واتساب',
]);

const FULL_NAME = fold([
  'full name', 'fullname', 'name surname', 'customer name', 'contact name', 'client name',
  'ad soyad', 'adı soyadı', 'ad soyadı', 'adı soyad', 'isim soyisim', 'isim soyad', 'müşteri adı', 'müşteri',
  'نام و نام خانوادگی', 'نام کامل', 'نام مشتری', 'الاسم الكامل', 'الاسم الكامل', 'اسم العميل',
  'nama lengkap', 'nama pelanggan',
]);

/** "Name" words: a full name, unless the sheet also has a last-name column (then a first name). */
const NAME = fold(['name', 'names', 'customer', 'contact', 'client', 'ad', 'adı', 'isim', 'نام', 'الاسم', 'اسم', 'nama']);

const FIRST_NAME = fold([
  'first name', 'firstname', 'given name', 'forename', 'first', 'nama depan', 'الاسم الأول', 'الاسم الاول', 'نام کوچک',
]);

const LAST_NAME = fold([
  'last name', 'lastname', 'surname', 'family name', 'last', 'soyad', 'soyadı', 'soyisim', 'soy isim',
  'نام خانوادگی', 'فامیلی', 'اسم العائلة', 'العائلة', 'اللقب', 'nama belakang',
]);

const TAGS = fold([
  'tag', 'tags', 'label', 'labels', 'group', 'groups', 'etiket', 'etiketler', 'grup', 'gruplar',
  'برچسب', 'برچسب ها', 'برچسبها', 'گروه', 'وسم', 'الوسوم', 'تصنيف', 'مجموعة', 'label', 'kelompok', 'grup', 'kategori',
]);

const NOTE = fold([
  'note', 'notes', 'comment', 'comments', 'remark', 'remarks', 'description',
  'not', 'notlar', 'açıklama', 'yorum', 'یادداشت', 'توضیحات', 'توضیح', 'ملاحظات', 'ملاحظة', 'ملاحظه', 'تعليق',
  'catatan', 'keterangan',
]);

type HeaderKind = 'phone' | 'phoneToken' | 'fullName' | 'name' | 'firstName' | 'lastName' | 'tags' | 'note' | null;

function headerKind(header: string): HeaderKind {
  const f = foldHeader(header);
  if (f === '') return null;
  if (PHONE_EXACT.has(f)) return 'phone';
  if (FULL_NAME.has(f)) return 'fullName';
  if (LAST_NAME.has(f)) return 'lastName';
  if (FIRST_NAME.has(f)) return 'firstName';
  if (NAME.has(f)) return 'name';
  if (TAGS.has(f)) return 'tags';
  if (NOTE.has(f)) return 'note';
  const tokens = f.split(' ');
  if (tokens.some((t) => PHONE_TOKENS.has(t))) return 'phoneToken';
  return null;
}

const GENERATED_HEADER = /^Column [A-Z]+( \(\d+\))?$/;
const LETTER = /\p{L}/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type ColumnStats = { nonEmpty: number; phoneRatio: number; nameRatio: number };

function columnStats(index: number, sampleRows: string[][], defaultCountry: string): ColumnStats {
  let nonEmpty = 0;
  let phones = 0;
  let names = 0;
  for (const row of sampleRows) {
    const v = (row[index] ?? '').trim();
    if (v === '') continue;
    nonEmpty++;
    const p = normalisePhone(v, defaultCountry);
    if (p.ok) {
      phones++;
      continue;
    }
    if (LETTER.test(v) && !EMAIL.test(v) && v.length <= 80 && !/\d{3,}/.test(v)) names++;
  }
  return {
    nonEmpty,
    phoneRatio: nonEmpty === 0 ? 0 : phones / nonEmpty,
    nameRatio: nonEmpty === 0 ? 0 : names / nonEmpty,
  };
}

/** Header trimmed, whitespace collapsed, at most 64 characters. */
export function cleanFieldKey(header: string): string {
  return header.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD_KEY_CHARS).trim();
}

/**
 * Proposes a role for each column. At most one phone column: the best of header match + share of
 * sample cells that are valid phones (none only when nothing looks like a phone — validateMapping
 * then says so). Other non-empty columns become custom fields; reserved header names are ignored.
 */
export function guessMapping(headers: string[], sampleRows: string[][], defaultCountry: string): ColumnMapping {
  const sample = sampleRows.slice(0, 200);
  const kinds = headers.map(headerKind);
  const stats = headers.map((_, i) => columnStats(i, sample, defaultCountry));
  const roles: ColumnRole[] = headers.map(() => 'field');

  headers.forEach((h, i) => {
    if (isReservedHeader(h)) roles[i] = 'ignore';
  });
  const free = (i: number): boolean => roles[i] === 'field';

  // 1. Phone.
  let phoneIdx = -1;
  let best = 0;
  headers.forEach((_, i) => {
    if (!free(i)) return;
    const k = kinds[i];
    const s = stats[i];
    if (!s) return;
    let headerScore = k === 'phone' ? 2 : k === 'phoneToken' ? 1.5 : 0;
    // A phone-sounding header over cells that are clearly not phones counts for little.
    if (headerScore > 0 && s.nonEmpty >= 3 && s.phoneRatio < 0.2) headerScore = 0.5;
    const dataScore = s.phoneRatio >= 0.3 ? s.phoneRatio : 0;
    const score = headerScore + dataScore;
    if (score > best) {
      best = score;
      phoneIdx = i;
    }
  });
  if (phoneIdx >= 0) roles[phoneIdx] = 'phone';

  // 2. Names from headers.
  const hasLast = kinds.some((k, i) => k === 'lastName' && free(i));
  const hasFull = kinds.some((k, i) => k === 'fullName' && free(i));
  const assignFirst = (role: ColumnRole, match: (k: HeaderKind) => boolean): boolean => {
    const i = kinds.findIndex((k, idx) => match(k) && free(idx));
    if (i < 0) return false;
    roles[i] = role;
    return true;
  };
  let nameFound = false;
  if (hasFull) {
    nameFound = assignFirst('name', (k) => k === 'fullName');
  } else if (hasLast) {
    const first = assignFirst('firstName', (k) => k === 'firstName') || assignFirst('firstName', (k) => k === 'name');
    const last = assignFirst('lastName', (k) => k === 'lastName');
    nameFound = first || last;
  } else {
    nameFound =
      assignFirst('name', (k) => k === 'name') || assignFirst('firstName', (k) => k === 'firstName');
  }

  // 3. Names from the data, when the headers say nothing (generated "Column X" names, or a first
  //    row that is really a contact).
  if (!nameFound) {
    const headerless = headers.every((h, i) => {
      if (roles[i] !== 'field') return true;
      if (kinds[i] !== null) return false;
      if (GENERATED_HEADER.test(h)) return true;
      const s = stats[i];
      // A header that itself looks like a data cell of that column.
      return !!s && (normalisePhone(h, defaultCountry).ok || EMAIL.test(h) || s.nameRatio >= 0.7);
    });
    const phoneHeaderIsData = phoneIdx >= 0 && normalisePhone(headers[phoneIdx] ?? '', defaultCountry).ok;
    if (headerless && (phoneHeaderIsData || headers.some((h) => GENERATED_HEADER.test(h)))) {
      let bestIdx = -1;
      let bestRatio = 0.7;
      headers.forEach((_, i) => {
        const s = stats[i];
        if (!free(i) || !s || kinds[i] !== null) return;
        if (s.nameRatio >= bestRatio && (bestIdx < 0 || s.nameRatio > bestRatio)) {
          bestRatio = s.nameRatio;
          bestIdx = i;
        }
      });
      if (bestIdx >= 0) roles[bestIdx] = 'name';
    }
  }

  // 4. Tags and note.
  assignFirst('tags', (k) => k === 'tags');
  assignFirst('note', (k) => k === 'note');

  // 5. The rest: custom fields with unique keys; empty unnamed columns are skipped.
  const usedKeys = new Set<string>();
  return headers.map((header, index) => {
    let role = roles[index] ?? 'field';
    let fieldKey = '';
    if (role === 'field') {
      const s = stats[index];
      if (GENERATED_HEADER.test(header) && s && s.nonEmpty === 0) role = 'ignore';
      else {
        const base = cleanFieldKey(header);
        if (base === '') role = 'ignore';
        else {
          fieldKey = base;
          let k = 2;
          while (usedKeys.has(fieldKey.toLowerCase())) {
            const suffix = ` (${k++})`;
            fieldKey = base.slice(0, MAX_FIELD_KEY_CHARS - suffix.length) + suffix;
          }
          usedKeys.add(fieldKey.toLowerCase());
        }
      }
    }
    return { index, header, role, fieldKey };
  });
}

/** A plain-English problem with the mapping the operator chose, or null when it can be imported. */
export function validateMapping(m: ColumnMapping): string | null {
  const phones = m.filter((c) => c.role === 'phone');
  if (phones.length === 0) return 'Choose which column holds the phone numbers.';
  if (phones.length > 1) {
    return `Only one column can hold the phone numbers, but ${phones.length} are chosen (${phones
      .map((c) => `"${c.header}"`)
      .join(', ')}). Set the others to another role or skip them.`;
  }
  for (const role of ['name', 'firstName', 'lastName', 'tags', 'note'] as const) {
    const cols = m.filter((c) => c.role === role);
    if (cols.length > 1) {
      const label = { name: 'the name', firstName: 'the first name', lastName: 'the last name', tags: 'the tags', note: 'the note' }[role];
      return `Only one column can be ${label}, but ${cols.length} are chosen (${cols.map((c) => `"${c.header}"`).join(', ')}).`;
    }
  }
  const seen = new Map<string, string>();
  for (const c of m) {
    if (c.role !== 'field') continue;
    const key = c.fieldKey.trim();
    if (key === '') return `Give the column "${c.header}" a name, or skip it.`;
    if (key.length > MAX_FIELD_KEY_CHARS) return `The name "${key.slice(0, 20)}…" is too long; use at most ${MAX_FIELD_KEY_CHARS} characters.`;
    if (isReservedHeader(key)) return `The name "${key}" cannot be used for a column. Rename it or skip the column.`;
    const lower = key.toLowerCase();
    const other = seen.get(lower);
    if (other !== undefined) {
      return `The columns "${other}" and "${c.header}" would both be saved as "${key}". Rename one of them or skip it.`;
    }
    seen.set(lower, c.header);
  }
  return null;
}
