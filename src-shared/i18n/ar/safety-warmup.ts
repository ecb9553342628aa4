/** ar: the keys of ../en-safety-warmup.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arSafetyWarmup = {
  'warmup.wait':
    'اليوم {day} من {of} من الإحماء على «{label}»: المسموح لهذا اليوم {cap, plural, zero {# رسالة} one {رسالة واحدة} two {رسالتان} few {# رسائل} many {# رسالة} other {# رسالة}}؛ يُستأنف الإرسال عند منتصف الليل ({at}).',
  'warmup.card': 'الإحماء، اليوم {day} من {of}: أُرسلت {sent} من {cap} لهذا اليوم',
  'warmup.card.young': 'رُبط مؤخرًا: يزداد حده اليومي كل يوم؛ وتسري الحدود المعتادة بدءًا من {date}.',
  'warmup.card.marked': 'عُلّم كرقم جديد: يزداد حده اليومي كل يوم؛ وتسري الحدود المعتادة بدءًا من {date}.',
  'warmup.review':
    'الإحماء على {label}: اليوم {day} من {of}، والمسموح لهذا اليوم {cap, plural, zero {# رسالة} one {رسالة واحدة} two {رسالتان} few {# رسائل} many {# رسالة} other {# رسالة}} عبر كل الحملات (أُرسل منها {sent} بالفعل).',
  'warmup.review.estimate': 'يأخذ التقدير في الحسبان الحدود اليومية للإحماء.',
  'warmup.settings.title': 'الإحماء',
  'warmup.settings.intro': 'يحصل الرقم الجديد على حد يومي صغير يزداد يومًا بعد يوم. يسري على كل الحملات ورسائل الاختبار، ولا يتجاوز أبدًا الحد اليومي الخاص بالحملة.',
  'warmup.settings.auto': 'فعّل الإحماء تلقائيًا في الأيام الأولى بعد ربط الحساب',
  'warmup.settings.new': 'هذا رقم جديد (ابدأ الإحماء اليوم)',
  'warmup.settings.newSince': 'عُلّم كرقم جديد في {date}.',
  'warmup.settings.schedule': 'عدد الرسائل في اليوم: اليوم 1، اليوم 2، …',
  'warmup.settings.scheduleHint': 'أرقام تفصل بينها فواصل (,) أو مسافات، وكل رقم لا يقل عن الذي قبله. بعد اليوم الأخير يسري الحد اليومي الخاص بالحملة.',
  'warmup.settings.now': 'حاليًا: اليوم {day} من {of}، والحد {cap}.',
  'warmup.settings.off': 'لا يسري أي إحماء على هذا الحساب اليوم.',
  'warmup.err.empty': 'اكتب حد يوم واحد على الأقل، مثل 20, 40, 80.',
  'warmup.err.tooLong': 'لا يمكن أن يستمر الإحماء أكثر من 90 يومًا.',
  'warmup.err.notNumber': 'قيمة اليوم {at} ليست عددًا صحيحًا. اكتب أرقامًا تفصل بينها فواصل، مثل 20, 40, 80.',
  'warmup.err.range': 'يجب أن يسمح اليوم {at} بعدد من الرسائل بين 1 و100000.',
  'warmup.err.decreasing': 'اليوم {at} يسمح برسائل أقل من اليوم السابق؛ يجب أن يسمح كل يوم بعدد لا يقل عن سابقه.',
  'warmup.settings.invalid': 'جدول الإحماء غير صالح بعد: انظر الملاحظة تحته.',
} satisfies Partial<Catalogue>;
