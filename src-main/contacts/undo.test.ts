/**
 * Undo after deleting contacts: they come back whole (same ids, fields, notes, tags, groups that
 * still exist, findable by search); a number added again meanwhile is left as it is now; an undo
 * works once, and not after an hour.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { emptyQuery } from '#shared/filters';
import type { Core } from '#main/core/core';
import { testCore } from '#main/test-support/core';
import { deleteContactsUndoably, UNDO_KEEP_MS, undoDelete } from './undo';

type Opened = Awaited<ReturnType<typeof testCore>>;
let opened: Opened | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

async function list(core: Core, search = '') {
  return core.handlers['contacts.list']({ query: { ...emptyQuery(), search }, sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 100, withTotal: true });
}

describe('undo a deletion of contacts', () => {
  it('brings them back whole: ids, fields, note, tags, groups, search', async () => {
    opened = await testCore({ startQueue: false, connectAccounts: false });
    const h = opened.core.handlers;
    const vip = await h['groups.create']({ name: 'VIP' });
    const gone = await h['groups.create']({ name: 'Gone soon' });
    const a = await h['contacts.create']({ phone: '+905321110001', name: 'Ayşe Yılmaz', fields: [['City', 'İzmir']], tags: ['loyal'], note: 'Prefers mornings' });
    const b = await h['contacts.create']({ phone: '+905321110002', name: 'Bora Kaya', fields: [], tags: [], note: '' });
    await h['contacts.create']({ phone: '+905321110003', name: 'Cem Ak', fields: [], tags: [], note: '' });
    await h['groups.addMembers']({ groupId: vip.id, selection: { kind: 'ids', ids: [a.id, b.id] } });
    await h['groups.addMembers']({ groupId: gone.id, selection: { kind: 'ids', ids: [a.id] } });
    const before = await h['contacts.get']({ id: a.id });

    const { deleted, undo } = await h['contacts.delete']({ selection: { kind: 'ids', ids: [a.id, b.id] } });
    expect(deleted).toBe(2);
    expect((await list(opened.core)).total).toBe(1);
    await h['groups.delete']({ id: gone.id });

    expect(await h['contacts.undoDelete']({ undo: undo! })).toEqual({ restored: 2, skipped: 0, expired: false });
    const after = await h['contacts.get']({ id: a.id });
    expect(after).toMatchObject({ id: a.id, phone: before.phone, name: before.name, fields: before.fields, tags: ['loyal'], note: 'Prefers mornings' });
    expect((await h['groups.list']({})).find((g) => g.id === vip.id)?.memberCount).toBe(2);
    expect((await list(opened.core, 'izmir')).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await list(opened.core)).total).toBe(3);
    // Once only.
    expect(await h['contacts.undoDelete']({ undo: undo! })).toEqual({ restored: 0, skipped: 0, expired: true });
  });

  it('leaves a number that was added again as it is now', async () => {
    opened = await testCore({ startQueue: false, connectAccounts: false });
    const h = opened.core.handlers;
    const a = await h['contacts.create']({ phone: '+905321110001', name: 'Old name', fields: [], tags: [], note: '' });
    await h['contacts.create']({ phone: '+905321110002', name: 'Bora', fields: [], tags: [], note: '' });
    const { undo } = await h['contacts.delete']({ selection: { kind: 'query', query: emptyQuery() } });
    await h['contacts.create']({ phone: '+905321110001', name: 'New name', fields: [], tags: [], note: '' });
    expect(await h['contacts.undoDelete']({ undo: undo! })).toEqual({ restored: 1, skipped: 1, expired: false });
    const names = (await list(opened.core)).rows.map((r) => r.name);
    expect(names).toEqual(['Bora', 'New name']);
    expect(a.id).toBeGreaterThan(0);
  });

  it('is gone after an hour', async () => {
    opened = await testCore({ startQueue: false, connectAccounts: false });
    const { db } = opened.core.store;
    await opened.core.handlers['contacts.create']({ phone: '+905321110001', name: 'A', fields: [], tags: [], note: '' });
    await opened.core.handlers['contacts.create']({ phone: '+905321110002', name: 'B', fields: [], tags: [], note: '' });
    const t0 = Date.now();
    const first = await deleteContactsUndoably(db, { kind: 'query', query: { ...emptyQuery(), search: 'A' } }, t0);
    // The next deletion, an hour later, clears what is older than an hour.
    await deleteContactsUndoably(db, { kind: 'query', query: { ...emptyQuery(), search: 'B' } }, t0 + UNDO_KEEP_MS + 1);
    expect(await undoDelete(db, first.undo!)).toEqual({ restored: 0, skipped: 0, expired: true });
  });
});

describe('undo taking people out of a group', () => {
  it('puts back exactly the memberships it took (not people who were never in it), once', async () => {
    opened = await testCore({ startQueue: false, connectAccounts: false });
    const h = opened.core.handlers;
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await h['contacts.create']({ phone: `+90532111000${i}`, name: `P${i}`, fields: [], tags: [], note: '' })).id);
    const group = await h['groups.create']({ name: 'Team' });
    await h['groups.addMembers']({ groupId: group.id, selection: { kind: 'ids', ids: ids.slice(0, 3) } });
    const members = async () => (await h['groups.list']({})).find((g) => g.id === group.id)?.memberCount;
    // Everyone selected (P3 was never a member), taken out.
    const { removed, undo } = await h['groups.removeMembers']({ groupId: group.id, selection: { kind: 'query', query: emptyQuery() } });
    expect(removed).toBe(3);
    expect(await members()).toBe(0);
    // P2 is deleted meanwhile: not put back.
    await h['contacts.delete']({ selection: { kind: 'ids', ids: [ids[2]!] } });
    expect(await h['groups.undoRemoveMembers']({ undo: undo! })).toEqual({ restored: 2, expired: false });
    expect(await members()).toBe(2);
    expect(await h['groups.undoRemoveMembers']({ undo: undo! })).toEqual({ restored: 0, expired: true });
  });
});

describe('taking contacts off the lists from the Contacts page', () => {
  it('hands back what it removed, so Undo can put each number back on its own list with its reason', async () => {
    opened = await testCore({ startQueue: false, connectAccounts: false });
    const h = opened.core.handlers;
    const a = await h['contacts.create']({ phone: '+905321110001', name: 'A', fields: [], tags: [], note: '' });
    const b = await h['contacts.create']({ phone: '+905321110002', name: 'B', fields: [], tags: [], note: '' });
    await h['suppressions.addContacts']({ kind: 'black', selection: { kind: 'ids', ids: [a.id] }, reason: 'asked' });
    await h['suppressions.addContacts']({ kind: 'gray', selection: { kind: 'ids', ids: [b.id] }, reason: 'summer' });
    const { removed, rows } = await h['suppressions.removeContacts']({ selection: { kind: 'query', query: emptyQuery() } });
    expect(removed).toBe(2);
    expect([...rows].sort((x, y) => x.phone.localeCompare(y.phone))).toEqual([
      { phone: '+905321110001', kind: 'black', reason: 'asked' },
      { phone: '+905321110002', kind: 'gray', reason: 'summer' },
    ]);
  });
});
