import type { EventName, EventPayloads } from '#shared/contract';

type Listener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Main-side push events. Shells subscribe once and forward everything to their renderer(s). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A broken subscriber (a closed window or socket) must not stop the others.
      }
    }
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
