/** The blacklist or graylist as a file: small enough (one row a number) to write on the main thread. */
import { utcDate } from '#shared/dates';
import { t } from '#shared/i18n';
import type { FileBlob } from '#shared/domain';
import type { MethodParsedInput } from '#shared/contract';
import type { Db } from '#main/kernel/db';
import { writeCsv, writeXlsx } from '#main/spreadsheets/write';
import { listSuppressions } from '#main/suppressions/service';
import { MIME } from './export-service';

export async function exportSuppressions(db: Db, input: MethodParsedInput<'exports.suppressions'>): Promise<FileBlob> {
  const { rows } = await listSuppressions(db, { kind: input.kind, search: '', offset: 0, limit: 1_000_000 });
  const headers = [t('export.col.phone'), t('export.col.contact'), t('export.col.reason'), t('export.col.source'), t('export.col.date')];
  const data = rows.map((r) => [r.phone, r.contactName ?? '', r.reason, r.source, r.createdAt]);
  const title = input.kind === 'black' ? t('export.sheet.blacklist') : t('export.sheet.graylist');
  return {
    fileName: `${t(input.kind === 'black' ? 'export.file.blacklist' : 'export.file.graylist', { date: utcDate(Date.now()) })}.${input.format}`,
    mimeType: MIME[input.format],
    bytes: input.format === 'xlsx' ? writeXlsx(title, headers, data) : writeCsv(headers, data),
  };
}
