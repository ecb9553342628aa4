/** tr: the keys of ../en-safety-warmup.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trSafetyWarmup = {
  'warmup.wait': '“{label}” için ısınma günü {day} / {of}: bugün {cap} {cap, plural, one {mesaj} other {mesaj}}; gönderim gece yarısı yeniden başlar ({at}).',
  'warmup.card': 'Isınma günü {day} / {of}: bugün {sent} / {cap}',
  'warmup.card.young': 'Yakın zamanda bağlandı: günlük sınırı her gün artar; normal sınırlar {date} itibarıyla geçerli olur.',
  'warmup.card.marked': 'Yeni numara olarak işaretlendi: günlük sınırı her gün artar; normal sınırlar {date} itibarıyla geçerli olur.',
  'warmup.review': '{label} için ısınma: gün {day} / {of}, bugün tüm kampanyalarda toplam {cap} {cap, plural, one {mesaj} other {mesaj}} ({sent} tanesi zaten gönderildi).',
  'warmup.review.estimate': 'Tahmin, ısınmanın günlük sınırlarını hesaba katar.',
  'warmup.settings.title': 'Isınma',
  'warmup.settings.intro': 'Yeni bir numara küçük bir günlük sınırla başlar ve bu sınır gün gün artar. Sınır tüm kampanyalar ve test gönderimleri için ortaktır ve hiçbir zaman bir kampanyanın kendi günlük sınırını aşmaz.',
  'warmup.settings.auto': 'Hesap bağlandıktan sonraki ilk günlerde ısınmayı otomatik uygula',
  'warmup.settings.new': 'Bu yeni bir numara (ısınmayı bugün başlat)',
  'warmup.settings.newSince': '{date} tarihinde yeni olarak işaretlendi.',
  'warmup.settings.schedule': 'Günlük mesaj sayısı: 1. gün, 2. gün, …',
  'warmup.settings.scheduleHint': 'Virgülle ayrılmış sayılar; her biri bir öncekinden az olmamalı. Son günden sonra kampanyanın kendi günlük sınırı geçerli olur.',
  'warmup.settings.now': 'Bugün: gün {day} / {of}, sınır {cap}.',
  'warmup.settings.off': 'Bugün bu hesap için ısınma uygulanmıyor.',
  'warmup.err.empty': 'En az bir günün sınırını yazın, örneğin 20, 40, 80.',
  'warmup.err.tooLong': 'Isınma en fazla 90 gün sürebilir.',
  'warmup.err.notNumber': '{at}. gün bir tam sayı değil. Virgülle ayrılmış sayılar yazın, örneğin 20, 40, 80.',
  'warmup.err.range': '{at}. gün için izin verilen mesaj sayısı 1 ile 100000 arasında olmalı.',
  'warmup.err.decreasing': '{at}. gün bir önceki günden daha az mesaja izin veriyor; her gün en az bir önceki gün kadar mesaja izin vermeli.',
  'warmup.settings.invalid': 'Isınma planı henüz geçerli değil: altındaki nota bakın.',
} satisfies Partial<Catalogue>;
