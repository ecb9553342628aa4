/** The usage page: the year asked for, its figures from main, and the export. */
import { create } from 'zustand';
import type { UsageYear } from '#shared/usage';
import { api, errorMessage, onEvent, saveFile } from '#renderer/ui/api';
import { toast } from '#renderer/ui/toasts';

export type UsageState = {
  year: number;
  /** 0-11: that month by day; null: the whole year by month. */
  month: number | null;
  usage: UsageYear | null;
  error: string | null;
  exporting: boolean;
};

const now = new Date();
export const useUsage = create<UsageState>(() => ({ year: now.getFullYear(), month: now.getMonth(), usage: null, error: null, exporting: false }));

let asked = 0;
export async function loadUsage(): Promise<void> {
  const ticket = ++asked;
  try {
    const usage = await api.usage.year({ year: useUsage.getState().year });
    if (ticket === asked) useUsage.setState({ usage, error: null });
  } catch (error) {
    if (ticket === asked) useUsage.setState({ error: errorMessage(error) });
  }
}

const THROTTLE_MS = 2000;
let following = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let subscribed = false;

/** Loads the figures and reloads them (at most every 2 s) as campaigns send, while the page is shown. */
export function followUsage(): () => void {
  if (!subscribed) {
    subscribed = true;
    onEvent('campaigns.progress', () => {
      if (following === 0 || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void loadUsage();
      }, THROTTLE_MS);
    });
  }
  following++;
  void loadUsage();
  return () => {
    following--;
  };
}

export function setUsagePeriod(year: number, month: number | null): void {
  const changedYear = year !== useUsage.getState().year;
  useUsage.setState({ year, month });
  if (changedYear) void loadUsage();
}

export async function exportUsage(): Promise<void> {
  useUsage.setState({ exporting: true });
  try {
    saveFile(await api.usage.export({ year: useUsage.getState().year }));
  } catch (error) {
    toast.error(errorMessage(error));
  } finally {
    useUsage.setState({ exporting: false });
  }
}
