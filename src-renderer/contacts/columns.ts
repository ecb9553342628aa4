/**
 * Which columns the contacts table shows: name and phone always; tags, WhatsApp, status, date
 * added and each custom field as the operator chooses in the Columns menu (remembered in this
 * browser's localStorage). Without a choice, the built-in columns show, and the few custom fields
 * filled on the most contacts: a field empty on every row stays hidden, and so do the sparse
 * columns a second import brings beyond those few.
 */
import { create } from 'zustand';

export const BUILTIN_COLUMNS = ['tags', 'whatsapp', 'status', 'createdAt'] as const;
export type BuiltinColumn = (typeof BUILTIN_COLUMNS)[number];

/** Column id → shown, for the columns the operator chose; the rest follow the defaults. */
export type ColumnChoices = Record<string, boolean>;

/** How many custom fields show without a choice. */
export const DEFAULT_FIELD_COLUMNS = 3;

export const fieldColumnId = (key: string) => `field:${key}`;

export type VisibleColumns = { fields: string[]; builtins: Set<BuiltinColumn> };

/** `filledFieldKeys`: the fields some contact has a value for, the most filled first. */
export function visibleColumns(choices: ColumnChoices, fieldKeys: readonly string[], filledFieldKeys: readonly string[]): VisibleColumns {
  // filledFieldKeys come most filled first.
  const byDefault = new Set(filledFieldKeys.slice(0, DEFAULT_FIELD_COLUMNS));
  const fields = fieldKeys.filter((k) => choices[fieldColumnId(k)] ?? byDefault.has(k));
  const builtins = new Set(BUILTIN_COLUMNS.filter((c) => choices[c] ?? true));
  return { fields, builtins };
}

const STORAGE_KEY = 'pigeon.contacts.columns';

function load(): ColumnChoices {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '{}');
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    return Object.fromEntries(Object.entries(raw).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
  } catch {
    return {};
  }
}

function save(choices: ColumnChoices): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(choices));
  } catch {
    // Storage full or off: the choice holds until the page reloads.
  }
}

type ColumnsState = {
  choices: ColumnChoices;
  set: (id: string, shown: boolean) => void;
  reset: () => void;
};

export const useContactColumns = create<ColumnsState>((set, get) => ({
  choices: load(),
  set: (id, shown) => {
    const choices = { ...get().choices, [id]: shown };
    save(choices);
    set({ choices });
  },
  reset: () => {
    save({});
    set({ choices: {} });
  },
}));
