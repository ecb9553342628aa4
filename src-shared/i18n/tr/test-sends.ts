/** tr: the keys of ../en-test-sends.ts (ICU MessageFormat, same arguments as English). */
import type { Catalogue } from '../index';

export const trTestSends = {
  'ts.err.gone': 'Bu test gönderimi artık yok.',
  'ts.err.phone': '“{phone}”, WhatsApp’ın ulaşabileceği bir telefon numarası değil. Numarayı ülke koduyla yazın, örneğin +90 532 123 45 67.',
  'ts.err.empty': 'Bu mesaj boş: test göndermeden önce metin ya da dosya ekleyin.',
  'ts.button': 'Test gönder…',
  'ts.saveFirst': 'Önce mesajı kaydedin: test, kaydedilmiş sürümü gönderir.',
  'ts.title': 'Test gönder',
  'ts.intro': 'Bu mesajı yazdığınız numaraya bir kez gönderir. Hiçbir kampanyanın parçası değildir ve hiçbir raporda sayılmaz; ama hesabın günlük sınırından düşer.',
  'ts.account': 'Gönderen hesap',
  'ts.noAccounts': 'Bağlantısı açık bir hesap yok. Önce Hesaplar sayfasından bir hesap bağlayın ya da yeniden bağlayın.',
  'ts.phone': 'Alıcı numara',
  'ts.phoneHint': 'Örneğin kendi telefonunuz. Pigeon bu numarayı bu hesap için hatırlar.',
  'ts.contact': 'Değişkenler için kişi',
  'ts.contactNone': 'kimse (varsayılan değerler)',
  'ts.contactClear': 'Varsayılan değerleri kullan',
  'ts.send': 'Testi gönder',
  'ts.close': 'Kapat',
  'ts.status.sending': 'Gönderiliyor…',
  'ts.status.sent': 'Gönderildi',
  'ts.status.delivered': 'İletildi',
  'ts.status.read': 'Okundu',
  'ts.status.failed': 'Başarısız: {reason}',
} satisfies Partial<Catalogue>;
