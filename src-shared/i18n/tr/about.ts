/** tr: the keys of ../en-about.ts. */
import type { Catalogue } from '../index';

export const trAbout = {
  'about.open': 'Pigeon hakkında',
  'about.title': 'Pigeon hakkında',
  'about.version': 'Sürüm',
  'about.versionValue': '{version} (veritabanı sürümü {schema})',
  'about.shell': 'Çalışma biçimi',
  'about.shell.electron': 'Masaüstü uygulaması',
  'about.shell.browser': 'Tarayıcınızda, yalnızca bu bilgisayar tarafından sunuluyor',
  'about.libraries.title': 'Açık kaynak kitaplıklar',
  'about.libraries.count': '{count, plural, one {Pigeon # açık kaynak kitaplıkla yapılmıştır.} other {Pigeon # açık kaynak kitaplıkla yapılmıştır.}}',
  'about.libraries.search': 'Kitaplık ara',
  'about.libraries.name': 'Kitaplık',
  'about.libraries.licence': 'Lisans',
  'about.libraries.runtime': 'masaüstü çalışma ortamı',
  'about.libraries.none': '“{query}” ile eşleşen kitaplık yok.',
  'about.libraries.texts': 'Lisans metinlerinin tamamı, Pigeon ile gelen resources klasöründeki THIRD-PARTY-LICENSES.txt dosyasındadır. Masaüstü çalışma ortamındaki Chromium ve Node.js lisansları, Pigeon programının yanındaki LICENSES.chromium.html dosyasındadır.',
  'links.title': 'Bağlantıyı aç',
  'links.ask': '{host} tarayıcınızda açılsın mı?',
  'links.open': 'Tarayıcıda aç',
} satisfies Partial<Catalogue>;
