import type { Campaign } from '#shared/campaigns';
import { t } from '#shared/i18n';
import { rawOf } from '#main/db/connection';
import type { Sqlite } from '#main/kernel/db';
import type { Kernel } from '#main/kernel/context';
import { mutating, type HandlersOf } from '#main/kernel/handlers';
import { createGroup } from '#main/groups/service';
import { insertCampaign, toCampaign, getCampaignRecord } from '#main/campaigns/repo';
import { campaignRecord, getReport, getSeries, listReportRecipients, selectedPeople } from './queries';

export type ReportsDeps = { queueDb: Sqlite };

const CHUNK = 10_000;

/**
 * Campaign reports (issue 11). Reads only, except "to a group" (writes the contact book, so it
 * waits for an import's write lock: `mutating`) and "send again to the failed ones" (a new campaign
 * in the queue's own file, which never waits for the book: not mutating, like campaigns.create).
 */
export function reportsHandlers(kernel: Kernel, deps: ReportsDeps): Omit<HandlersOf<'reports'>, 'reports.export' | 'reports.cancelExport'> {
  const q = deps.queueDb;
  return {
    'reports.get': (input) => getReport(q, input.id, input.replyWindowHours),
    'reports.series': (input) => getSeries(q, input.id, input.bucket),
    'reports.recipients': (input) => listReportRecipients(q, input),
    'reports.toGroup': mutating(async (input) => {
      const people = selectedPeople(q, input.id, input.selection, input.replyWindowHours);
      const ids = [...new Set(people.flatMap((p) => (p.contactId === null ? [] : [p.contactId])))];
      const group = await createGroup(kernel.db, input.name);
      const book = rawOf(kernel.db);
      if (!book) throw new Error('reports.toGroup needs the book’s SQLite handle');
      const now = new Date(kernel.clock.now()).toISOString();
      const insert = book.prepare(
        `INSERT OR IGNORE INTO group_members (group_id, contact_id, added_at)
         SELECT ?, c.id, ? FROM json_each(?) j JOIN contacts c ON c.id = j.value`,
      );
      let added = 0;
      book.transaction(() => {
        for (let i = 0; i < ids.length; i += CHUNK) added += insert.run(group.id, now, JSON.stringify(ids.slice(i, i + CHUNK))).changes;
      })();
      kernel.bus.emit('groups.changed', {});
      return { groupId: group.id, added, notContacts: people.length - added };
    }),
    'reports.retryFailed': (input) => {
      const record = campaignRecord(q, input.id);
      const original: Campaign = toCampaign(q, record);
      const phones = q
        .prepare(`SELECT phone FROM recipients WHERE campaign_id = ? AND status = 'failed' ORDER BY id`)
        .pluck()
        .all(input.id) as string[];
      const names = new Set(q.prepare(`SELECT name FROM campaigns`).pluck().all() as string[]);
      const base = t('reports.retryName', { name: original.name });
      let name = base.slice(0, 100);
      for (let n = 2; names.has(name); n++) name = `${base} ${n}`.slice(0, 100);
      const id = insertCampaign(
        q,
        {
          name,
          draftId: original.draftId,
          draftName: original.draftName,
          parts: original.parts,
          // The failed ones as pasted numbers: contacts among them are matched back by phone.
          audience: { groupIds: [], listIds: [], contactIds: [], query: null, pasted: phones.join('\n') },
          exclusions: original.exclusions,
          accountIds: original.accountIds,
          pace: original.pace,
          timezone: original.timezone,
          schedule: { kind: 'now' },
        },
        kernel.clock.now(),
      );
      // The same message as the one that failed (not the draft as edited since): frozen.
      q.prepare(`UPDATE campaigns SET frozen = 1 WHERE id = ?`).run(id);
      const created = toCampaign(q, getCampaignRecord(q, id)!);
      kernel.bus.emit('campaigns.changed', { id, campaign: created });
      return created;
    },
  };
}
