/**
 * What the background shell reads and does through the core: campaigns, accounts and settings
 * from the database through the same handlers the window calls (inputs parsed by the contract),
 * and the core's events. The shell keeps only a cache of what these return.
 */
import type { Account } from '#shared/accounts';
import type { Campaign } from '#shared/campaigns';
import { contract, type EventName, type EventPayloads, type MethodInput, type MethodName, type MethodResult } from '#shared/contract';
import type { Settings, ShellTarget } from '#shared/domain';
import type { EventBus } from '#main/kernel/events';
import type { Handlers } from '#main/kernel/handlers';

export type ShellListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export type ShellSource = {
  campaigns(): Promise<Campaign[]>;
  accounts(): Promise<Account[]>;
  /** Pauses a running campaign through the campaign service (it shows Paused, by the operator). */
  pause(id: number): Promise<Campaign>;
  settings(): Promise<Settings>;
  saveSettings(patch: MethodInput<'settings.update'>): Promise<Settings>;
  subscribe(listener: ShellListener): () => void;
  /** Tells the window to open a page. */
  open(target: ShellTarget): void;
};

/** `core`: what openCore returns (its handlers and its event bus). */
export function sourceOf(core: { handlers: Handlers; bus: EventBus }): ShellSource {
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> => {
    const parsed = contract[method].input.parse(input) as never;
    const handler = core.handlers[method] as (input: never) => MethodResult<M> | Promise<MethodResult<M>>;
    return handler(parsed);
  };
  return {
    campaigns: () => call('campaigns.list', {}),
    accounts: () => call('accounts.list', {}),
    pause: (id) => call('campaigns.pause', { id }),
    settings: () => call('settings.get', {}),
    saveSettings: (patch) => call('settings.update', patch),
    subscribe: (listener) => core.bus.subscribe(listener),
    open: (target) => core.bus.emit('shell.open', target),
  };
}
