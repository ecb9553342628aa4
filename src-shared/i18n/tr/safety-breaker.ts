/** tr: the keys of ../en-safety-breaker.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trSafetyBreaker = {
  // Why the account's campaigns were paused (the campaign's status reason, also on the account card).
  'breaker.reason.optOut':
    'Duraklatıldı: “{label}” hesabından mesaj gönderilen son {of} {of, plural, one {kişiden} other {kişiden}} {count} kişi abonelikten çıktı (%{pct}; sınır %{limit}). Devam etmeden önce mesajı ve kime gittiğini kontrol edin.',
  'breaker.reason.undelivered':
    'Duraklatıldı: “{label}” hesabından gönderilen son {of} {of, plural, one {mesajdan} other {mesajdan}} {count} {count, plural, one {mesaj} other {mesaj}} bir saat sonra hâlâ iletilmemişti (%{pct}; sınır %{limit}). Bu numarayı engelleyen kişiler olabilir.',
  'breaker.reason.failed': 'Duraklatıldı: “{label}” hesabındaki son {of} {of, plural, one {gönderimden} other {gönderimden}} {count} tanesi başarısız oldu (%{pct}; sınır %{limit}).',

  // The account card.
  'breaker.line.tripped': 'Sigorta attı:',
  'breaker.line.optOut': 'Mesaj gönderilen son {of} {of, plural, one {kişiden} other {kişiden}} {count} kişi abonelikten çıktı (%{pct}; sınır %{limit}).',
  'breaker.line.undelivered': 'Son {of} {of, plural, one {mesajdan} other {mesajdan}} {count} {count, plural, one {mesaj} other {mesaj}} bir saat sonra hâlâ iletilmemişti (%{pct}; sınır %{limit}).',
  'breaker.line.failed': 'Son {of} {of, plural, one {gönderimden} other {gönderimden}} {count} tanesi başarısız oldu (%{pct}; sınır %{limit}).',
  'breaker.line.paused': 'Kampanyaları duraklatıldı. Birine devam ettiğinizde rakamlar gösterilir ve sayım sıfırdan başlar.',

  // The figures (the resume dialog).
  'breaker.figures.sends': 'İncelenen gönderimler',
  'breaker.figures.optOuts': 'Abonelikten çıkanlar',
  'breaker.figures.undelivered': 'Bir saat sonra iletilmemiş',
  'breaker.figures.failed': 'Başarısız',
  'breaker.figures.limit': 'sınır %{limit}',
  'breaker.figures.of': '{count} / {of} (%{pct})',
  'breaker.figures.since': 'Sayım başlangıcı: {when}.',
  'breaker.figures.notYet': 'henüz bir saati dolan gönderim yok',

  // Resuming a campaign whose account's breaker tripped.
  'breaker.resume.title': '“{name}” kampanyasına devam edilsin mi?',
  'breaker.resume.body':
    'WhatsApp, birçok kişinin engellediği ya da şikâyet ettiği numaraları yasaklar. “{label}” hesabının sigortası attı. Son gönderimlerinin şu anki durumu (duraklatmadan önce gönderilen mesajlara hâlâ yanıt gelebilir, bu yüzden bu rakamlar o zamandan beri artmış olabilir):',
  'breaker.resume.after':
    'Devam etmek bu hesapta sayımı sıfırdan başlatır: yalnızca bundan sonraki gönderimler değerlendirilir ve bir sınır aşılırsa sigorta yeniden atar.',
  'breaker.resume.confirm': 'Yine de devam et',

  // Settings section.
  'breaker.settings.title': 'Spam belirtilerine karşı sigortalar',
  'breaker.settings.invalid': 'Bir sigorta ayarı henüz geçerli değil: yanındaki nota bakın.',
  'breaker.settings.help':
    'Pigeon bu hesabın son gönderimlerine bakar; çok fazla kişi abonelikten çıkarsa, çok fazla mesaj hiç iletilmezse (bir numarayı engelleyen kişilere giden mesajlar tek tikte kalır) ya da çok fazla gönderim başarısız olursa hesabın kampanyalarını duraklatır. Sınır, incelenen gönderimlerin tamamına göre bir orandır: son 100 gönderimin %5’i 5 kişidir. {min} gönderimden önce hiçbir değerlendirme yapılmaz.',
  'breaker.settings.window': 'Son',
  'breaker.settings.windowUnit': 'gönderime bak',
  'breaker.settings.optOutPct': 'Abonelikten çıkanlar şu orana ulaşınca duraklat:',
  'breaker.settings.undeliveredPct': 'Bir saat sonra iletilmeyenler şu orana ulaşınca duraklat:',
  'breaker.settings.failedPct': 'Başarısız gönderimler şu orana ulaşınca duraklat:',
  'breaker.settings.pct': '%',
  'breaker.settings.invalidWindow': 'İncelenecek gönderim sayısı {min} ile {max} arasında olmalı.',
  'breaker.settings.invalidPct': '%{min} ile %100 arasında bir oran girin.',

  // The demo phone.
  'demo.optOutRate.label': 'Kişilerin yüzde',
  'demo.optOutRate.submit': 'kadarı STOP yazsın',
  'demo.optOutRate.count': 'STOP yazan kişilerin oranı (%)',
  'demo.optOutRate.help': 'Bundan sonra gönderilen mesajların bu oranı, bir abonelikten çıkma sözcüğüyle yanıtlanır (0 kapatır).',
  'demo.optOutRate.done': 'Bundan sonra kişilerin %{count} kadarı STOP yazacak.',
  'demo.undeliveredRate.label': 'Mesajların yüzde',
  'demo.undeliveredRate.submit': 'kadarı iletilmesin',
  'demo.undeliveredRate.count': 'Hiç iletilmeyen mesajların oranı (%)',
  'demo.undeliveredRate.help': 'Bundan sonra gönderilen mesajların bu oranı, kişiler numarayı engellediğinde olduğu gibi tek tikte kalır (0 kapatır).',
  'demo.undeliveredRate.done': 'Bundan sonra mesajların %{count} kadarı iletilmeyecek.',
  'wa.log.simulate.optOutRate': 'Demo telefon: bundan sonra mesaj gönderilen kişilerin %{count} kadarı bir abonelikten çıkma sözcüğüyle yanıt verecek.',
  'wa.log.simulate.undeliveredRate': 'Demo telefon: bundan sonra gönderilen mesajların %{count} kadarı hiç iletilmeyecek.',
} satisfies Partial<Catalogue>;
