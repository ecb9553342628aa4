/**
 * The renderer's typed client, derived from the contract: `api.contacts.list({...})` becomes
 * `transport.invoke('contacts.list', {...})`. A Proxy builds it, so adding a method to the contract
 * is all it takes to call it, and nothing outside the transports names a channel.
 */
import type { EventName, EventPayloads, MethodInput, MethodName, MethodResult } from './contract';

export interface Transport {
  invoke(method: MethodName, input: unknown): Promise<unknown>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

type NamespaceOf<K> = K extends `${infer NS}.${string}` ? NS : never;
type Call<K extends MethodName> =
  Record<string, never> extends MethodInput<K>
    ? (input?: MethodInput<K>) => Promise<MethodResult<K>>
    : (input: MethodInput<K>) => Promise<MethodResult<K>>;

export type Api = {
  [NS in NamespaceOf<MethodName>]: {
    [K in MethodName as K extends `${NS}.${infer M}` ? M : never]: Call<K>;
  };
};

export type Client = {
  api: Api;
  on: <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) => () => void;
};

export function createClient(transport: Transport): Client {
  const namespaces = new Map<string, object>();
  const api = new Proxy(
    {},
    {
      get(_target, ns) {
        if (typeof ns !== 'string') return undefined;
        let inner = namespaces.get(ns);
        if (!inner) {
          inner = new Proxy(
            {},
            {
              get(_t, methodName) {
                if (typeof methodName !== 'string') return undefined;
                const full = `${ns}.${methodName}` as MethodName;
                return (input?: unknown) => transport.invoke(full, input ?? {});
              },
            },
          );
          namespaces.set(ns, inner);
        }
        return inner;
      },
    },
  ) as Api;
  return {
    api,
    on: (event, listener) => transport.on(event, (payload) => listener(payload as never)),
  };
}
