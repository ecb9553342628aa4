/** Backups: the folder, its settings and the backups in it, followed while shown. */
import { create } from 'zustand';
import type { BackupInfo, BackupSettingsPatch, BackupsState } from '#shared/backups';
import { t } from '#shared/i18n';
import { api, onEvent } from '#renderer/ui/api';
import { toast } from '#renderer/ui/toasts';

export const useBackups = create<{ state: BackupsState | null }>(() => ({ state: null }));

export async function refreshBackups(): Promise<void> {
  useBackups.setState({ state: await api.backups.list() });
}

export const backups = {
  /** Takes a backup now and says what it holds. */
  async create(): Promise<BackupInfo> {
    const info = await api.backups.create();
    await refreshBackups();
    toast.success(t('backup.done', { contacts: info.counts.contacts, campaigns: info.counts.campaigns }));
    return info;
  },

  async configure(patch: BackupSettingsPatch): Promise<void> {
    useBackups.setState({ state: await api.backups.configure(patch) });
    toast.success(t('backup.saved'));
  },
};

let following = false;
/** Reads the backups and follows `backups.changed` (a daily backup, one started elsewhere). */
export function followBackups(): void {
  void refreshBackups().catch(() => undefined);
  if (following) return;
  following = true;
  onEvent('backups.changed', () => void refreshBackups().catch(() => undefined));
}
