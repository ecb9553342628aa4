/** tr: the keys of ../en-report-export.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trReportExport = {
  'reportExport.title': 'Raporu dışa aktar',
  'reportExport.titleMany': '{count} raporu dışa aktar',
  'reportExport.what': 'Tek kampanya: bir özet sayfası (rakamlar, huni, gecikmeler, hesaplar), alıcıları ve başarısız olanlar.',
  'reportExport.whatMany': 'Her kampanya için bir satır içeren bir özet sayfası, ardından her kampanya için bir alıcı sayfası.',
  'reportExport.csvNote': 'CSV yalnızca alıcıları içerir (birden fazla kampanya varsa her alıcının kampanyasıyla birlikte).',
  'reportExport.start': 'Dışa aktar',
  'reportExport.working': 'Dışa aktarılıyor… {done} / {total}',
  'reportExport.done': 'Kaydedildi: {file}',
  'reportExport.cancelled': 'Dışa aktarma durduruldu. Dosya kaydedilmedi.',
  'reportExport.selected': 'Seçilenleri dışa aktar ({count})',
  'reportExport.select': 'Dışa aktarmak için seç: {name}',
} satisfies Partial<Catalogue>;
