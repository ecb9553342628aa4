/**
 * Loads the contacts table in pages of 100 as they scroll into view, so 100 000 contacts cost only
 * what is on screen. Any change of query, sort or data version starts over. The first page comes
 * without its total; the count follows in a second call (the page shows "counting…" meanwhile).
 */
import type { ContactRow } from '#shared/domain';
import type { ContactQuery } from '#shared/filters';
import { usePages } from '#renderer/ui/usePages';
import { contacts } from './store';
import type { Sort } from './view';

export function useContactPages(query: ContactQuery, sort: Sort, version: number) {
  return usePages<ContactRow>(
    (offset, limit, withTotal) => contacts.list({ query, sort, offset, limit, withTotal }),
    JSON.stringify([query, sort, version]),
    '',
    // The rows first, the count after: counting a million matches must not hold back the rows.
    () => contacts.count(query),
  );
}
