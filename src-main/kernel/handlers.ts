/**
 * The handler map's building blocks. Each domain's handlers.ts returns its part of the map
 * (`HandlersOf<'groups'>`: every `groups.*` method of the contract, nothing else) and marks its
 * writes with `mutating`; the core combines the parts with `combine`, which the compiler refuses
 * unless every contract method is handled exactly once.
 */
import type { MethodName, MethodParsedInput, MethodResult } from '#shared/contract';

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>) => Promise<MethodResult<M>> | MethodResult<M>;

/** One handler for every method of the contract. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** The contract's methods whose names start with `${prefix}.` */
export type MethodsOf<Prefix extends string> = Extract<MethodName, `${Prefix}.${string}`>;

/** A domain's part of the map: one handler for every method under the prefix(es), and no other. */
export type HandlersOf<Prefix extends string> = { [M in MethodsOf<Prefix>]: Handler<M> };

const writes = new WeakSet<object>();

/**
 * Marks a handler that writes to the contact book from the main thread: the core makes it wait
 * (without blocking) while an import holds the write lock. Returns the handler itself.
 */
export function mutating<F extends (input: never) => unknown>(handler: F): F {
  writes.add(handler);
  return handler;
}

export function isMutating(handler: unknown): boolean {
  return typeof handler === 'function' && writes.has(handler);
}

type Part = Partial<Handlers>;
type Covered<P extends readonly Part[]> = P extends readonly [infer H, ...infer R extends readonly Part[]] ? keyof H | Covered<R> : never;
type HandledTwice<P extends readonly Part[], Seen = never> = P extends readonly [infer H, ...infer R extends readonly Part[]]
  ? (keyof H & Seen) | HandledTwice<R, Seen | keyof H>
  : never;
/** `P` itself when the parts handle every method once; otherwise a type naming what is wrong. */
type Checked<P extends readonly Part[]> = [HandledTwice<P>] extends [never]
  ? [Exclude<MethodName, Covered<P>>] extends [never]
    ? P
    : { 'methods without a handler': Exclude<MethodName, Covered<P>> }
  : { 'methods handled twice': HandledTwice<P> };

/**
 * The domains' parts as one map. A method left out or handled by two parts is a compile error
 * that names it; the same is checked as the map is built, for parts typed loosely.
 */
export function combine<const P extends readonly Part[]>(...parts: P & Checked<P>): Handlers {
  const map: Record<string, unknown> = {};
  for (const part of parts as readonly Part[]) {
    for (const [name, handler] of Object.entries(part)) {
      if (name in map) throw new Error(`Two handlers for ${name}`);
      map[name] = handler;
    }
  }
  return map as Handlers;
}

/**
 * Wraps every handler marked `mutating` so it first awaits `writable()` (an import's write lock
 * being released); the others are left as they are.
 */
export function guardWrites(handlers: Handlers, writable: () => Promise<void>): Handlers {
  const guarded: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: never) => unknown][]) {
    guarded[name] = isMutating(handler)
      ? async (input: never) => {
          await writable();
          return handler(input);
        }
      : handler;
  }
  return guarded as Handlers;
}
