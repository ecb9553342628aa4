/** ar: the keys of ../en-safety-breaker.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const arSafetyBreaker = {
  // Why the account's campaigns were paused (the campaign's status reason, also on the account card).
  'breaker.reason.optOut':
    'متوقفة مؤقتًا: ألغى {count} من آخر {of, plural, zero {# شخص} one {شخص واحد} two {شخصين} few {# أشخاص} many {# شخصًا} other {# شخص}} راسلهم «{label}» اشتراكهم ({pct} %؛ الحد {limit} %). راجع الرسالة ومن تُرسل إليهم قبل الاستئناف.',
  'breaker.reason.undelivered':
    'متوقفة مؤقتًا: {count} من آخر {of, plural, zero {# رسالة} one {رسالة واحدة} two {رسالتين} few {# رسائل} many {# رسالة} other {# رسالة}} من «{label}» لم تُسلَّم بعد مرور ساعة ({pct} %؛ الحد {limit} %). ربما يحظر الناس هذا الرقم.',
  'breaker.reason.failed':
    'متوقفة مؤقتًا: فشلت {count} من آخر {of, plural, zero {# عملية إرسال} one {عملية إرسال واحدة} two {عمليتَي إرسال} few {# عمليات إرسال} many {# عملية إرسال} other {# عملية إرسال}} على «{label}» ({pct} %؛ الحد {limit} %).',

  // The account card.
  'breaker.line.tripped': 'انطلق قاطع الحماية:',
  'breaker.line.optOut':
    'ألغى {count} من آخر {of, plural, zero {# شخص} one {شخص واحد} two {شخصين} few {# أشخاص} many {# شخصًا} other {# شخص}} تمت مراسلتهم اشتراكهم ({pct} %؛ الحد {limit} %).',
  'breaker.line.undelivered':
    '{count} من آخر {of, plural, zero {# رسالة} one {رسالة واحدة} two {رسالتين} few {# رسائل} many {# رسالة} other {# رسالة}} لم تُسلَّم بعد مرور ساعة ({pct} %؛ الحد {limit} %).',
  'breaker.line.failed':
    'فشلت {count} من آخر {of, plural, zero {# عملية إرسال} one {عملية إرسال واحدة} two {عمليتَي إرسال} few {# عمليات إرسال} many {# عملية إرسال} other {# عملية إرسال}} ({pct} %؛ الحد {limit} %).',
  'breaker.line.paused': 'حملاته متوقفة مؤقتًا. استئناف أيٍّ منها يعرض الأرقام ويبدأ عدًّا جديدًا.',

  // The figures (the resume dialog).
  'breaker.figures.sends': 'عمليات الإرسال المحتسبة',
  'breaker.figures.optOuts': 'ألغوا الاشتراك',
  'breaker.figures.undelivered': 'لم تُسلَّم بعد مرور ساعة',
  'breaker.figures.failed': 'فشلت',
  'breaker.figures.limit': 'الحد {limit} %',
  'breaker.figures.of': '{count} من {of} ({pct} %)',
  'breaker.figures.since': 'تُحتسب عمليات الإرسال منذ {when}.',
  'breaker.figures.notYet': 'لم تمضِ ساعة على أي منها بعد',

  // Resuming a campaign whose account's breaker tripped.
  'breaker.resume.title': 'استئناف «{name}»؟',
  'breaker.resume.body':
    'يحظر واتساب الأرقام التي يحظرها كثير من الناس أو يبلّغون عنها. انطلق قاطع الحماية على «{label}». هذه آخر عمليات الإرسال منه الآن (قد تصل بعدُ ردود على رسائل أُرسلت قبل الإيقاف، لذا ربما زادت هذه الأرقام منذ ذلك الحين):',
  'breaker.resume.after':
    'الاستئناف يبدأ عدًّا جديدًا على هذا الحساب: لا تُقيَّم إلا عمليات الإرسال من الآن فصاعدًا، وينطلق القاطع مجددًا إن تجاوزت أحد الحدود.',
  'breaker.resume.confirm': 'استئناف على أي حال',

  // Settings section.
  'breaker.settings.title': 'قواطع الحماية من إشارات الإزعاج',
  'breaker.settings.invalid': 'أحد إعدادات القواطع غير صالح بعد: انظر الملاحظة بجانبه.',
  'breaker.settings.help':
    'يراقب Pigeon آخر عمليات الإرسال لهذا الحساب ويوقف حملاته مؤقتًا عندما يلغي كثير من الناس اشتراكهم، أو لا تُسلَّم رسائل كثيرة أبدًا (من يحظر رقمًا تتوقف رسائل ذلك الرقم عنده عند علامة صح واحدة)، أو تفشل عمليات إرسال كثيرة. الحد نسبة من النافذة كلها: 5 % من آخر 100 عملية إرسال تعني 5 أشخاص. لا يُقيَّم شيء قبل بلوغ {min} من عمليات الإرسال.',
  'breaker.settings.window': 'راقب آخر',
  'breaker.settings.windowUnit': 'عملية إرسال',
  'breaker.settings.optOutPct': 'أوقف مؤقتًا عندما يبلغ إلغاء الاشتراك',
  'breaker.settings.undeliveredPct': 'أوقف مؤقتًا عندما تبلغ الرسائل غير المُسلّمة بعد ساعة',
  'breaker.settings.failedPct': 'أوقف مؤقتًا عندما تبلغ حالات الفشل',
  'breaker.settings.pct': '%',
  'breaker.settings.invalidWindow': 'اختر عددًا من عمليات الإرسال بين {min} و{max}.',
  'breaker.settings.invalidPct': 'استخدم نسبة بين {min} % و100 %.',

  // The demo phone.
  'demo.optOutRate.label': 'اجعل',
  'demo.optOutRate.submit': '% من الناس يردّون بـ STOP',
  'demo.optOutRate.count': 'نسبة من يردّون بـ STOP (%)',
  'demo.optOutRate.help': 'من الرسائل المُرسلة من الآن فصاعدًا، يُردّ على هذه النسبة بكلمة إلغاء اشتراك (0 يوقف ذلك).',
  'demo.optOutRate.done': 'من الآن فصاعدًا سيردّ {count} % من الناس بـ STOP.',
  'demo.undeliveredRate.label': 'اترك',
  'demo.undeliveredRate.submit': '% من الرسائل دون تسليم',
  'demo.undeliveredRate.count': 'نسبة الرسائل التي لا تُسلَّم أبدًا (%)',
  'demo.undeliveredRate.help': 'من الرسائل المُرسلة من الآن فصاعدًا، تبقى هذه النسبة عند علامة صح واحدة، كما يحدث عندما يحظر الناس الرقم (0 يوقف ذلك).',
  'demo.undeliveredRate.done': 'من الآن فصاعدًا ستبقى {count} % من الرسائل دون تسليم.',
  'wa.log.simulate.optOutRate': 'الهاتف التجريبي: سيردّ {count} % ممن تُرسل إليهم الرسائل من الآن فصاعدًا بكلمة إلغاء اشتراك.',
  'wa.log.simulate.undeliveredRate': 'الهاتف التجريبي: {count} % من الرسائل المُرسلة من الآن فصاعدًا لن تُسلَّم أبدًا.',
} satisfies Partial<Catalogue>;
