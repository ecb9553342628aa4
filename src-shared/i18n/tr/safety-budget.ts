/** tr: the keys of ../en-safety-budget.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trSafetyBudget = {
  'budget.status.full':
    'Duraklatıldı: “{label}” bu ay yanıt vermeyen {used} kişiye mesaj gönderdi; aylık bütçesi {budget} kişi. Bütçeyi hesabın güvenlik ayarlarından artırın ya da gelecek ayı bekleyin.',
  'budget.log.warning':
    '“{label}” bu ay yanıt vermeyen {used} kişiye mesaj gönderdi; aylık bütçesi {budget} kişi (bütçenin %80’i doldu). {budget} kişiye ulaşınca kampanyaları duraklar.',
  'budget.log.full': '“{label}” hesabındaki kampanyalar duraklatıldı: bu ay mesaj gönderilip yanıt vermeyen kişi sayısı {used} / {budget} (aylık bütçe).',

  'budget.line': 'Bu ay yanıt vermeyen: {used} / {budget}',
  'budget.line.rolling': 'son 30 gün: {rolling}',
  'budget.line.left': '{left} kaldı',
  'budget.line.full': 'Bütçe doldu: bu hesabın kampanyaları gelecek aya ya da bütçe artırılana kadar duraklatıldı.',
  'budget.line.help':
    'Bu hesabın mesaj gönderdiği ama size geri yazmamış kişiler. WhatsApp, bir hesabın her ay bu tür kaç kişiye mesaj gönderebileceğini sınırlar ve bu sayıyı açıklamaz; Pigeon sizin belirlediğiniz bütçede duraklar.',

  'budget.review':
    'Bu kampanya, “{label}” için bu ay kalan {left} kişilik hakkın en fazla {use} kadarını kullanabilir (henüz bize yanıt vermemiş kişiler).',
  'budget.review.none': 'Bu kampanya, “{label}” için bu ay kalan {left} kişilik haktan hiç kullanmaz: içindeki herkes bize yanıt vermiş ya da bu ay zaten mesaj almış.',
  'budget.review.over':
    'Bu kampanya “{label}” için en fazla {use} kişilik hak gerektirebilir, ama bu ay yalnızca {left} {left, plural, one {kişilik hak} other {kişilik hak}} kaldı: bütçe bitince kampanya duraklar.',
  'budget.review.loading': 'Bu kampanyanın aylık bütçenin ne kadarını kullanabileceği hesaplanıyor…',

  'safety.open': 'Güvenlik ayarları…',
  'safety.title': '“{label}” hesabının güvenlik ayarları',
  'budget.settings.title': 'Yanıt vermeyen kişiler için aylık bütçe',
  'budget.settings.label': 'Aylık kişi sayısı',
  'budget.settings.explain':
    'WhatsApp, bir hesabın bir ayda hiç yanıt vermeyen kaç kişiye mesaj gönderebileceğini sınırlar ve bu sayıyı açıklamaz. Pigeon bu kişileri sayar (yalnızca kampanya mesajları; yanıt veren ya da size önce yazan kişiler sayılmaz), %80’e gelince sizi uyarır ve bütçe dolunca bu hesabın kampanyalarını duraklatır. 500 temkinli bir başlangıçtır; yalnızca uzun süredir kullanılan bir numara için artırın.',
  'budget.settings.now': 'Bu ay şu ana kadar: {used} (son 30 gün: {rolling}).',
  'budget.settings.invalid': '1 ile 1.000.000 arasında bir tam sayı yazın.',

  'audience.order.title': 'Sıra',
  'audience.order.warmFirst': 'Önce daha önce bize yanıt vermiş kişilere gönder',
  'audience.order.warmFirst.hint': 'Bu kişiler, yanıt vermeyenler için ayrılan aylık bütçeden düşmez.',
} satisfies Partial<Catalogue>;
