/** The blacklist or graylist as a file: small enough (one row a number) to write on the main thread. */
import { utcDate } from '#shared/dates';
import type { FileBlob } from '#shared/domain';
import type { MethodParsedInput } from '#shared/contract';
import type { Db } from '#main/kernel/db';
import { writeCsv, writeXlsx } from '#main/spreadsheets/write';
import { listSuppressions } from '#main/suppressions/service';
import { MIME } from './export-service';

export async function exportSuppressions(db: Db, input: MethodParsedInput<'exports.suppressions'>): Promise<FileBlob> {
  const { rows } = await listSuppressions(db, { kind: input.kind, search: '', offset: 0, limit: 1_000_000 });
  const headers = ['Phone', 'Contact', 'Reason', 'Source', 'Date'];
  const data = rows.map((r) => [r.phone, r.contactName ?? '', r.reason, r.source, r.createdAt]);
  const title = input.kind === 'black' ? 'Blacklist' : 'Graylist';
  return {
    fileName: `Pigeon ${title.toLowerCase()} ${utcDate(Date.now())}.${input.format}`,
    mimeType: MIME[input.format],
    bytes: input.format === 'xlsx' ? writeXlsx(title, headers, data) : writeCsv(headers, data),
  };
}
