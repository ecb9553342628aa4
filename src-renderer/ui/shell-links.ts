/**
 * The desktop shell asks for a page (a notification or a tray line was clicked): the window goes
 * there, through `go` like every other way of changing page.
 */
import type { ShellTarget } from '#shared/domain';
import { showCampaign } from '#renderer/campaigns/store';
import { onEvent } from './api';
import { useNav } from './nav';

export function openTarget(target: ShellTarget): void {
  if (target.page === 'campaign') {
    showCampaign(target.id);
    useNav.getState().go('campaigns');
  } else {
    useNav.getState().go('accounts');
  }
}

let started = false;
/** Follows the shell's `shell.open`; call once from the app root. */
export function startShellLinks(): void {
  if (started) return;
  started = true;
  onEvent('shell.open', openTarget);
}
