/** "Send a test": the test being watched in the open dialog, kept live from `testSends.changed`. */
import { create } from 'zustand';
import type { TestSend } from '#shared/test-sends';
import { api, onEvent } from '#renderer/ui/api';

type TestSendState = {
  /** The latest test sent from the open dialog (null: none yet). */
  current: TestSend | null;
};

export const useTestSend = create<TestSendState>(() => ({ current: null }));

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  onEvent('testSends.changed', ({ testSend }) => {
    const { current } = useTestSend.getState();
    if (current?.id === testSend.id) useTestSend.setState({ current: testSend });
  });
}

export const testSends = {
  reset(): void {
    listen();
    useTestSend.setState({ current: null });
  },
  async send(input: { draftId: number; accountId: number; phone: string; contactId: number | null }): Promise<void> {
    listen();
    const sent = await api.testSends.send(input);
    // An event may have come first (the demo phone is quick): keep the further one.
    const current = useTestSend.getState().current;
    if (current?.id !== sent.id) useTestSend.setState({ current: sent });
    // Whatever happened between the answer and now.
    const fresh = await api.testSends.get({ id: sent.id });
    if (useTestSend.getState().current?.id === fresh.id) useTestSend.setState({ current: fresh });
  },
  async lastPhone(accountId: number): Promise<string | null> {
    return (await api.testSends.lastPhone({ accountId })).phone;
  },
};
