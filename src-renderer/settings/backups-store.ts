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

  /**
   * Restores a backup. The core reopens on the restored data, and `backups.restored` reloads every
   * window (this one too: everything on screen is out of date).
   */
  async restore(id: string): Promise<void> {
    await api.backups.restore({ id });
    reloadAfterRestore();
  },

  exportArchive(path: string, includeSessions: boolean): Promise<{ path: string; bytes: number }> {
    return api.backups.exportArchive({ path, includeSessions });
  },

  /** Reads a .pigeon file into the backups; the caller asks before restoring it. */
  async importArchive(path: string): Promise<BackupInfo> {
    const info = await api.backups.importArchive({ path });
    await refreshBackups();
    return info;
  },

  async configure(patch: BackupSettingsPatch): Promise<void> {
    useBackups.setState({ state: await api.backups.configure(patch) });
    toast.success(t('backup.saved'));
  },
};

const AFTER_RESTORE = 'pigeon.afterRestore';

/** Loads the app again on the restored data, opening on Settings, where the restore is described. */
export function reloadAfterRestore(): void {
  try {
    sessionStorage.setItem(AFTER_RESTORE, '1');
  } catch {
    // No storage: the app opens on its first page.
  }
  window.location.reload();
}

/** True once after a restore's reload. */
export function openedAfterRestore(): boolean {
  try {
    const flag = sessionStorage.getItem(AFTER_RESTORE) === '1';
    sessionStorage.removeItem(AFTER_RESTORE);
    return flag;
  } catch {
    return false;
  }
}

let following = false;
/** Reads the backups and follows `backups.changed` (a daily backup, one started elsewhere). */
export function followBackups(): void {
  void refreshBackups().catch(() => undefined);
  if (following) return;
  following = true;
  onEvent('backups.changed', () => void refreshBackups().catch(() => undefined));
}
