/**
 * Loads the contacts table in pages of 100 as they scroll into view, so 100 000 contacts cost only
 * what is on screen. Any change of query, sort or data version starts over.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContactRow } from '#shared/domain';
import type { ContactQuery } from '#shared/filters';
import { errorMessage } from '#renderer/ui/api';
import { contacts } from './store';
import type { Sort } from './view';

export const PAGE_SIZE = 100;

export function useContactPages(query: ContactQuery, sort: Sort, version: number) {
  // The total belongs to one (query, sort, version): a new one shows "loading" until it arrives.
  const key = JSON.stringify([query, sort, version]);
  const [counted, setCounted] = useState<{ key: string; total: number } | null>(null);
  const total = counted?.key === key ? counted.total : null;
  const [error, setError] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const pages = useRef(new Map<number, ContactRow[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      contacts
        .list({ query, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE, withTotal: page === 0 })
        .then((result) => {
          if (gen !== generation.current) return;
          pages.current.set(page, result.rows);
          if (page === 0) setCounted({ key, total: result.total });
          setError(null);
          setTick((n) => n + 1);
        })
        .catch((e: unknown) => {
          if (gen === generation.current) setError(errorMessage(e));
        })
        .finally(() => {
          if (gen === generation.current) loading.current.delete(page);
        });
    },
    [query, sort, key],
  );

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    loading.current = new Set();
    load(0);
  }, [load, version]);

  const rowAt = useCallback((index: number): ContactRow | undefined => {
    const page = pages.current.get(Math.floor(index / PAGE_SIZE));
    return page?.[index % PAGE_SIZE];
  }, []);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) load(p);
    },
    [load],
  );

  return { total, error, rowAt, ensure };
}
