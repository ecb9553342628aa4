/**
 * Reads of the contact book that must scan it (a filter no index serves: a custom field's value, a
 * date range, a campaign outcome; the whole book sorted by last change or a field) go to a worker
 * with its own read-only connection once the book is large, so the main thread (the send queue,
 * every other request) never waits on them. Small books are read in place: faster than a worker.
 */
import type { Order } from './sort-order';

export type BookReader = {
  /** The whole book in an ascending ORDER BY on `contacts c`. */
  order(orderSql: string, parameters: readonly unknown[]): Promise<Order>;
  /** The ids of the contacts meeting a condition on `contacts c`, in no particular order. */
  ids(whereSql: string, parameters: readonly unknown[]): Promise<Int32Array>;
  count(whereSql: string, parameters: readonly unknown[]): Promise<number>;
};

/** From this many contacts (the largest id stands for the size) scans go to the worker. */
export const offThread = { minBook: 50_000 };

const readers = new WeakMap<object, BookReader>();

/** The reader for a book's connection (set once at open by the core; tests may leave it unset). */
export function setBookReader(db: object, reader: BookReader): void {
  readers.set(db, reader);
}

export function bookReaderOf(db: object): BookReader | null {
  return readers.get(db) ?? null;
}
