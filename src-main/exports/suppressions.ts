/** The blacklist or graylist as a file: small enough (one row a number) to write on the main thread. */
import { utcDate } from '../../src-shared/dates';
import type { FileBlob } from '../../src-shared/domain';
import type { MethodParsedInput } from '../../src-shared/contract';
import type { Db } from '../kernel/db';
import { writeCsv, writeXlsx } from '../spreadsheets/write';
import { listSuppressions } from '../suppressions/service';
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
