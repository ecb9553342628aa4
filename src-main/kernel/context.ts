/** What every domain's handlers may use: the contact book, the event bus and the time. */
import type { Clock } from './clock';
import type { Db } from './db';
import type { EventBus } from './events';

export type Kernel = {
  db: Db;
  bus: EventBus;
  clock: Clock;
  /** The country a number without a + is read in (from the settings). */
  defaultCountry: () => Promise<string>;
};
