import { z } from 'zod';
import { says } from './validation';

/** Conditions on a custom field, usable in the contacts filter and in smart lists. */
export const FieldConditionSchema = z.object({
  key: z.string().min(1).max(64),
  op: z.enum(['equals', 'notEquals', 'contains', 'isEmpty', 'isNotEmpty']),
  value: z.string().max(500).default(''),
});
export type FieldCondition = z.infer<typeof FieldConditionSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, says('val.dateFormat'));

/** A saved, recomputed-on-use filter (a smart list). Every present condition must hold. */
export const SmartFilterSchema = z.object({
  groupIds: z.array(z.number().int().positive()).max(200).default([]),
  groupMatch: z.enum(['any', 'all']).default('any'),
  tags: z.array(z.string().min(1).max(64)).max(200).default([]),
  tagMatch: z.enum(['any', 'all']).default('any'),
  fields: z.array(FieldConditionSchema).max(20).default([]),
  createdFrom: isoDate.nullable().default(null),
  createdTo: isoDate.nullable().default(null),
  /** Last WhatsApp number check: on WhatsApp, not on it, or never checked. */
  whatsapp: z.enum(['any', 'yes', 'no', 'unknown']).default('any'),
  /** Campaign outcome (from the send queue's file): absent = any. */
  campaign: z
    .object({
      /**
       * received: a message went out; read; replied (a reply after a message); failed; never: no
       * message ever went out to this number (then `campaignId` and `withinDays` narrow what counts).
       */
      outcome: z.enum(['received', 'read', 'replied', 'failed', 'never']),
      /** One campaign, or any. */
      campaignId: z.number().int().positive().nullable().default(null),
      /** Only messages sent in the last N days. */
      withinDays: z.number().int().min(1).max(3650).nullable().default(null),
    })
    .optional(),
});

export type SmartFilter = z.infer<typeof SmartFilterSchema>;

/** What the contacts page filters by: a smart filter plus a list, a suppression state and a search. */
export const ContactQuerySchema = z.object({
  search: z.string().max(200).default(''),
  filter: SmartFilterSchema.default({
    groupIds: [],
    groupMatch: 'any',
    tags: [],
    tagMatch: 'any',
    fields: [],
    createdFrom: null,
    createdTo: null,
    whatsapp: 'any',
  }),
  listId: z.number().int().positive().nullable().default(null),
  status: z.enum(['all', 'active', 'black', 'gray']).default('all'),
});
export type ContactQuery = z.infer<typeof ContactQuerySchema>;
export type ContactQueryInput = z.input<typeof ContactQuerySchema>;

export function emptyFilter(): SmartFilter {
  return { groupIds: [], groupMatch: 'any', tags: [], tagMatch: 'any', fields: [], createdFrom: null, createdTo: null, whatsapp: 'any' };
}

export function emptyQuery(): ContactQuery {
  return { search: '', filter: emptyFilter(), listId: null, status: 'all' };
}

/** A set of contacts a bulk action applies to: explicit ids, or everything a query matches. */
export const SelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(z.number().int().positive()).min(1).max(200_000) }),
  z.object({ kind: z.literal('query'), query: ContactQuerySchema }),
]);
export type Selection = z.infer<typeof SelectionSchema>;
export type SelectionInput = z.input<typeof SelectionSchema>;
