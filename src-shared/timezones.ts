/**
 * Time zones found by the names people use: "Tehran", "تهران", "طهران" → Asia/Tehran; "İstanbul",
 * "Istanbul", "استانبول" → Europe/Istanbul; "الرياض" → Asia/Riyadh; also a country with one zone
 * ("Iran", "ترکیه", "مصر"), and the IANA name itself ("asia/tehran").
 *
 * Intl.DisplayNames does not name zones, but Intl.DateTimeFormat's `shortGeneric` zone name is
 * CLDR's location format ("Iran Time", "وقت ایران", "New York Saati"): the place in it is the
 * zone's country, or its city where a country has several zones. A small hand table adds the main
 * cities of Türkiye, Iran and the Arab world in the four languages, which CLDR does not list.
 */

/** Main cities (and a few other names) per zone, in English, Turkish, Persian and Arabic. */
const CITIES: Record<string, string[]> = {
  'Europe/Istanbul': [
    'Istanbul', 'İstanbul', 'Ankara', 'Izmir', 'İzmir', 'Bursa', 'Antalya', 'Adana', 'Konya', 'Gaziantep', 'Kayseri', 'Mersin',
    'Diyarbakır', 'Eskişehir', 'Samsun', 'Trabzon', 'Erzurum', 'Van', 'Turkey', 'Türkiye', 'Turkiye',
    'استانبول', 'اسلامبول', 'آنکارا', 'ازمیر', 'بورسا', 'آنتالیا', 'ترکیه',
    'إسطنبول', 'اسطنبول', 'أنقرة', 'إزمير', 'بورصة', 'أنطاليا', 'تركيا',
  ],
  'Asia/Tehran': [
    'Tehran', 'Teheran', 'Tahran', 'Mashhad', 'Meşhed', 'Isfahan', 'Esfahan', 'İsfahan', 'Tabriz', 'Tebriz', 'Shiraz', 'Şiraz',
    'Karaj', 'Kerec', 'Ahvaz', 'Qom', 'Kum', 'Kermanshah', 'Kirmanşah', 'Rasht', 'Reşt', 'Yazd', 'Yezd', 'Kerman', 'Urmia', 'Urmiye',
    'Hamadan', 'Hemedan', 'Zahedan', 'Bandar Abbas', 'Iran', 'İran',
    'تهران', 'مشهد', 'اصفهان', 'تبریز', 'شیراز', 'کرج', 'اهواز', 'قم', 'کرمانشاه', 'رشت', 'یزد', 'کرمان', 'ارومیه', 'همدان',
    'زاهدان', 'بندرعباس', 'بندر عباس', 'ایران',
    'طهران', 'أصفهان', 'تبريز', 'شيراز', 'الأهواز', 'إيران',
  ],
  'Asia/Riyadh': [
    'Riyadh', 'Riyad', 'Jeddah', 'Jiddah', 'Cidde', 'Mecca', 'Makkah', 'Mekke', 'Medina', 'Madinah', 'Medine', 'Dammam', 'Taif',
    'Saudi Arabia', 'Suudi Arabistan',
    'ریاض', 'جده', 'مکه', 'مدینه', 'دمام', 'عربستان', 'عربستان سعودی',
    'الرياض', 'جدة', 'مكة', 'مكة المكرمة', 'المدينة', 'المدينة المنورة', 'الدمام', 'الطائف', 'السعودية',
  ],
  'Asia/Dubai': [
    'Dubai', 'Abu Dhabi', 'Abu Dabi', 'Sharjah', 'Şarika', 'Ajman', 'Al Ain', 'United Arab Emirates', 'UAE', 'Birleşik Arap Emirlikleri',
    'دبی', 'ابوظبی', 'شارجه', 'امارات',
    'دبي', 'أبوظبي', 'أبو ظبي', 'الشارقة', 'عجمان', 'العين', 'الإمارات',
  ],
  'Asia/Qatar': ['Doha', 'Qatar', 'Katar', 'دوحه', 'قطر', 'الدوحة'],
  'Asia/Kuwait': ['Kuwait', 'Kuwait City', 'Kuveyt', 'کویت', 'الكويت'],
  'Asia/Bahrain': ['Manama', 'Bahrain', 'Bahreyn', 'منامه', 'بحرین', 'المنامة', 'البحرين'],
  'Asia/Muscat': ['Muscat', 'Maskat', 'Oman', 'Umman', 'مسقط'],
  'Asia/Baghdad': [
    'Baghdad', 'Bağdat', 'Basra', 'Erbil', 'Mosul', 'Musul', 'Najaf', 'Necef', 'Karbala', 'Kerbela', 'Sulaymaniyah', 'Süleymaniye', 'Kirkuk', 'Kerkük', 'Iraq', 'Irak',
    'بغداد', 'بصره', 'اربیل', 'موصل', 'نجف', 'کربلا', 'سلیمانیه', 'کرکوک', 'عراق',
    'البصرة', 'أربيل', 'الموصل', 'النجف', 'كربلاء', 'السليمانية', 'كركوك', 'العراق',
  ],
  'Asia/Damascus': ['Damascus', 'Şam', 'Aleppo', 'Halep', 'Homs', 'Humus', 'Latakia', 'Lazkiye', 'Syria', 'Suriye', 'دمشق', 'حلب', 'حمص', 'لاذقیه', 'سوریه', 'اللاذقية', 'سوريا', 'سورية'],
  'Asia/Beirut': ['Beirut', 'Beyrut', 'Lebanon', 'Lübnan', 'بیروت', 'لبنان', 'بيروت'],
  'Asia/Amman': ['Amman', 'Jordan', 'Ürdün', 'اردن', 'الأردن'],
  'Asia/Gaza': ['Gaza', 'Gazze', 'غزه', 'غزة'],
  'Asia/Hebron': ['Ramallah', 'Hebron', 'El Halil', 'Nablus', 'رام‌الله', 'رام الله', 'الخليل', 'نابلس'],
  'Africa/Cairo': ['Cairo', 'Kahire', 'Alexandria', 'İskenderiye', 'Giza', 'Gize', 'Egypt', 'Mısır', 'قاهره', 'اسکندریه', 'مصر', 'القاهرة', 'الإسكندرية', 'الجيزة'],
  'Africa/Khartoum': ['Khartoum', 'Hartum', 'Omdurman', 'Sudan', 'خارطوم', 'سودان', 'الخرطوم', 'أم درمان', 'السودان'],
  'Africa/Tripoli': ['Tripoli', 'Trablus', 'Benghazi', 'Bingazi', 'Libya', 'طرابلس', 'بنغازی', 'لیبی', 'بنغازي', 'ليبيا'],
  'Africa/Tunis': ['Tunis', 'Tunus', 'Sfax', 'Tunisia', 'تونس', 'صفاقس'],
  'Africa/Algiers': ['Algiers', 'Cezayir', 'Oran', 'Vahran', 'Algeria', 'الجزایر', 'الجزائر', 'وهران'],
  'Africa/Casablanca': ['Casablanca', 'Kazablanka', 'Rabat', 'Marrakesh', 'Marrakech', 'Marakeş', 'Fes', 'Fez', 'Tangier', 'Tanca', 'Morocco', 'Fas', 'کازابلانکا', 'رباط', 'مراکش', 'مغرب', 'الدار البيضاء', 'الرباط', 'مراكش', 'فاس', 'طنجة', 'المغرب'],
  'Africa/Nouakchott': ['Nouakchott', 'Nuakşot', 'Mauritania', 'Moritanya', 'نواکشوت', 'موریتانی', 'نواكشوط', 'موريتانيا'],
  'Asia/Aden': ['Sanaa', "Sana’a", 'Sana', 'Aden', 'Yemen', 'صنعا', 'عدن', 'یمن', 'صنعاء', 'اليمن'],
  'Africa/Mogadishu': ['Mogadishu', 'Mogadişu', 'Somalia', 'Somali', 'موگادیشو', 'سومالی', 'مقديشو', 'الصومال'],
  'Africa/Djibouti': ['Djibouti', 'Cibuti', 'جیبوتی', 'جيبوتي'],
  'Asia/Kabul': ['Kabul', 'Kabil', 'Herat', 'Mazar-i-Sharif', 'Kandahar', 'Afghanistan', 'Afganistan', 'کابل', 'هرات', 'مزار شریف', 'قندهار', 'افغانستان', 'كابل', 'أفغانستان'],
  'Asia/Baku': ['Baku', 'Bakü', 'Azerbaijan', 'Azerbaycan', 'باکو', 'آذربایجان', 'باكو', 'أذربيجان'],
};

/**
 * A name reduced to what people agree on: case, accents and Turkish dotted/dotless i folded,
 * Arabic and Persian letter forms made one (أ إ آ → ا, ی ى → ي, ک → ك, ة ۀ → ه), spaces,
 * punctuation and joiners dropped.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/[\u06CC\u0649]/g, '\u064A')
    .replace(/\u06A9/g, '\u0643')
    .replace(/[\u0629\u06C0\u06D5]/g, '\u0647')
    .replace(/\u0671/g, '\u0627')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The place in a zone's `shortGeneric` name ("Iran" in "Iran Time"), learned per language from Iran's own. */
function placeOf(language: string): (zone: string) => { place: string | null; full: string } {
  const name = (zone: string): string => {
    try {
      return new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'shortGeneric' }).formatToParts(0).find((p) => p.type === 'timeZoneName')?.value ?? '';
    } catch {
      return '';
    }
  };
  let before = '';
  let after = '';
  let known = false;
  try {
    const iran = new Intl.DisplayNames([language], { type: 'region' }).of('IR') ?? '';
    const full = name('Asia/Tehran');
    const at = iran ? full.indexOf(iran) : -1;
    if (at >= 0) {
      before = full.slice(0, at);
      after = full.slice(at + iran.length);
      known = true;
    }
  } catch {
    known = false;
  }
  return (zone) => {
    const full = name(zone);
    if (!known || full.length <= before.length + after.length || !full.startsWith(before) || !full.endsWith(after)) return { place: null, full };
    return { place: full.slice(before.length, full.length - after.length).trim(), full };
  };
}

/** The IANA name's last part as a place: "America/New_York" → "New York". */
export const zoneCity = (zone: string): string => (zone.split('/').pop() ?? zone).replace(/_/g, ' ');

const LANGUAGES = ['en', 'tr', 'fa', 'ar'];

/**
 * Names to zones. The IANA names, the hand table and the IANA cities cost nothing; CLDR's places
 * take one formatter per zone and language (a few hundred milliseconds for all four), so they are
 * read only when a name is not found otherwise, and a language's places only when asked for.
 */
type ZoneIndex = { zones: readonly string[]; byName: Map<string, string>; cldr: Map<string, string> | null; places: Map<string, Map<string, string>> };
let cached: ZoneIndex | null = null;

function indexFor(zones: readonly string[]): ZoneIndex {
  if (cached?.zones === zones) return cached;
  const byName = new Map<string, string>();
  const put = (name: string, zone: string) => {
    const key = foldName(name);
    if (key !== '' && !byName.has(key)) byName.set(key, zone);
  };
  for (const zone of zones) put(zone, zone);
  for (const [zone, names] of Object.entries(CITIES)) for (const name of names) put(name, zone);
  for (const zone of zones) put(zoneCity(zone), zone);
  cached = { zones, byName, cldr: null, places: new Map() };
  return cached;
}

function placesIn(index: ZoneIndex, language: string): Map<string, { place: string | null; full: string }> {
  const read = placeOf(language);
  const out = new Map<string, { place: string | null; full: string }>();
  for (const zone of index.zones) out.set(zone, read(zone));
  const mine = new Map<string, string>();
  for (const [zone, { place }] of out) if (place) mine.set(zone, place);
  index.places.set(language, mine);
  return out;
}

/** CLDR's places and zone names in the four languages; a name shared by several zones is left out. */
function cldrNames(index: ZoneIndex): Map<string, string> {
  if (index.cldr) return index.cldr;
  const seen = new Map<string, string | null>();
  for (const language of LANGUAGES) {
    for (const [zone, { place, full }] of placesIn(index, language)) {
      for (const name of place ? [place, full] : [full]) {
        const key = foldName(name);
        if (key === '' || /^(gmt|utc)/.test(key)) continue;
        const other = seen.get(key);
        seen.set(key, other === undefined || other === zone ? zone : null);
      }
    }
  }
  index.cldr = new Map([...seen].filter((e): e is [string, string] => e[1] !== null));
  return index.cldr;
}

/**
 * The zone of `zones` (the engine's list, Intl.supportedValuesOf('timeZone')) that `text` names in
 * English, Turkish, Persian or Arabic, or null. An IANA name the engine knows but does not list
 * (an alias such as "Asia/Istanbul") is taken as it is, when `isZone` says it is one.
 */
export function resolveTimeZone(text: string, zones: readonly string[], isZone?: (zone: string) => boolean): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (zones.includes(trimmed)) return trimmed;
  const index = indexFor(zones);
  const key = foldName(trimmed);
  const named = index.byName.get(key);
  if (named) return named;
  if (isZone?.(trimmed)) return trimmed;
  return cldrNames(index).get(key) ?? null;
}

/** The zone's place in `language` as CLDR names it ("ایران", "نیویورک"), else its city from the IANA name. */
export function zonePlace(zone: string, language: string, zones: readonly string[]): string {
  const index = indexFor(zones);
  if (!index.places.has(language)) placesIn(index, language);
  return index.places.get(language)?.get(zone) ?? zoneCity(zone);
}

/** The hand table's names for a zone (for suggestions): every name given, in the table's order. */
export function zoneCityNames(zone: string): readonly string[] {
  return CITIES[zone] ?? [];
}

/** Every zone of the hand table. */
export const CITY_ZONES: readonly string[] = Object.keys(CITIES);
