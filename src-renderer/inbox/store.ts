/**
 * Incoming messages seen anywhere in the app: a count of new ones for the navigation, and a plain
 * words notice when someone opted out (shown on whatever page is open).
 */
import { create } from 'zustand';
import type { IncomingMessage } from '#shared/accounts';
import { t } from '#shared/i18n';
import { formatPhoneInternational } from '#shared/phone';
import type { MethodInput } from '#shared/contract';
import { api, onEvent } from '#renderer/ui/api';
import { isolate, isolatePhone } from '#renderer/ui/format';
import { useNav } from '#renderer/ui/nav';
import { toast } from '#renderer/ui/toasts';

export const useInbox = create<{ unread: number; markRead: () => void }>((set) => ({
  unread: 0,
  markRead: () => set({ unread: 0 }),
}));

/** A page of incoming messages, newest first. */
export const readInbox = (input: MethodInput<'inbox.list'>) => api.inbox.list(input);

/** "Ayşe Yılmaz (+90 532 123 45 67)" or just the number. */
function senderName(m: Pick<IncomingMessage, 'fromPhone' | 'contactName'>): string {
  const phone = isolatePhone(formatPhoneInternational(m.fromPhone));
  return m.contactName ? t('inbox.sender', { name: isolate(m.contactName), phone }) : phone;
}

/** Quotes a reply for a notice, shortened so a long one does not fill the screen. */
function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return isolate(oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine);
}

let started = false;
export function startInbox(): void {
  if (started) return;
  started = true;
  onEvent('inbox.received', (m) => {
    if (useNav.getState().page !== 'inbox') useInbox.setState((s) => ({ unread: s.unread + 1 }));
    if (m.optOut) {
      toast.info(t('inbox.optOutToast', { who: senderName(m), text: quote(m.body) }), {
        label: t('inbox.open'),
        run: () => useNav.getState().go('inbox'),
      });
    }
  });
}
