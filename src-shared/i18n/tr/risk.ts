/** tr: the keys of ../en-risk.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trRisk = {
  'risk.title': 'Numara için risk',
  'risk.level.low': 'Düşük risk',
  'risk.level.medium': 'Orta risk',
  'risk.level.high': 'Yüksek risk',
  'risk.summary.low': 'Göze batan bir şey yok. WhatsApp, insanların şikâyet ettiği bir numarayı yine de yasaklayabilir; bu yüzden mesajınız hoş karşılanacak bir mesaj olsun.',
  'risk.summary.medium': 'Bu kampanya başlatılabilir, ama bazı seçimler yasaklanma olasılığını artırıyor. Her biri, neyin değiştirilmesi gerektiğiyle birlikte aşağıda.',
  'risk.summary.high': 'Buradaki bir şey yasaklanmayı olası kılıyor. Başlatmadan önce yüksek olarak işaretlenen noktaları değiştirin.',
  'risk.fix': 'Ne değiştirilmeli: {fix}',
  'risk.tag.low': 'Düşük',
  'risk.tag.medium': 'Orta',
  'risk.tag.high': 'Yüksek',
  'risk.waiting': 'Alıcılar sayılınca değerlendirilir.',

  'risk.pace.faster': 'Hız, güvenli saydığımız en yüksek hız olan Hızlı’dan da fazla.',
  'risk.pace.fasterFix': '3. adımda (“Hesaplar ve hız”) Normal’i ya da en fazla Hızlı’yı seçin.',
  'risk.pace.fast': 'Hız, Hızlı ya da ona yakın.',
  'risk.pace.fastFix': 'Normal, mesajlar arasında daha fazla zaman bırakır ve mesaj yazan bir insana daha çok benzer.',
  'risk.pace.ok': 'Hız, Normal ya da daha yavaş.',

  'risk.cap.none': 'Hesap başına günlük sınır yok.',
  'risk.cap.noneFix': 'bir günlük sınır belirleyin (Normal’de sınır 400).',
  'risk.cap.high': 'Hesap başına günde {cap} mesaja kadar; bu, Normal’deki 400 sınırından fazla.',
  'risk.cap.highFix': 'günlük sınırı 400 ya da altına indirin.',
  'risk.cap.ok': 'Hesap başına günde en fazla {cap} mesaj.',

  'risk.account.unlinked': '“{label}” hiç bağlanmadı, bu yüzden yaşı bilinmiyor.',
  'risk.account.unlinkedFix': 'büyük bir kampanyadan önce hesabı bağlayın ve ısınmasına izin verin.',
  'risk.account.young': '“{label}” ilk kez {days} {days, plural, one {gün} other {gün}} önce bağlandı ve ısınmada değil.',
  'risk.account.youngFix': 'hesabın güvenlik ayarlarından ısınmayı açın ya da daha eski bir numaradan gönderin.',
  'risk.account.warming': '“{label}” {days} {days, plural, one {günlük} other {günlük}} ve ısınma bugünkü gönderimlerini sınırlıyor.',
  'risk.account.ok': '“{label}” {days} {days, plural, one {gündür} other {gündür}} Pigeon ile kullanılıyor.',

  'risk.audience.cold': 'Alıcıların %{percent} kadarı ({count}) bizden hiç mesaj almadı.',
  'risk.audience.coldFix': 'sizi tanıyan kişilerle başlayın (örneğin daha önce yanıt vermiş müşterilerden bir grup) ya da tek seferde daha az kişiye gönderin.',
  'risk.audience.ok': 'Alıcıların %{percent} kadarı bizden hiç mesaj almadı.',

  'risk.unchecked.many': 'Alıcıların %{percent} kadarının ({count}) WhatsApp’ta olup olmadığı bilinmiyor.',
  'risk.unchecked.fix': 'önce numaraları kontrol edin (Kişiler → WhatsApp’ta kontrol et) ya da WhatsApp’ta olmayanları dışarıda bırakın.',
  'risk.unchecked.ok': 'Alıcıların %{percent} kadarının WhatsApp’ta olup olmadığı bilinmiyor.',
  'risk.unchecked.checkedFirst': 'Her numara, mesajı gönderilmeden hemen önce WhatsApp’ta kontrol edilir.',

  'risk.budget.over': 'Hiç yanıt vermemiş en fazla {use} kişiye mesaj gidebilir, ama hesapların bu ay kalan hakkı {left} kişi.',
  'risk.budget.overFix': 'daha az kişiye ya da daha önce yanıt vermiş kişilere gönderin; bütçe bitince kampanya duraklar.',
  'risk.budget.half': 'Hiç yanıt vermemiş en fazla {use} kişiye mesaj gidebilir: bu, bu ay kalan {left} kişilik hakkın yarısından fazlası.',
  'risk.budget.halfFix': 'bu ayın bütçesinin bir kısmını sonraya saklayın ya da daha önce yanıt vermiş kişileri öne alın.',
  'risk.budget.ok': 'Hiç yanıt vermemiş en fazla {use} kişiye mesaj gidebilir; bu ay kalan hak: {left} kişi.',

  'risk.sameText.same': '{count} alıcının hepsi birebir aynı sözleri alıyor.',
  'risk.sameText.fix': 'mesaja \'{{name}}\' gibi bir değişken ya da \'{Merhaba|Selam}\' gibi kelime seçenekleri ekleyin.',
  'risk.sameText.personal': 'Mesaj alıcıya göre değişiyor (değişkenler ya da kelime seçenekleri).',
  'risk.sameText.few': 'Mesaj herkes için aynı, ama alıcı sayısı az.',

  'risk.links.found': 'Mesajda bir bağlantı var ({link}).',
  'risk.links.fix': 'sizi tanımayan kişilere giden ilk mesajdaki bağlantılar sık sık şikâyet edilir; bağlantıyı çıkarın ya da kişiler yanıt verdikten sonra gönderin.',
  'risk.links.none': 'Mesajda bağlantı yok.',
} satisfies Partial<Catalogue>;
