/** ar: the keys of ../en-overview.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arOverview = {
  'nav.overview': 'نظرة عامة',
  'overview.title': 'نظرة عامة',
  'overview.sentToday':
    '{count, plural, zero {لم تُرسَل أي رسالة اليوم} one {أُرسلت رسالة واحدة اليوم} two {أُرسلت رسالتان اليوم} few {أُرسلت # رسائل اليوم} many {أُرسلت # رسالة اليوم} other {أُرسلت # رسالة اليوم}}',
  'overview.accounts': 'الحسابات اليوم',
  'overview.noAccounts': 'لا يوجد حساب واتساب بعد. أضف حسابًا من صفحة الحسابات (الهاتف التجريبي يعمل دون رقم حقيقي).',
  'overview.goAccounts': 'الانتقال إلى الحسابات',
  'overview.account.sent': 'أُرسلت: {count}',
  'overview.account.capLeft': 'المتبقي اليوم: {left} من {cap}',
  'overview.account.noCap': 'لا ينطبق حد يومي (لا توجد حملة جارية عليه)',
  'overview.account.capReached': 'بلغ الحد اليومي؛ يُستأنف الإرسال غدًا',
  'overview.campaigns': 'الحملات الجارية',
  'overview.noCampaigns': 'لا يوجد إرسال جارٍ أو مجدول.',
  'overview.campaign.progress': 'تم {done} من {total}',
  'overview.campaign.due': 'موعد البدء: {at}',
  'overview.campaign.open': 'فتح',
  'overview.rates': 'آخر 30 يومًا',
  'overview.rates.chart': 'الرسائل المرسلة والمسلَّمة والمقروءة يوميًا خلال آخر 30 يومًا',
  'overview.rates.summary': 'أُرسلت: {sent} · سُلّمت: {delivered}% · قُرئت: {read}%',
  'overview.rates.none': 'لم تُرسَل أي رسائل خلال آخر 30 يومًا.',
  'overview.series.sent': 'أُرسلت',
  'overview.series.delivered': 'سُلّمت',
  'overview.series.read': 'قُرئت',
  'overview.replies': 'أحدث الردود',
  'overview.noReplies': 'لا توجد ردود بعد.',
  'overview.optOuts': 'أحدث إلغاءات الاشتراك',
  'overview.noOptOuts': 'لا توجد إلغاءات اشتراك.',
  'overview.seeInbox': 'عرض البريد الوارد',
  'overview.loadFailed': 'تعذّر تحميل النظرة العامة: {message}',
} satisfies Partial<Catalogue>;
