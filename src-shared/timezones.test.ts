import { describe, expect, it } from 'vitest';
import { foldName, resolveTimeZone, zoneCity, zonePlace } from './timezones';

const zones = Intl.supportedValuesOf('timeZone');
const isZone = (z: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: z });
    return true;
  } catch {
    return false;
  }
};

describe('time zones by the names people use', () => {
  it.each([
    ['Tehran', 'Asia/Tehran'],
    ['tehran', 'Asia/Tehran'],
    ['تهران', 'Asia/Tehran'],
    ['طهران', 'Asia/Tehran'],
    ['Tahran', 'Asia/Tehran'],
    ['اصفهان', 'Asia/Tehran'],
    ['İstanbul', 'Europe/Istanbul'],
    ['Istanbul', 'Europe/Istanbul'],
    ['ISTANBUL', 'Europe/Istanbul'],
    ['استانبول', 'Europe/Istanbul'],
    ['إسطنبول', 'Europe/Istanbul'],
    ['İzmir', 'Europe/Istanbul'],
    ['الرياض', 'Asia/Riyadh'],
    ['ریاض', 'Asia/Riyadh'],
    ['جدة', 'Asia/Riyadh'],
    ['مكة المكرمة', 'Asia/Riyadh'],
    ['دبي', 'Asia/Dubai'],
    ['Abu Dhabi', 'Asia/Dubai'],
    ['القاهرة', 'Africa/Cairo'],
    ['Kahire', 'Africa/Cairo'],
    ['بغداد', 'Asia/Baghdad'],
    ['الدار البيضاء', 'Africa/Casablanca'],
    ['کابل', 'Asia/Kabul'],
  ])('%s → %s (hand table)', (name, zone) => {
    expect(resolveTimeZone(name, zones)).toBe(zone);
  });

  it.each([
    ['Asia/Tehran', 'Asia/Tehran'],
    ['asia/tehran', 'Asia/Tehran'],
    ['Europe/Istanbul', 'Europe/Istanbul'],
    ['New York', 'America/New_York'],
    ['los angeles', 'America/Los_Angeles'],
  ])('%s → %s (IANA names)', (name, zone) => {
    expect(resolveTimeZone(name, zones)).toBe(zone);
  });

  it.each([
    ['Iran', 'Asia/Tehran'],
    ['ایران', 'Asia/Tehran'],
    ['وقت ایران', 'Asia/Tehran'],
    ['Türkiye Saati', 'Europe/Istanbul'],
    ['ترکیه', 'Europe/Istanbul'],
    ['تركيا', 'Europe/Istanbul'],
    ['مصر', 'Africa/Cairo'],
    ['نیویورک', 'America/New_York'],
    ['Almanya', 'Europe/Berlin'],
  ])('%s → %s (CLDR places in the four languages)', (name, zone) => {
    expect(resolveTimeZone(name, zones)).toBe(zone);
  });

  it('takes an alias the engine knows as it is, and nothing for an unknown name', () => {
    expect(resolveTimeZone('Asia/Istanbul', zones, isZone)).toBe('Asia/Istanbul');
    expect(resolveTimeZone('Atlantis', zones, isZone)).toBeNull();
    expect(resolveTimeZone('', zones, isZone)).toBeNull();
    expect(resolveTimeZone('Tehr', zones, isZone)).toBeNull();
  });

  it('folds case, accents, dotted i and Arabic letter forms', () => {
    expect(foldName('İstanbul')).toBe(foldName('istanbul'));
    expect(foldName('Istanbul')).toBe(foldName('ıstanbul'));
    expect(foldName('إيران')).toBe(foldName('ايران'));
    expect(foldName('ایران')).toBe(foldName('ايران'));
    expect(foldName('مكة')).toBe(foldName('مکه'));
    expect(foldName('New_York')).toBe('newyork');
  });

  it('names a zone’s place in a language', () => {
    expect(zonePlace('Asia/Tehran', 'fa', zones)).toBe('ایران');
    expect(zonePlace('America/New_York', 'fa', zones)).toBe('نیویورک');
    expect(zonePlace('Europe/Istanbul', 'tr', zones)).toBe('Türkiye');
    expect(zoneCity('America/New_York')).toBe('New York');
  });
});
