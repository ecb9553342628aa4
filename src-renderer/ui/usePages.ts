/**
 * Loads a long table in pages as they scroll into view, so 100 000 rows cost only what is on
 * screen. Any change of `key` (query, sort, data version) starts over. A change of `refresh` reads
 * the pages again but keeps showing the rows read before until their new page arrives (a live
 * table that does not blink). Used by the contacts table and the campaign report's recipients.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorMessage } from './api';

export const PAGE_SIZE = 100;

/** Reads one page; `withTotal` is true for the first page, which must give the total. */
export type PageReader<T> = (offset: number, limit: number, withTotal: boolean) => Promise<{ rows: T[]; total: number }>;

/**
 * `count`, when given, gives the exact total on its own: the first page is then read without it
 * (rows show at once, `total` is for a while only the rows known, `counting` true), and the count
 * replaces it when it arrives. A count that is not the current key's is dropped.
 */
export function usePages<T>(read: PageReader<T>, key: string, refresh: string | number = '', count?: () => Promise<number>) {
  // The total belongs to one key: a new one shows "loading" until it arrives.
  const [counted, setCounted] = useState<{ key: string; total: number; exact: boolean } | null>(null);
  const total = counted?.key === key ? counted.total : null;
  const counting = counted?.key !== key || !counted.exact;
  const counter = useRef(count);
  useLayoutEffect(() => {
    counter.current = count;
  });
  const [error, setError] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const pages = useRef(new Map<number, T[]>());
  /** The pages read before a refresh, shown until the new ones arrive. */
  const stale = useRef(new Map<number, T[]>());
  const shownKey = useRef(key);
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const reader = useRef(read);
  useLayoutEffect(() => {
    reader.current = read;
  });

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      const separateCount = counter.current;
      reader
        .current(page * PAGE_SIZE, PAGE_SIZE, page === 0 && !separateCount)
        .then((result) => {
          if (gen !== generation.current) return;
          pages.current.set(page, result.rows);
          if (page === 0 && !separateCount) setCounted({ key, total: result.total, exact: true });
          if (page === 0 && separateCount) {
            // The rows known so far, until the count arrives (never lowering one already there).
            setCounted((c) => (c?.key === key && c.exact ? c : { key, total: result.total, exact: false }));
            separateCount()
              .then((n) => {
                if (gen === generation.current) setCounted({ key, total: n, exact: true });
              })
              .catch((e: unknown) => {
                if (gen === generation.current) setError(errorMessage(e));
              });
          }
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
    // `refresh` makes a new `load`, so the table asks again for the pages on screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose, see above.
    [key, refresh],
  );

  useEffect(() => {
    generation.current++;
    // Same key: keep what was shown until the new pages replace it; another key: nothing stale.
    stale.current = shownKey.current === key ? new Map<number, T[]>([...stale.current, ...pages.current]) : new Map<number, T[]>();
    shownKey.current = key;
    pages.current = new Map();
    loading.current = new Set();
    load(0);
  }, [load, key]);

  const rowAt = useCallback((index: number): T | undefined => {
    const p = Math.floor(index / PAGE_SIZE);
    const page = pages.current.get(p) ?? stale.current.get(p);
    return page?.[index % PAGE_SIZE];
  }, []);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) load(p);
    },
    [load],
  );

  return { total, counting: total !== null && counting, error, rowAt, ensure };
}
