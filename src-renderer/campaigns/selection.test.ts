import { describe, expect, it, vi } from 'vitest';
import type { Group, SmartList } from '#shared/domain';
import { emptyFilter, emptyQuery, type ContactQuery, type SmartFilter } from '#shared/filters';
import { contactsLabel, describeQuery, queryLabel } from './selection';

// selection.ts also holds a hook that asks main for a count; the client it uses opens a connection
// when loaded, which needs a browser. The pure functions tested here never call it.
vi.mock('#renderer/ui/api', () => ({ api: {} }));

const groups: Group[] = [
  { id: 1, name: 'VIP', memberCount: 10, createdAt: '' },
  { id: 2, name: 'İzmir şube', memberCount: 3, createdAt: '' },
];
const lists: SmartList[] = [{ id: 4, name: 'Not checked yet', filter: emptyFilter(), createdAt: '', updatedAt: '' }];

function query(overrides: Partial<Omit<ContactQuery, 'filter'>> = {}, filter: Partial<SmartFilter> = {}): ContactQuery {
  return { ...emptyQuery(), ...overrides, filter: { ...emptyFilter(), ...filter } };
}

describe('describeQuery', () => {
  it('is empty for a query with no conditions (everyone)', () => {
    expect(describeQuery(emptyQuery(), groups, lists)).toBe('');
    expect(describeQuery(query({ search: '   ' }), groups, lists)).toBe('');
  });

  it('quotes the search, trimmed', () => {
    expect(describeQuery(query({ search: '  izmir ' }), groups, lists)).toBe('“izmir”');
  });

  it('names groups, saying whether any or all must match', () => {
    expect(describeQuery(query({}, { groupIds: [2] }), groups, lists)).toBe('group “İzmir şube”');
    expect(describeQuery(query({}, { groupIds: [1, 2] }), groups, lists)).toBe('any of the groups “VIP”, “İzmir şube”');
    expect(describeQuery(query({}, { groupIds: [1, 2], groupMatch: 'all' }), groups, lists)).toBe(
      'all of the groups “VIP”, “İzmir şube”',
    );
  });

  it('shows a deleted group or list by its number', () => {
    expect(describeQuery(query({}, { groupIds: [1, 9] }), groups, lists)).toBe('any of the groups “VIP”, “#9”');
    expect(describeQuery(query({}, { groupIds: [9] }), [], [])).toBe('group “#9”');
    expect(describeQuery(query({ listId: 8 }), groups, lists)).toBe('smart list “#8”');
  });

  it('names tags, saying whether any or all must match', () => {
    expect(describeQuery(query({}, { tags: ['vip'] }), groups, lists)).toBe('tag “vip”');
    expect(describeQuery(query({}, { tags: ['vip', '🌟 gold'] }), groups, lists)).toBe('any of the tags “vip”, “🌟 gold”');
    expect(describeQuery(query({}, { tags: ['a', 'b'], tagMatch: 'all' }), groups, lists)).toBe('all of the tags “a”, “b”');
  });

  it.each<[Partial<Omit<ContactQuery, 'filter'>>, Partial<SmartFilter>, string]>([
    [{ listId: 4 }, {}, 'smart list “Not checked yet”'],
    [{ status: 'active' }, {}, 'not on the blacklist or graylist'],
    [{ status: 'black' }, {}, 'on the blacklist'],
    [{ status: 'gray' }, {}, 'on the graylist'],
    [{}, { whatsapp: 'yes' }, 'on WhatsApp'],
    [{}, { whatsapp: 'no' }, 'not on WhatsApp'],
    [{}, { whatsapp: 'unknown' }, 'never checked on WhatsApp'],
    [{}, { fields: [{ key: 'city', op: 'equals', value: 'İzmir' }] }, '1 field condition'],
    [{}, { fields: [{ key: 'a', op: 'isEmpty', value: '' }, { key: 'b', op: 'isNotEmpty', value: '' }] }, '2 field conditions'],
    [{}, { createdFrom: '2026-01-01' }, 'added on or after Jan 1, 2026'],
    [{}, { createdTo: '2026-01-31' }, 'added on or before Jan 31, 2026'],
  ])('says %j %j as %j', (overrides, filter, text) => {
    expect(describeQuery(query(overrides, filter), groups, lists)).toBe(text);
  });

  it('lists every condition, in a fixed order', () => {
    const q = query(
      { search: 'ali', listId: 4, status: 'active' },
      { groupIds: [1], tags: ['vip'], whatsapp: 'yes', fields: [{ key: 'x', op: 'contains', value: 'y' }], createdFrom: '2026-01-01', createdTo: '2026-02-01' },
    );
    expect(describeQuery(q, groups, lists)).toBe(
      '“ali”, group “VIP”, tag “vip”, smart list “Not checked yet”, not on the blacklist or graylist, on WhatsApp, 1 field condition, added on or after Jan 1, 2026, added on or before Feb 1, 2026',
    );
  });
});

describe('queryLabel', () => {
  it('says who the query matches, with the count once known', () => {
    expect(queryLabel('', null)).toBe('Everyone in your contacts');
    expect(queryLabel('', 1204)).toBe('Everyone in your contacts (1,204)');
    expect(queryLabel('“izmir”', null)).toBe('Everyone matching “izmir”');
    expect(queryLabel('“izmir”', 0)).toBe('Everyone matching “izmir” (0)');
  });
});

describe('contactsLabel', () => {
  it('counts the people picked, singular for one', () => {
    expect(contactsLabel(1)).toBe('1 contact picked on the Contacts page');
    expect(contactsLabel(42)).toBe('42 contacts picked on the Contacts page');
    expect(contactsLabel(12000)).toBe('12,000 contacts picked on the Contacts page');
  });
});
