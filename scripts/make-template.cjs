// Regenerates resources/import-template.xlsx (committed). Run: node scripts/make-template.cjs
const XLSX = require('xlsx');
const path = require('node:path');
const rows = [
  ['Phone', 'Name', 'City', 'Birthday', 'Tags', 'Note'],
  ['+90 532 123 45 67', 'Ayşe Yılmaz', 'İstanbul', '1990-04-12', 'customer, vip', 'Prefers afternoons'],
  ['0532 765 43 21', 'Mehmet Demir', 'Ankara', '', 'customer', ''],
  ['+98 912 345 6789', 'سارا احمدی', 'تهران', '', 'new', ''],
  ['+62 812 3456 7890', 'Budi Santoso', 'Jakarta', '', '', ''],
];
const help = [
  ['How to fill in this template'],
  ['One row per contact. Only the Phone column is required.'],
  ['Write numbers in any usual form: +90 532 123 45 67, 0532 123 45 67 (your default country), 00905321234567.'],
  ['If Excel turns long numbers into 9.05E+11, format the Phone column as Text before typing.'],
  ['Every other column (City, Birthday, …) is kept as a field you can use in messages later, e.g. {City}.'],
  ['Tags: several tags separated by commas.'],
  ['You can rename, add or remove columns: Pigeon asks which column is which when you import.'],
];
const wb = XLSX.utils.book_new();
const sheet = XLSX.utils.aoa_to_sheet(rows);
sheet['!cols'] = [{ wch: 20 }, { wch: 22 }, { wch: 14 }, { wch: 12 }, { wch: 16 }, { wch: 24 }];
XLSX.utils.book_append_sheet(wb, sheet, 'Contacts');
XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(help), 'How to');
XLSX.writeFile(wb, path.join(__dirname, '..', 'resources', 'import-template.xlsx'), { compression: true });
