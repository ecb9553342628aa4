/**
 * The send queue's figures for `npm run bench` (called from bench.ts, which owns the format):
 *
 * - queue_throughput_msgs_per_s: recipients through the whole durable path (row claimed and
 *   committed `sending` with its ledger entry, fsynced: synchronous=FULL; the demo phone's send
 *   and its durable log line; the message id stored, the row `sent`; acks) on a demo phone whose
 *   own delays are divided away, with a zero pace.
 * - campaign_start_100k_ms: `campaigns.start` on a 100k group with every exclusion in play, on an
 *   account that is not connected (the rows are built, nothing is sent).
 * - backup_100k_ms and pace_jitter_during_backup_p95_ms: a backup of 100 000 contacts and 1 000 000
 *   recipient rows while a campaign sends (see backupDuringSends).
 * - pace_jitter_p95_ms: how late messages at a 200 ms pace start while a 100k import runs in the
 *   same core, next to the same campaign's lateness just before the import.
 */
import type { BackupInfo } from '#shared/backups';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Exclusions } from '#shared/campaigns';
import { paceFromPreset, type Pace } from '#shared/pace';
import type { SendTiming } from '#main/campaigns/queue';
import type { Core, CoreOptions } from '#main/core/core';
import { generateContactsXlsx } from '#main/spreadsheets/fixtures';
import { customPace } from '#main/test-support/pace';
import { timed } from './lag';
import { until } from '#main/test-support/until';
import { withoutSafetyBrakes } from '#main/test-support/safety-brakes';
import { readDeliveryLog } from '#main/whatsapp/simulator/simulator-driver';

export type QueueBenchContext = {
  /** Contacts in the big book (BENCH_ROWS). */
  n: number;
  rounds: number;
  /** The bench's temporary folder (removed by the caller). */
  tmp: string;
  /** A data folder holding the imported n-contact book in a group (reused for the start figure). */
  bookDir: string;
  /** The generated n-row .xlsx (imported again, into a fresh core, for the jitter figure). */
  bookBytes: Uint8Array;
  open: (dir: string, extra?: Partial<CoreOptions>) => Promise<Core>;
  report: (name: string, value: number, unit: string, op: '<=' | '>=', target: number) => void;
  median: (values: number[]) => number;
  percentile: (values: number[], p: number) => number;
  /** The campaign-start figure's name and target (the 100k bench's unless given). */
  startFigure?: { name: string; target: number; group: string };
};

const TIMEZONE = 'Europe/Istanbul';
const DRAFT_TEXT = 'Hello {{first_name|friend}}, this week only in {{City|your city}}: 20% off.';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves with performance.now() when the campaign is reported finished (any end state). */
function whenFinished(core: Core, id: number): { done: Promise<{ at: number; status: string }>; off: () => void } {
  let off: () => void = () => undefined;
  const done = new Promise<{ at: number; status: string }>((resolve) => {
    off = core.bus.subscribe((event, payload) => {
      if (event !== 'campaigns.progress') return;
      const p = payload as { campaignId: number; status: string };
      if (p.campaignId === id && ['completed', 'cancelled', 'failed', 'paused'].includes(p.status)) {
        resolve({ at: performance.now(), status: p.status });
      }
    });
  });
  return { done, off };
}

async function importInto(core: Core, bytes: Uint8Array, groupName: string): Promise<{ groupId: number; added: number }> {
  const preview = await core.handlers['imports.open']({ fileName: `${groupName}.xlsx`, bytes });
  const summary = await core.handlers['imports.run']({
    importId: preview.importId,
    mapping: preview.mapping,
    onDuplicate: 'skip',
    target: { kind: 'newGroup', name: groupName },
    tags: [],
  });
  if (summary.status !== 'completed' || summary.groupId === null) {
    throw new Error(`bench import ${summary.status}: ${summary.message ?? ''}`);
  }
  return { groupId: summary.groupId, added: summary.added };
}

async function demoAccount(core: Core, label: string): Promise<number> {
  const account = await core.handlers['accounts.create']({ label, driver: 'simulator' });
  // The bench measures the queue, not a new number's first day.
  withoutSafetyBrakes(core, account.id);
  await core.handlers['accounts.connect']({ id: account.id, method: 'qr' });
  // The demo phone scans its own QR code after a few (sped-up) seconds.
  await until(() => core.accounts.get(account.id).state === 'ready', `account ${label} ready`, 30_000);
  return account.id;
}

async function createCampaign(
  core: Core,
  name: string,
  groupId: number,
  accountId: number,
  p: Pace,
  exclusions: Exclusions,
): Promise<number> {
  const draft = await core.handlers['drafts.create']({ name, parts: [{ kind: 'text', text: DRAFT_TEXT }] });
  const c = await core.handlers['campaigns.create']({
    name,
    draftId: draft.id,
    audience: { groupIds: [groupId], listIds: [], contactIds: [], query: null, pasted: '' },
    exclusions,
    accountIds: [accountId],
    pace: p,
    timezone: TIMEZONE,
    schedule: { kind: 'now' },
  });
  return c.id;
}

const sentRows = (core: Core, id: number) =>
  core.queueDb.prepare(`SELECT count(*) FROM recipients WHERE campaign_id = ? AND sent_at IS NOT NULL`).pluck().get(id) as number;

// ---------------------------------------------------------------------------------------------
// 1. Throughput of the durable send path.

export async function queueThroughput(ctx: QueueBenchContext): Promise<void> {
  const size = Math.min(20_000, ctx.n);
  const dir = fs.mkdtempSync(path.join(ctx.tmp, 'queue-'));
  let firstSend = 0;
  let sends = 0;
  const core = await ctx.open(dir, {
    simulatorSpeed: 1e9,
    onSendStart: () => {
      if (sends++ === 0) firstSend = performance.now();
    },
  });
  try {
    const { groupId, added } = await importInto(core, generateContactsXlsx(size, 7), 'Queue bench');
    if (added !== size) throw new Error(`expected ${size} contacts imported, got ${added}`);
    // On the demo phone a number ending in 0 is not on WhatsApp: say so, so every recipient is a send.
    const offWhatsApp = core.store.sqlite.prepare(`UPDATE contacts SET wa_status = 'no' WHERE phone LIKE '%0'`).run().changes;
    const accountId = await demoAccount(core, 'Throughput');
    const id = await createCampaign(core, 'Throughput', groupId, accountId, customPace({ minDelayMs: 0, maxDelayMs: 0 }), {
      includeGraylist: false,
      skipNotOnWhatsApp: true,
      recentlyMessagedHours: null,
    });
    const finished = whenFinished(core, id);
    const startCall = performance.now();
    await core.handlers['campaigns.start']({ id });
    const built = performance.now() - startCall;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), 600_000);
    });
    const end = await Promise.race([finished.done, timeout]);
    clearTimeout(timer);
    finished.off();
    if (!end || end.status !== 'completed') throw new Error(`throughput campaign ended ${end?.status ?? 'never (timeout)'}`);
    const seconds = (end.at - firstSend) / 1000;
    const campaign = core.campaigns.get(id);
    const sent = sentRows(core, id);
    const c = campaign.counts;
    const atEnd = `${c.sent} sent, ${c.delivered} delivered, ${c.read} read, ${c.failed} failed, ${c.skipped} skipped, ${c.unknown} unknown`;
    // Acks still arriving after the last send: how long until every message reached the phone.
    const ackStart = performance.now();
    await until(() => core.campaigns.get(id).counts.sent === 0, 'delivered acks', 30_000, 2).catch(() => undefined);
    const ackMs = performance.now() - ackStart;
    const after = core.campaigns.get(id).counts;

    const log = readDeliveryLog(path.join(dir, 'simulator'), accountId);
    const logPhones = log.map((r) => r.to);
    const distinct = new Set(logPhones);
    const rowPhones = core.queueDb
      .prepare(`SELECT phone FROM recipients WHERE campaign_id = ? AND sent_at IS NOT NULL`)
      .pluck()
      .all(id) as string[];
    const sameSet = rowPhones.length === distinct.size && rowPhones.every((p) => distinct.has(p));
    const logOk = log.length === sent && distinct.size === sent && sameSet;
    console.log(
      `# queue: ${campaign.counts.total} recipients (${offWhatsApp} of ${size} left out as not on WhatsApp), start built them in ${built.toFixed(0)} ms; ` +
        `${sent} sent in ${(seconds * 1000).toFixed(0)} ms from the first send to completed (${sends} send starts)`,
    );
    console.log(`#   at completion: ${atEnd}; all acks in ${ackMs.toFixed(0)} ms later (${after.delivered} delivered, ${after.read} read, ${after.sent} still sent)`);
    console.log(
      `#   durable log: ${log.length} lines, ${distinct.size} distinct recipients, same phones as the sent rows: ${sameSet ? 'yes' : 'NO'}` +
        (logOk ? ' — one line per sent recipient' : '  <-- MISMATCH'),
    );
    if (!logOk) throw new Error('the simulator log does not hold exactly one line per sent recipient');
    const sync = core.queueDb.pragma('synchronous', { simple: true }) === 2 ? 'FULL' : 'not FULL';
    console.log(`#   the queue file commits with synchronous=${sync}: every "sending" mark is on disk before its send`);
    // Far above any safe pace (the Fast preset sends one message every 4–10 s).
    ctx.report('queue_throughput_msgs_per_s', sent / seconds, 'msgs/s', '>=', 250);
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Starting a campaign on the whole book, exclusions active.

export async function campaignStart(ctx: QueueBenchContext): Promise<void> {
  const core = await ctx.open(ctx.bookDir);
  try {
    const h = core.handlers;
    const groupName = ctx.startFigure?.group ?? 'Bench group';
    const group = (await h['groups.list']({})).find((g) => g.name === groupName);
    if (!group) throw new Error(`the bench book has no "${groupName}"`);
    const raw = core.store.sqlite;
    const phonesWhere = (where: string) => raw.prepare(`SELECT phone FROM contacts WHERE ${where} ORDER BY id`).pluck().all() as string[];
    // ~2 % blacklisted, ~2 % graylisted, ~3 % found not on WhatsApp, ~1 % messaged an hour ago.
    await h['suppressions.addNumbers']({ kind: 'black', numbers: phonesWhere('id % 50 = 1'), reason: 'bench' });
    await h['suppressions.addNumbers']({ kind: 'gray', numbers: phonesWhere('id % 50 = 2'), reason: 'bench' });
    raw.prepare(`UPDATE contacts SET wa_status = 'no', wa_checked_at = ? WHERE id % 33 = 5`).run(new Date().toISOString());
    const offline = await h['accounts.create']({ label: 'Offline', driver: 'simulator' });
    const exclusions: Exclusions = { includeGraylist: false, skipNotOnWhatsApp: true, recentlyMessagedHours: 24 };
    const earlier = await createCampaign(core, 'Earlier', group.id, offline.id, customPace({ minDelayMs: 30_000, maxDelayMs: 60_000 }), exclusions);
    const sentAt = Date.now() - 3600_000;
    const q = core.queueDb;
    q.transaction(() => {
      q.prepare(`UPDATE campaigns SET status = 'completed', frozen = 1, started_at = ?, finished_at = ? WHERE id = ?`).run(sentAt, sentAt, earlier);
      q.prepare(
        `INSERT INTO recipients (campaign_id, contact_id, phone, name, fields, status, account_id, sent_at, delivered_at, updated_at)
         SELECT ?, id, phone, name, fields, 'delivered', ?, ?, ?, ? FROM book.contacts WHERE id % 100 = 7`,
      ).run(earlier, offline.id, sentAt, sentAt, sentAt);
    })();

    const base = await createCampaign(core, 'Whole book', group.id, offline.id, paceFromPreset('normal'), exclusions);
    const audience = { groupIds: [group.id], listIds: [], contactIds: [], query: null, pasted: '' };
    // As the review step asks: with the draft, so its variables' gaps are counted too.
    const draftId = (await h['campaigns.get']({ id: base })).draftId;
    const { value: preview, ms: previewMs, blockMs: previewBlock } = await timed(() => h['campaigns.preview']({ audience, exclusions, draftId }));
    // As the draft editor asks: its variables' gaps over the whole book.
    const parts = [{ kind: 'text' as const, text: DRAFT_TEXT }];
    const book = await timed(() => h['drafts.variableGaps']({ parts, audience: null }));
    console.log(
      `# variable gaps over the whole book (${book.value.map((g) => `${g.key} ${g.missing} of ${g.total}`).join(', ')}): ` +
        `${book.ms.toFixed(0)} ms, longest block ${book.blockMs.toFixed(0)} ms`,
    );
    // As the review step asks: how much of the month's unanswered-message budget the audience may use.
    const budget = await timed(() => h['campaigns.budgetUse']({ audience, exclusions, accountIds: [offline.id] }));
    console.log(`# budget use of the audience (${budget.value.map((b) => `${b.use} new this month`).join(', ')}): ${budget.ms.toFixed(0)} ms, longest block ${budget.blockMs.toFixed(0)} ms`);

    const times: number[] = [];
    const blocks: number[] = [];
    let last = { id: 0, total: 0, excluded: '' };
    for (let round = 0; round < ctx.rounds; round++) {
      const copy = await h['campaigns.duplicate']({ id: base });
      const lag = monitorEventLoopDelay({ resolution: 1 });
      lag.enable();
      // The histogram only measures from its second tick on; this also lets the duplicate settle.
      await delay(20);
      const start = performance.now();
      const started = await h['campaigns.start']({ id: copy.id });
      times.push(performance.now() - start);
      await delay(10); // the loop turns: the histogram sees the block
      lag.disable();
      blocks.push(Math.max(0, lag.max / 1e6 - 1));
      if (started.status !== 'running') throw new Error(`the campaign did not start (${started.status})`);
      if (core.campaigns.progress(copy.id).counts.sent !== 0) throw new Error('the offline campaign sent something');
      // Stop its runner (it waits for the account); the rows stay queued and never count as sent.
      await h['campaigns.pause']({ id: copy.id });
      const excluded = q.prepare(`SELECT excluded FROM campaigns WHERE id = ?`).pluck().get(copy.id) as string;
      last = { id: copy.id, total: started.counts.total, excluded };
    }
    // Once more with the people who answered before sent first (the audience step's option).
    const warm = await h['campaigns.duplicate']({ id: base });
    await h['campaigns.update']({ id: warm.id, audience: { ...audience, order: 'warmFirst' } });
    const warmStart = await timed(() => h['campaigns.start']({ id: warm.id }));
    await h['campaigns.pause']({ id: warm.id });
    console.log(`#   start with the people who answered before first: ${warmStart.ms.toFixed(0)} ms, longest block ${warmStart.blockMs.toFixed(0)} ms`);
    const e = preview.excluded;
    console.log(
      `# campaign start: ${last.total} recipients built of ${preview.matched} in the group; excluded ${e.blacklist} blacklist, ` +
        `${e.graylist} graylist, ${e.notOnWhatsApp} not on WhatsApp, ${e.recentlyMessaged} recently messaged (row: ${last.excluded})`,
    );
    console.log(
      `#   start rounds ${times.map((t) => t.toFixed(0)).join(', ')} ms; longest event-loop block during a start ${Math.max(...blocks).toFixed(0)} ms ` +
        `(per round ${blocks.map((b) => b.toFixed(0)).join(', ')}); preview of the same audience ${previewMs.toFixed(0)} ms (longest block ${previewBlock.toFixed(0)} ms)`,
    );
    if (last.total !== preview.total) throw new Error(`start built ${last.total} rows, the preview said ${preview.total}`);
    ctx.report(ctx.startFigure?.name ?? 'campaign_start_100k_ms', ctx.median(times), 'ms', '<=', ctx.startFigure?.target ?? 1500);
    if (ctx.startFigure) {
      ctx.report(`${ctx.startFigure.name.replace(/_ms$/, '')}_max_block_ms`, Math.max(...blocks), 'ms', '<=', 60);
      ctx.report(`${ctx.startFigure.name.replace(/_start_/, '_preview_').replace(/_ms$/, '')}_max_block_ms`, previewBlock, 'ms', '<=', 60);
      ctx.report(`${ctx.startFigure.name.replace(/campaign_start_/, 'variable_gaps_').replace(/_ms$/, '')}_max_block_ms`, book.blockMs, 'ms', '<=', 60);
      ctx.report(`${ctx.startFigure.name.replace(/campaign_start_/, 'budget_use_').replace(/_ms$/, '')}_max_block_ms`, budget.blockMs, 'ms', '<=', 60);
      ctx.report(`${ctx.startFigure.name.replace(/campaign_start_/, 'campaign_start_warm_first_').replace(/_ms$/, '')}_max_block_ms`, warmStart.blockMs, 'ms', '<=', 60);
    }
  } finally {
    await core.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Pace lateness while an import runs.

/** Demo phone speed for the jitter run: a send (80–550 ms at speed 1) must fit well inside 200 ms. */
const JITTER_SIM_SPEED = 10;
const JITTER_PACE_MS = 200;
const BASELINE_SENDS = 30;

/**
 * `size` new contacts (prefix + six digits ending in 1: on WhatsApp on the demo phone) in the group,
 * a campaign to them at a steady JITTER_PACE_MS on a new demo account, started; resolves once the
 * baseline sends are in, with their lateness (the first two left out as warm-up).
 */
async function pacedCampaign(
  core: Core,
  sends: SendTiming[],
  o: { name: string; groupId: number; phonePrefix: string; size: number; fields: [string, string][] },
): Promise<{ id: number; baseline: number[] }> {
  const h = core.handlers;
  const ids: number[] = [];
  for (let i = 0; i < o.size; i++) {
    const phone = `${o.phonePrefix}${String(i * 10 + 1).padStart(6, '0')}`;
    ids.push((await h['contacts.create']({ phone, name: `${o.name} ${i}`, fields: o.fields, tags: [], note: '' })).id);
  }
  await h['groups.addMembers']({ groupId: o.groupId, selection: { kind: 'ids', ids } });
  const accountId = await demoAccount(core, o.name);
  const id = await createCampaign(core, o.name, o.groupId, accountId, customPace({ minDelayMs: JITTER_PACE_MS, maxDelayMs: JITTER_PACE_MS }), {
    includeGraylist: false,
    skipNotOnWhatsApp: true,
    recentlyMessagedHours: null,
  });
  await h['campaigns.start']({ id });
  await until(() => sends.length >= 2 + BASELINE_SENDS, 'baseline sends', 60_000, 20);
  return { id, baseline: sends.slice(2, 2 + BASELINE_SENDS).map((s) => s.startedAt - s.plannedAt) };
}

export async function paceJitter(ctx: QueueBenchContext): Promise<void> {
  const dir = fs.mkdtempSync(path.join(ctx.tmp, 'jitter-'));
  // One book per round (other seeds: new contacts each time), made before anything runs.
  const books = [ctx.bookBytes];
  for (let round = 1; round < ctx.rounds; round++) books.push(generateContactsXlsx(ctx.n, 42 + round));
  const sends: (SendTiming & { at: number })[] = [];
  const core = await ctx.open(dir, {
    simulatorSpeed: JITTER_SIM_SPEED,
    onSendStart: (s) => sends.push({ ...s, at: performance.now() }),
  });
  try {
    const h = core.handlers;
    // Enough recipients to outlast the baseline and the import at 5 a second (the rest is cancelled).
    const size = 600;
    const group = await h['groups.create']({ name: 'Jitter' });
    // +90 533 9xx xxxx, ending in 1: on WhatsApp on the demo phone, apart from the imported book.
    const { id, baseline } = await pacedCampaign(core, sends, { name: 'Jitter', groupId: group.id, phonePrefix: '+905339', size, fields: [['City', 'Bursa']] });

    // Then `rounds` imports of a 100k book, one after the other; a send counts for a round when it
    // was planned while that import ran (open + run), however late it then started.
    const during: number[] = [];
    const lines: string[] = [];
    for (let round = 0; round < books.length; round++) {
      const lag = monitorEventLoopDelay({ resolution: 1 });
      lag.enable();
      await delay(5); // the histogram only measures from its second tick on
      const wallStart = Date.now();
      const importStart = performance.now();
      const preview = await h['imports.open']({ fileName: `jitter-${round}.xlsx`, bytes: books[round]! });
      const opened = performance.now();
      const summary = await h['imports.run']({
        importId: preview.importId,
        mapping: preview.mapping,
        onDuplicate: 'skip',
        target: { kind: 'newGroup', name: `Imported meanwhile ${round + 1}` },
        tags: [],
      });
      const importEnd = performance.now();
      const wallEnd = Date.now();
      lag.disable();
      if (summary.status !== 'completed') throw new Error(`jitter import ${summary.status}: ${summary.message ?? ''}`);
      // Sends planned at the very end start just after it: wait for them before counting.
      await delay(JITTER_PACE_MS * 2);
      const status = core.campaigns.get(id).status;
      if (status !== 'running') throw new Error(`the jitter campaign stopped before the imports ended (${status})`);
      const late = sends.filter((s) => s.plannedAt >= wallStart && s.plannedAt <= wallEnd).map((s) => s.startedAt - s.plannedAt);
      during.push(...late);
      lines.push(
        `#   import ${round + 1}: ${(importEnd - importStart).toFixed(0)} ms (open ${(opened - importStart).toFixed(0)}, run ${(importEnd - opened).toFixed(0)}), ` +
          `${summary.added} added; ${late.length} sends, median ${ctx.median(late).toFixed(0)} ms, max ${Math.max(...late).toFixed(0)} ms late; ` +
          `loop lag max ${Math.max(0, lag.max / 1e6 - 1).toFixed(0)} ms`,
      );
    }
    await h['campaigns.cancel']({ id });

    if (during.length === 0) throw new Error('no sends during the imports');
    const stats = (v: number[]) =>
      `median ${ctx.median(v).toFixed(0)} ms, p95 ${ctx.percentile(v, 95).toFixed(0)} ms, max ${Math.max(...v).toFixed(0)} ms`;
    console.log(
      `# pace jitter (${JITTER_PACE_MS} ms pace, demo phone x${JITTER_SIM_SPEED}): during ${books.length} import(s) of ${ctx.n} rows ${during.length} sends, ${stats(during)}`,
    );
    for (const line of lines) console.log(line);
    console.log(`#   baseline, the same campaign without an import: ${baseline.length} sends, ${stats(baseline)}`);
    ctx.report('pace_jitter_p95_ms', ctx.percentile(during, 95), 'ms', '<=', 50);
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 10. A backup of the history folder (100 000 contacts, 1 000 000 recipient rows) while a campaign
// sends at a 200 ms pace: how long the backup takes, and how late the sends planned meanwhile start.
// Then (11) how long restoring that backup takes.

export async function backupDuringSends(ctx: QueueBenchContext, historyDir: string): Promise<void> {
  const sends: SendTiming[] = [];
  const core = await ctx.open(historyDir, { simulatorSpeed: JITTER_SIM_SPEED, onSendStart: (s) => sends.push(s) });
  try {
    const h = core.handlers;
    const group = await h['groups.create']({ name: 'Backup bench' });
    const { id, baseline } = await pacedCampaign(core, sends, { name: 'Backup bench', groupId: group.id, phonePrefix: '+905338', size: 2000, fields: [] });

    const times: number[] = [];
    const during: number[] = [];
    let last: BackupInfo | null = null;
    for (let round = 0; round < ctx.rounds; round++) {
      const wallStart = Date.now();
      const start = performance.now();
      last = await h['backups.create']({});
      times.push(performance.now() - start);
      const wallEnd = Date.now();
      await delay(JITTER_PACE_MS * 2);
      during.push(...sends.filter((s) => s.plannedAt >= wallStart && s.plannedAt <= wallEnd).map((s) => s.startedAt - s.plannedAt));
    }
    const status = core.campaigns.get(id).status;
    if (status !== 'running') throw new Error(`the backup bench's campaign stopped during the backups (${status}): make it longer`);
    await h['campaigns.cancel']({ id });
    if (during.length === 0) throw new Error('no sends during the backups');
    const stats = (v: number[]) => `median ${ctx.median(v).toFixed(0)} ms, p95 ${ctx.percentile(v, 95).toFixed(0)} ms, max ${Math.max(...v).toFixed(0)} ms`;
    console.log(
      `# backup: ${last!.counts.contacts} contacts, ${last!.counts.recipients} recipient rows, ${(last!.bytes / 1e6).toFixed(0)} MB; ` +
        `${times.length} backups (${times.map((t) => t.toFixed(0)).join(', ')} ms) while a campaign sent at a ${JITTER_PACE_MS} ms pace`,
    );
    console.log(`#   ${during.length} sends planned during the backups: ${stats(during)}; baseline without a backup: ${stats(baseline)}`);
    ctx.report('backup_100k_ms', ctx.median(times), 'ms', '<=', 60_000);
    ctx.report('pace_jitter_during_backup_p95_ms', ctx.percentile(during, 95), 'ms', '<=', 50);

    // 11. Restoring the last of them: check and stage it, back up the data it replaces, swap, open
    // again, bring over what happened since. Once (it is the whole data set, twice over on disk).
    const start = performance.now();
    await h['backups.restore']({ id: last!.id });
    const restoreMs = performance.now() - start;
    const contacts = core.store.sqlite.prepare(`SELECT count(*) FROM contacts`).pluck().get() as number;
    if (contacts !== last!.counts.contacts) throw new Error(`restored ${contacts} contacts, the backup holds ${last!.counts.contacts}`);
    console.log(`# restore: ${contacts} contacts, ${last!.counts.recipients} recipient rows back in ${restoreMs.toFixed(0)} ms (with the backup of the data it replaced)`);
    ctx.report('restore_100k_ms', restoreMs, 'ms', '<=', 120_000);
  } finally {
    await core.close();
  }
}
