import { describe, expect, it } from 'vitest';
import { guessMapping, validateMapping, type ColumnMapping, type ColumnRole } from './mapping';

const roles = (m: ColumnMapping): ColumnRole[] => m.map((c) => c.role);

describe('guessMapping from headers', () => {
  it('English', () => {
    const m = guessMapping(
      ['Full Name', 'Mobile Number', 'City', 'Tags', 'Notes', 'Email'],
      [['Ali Veli', '0532 123 45 67', 'Ankara', 'vip', 'x', 'a@b.co']],
      'TR',
    );
    expect(roles(m)).toEqual(['name', 'phone', 'field', 'tags', 'note', 'field']);
    expect(m[2]).toEqual({ index: 2, header: 'City', role: 'field', fieldKey: 'City' });
    expect(m[0]?.fieldKey).toBe('');
  });

  it('English first / last name', () => {
    const m = guessMapping(['First Name', 'Last Name', 'Phone'], [['Ali', 'Veli', '0532 123 45 67']], 'TR');
    expect(roles(m)).toEqual(['firstName', 'lastName', 'phone']);
  });

  it('Turkish', () => {
    const m = guessMapping(
      ['ADI SOYADI', 'Cep Telefonu', 'Şehir', 'Etiket', 'Not'],
      [['Ayşe Yılmaz', '0532 123 45 67', 'İzmir', 'vip', 'ara']],
      'TR',
    );
    expect(roles(m)).toEqual(['name', 'phone', 'field', 'tags', 'note']);
    expect(m[2]?.fieldKey).toBe('Şehir');
  });

  it('Turkish Ad + Soyad become first and last name', () => {
    const m = guessMapping(['Ad', 'Soyad', 'GSM', 'Açıklama'], [['Ayşe', 'Yılmaz', '05321234567', '']], 'TR');
    expect(roles(m)).toEqual(['firstName', 'lastName', 'phone', 'note']);
  });

  it('Turkish İsim / Telefon No / Numara', () => {
    expect(roles(guessMapping(['İSİM', 'TELEFON NO'], [['Ali', '5321234567']], 'TR'))).toEqual(['name', 'phone']);
    expect(roles(guessMapping(['isim', 'numara'], [['Ali', '5321234567']], 'TR'))).toEqual(['name', 'phone']);
  });

  it('Persian', () => {
    const m = guessMapping(
      ['نام و نام خانوادگی', 'شماره موبایل', 'شهر', 'برچسب', 'یادداشت'],
      [['علی رضایی', '۰۹۱۲۳۴۵۶۷۸۹', 'تهران', 'مشتری', '']],
      'IR',
    );
    expect(roles(m)).toEqual(['name', 'phone', 'field', 'tags', 'note']);
  });

  it('Persian نام + نام خانوادگی with Arabic letter variants and ZWNJ', () => {
    const m = guessMapping(['نام', 'نام خانوادگي', 'تلفن\u200cهمراه'], [['علی', 'رضایی', '09123456789']], 'IR');
    expect(roles(m)).toEqual(['firstName', 'lastName', 'phone']);
  });

  it('Persian همراه / موبایل / تلفن', () => {
    for (const h of ['همراه', 'موبایل', 'تلفن', 'شماره']) {
      expect(guessMapping(['نام', h], [['علی', '09123456789']], 'IR').map((c) => c.role)).toEqual(['name', 'phone']);
    }
  });

  it('Arabic', () => {
    const m = guessMapping(['الاسم', 'رقم الجوال', 'المدينة', 'ملاحظات'], [['محمد', '0501234567', 'الرياض', '']], 'SA');
    expect(roles(m)).toEqual(['name', 'phone', 'field', 'note']);
    for (const h of ['هاتف', 'جوال', 'رقم', 'الهاتف']) {
      expect(roles(guessMapping(['اسم', h], [['محمد', '0501234567']], 'SA'))).toEqual(['name', 'phone']);
    }
  });

  it('Indonesian', () => {
    const m = guessMapping(
      ['Nama Lengkap', 'No. HP', 'Kota', 'Label', 'Catatan'],
      [['Dewi Lestari', '0812-3456-7890', 'Jakarta', 'reseller', '']],
      'ID',
    );
    expect(roles(m)).toEqual(['name', 'phone', 'field', 'tags', 'note']);
    expect(roles(guessMapping(['Nama Depan', 'Nama Belakang', 'Nomor WA'], [['Dewi', 'L', '081234567890']], 'ID'))).toEqual([
      'firstName',
      'lastName',
      'phone',
    ]);
    for (const h of ['HP', 'Handphone', 'nomor hp', 'WhatsApp', 'WA', 'MSISDN', 'Nomor']) {
      expect(roles(guessMapping(['Nama', h], [['Dewi', '081234567890']], 'ID'))).toEqual(['name', 'phone']);
    }
  });

  it('a phone header word inside a longer header (Phone 1, Tel., Mobile (WhatsApp))', () => {
    expect(roles(guessMapping(['Name', 'Mobile (WhatsApp)'], [['A', '+905321234567']], 'TR'))).toEqual(['name', 'phone']);
    expect(roles(guessMapping(['Name', 'Tel.'], [['A', '+905321234567']], 'TR'))).toEqual(['name', 'phone']);
  });

  it('exactly one phone column: the best of several', () => {
    const m = guessMapping(
      ['Name', 'Order No', 'Phone', 'Phone 2'],
      [
        ['A', '1001', '0532 123 45 67', ''],
        ['B', '1002', '0533 765 43 21', '0542 111 22 33'],
      ],
      'TR',
    );
    expect(roles(m)).toEqual(['name', 'field', 'phone', 'field']);
  });

  it('the data wins over a misleading header', () => {
    // "Telefon" holds only text; an unnamed column holds the numbers.
    const m = guessMapping(
      ['Ad', 'Telefon', 'Kayıt'],
      [
        ['Ali', 'arayın', '0532 123 45 67'],
        ['Veli', 'yok', '0533 765 43 21'],
        ['Can', 'bilinmiyor', '0542 111 22 33'],
      ],
      'TR',
    );
    expect(roles(m)).toEqual(['name', 'field', 'phone']);
  });
});

describe('guessMapping from data', () => {
  it('a headerless-looking sheet (first row is a contact)', () => {
    // parseSpreadsheet made the first contact the header row.
    const headers = ['Ayşe Yılmaz', '0532 123 45 67', 'İstanbul'];
    const sample = [
      ['Mehmet Öztürk', '0533 765 43 21', 'Ankara'],
      ['Fatma Kaya', '+90 542 111 22 33', 'İzmir'],
      ['Can Demir', '905551234567', 'Bursa'],
    ];
    const m = guessMapping(headers, sample, 'TR');
    expect(m[1]?.role).toBe('phone');
    expect(m[0]?.role).toBe('name');
    expect(m[2]?.role).toBe('field');
  });

  it('unnamed columns (Column A, Column B…)', () => {
    const m = guessMapping(
      ['Column A', 'Column B', 'Column C', 'Column D'],
      [
        ['5321234567', 'Ali Veli', '', 'x'],
        ['5337654321', 'Ayşe', '', 'y'],
      ],
      'TR',
    );
    expect(roles(m)).toEqual(['phone', 'name', 'ignore', 'field']);
    expect(m[3]?.fieldKey).toBe('Column D');
  });

  it('phone numbers under an unknown header', () => {
    const m = guessMapping(['Müşteri', 'İletişim', 'Şube'], [['Ali', '0532 123 45 67', 'Kadıköy'], ['Veli', '0533 765 43 21', 'Moda']], 'TR');
    expect(roles(m)).toEqual(['name', 'phone', 'field']);
  });

  it('no phone-looking column at all gives no phone role (validateMapping then asks)', () => {
    const m = guessMapping(['City', 'Email'], [['Ankara', 'a@b.co']], 'TR');
    expect(m.some((c) => c.role === 'phone')).toBe(false);
    expect(validateMapping(m)).toBe('Choose which column holds the phone numbers.');
  });
});

describe('field keys and reserved headers', () => {
  it('reserved headers are ignored', () => {
    const m = guessMapping(['__proto__', 'Phone', 'constructor', 'prototype', 'Constructor Co'], [['x', '0532 123 45 67', 'y', 'z', 'w']], 'TR');
    expect(roles(m)).toEqual(['ignore', 'phone', 'ignore', 'ignore', 'field']);
    expect(m.every((c) => c.role !== 'ignore' || c.fieldKey === '')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(validateMapping(m)).toBeNull();
  });

  it('cleans field keys: trimmed, whitespace collapsed, at most 64 characters, unique', () => {
    const long = 'A'.repeat(80);
    const m = guessMapping(['Phone', '  Favourite \n colour  ', long, long + 'B'], [['0532 123 45 67', 'blue', '1', '2']], 'TR');
    expect(m[1]?.fieldKey).toBe('Favourite colour');
    expect(m[2]?.fieldKey).toBe('A'.repeat(64));
    expect(m[3]?.fieldKey).toBe('A'.repeat(60) + ' (2)');
    expect(validateMapping(m)).toBeNull();
  });
});

describe('validateMapping', () => {
  const base: ColumnMapping = [
    { index: 0, header: 'Phone', role: 'phone', fieldKey: '' },
    { index: 1, header: 'Name', role: 'name', fieldKey: '' },
    { index: 2, header: 'City', role: 'field', fieldKey: 'City' },
  ];
  it('accepts a good mapping', () => {
    expect(validateMapping(base)).toBeNull();
  });
  it('no phone column', () => {
    expect(validateMapping(base.map((c) => (c.role === 'phone' ? { ...c, role: 'ignore' as const } : c)))).toMatch(/phone numbers/);
  });
  it('two phone columns', () => {
    expect(validateMapping([...base, { index: 3, header: 'Phone 2', role: 'phone', fieldKey: '' }])).toMatch(/Only one column can hold the phone numbers/);
  });
  it('duplicate field keys (case-insensitive)', () => {
    expect(validateMapping([...base, { index: 3, header: 'city', role: 'field', fieldKey: 'CITY' }])).toMatch(/would both be saved as/);
  });
  it('reserved field key', () => {
    expect(validateMapping([...base, { index: 3, header: 'x', role: 'field', fieldKey: '__proto__' }])).toMatch(/cannot be used/);
    expect(validateMapping([...base, { index: 3, header: 'x', role: 'field', fieldKey: 'constructor' }])).toMatch(/cannot be used/);
  });
  it('empty and too long field keys', () => {
    expect(validateMapping([...base, { index: 3, header: 'x', role: 'field', fieldKey: ' ' }])).toMatch(/a name/);
    expect(validateMapping([...base, { index: 3, header: 'x', role: 'field', fieldKey: 'x'.repeat(65) }])).toMatch(/too long/);
  });
  it('two name columns', () => {
    expect(validateMapping([...base, { index: 3, header: 'Full name', role: 'name', fieldKey: '' }])).toMatch(/Only one column can be the name/);
  });
});
