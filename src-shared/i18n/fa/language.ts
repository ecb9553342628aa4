/** fa: the keys of ../en-language.ts. */
import type { Catalogue } from '../index';

export const faLanguage = {
  'settings.language.title': 'زبان و تقویم',
  'settings.language.label': 'زبان',
  'settings.language.help': 'همهٔ صفحه‌ها بی‌درنگ تغییر می‌کنند. فارسی و عربی از راست به چپ نمایش داده می‌شوند.',
  'settings.calendar.label': 'تقویم',
  'settings.calendar.auto': 'تقویم خود زبان ({name})',
  'settings.calendar.gregory': 'میلادی',
  'settings.calendar.persian': 'هجری شمسی',
  'settings.calendar.islamic': 'هجری قمری (ام‌القری)',
  'chart.time': 'زمان',
  'settings.calendar.help': 'تاریخ‌ها با این تقویم نمایش داده و انتخاب می‌شوند؛ آنچه Pigeon ذخیره می‌کند تغییر نمی‌کند. امروز: {date}.',
} satisfies Partial<Catalogue>;
