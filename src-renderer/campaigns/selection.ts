/**
 * A selection made on the Contacts page, as a campaign's audience shows it: "42 contacts picked on
 * the Contacts page", "Everyone matching “izmir” (1,204)". The query's count is asked from main, so
 * it is the number the search gives now.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import type { Group, SmartList } from '#shared/domain';
import type { ContactQuery } from '#shared/filters';
import { t } from '#shared/i18n';
import { contacts } from '#renderer/contacts/store';
import { CAMPAIGNS_QUERY_STATUS, CAMPAIGNS_QUERY_WA } from '#shared/i18n/keys';
import { formatWallDay } from '#renderer/ui/format';

const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

/** The conditions of a query in a few words ('' when it has none: everyone in the book). */
export function describeQuery(query: ContactQuery, groups: readonly Group[], lists: readonly SmartList[]): string {
  const parts: string[] = [];
  const search = query.search.trim();
  if (search !== '') parts.push(t('campaigns.query.search', { text: search }));
  const f = query.filter;
  if (f.groupIds.length > 0) {
    const names = f.groupIds.map((id) => groups.find((g) => g.id === id)?.name ?? `#${id}`);
    parts.push(
      names.length === 1
        ? t('campaigns.query.group', { name: names[0] ?? '' })
        : t(f.groupMatch === 'all' ? 'campaigns.query.groupsAll' : 'campaigns.query.groupsAny', { names: quoted(names) }),
    );
  }
  if (f.tags.length > 0) {
    parts.push(
      f.tags.length === 1
        ? t('campaigns.query.tag', { tag: f.tags[0] ?? '' })
        : t(f.tagMatch === 'all' ? 'campaigns.query.tagsAll' : 'campaigns.query.tagsAny', { tags: quoted(f.tags) }),
    );
  }
  if (query.listId !== null) {
    parts.push(t('campaigns.query.list', { name: lists.find((l) => l.id === query.listId)?.name ?? `#${query.listId}` }));
  }
  if (query.status !== 'all') parts.push(t(CAMPAIGNS_QUERY_STATUS[query.status]));
  if (f.whatsapp !== 'any') parts.push(t(CAMPAIGNS_QUERY_WA[f.whatsapp]));
  if (f.fields.length > 0) parts.push(t('campaigns.query.fields', { count: f.fields.length }));
  if (f.createdFrom !== null) parts.push(t('campaigns.query.createdFrom', { date: formatWallDay(f.createdFrom) }));
  if (f.createdTo !== null) parts.push(t('campaigns.query.createdTo', { date: formatWallDay(f.createdTo) }));
  return parts.join(', ');
}

/** "Everyone matching “izmir” (1,204)"; without the count while it is not known. */
export function queryLabel(what: string, count: number | null): string {
  if (what === '') return count === null ? t('campaigns.audience.queryAll') : t('campaigns.audience.queryAllCount', { count });
  return count === null ? t('campaigns.audience.query', { what }) : t('campaigns.audience.queryCount', { what, count });
}

export function contactsLabel(count: number): string {
  return t('campaigns.audience.contacts', { count });
}

/** How many contacts `query` matches now (null while asking, when it failed, or with no query). */
export function useQueryCount(query: ContactQuery | null): number | null {
  // The key stands for the query (a new object on every render when it comes from the form).
  const key = query ? JSON.stringify(query) : '';
  const [answer, setAnswer] = useState<{ key: string; total: number } | null>(null);
  const current = useEffectEvent(() => query);
  useEffect(() => {
    const asked = current();
    if (!asked) return;
    let alive = true;
    contacts.count(asked).then(
      (total) => alive && setAnswer({ key, total }),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [key]);
  return query && answer?.key === key ? answer.total : null;
}
