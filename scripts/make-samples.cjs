// Regenerates resources/samples/contacts-<language>.xlsx (committed): the sample contacts the first
// run's "Try the demo account" imports, 25 made-up customers per language with names of the
// place and numbers of its mobile plans. Run: node scripts/make-samples.cjs
//
// The names are made up. English uses numbers set aside for fiction (North America's 555-01xx,
// Ofcom's 020 7946 0xxx, Australia's 0491 570 xxx); Iran, Türkiye, Saudi Arabia and Egypt have no
// such ranges, so those numbers are only plausible: the welcome says to delete the samples before a
// real campaign, and they carry their own tag and group. Numbers ending in 0 are "not on WhatsApp"
// on the demo phone, so each file has a few.
const XLSX = require('xlsx');
const path = require('node:path');
const fs = require('node:fs');

const samples = {
  fa: {
    headers: ['نام', 'موبایل', 'شهر', 'یادداشت'],
    note: 'مخاطب نمونه (ساختگی)',
    rows: [
      ['علی رضایی', '+98 912 345 6781', 'تهران'],
      ['مریم احمدی', '+98 935 214 7702', 'اصفهان'],
      ['محمد حسینی', '+98 919 876 5413', 'مشهد'],
      ['زهرا محمدی', '+98 901 223 4456', 'شیراز'],
      ['حسین کریمی', '+98 936 118 2297', 'تبریز'],
      ['فاطمه موسوی', '+98 921 504 6638', 'کرج'],
      ['رضا جعفری', '+98 933 670 1129', 'قم'],
      ['سارا کاظمی', '+98 912 908 3340', 'تهران'],
      ['مهدی رحیمی', '+98 917 345 2285', 'شیراز'],
      ['نرگس صادقی', '+98 914 227 8861', 'تبریز'],
      ['امیر نوری', '+98 915 663 0492', 'مشهد'],
      ['لیلا قاسمی', '+98 913 781 5524', 'اصفهان'],
      ['حمید اکبری', '+98 916 402 9973', 'اهواز'],
      ['نازنین حیدری', '+98 911 856 3317', 'رشت'],
      ['سعید مرادی', '+98 918 239 6650', 'همدان'],
      ['الهام شریفی', '+98 990 412 7786', 'تهران'],
      ['جواد طاهری', '+98 913 150 4428', 'یزد'],
      ['پریسا یوسفی', '+98 937 684 2213', 'کرج'],
      ['مجید عباسی', '+98 912 771 0059', 'تهران'],
      ['شیما رستمی', '+98 934 520 8867', 'کرمان'],
      ['بهرام فرهادی', '+98 917 908 1134', 'شیراز'],
      ['مینا سلطانی', '+98 939 316 7745', 'تهران'],
      ['کامران بهرامی', '+98 912 640 2290', 'تهران'],
      ['یاسمن نظری', '+98 915 287 3371', 'مشهد'],
      ['داریوش کرمانی', '+98 913 459 6628', 'کرمان'],
    ],
  },
  tr: {
    headers: ['Ad Soyad', 'Cep Telefonu', 'Şehir', 'Not'],
    note: 'Örnek kişi (uydurma)',
    rows: [
      ['Ayşe Yılmaz', '+90 532 418 27 61', 'İstanbul'],
      ['Mehmet Kaya', '+90 533 702 14 85', 'Ankara'],
      ['Fatma Demir', '+90 542 365 90 13', 'İzmir'],
      ['Mustafa Çelik', '+90 505 821 46 37', 'Bursa'],
      ['Emine Şahin', '+90 536 147 58 22', 'Antalya'],
      ['Ahmet Yıldız', '+90 544 290 63 70', 'Konya'],
      ['Zeynep Aydın', '+90 555 613 82 49', 'İstanbul'],
      ['Ali Öztürk', '+90 530 476 19 56', 'Adana'],
      ['Elif Arslan', '+90 507 934 25 18', 'Eskişehir'],
      ['Hüseyin Doğan', '+90 532 158 74 93', 'Gaziantep'],
      ['Hatice Kılıç', '+90 543 827 36 04', 'Kayseri'],
      ['İbrahim Aslan', '+90 535 369 41 27', 'Trabzon'],
      ['Merve Çetin', '+90 546 702 58 31', 'İzmir'],
      ['Murat Kara', '+90 532 945 13 66', 'Ankara'],
      ['Büşra Koç', '+90 541 238 67 95', 'Mersin'],
      ['Emre Kurt', '+90 506 417 92 83', 'İstanbul'],
      ['Selin Özdemir', '+90 553 681 24 40', 'Bursa'],
      ['Burak Şimşek', '+90 537 524 86 17', 'Antalya'],
      ['Esra Polat', '+90 545 193 57 42', 'Konya'],
      ['Oğuz Erdoğan', '+90 531 806 35 29', 'Samsun'],
      ['Gül Aksoy', '+90 538 462 71 58', 'Denizli'],
      ['Serkan Yavuz', '+90 549 357 20 86', 'İstanbul'],
      ['Derya Güneş', '+90 534 728 96 13', 'Muğla'],
      ['Kemal Bulut', '+90 552 619 48 30', 'Diyarbakır'],
      ['Sevgi Turan', '+90 539 284 65 77', 'Edirne'],
    ],
  },
  ar: {
    headers: ['الاسم', 'الجوال', 'المدينة', 'ملاحظات'],
    note: 'جهة اتصال تجريبية (وهمية)',
    rows: [
      ['محمد العتيبي', '+966 50 412 7391', 'الرياض'],
      ['فاطمة الزهراني', '+966 55 803 2164', 'جدة'],
      ['عبدالله القحطاني', '+966 53 267 9185', 'الرياض'],
      ['نورة الشمري', '+966 54 931 4472', 'حائل'],
      ['خالد الدوسري', '+966 56 178 3026', 'الدمام'],
      ['سارة الغامدي', '+966 50 645 8813', 'جدة'],
      ['فهد الحربي', '+966 59 324 1767', 'المدينة المنورة'],
      ['ريم المطيري', '+966 55 716 9240', 'الرياض'],
      ['سلطان العنزي', '+966 53 482 6659', 'تبوك'],
      ['هند السبيعي', '+966 50 269 5538', 'الرياض'],
      ['ناصر الشهري', '+966 57 813 4491', 'أبها'],
      ['لمى العمري', '+966 54 157 8326', 'مكة المكرمة'],
      ['تركي البقمي', '+966 56 930 2174', 'الطائف'],
      ['منيرة الرشيد', '+966 55 408 7763', 'بريدة'],
      ['أحمد حسن', '+20 100 482 7135', 'القاهرة'],
      ['منى إبراهيم', '+20 111 356 9428', 'الإسكندرية'],
      ['محمود السيد', '+20 122 704 1869', 'الجيزة'],
      ['ياسمين عبد الرحمن', '+20 106 239 5574', 'القاهرة'],
      ['عمرو مصطفى', '+20 127 815 3340', 'المنصورة'],
      ['دينا فؤاد', '+20 101 672 4483', 'القاهرة'],
      ['كريم عادل', '+20 115 948 2617', 'طنطا'],
      ['سلمى محمود', '+20 128 367 0952', 'الإسكندرية'],
      ['هاني صبري', '+20 109 524 8836', 'أسيوط'],
      ['رانيا جمال', '+20 114 783 6291', 'الجيزة'],
      ['مصطفى كمال', '+20 120 396 7158', 'بورسعيد'],
    ],
  },
  en: {
    headers: ['Name', 'Phone', 'City', 'Note'],
    note: 'Sample contact (made up)',
    rows: [
      ['Emma Johnson', '+1 212 555 0143', 'New York'],
      ['Liam Smith', '+1 312 555 0178', 'Chicago'],
      ['Olivia Brown', '+1 415 555 0112', 'San Francisco'],
      ['Noah Williams', '+1 617 555 0199', 'Boston'],
      ['Ava Jones', '+1 512 555 0127', 'Austin'],
      ['James Miller', '+1 206 555 0164', 'Seattle'],
      ['Sophia Davis', '+1 305 555 0140', 'Miami'],
      ['Lucas Wilson', '+1 303 555 0185', 'Denver'],
      ['Mia Taylor', '+1 404 555 0136', 'Atlanta'],
      ['Ethan Anderson', '+1 213 555 0158', 'Los Angeles'],
      ['Priya Sharma', '+1 416 555 0173', 'Toronto'],
      ['Oliver Thompson', '+44 20 7946 0321', 'London'],
      ['Amelia Clarke', '+44 20 7946 0587', 'London'],
      ['Harry Evans', '+44 161 496 0214', 'Manchester'],
      ['Isla Walker', '+44 161 496 0733', 'Manchester'],
      ['George Wright', '+44 113 496 0862', 'Leeds'],
      ['Grace Hughes', '+44 113 496 0490', 'Leeds'],
      ['Jack Robinson', '+44 20 7946 0958', 'London'],
      ['Charlotte Nguyen', '+61 491 570 156', 'Sydney'],
      ['William Chen', '+61 491 570 157', 'Melbourne'],
      ['Chloe Martin', '+61 491 570 158', 'Brisbane'],
      ['Henry Lee', '+61 491 570 159', 'Perth'],
      ['Ruby Patel', '+61 491 570 110', 'Sydney'],
      ['Daniel Garcia', '+1 702 555 0191', 'Las Vegas'],
      ['Sofia Rossi', '+1 646 555 0147', 'New York'],
    ],
  },
};

const dir = path.join(__dirname, '..', 'resources', 'samples');
fs.mkdirSync(dir, { recursive: true });
for (const [language, sample] of Object.entries(samples)) {
  const rows = [sample.headers, ...sample.rows.map(([name, phone, city]) => [name, phone, city, sample.note])];
  const wb = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!cols'] = [{ wch: 22 }, { wch: 20 }, { wch: 16 }, { wch: 26 }];
  XLSX.utils.book_append_sheet(wb, sheet, 'Contacts');
  // A fixed date, so the files only change when the samples do.
  wb.Props = { Title: 'Pigeon sample contacts', CreatedDate: new Date(Date.UTC(2026, 0, 1)) };
  XLSX.writeFile(wb, path.join(dir, `contacts-${language}.xlsx`), { compression: true });
}
