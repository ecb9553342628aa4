/**
 * A list shown newest first, a page at a time, that stays live: a new filter reads the first page
 * again, rows the filter shows are put on top as their event arrives, and older pages come on demand.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import type { EventName, EventPayloads } from '#shared/contract';
import { errorMessage, onEvent } from './api';

const PAGE = 50;

/** The events whose payload is a row with an id. */
type RowEvent = { [E in EventName]: EventPayloads[E] extends { id: number } ? E : never }[EventName];

export type PagedLiveList<T> = {
  rows: T[];
  /** How many rows the filter matches in all; null until the first page arrives. */
  total: number | null;
  error: string | null;
  /** The rows shown are not yet those of the current filter. */
  loading: boolean;
  loadingMore: boolean;
  /** Appends the next page, leaving out rows already shown (they may have come by event). */
  loadMore: () => Promise<void>;
};

export function usePagedLiveList<E extends RowEvent>(options: {
  /** Names the current filter: when it changes, the list starts again from the newest rows. */
  filterKey: string;
  /** Reads `limit` rows from `offset` under the current filter. */
  read: (offset: number, limit: number) => Promise<{ rows: EventPayloads[E][]; total: number }>;
  /** The event that brings a new row. */
  event: E;
  /** Whether the current filter shows a row that came by event. */
  matches: (row: EventPayloads[E]) => boolean;
}): PagedLiveList<EventPayloads[E]> {
  type Row = EventPayloads[E];
  const { filterKey, read, event } = options;
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const readFirstPage = useEffectEvent(() => read(0, PAGE));
  const shows = useEffectEvent((row: Row) => options.matches(row));

  // Rows that arrive while the first page is read come by event.
  useEffect(() => {
    let alive = true;
    readFirstPage().then(
      (page) => {
        if (!alive) return;
        setRows(page.rows);
        setTotal(page.total);
        setError(null);
        setLoadedKey(filterKey);
      },
      (e: unknown) => {
        if (!alive) return;
        setError(errorMessage(e));
        setLoadedKey(filterKey);
      },
    );
    const off = onEvent(event, (row) => {
      if (!alive || !shows(row)) return;
      setRows((rs) => (rs.some((r) => r.id === row.id) ? rs : [row, ...rs]));
      setTotal((n) => (n === null ? n : n + 1));
    });
    return () => {
      alive = false;
      off();
    };
  }, [filterKey, event]);

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const page = await read(rows.length, PAGE);
      setRows((rs) => {
        const seen = new Set(rs.map((r) => r.id));
        return [...rs, ...page.rows.filter((r) => !seen.has(r.id))];
      });
      setTotal(page.total);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  };

  return { rows, total, error, loading: loadedKey !== filterKey, loadingMore, loadMore };
}
