/** Messages each linked account sent per day, month and year, against its daily cap. */
import { z } from 'zod';

export const UsageQuerySchema = z.object({ year: z.number().int().min(2000).max(2100) });

export type AccountUsage = {
  accountId: number;
  /** The account's label, or "Account N" when it was removed (the ledger outlives accounts). */
  label: string;
  /** The daily cap of the latest campaign that used this account (null: none, or no cap). */
  dailyCap: number | null;
  /** Messages per local day of the year (index 0 = 1 January), in `timeZone`. */
  days: number[];
  /** Messages per month (index 0 = January). */
  months: number[];
  total: number;
  /** Days on which the cap was reached. */
  daysAtCap: number;
};

export type UsageYear = {
  year: number;
  timeZone: string;
  /** Each day of the year as YYYY-MM-DD, the same length as each account's `days`. */
  dates: string[];
  accounts: AccountUsage[];
};
