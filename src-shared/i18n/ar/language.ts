/** ar: the keys of ../en-language.ts. */
import type { Catalogue } from '../index';

export const arLanguage = {
  'settings.language.title': 'اللغة والتقويم',
  'settings.language.label': 'اللغة',
  'settings.language.help': 'تتغير كل الشاشات فورًا. تُعرض الفارسية والعربية من اليمين إلى اليسار.',
  'settings.calendar.label': 'التقويم',
  'settings.calendar.auto': 'تقويم اللغة نفسها ({name})',
  'settings.calendar.gregory': 'ميلادي',
  'settings.calendar.persian': 'هجري شمسي',
  'settings.calendar.islamic': 'هجري (أم القرى)',
  'chart.time': 'الوقت',
  'settings.calendar.help': 'تُعرض التواريخ وتُختار بهذا التقويم؛ ولا يتغير ما يحفظه Pigeon. اليوم: {date}.',
} satisfies Partial<Catalogue>;
