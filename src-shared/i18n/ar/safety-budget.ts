/** ar: the keys of ../en-safety-budget.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arSafetyBudget = {
  'budget.status.full':
    'متوقفة مؤقتًا: راسل «{label}» هذا الشهر {used} من أصل {budget} من الأشخاص الذين لم يردّوا (حصته الشهرية). ارفع الحصة في إعدادات الأمان للحساب، أو انتظر الشهر القادم.',
  'budget.log.warning':
    'راسل «{label}» هذا الشهر {used} من أصل {budget} من الأشخاص الذين لم يردّوا (80 % من حصته الشهرية). عند بلوغ {budget}، تتوقف حملاته مؤقتًا.',
  'budget.log.full': 'توقفت الحملات على «{label}» مؤقتًا: {used} من أصل {budget} من الأشخاص هذا الشهر لم يردّوا (حصته الشهرية).',

  'budget.line': 'بلا رد هذا الشهر: {used} من {budget}',
  'budget.line.rolling': 'آخر 30 يومًا: {rolling}',
  'budget.line.left': 'المتبقي {left}',
  'budget.line.full': 'نفدت الحصة: حملات هذا الحساب متوقفة مؤقتًا حتى الشهر القادم أو حتى زيادة الحصة.',
  'budget.line.help':
    'الأشخاص الذين راسلهم هذا الحساب ولم يردّوا. يحدّ واتساب عدد من يمكن للحساب مراسلتهم من هؤلاء كل شهر ولا ينشر هذا العدد؛ ويوقف Pigeon الإرسال مؤقتًا عند بلوغ حصتك.',

  'budget.review':
    'قد تستهلك هذه الحملة حتى {use} من أصل {left} متبقية هذا الشهر على «{label}» (أشخاص لم يردّوا علينا بعد).',
  'budget.review.none': 'لا تستهلك هذه الحملة شيئًا من المتبقي هذا الشهر ({left}) على «{label}»: كل من فيها ردّ علينا أو تمت مراسلته هذا الشهر من قبل.',
  'budget.review.over':
    'قد تحتاج هذه الحملة إلى {use} على «{label}»، لكن المتبقي هذا الشهر {left} فقط: ستتوقف مؤقتًا عند نفاد الحصة.',
  'budget.review.loading': 'جارٍ حساب ما قد تستهلكه هذه الحملة من الحصة الشهرية…',

  'safety.open': 'إعدادات الأمان…',
  'safety.title': 'إعدادات الأمان لـ«{label}»',
  'budget.settings.title': 'الحصة الشهرية لمن لا يردّون',
  'budget.settings.label': 'عدد الأشخاص في الشهر',
  'budget.settings.explain':
    'يحدّ واتساب عدد من يمكن للحساب مراسلتهم في الشهر ممن لا يردّون أبدًا، ولا ينشر هذا العدد. يحسبهم Pigeon (رسائل الحملات فقط؛ من ردّوا أو راسلوك أولًا لا يُحتسبون)، وينبّهك عند 80 %، ويوقف حملات هذا الحساب مؤقتًا عند نفاد الحصة. 500 بداية حذرة؛ لا ترفعها إلا لرقم مستخدم منذ وقت طويل.',
  'budget.settings.now': 'هذا الشهر حتى الآن: {used} (آخر 30 يومًا: {rolling}).',
  'budget.settings.invalid': 'اكتب عددًا صحيحًا من 1 إلى 1,000,000.',

  'audience.order.title': 'الترتيب',
  'audience.order.warmFirst': 'أرسل أولًا إلى من ردّوا علينا من قبل',
  'audience.order.warmFirst.hint': 'لا يستهلكون الحصة الشهرية لمن لا يردّون.',
} satisfies Partial<Catalogue>;
