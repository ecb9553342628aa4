/** ar: the keys of ../en-accounts.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arAccounts = {
  'wa.driver.simulator': 'حساب تجريبي',
  'wa.driver.wweb': 'حساب واتساب',
  'wa.log.created': 'أُضيف الحساب «{label}» ({driver}).',
  'wa.log.renamed': 'أُعيدت تسمية الحساب إلى «{label}».',
  'wa.log.removed': 'أُزيل الحساب «{label}».',
  'wa.log.starting': 'جارٍ البدء…',
  'wa.log.qr': 'بانتظار مسح رمز QR.',
  'wa.log.pairing': 'بانتظار إدخال رمز الربط على الهاتف.',
  'wa.log.authenticating': 'قبِل الهاتف الربط؛ جارٍ تحميل المحادثات…',
  'wa.log.ready': 'متصل بالرقم {phone} ({name}).',
  'wa.log.disconnectedByUser': 'قُطع الاتصال. الجلسة محفوظة؛ «إعادة الاتصال» يربطه مجددًا دون رمز QR.',
  'wa.log.dropped': 'انقطع الاتصال ({reason}).',
  'wa.log.reconnecting': 'إعادة الاتصال بعد {seconds} ث (المحاولة {attempt} من {max}).',
  'wa.log.gaveUp': 'تعذّرت إعادة الاتصال بعد {max} محاولات. تحقق من الهاتف ومن اتصال الإنترنت، ثم انقر «إعادة الاتصال».',
  'wa.log.blocked': 'توقف الإرسال من هذا الحساب: {reason}',
  'wa.log.failed': 'فشل: {reason}',
  'wa.log.loggedOut': 'أُلغي ربط الحساب؛ اربطه مجددًا برمز QR أو برمز ربط.',
  'wa.log.unlinkedByUser': 'أُلغي الربط: سُجّل الخروج من واتساب وحُذفت الجلسة المحفوظة.',
  'wa.log.optOut': 'ردّ {phone} بـ«{word}» فنُقل إلى القائمة السوداء.',
  'wa.log.checkStarted':
    'جارٍ فحص {count, plural, zero {# رقم} one {رقم واحد} two {رقمين} few {# أرقام} many {# رقمًا} other {# رقم}} على واتساب.',
  'wa.log.checkFinished': 'انتهى فحص الأرقام: {yes} على واتساب، و{no} ليس عليه، و{unknown} لم يُفحص.',
  'wa.log.checkCancelled': 'أُلغي فحص الأرقام بعد {done} من {total}.',
  'wa.log.checkFailed': 'توقف فحص الأرقام بعد {done} من {total}: {reason}',
  'wa.log.simulate.scan': 'الهاتف التجريبي: مُسح رمز QR.',
  'wa.log.simulate.disconnect': 'الهاتف التجريبي: قُطع الاتصال عمدًا.',
  'wa.log.simulate.block': 'الهاتف التجريبي: طُلب من واتساب حظر هذا الحساب.',
  'wa.log.simulate.failSends':
    'الهاتف التجريبي: {count, plural, zero {لن تفشل أي عملية إرسال قادمة.} one {ستفشل عملية الإرسال التالية.} two {ستفشل عمليتا الإرسال التاليتان.} few {ستفشل عمليات الإرسال الـ# التالية.} many {ستفشل عمليات الإرسال الـ# التالية.} other {ستفشل عمليات الإرسال الـ# التالية.}}',
  'wa.log.simulate.loseConfirmations':
    'الهاتف التجريبي: {count, plural, zero {لن يُفقد أي تأكيد.} one {ستصل الرسالة التالية إلى واتساب، لكن تأكيدها سيُفقد.} two {ستصل الرسالتان التاليتان إلى واتساب، لكن تأكيدهما سيُفقد.} few {ستصل الرسائل الـ# التالية إلى واتساب، لكن تأكيداتها ستُفقد.} many {ستصل الرسائل الـ# التالية إلى واتساب، لكن تأكيداتها ستُفقد.} other {ستصل الرسائل الـ# التالية إلى واتساب، لكن تأكيداتها ستُفقد.}}',
  'wa.log.incomingFailed': 'تعذّر حفظ رسالة وصلت ({reason}). إن كان فيها إلغاء اشتراك فهو محفوظ وسيُطبَّق عند تشغيل Pigeon في المرة القادمة.',
  'wa.log.simulate.receive': 'الهاتف التجريبي: أرسل {phone} رسالة.',
  'wa.state.reconnecting': 'إعادة المحاولة بعد {seconds} ث (المحاولة {attempt} من {max})',
  'wa.err.notFound': 'لم يعد ذلك الحساب موجودًا.',
  'wa.err.notReady': 'الحساب «{label}» غير متصل. اربطه أو أعد اتصاله من صفحة الحسابات.',
  'wa.err.simNoQr': 'لا يوجد ما يمسحه الهاتف التجريبي: اربط الحساب أولًا (سيعرض رمز QR أو رمز ربط).',
  'wa.err.notSimulator': 'هذا متاح للحسابات التجريبية فقط.',
  'wa.err.checkRunning': 'يجري فحص أرقام على هذا الحساب بالفعل.',
  'wa.err.checkEmpty': 'لا توجد جهات اتصال لفحصها في هذا التحديد.',
  'wa.err.allRecent':
    '{count, plural, zero {فُحصت كل جهات الاتصال} one {فُحصت جهة الاتصال} two {فُحصت جهتا الاتصال كلتاهما} few {فُحصت جهات الاتصال الـ# كلها} many {فُحصت جهات الاتصال الـ# كلها} other {فُحصت جهات الاتصال الـ# كلها}} على واتساب خلال الأيام الـ{days} الماضية، فلا جديد لفحصه. ألغِ تحديد «تخطي» لفحصها مجددًا.',
  'wa.err.checkNotFound': 'لم يعد فحص الأرقام هذا جاريًا.',
  'wa.err.pairPhone': 'اكتب رقم هاتف حساب واتساب الذي تريد ربطه، مع رمز الدولة.',
  'wa.err.accountDropped': 'انقطع اتصال الحساب',
  'wa.note.noVideo':
    'يعمل في {browser}، الذي لا يستطيع إرسال الفيديو (تنقصه برامج الترميز). ثبّت Google Chrome أو Microsoft Edge لإرسال مقاطع الفيديو من هذا الحساب.',
  'wa.optOutReason': 'ردّ بـ«{word}»',
} satisfies Partial<Catalogue>;
