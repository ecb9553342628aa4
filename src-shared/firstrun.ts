/** The first run: the welcome on a new, empty data folder and the getting-started checklist. */
import type { Account } from './accounts';

/** The four first steps, each done when the data shows it (not when a button was pressed). */
export const FIRST_STEPS = ['contacts', 'account', 'draft', 'campaign'] as const;
export type FirstStep = (typeof FIRST_STEPS)[number];

export type FirstRunState = {
  /**
   * Welcome the operator: the data folder is empty (no contacts, accounts, drafts or campaigns)
   * and the welcome was never finished or skipped here.
   */
  welcome: boolean;
  /**
   * Which first steps are done: contacts in the book, an account linked (now or before), a
   * draft written, a campaign started (or scheduled).
   */
  done: Record<FirstStep, boolean>;
  /** The operator hid the checklist. */
  checklistHidden: boolean;
};

/** What "Try the demo account" made. */
export type FirstRunDemo = {
  account: Account;
  /** Sample contacts added (0 when they were all there already). */
  added: number;
  /** The group they were put in. */
  groupId: number | null;
  groupName: string;
};

/** The checklist is shown while a step is left and the operator has not hidden it. */
export function showChecklist(state: FirstRunState | null): boolean {
  return state !== null && !state.checklistHidden && FIRST_STEPS.some((s) => !state.done[s]);
}
