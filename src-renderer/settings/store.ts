/** The settings (read once, again after each change) and the facts about where the data lives. */
import { create } from 'zustand';
import type { MethodInput } from '#shared/contract';
import type { AppInfo, Settings } from '#shared/domain';
import { t } from '#shared/i18n';
import { api } from '#renderer/ui/api';
import { toast } from '#renderer/ui/toasts';
import { followSettings } from '#renderer/i18n/locale';

export const useSettings = create<{ settings: Settings | null }>(() => ({ settings: null }));

/** Reads the settings again; throws when main can't answer. */
export async function refreshSettings(): Promise<void> {
  const loaded = await api.settings.get();
  useSettings.setState({ settings: loaded });
  const unsaved = followSettings(loaded);
  // The first start: the computer's language becomes the choice, so main speaks it too.
  if (unsaved) useSettings.setState({ settings: await api.settings.update({ language: unsaved }) });
}

export const settings = {
  /** Saves a change, reads the settings back, and says so. */
  async update(change: MethodInput<'settings.update'>): Promise<void> {
    await api.settings.update(change);
    await refreshSettings();
    toast.success(t('settings.saved'));
  },

  appInfo(): Promise<AppInfo> {
    return api.app.info();
  },
};

let started = false;
/** Loads the settings once; call from the app root. */
export function startSettings(): void {
  if (started) return;
  started = true;
  void refreshSettings().catch(() => undefined);
}
