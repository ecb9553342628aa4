/** The usage page: the year asked for, its figures from main, and the export. */
import { create } from 'zustand';
import type { UsageYear } from '#shared/usage';
import { api, errorMessage, saveFile } from '#renderer/ui/api';
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
