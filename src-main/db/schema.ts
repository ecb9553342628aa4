/** The Kysely view of the database. Column names are the SQL names; mappers turn rows into domain types. */
import type { Generated } from 'kysely';

export interface ContactsTable {
  id: Generated<number>;
  phone: string;
  name: string;
  name_key: string;
  /** JSON array of [key, value] pairs, in the order the columns came. */
  fields: string;
  note: string;
  source: string | null;
  created_at: string;
  updated_at: string;
  wa_status: Generated<'yes' | 'no' | null>;
  wa_checked_at: Generated<string | null>;
}

export interface ContactTagsTable {
  contact_id: number;
  tag: string;
}

export interface GroupsTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

export interface GroupMembersTable {
  group_id: number;
  contact_id: number;
  added_at: string;
}

export interface SmartListsTable {
  id: Generated<number>;
  name: string;
  filter: string;
  created_at: string;
  updated_at: string;
}

export interface SuppressionsTable {
  phone: string;
  kind: 'black' | 'gray';
  reason: string;
  source: string;
  created_at: string;
}

export interface ImportsTable {
  id: string;
  file_name: string;
  status: 'running' | 'completed' | 'cancelled' | 'failed';
  started_at: string;
  finished_at: string | null;
  added: Generated<number>;
  updated: Generated<number>;
  skipped: Generated<number>;
  rejected: Generated<number>;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface ContactsFtsTable {
  rowid: number;
  text: string;
}

export interface AccountsTable {
  id: Generated<number>;
  label: string;
  driver: 'wweb' | 'simulator';
  seed: number;
  linked: Generated<number>;
  phone: string | null;
  display_name: string | null;
  created_at: string;
  last_ready_at: string | null;
  /** JSON SafetySettings; NULL: the defaults. */
  safety: string | null;
  first_ready_at: string | null;
}

export interface AccountEventsTable {
  id: Generated<number>;
  account_id: number | null;
  account_label: string | null;
  at: string;
  level: 'info' | 'warning' | 'error';
  code: string;
  message: string;
}

export interface IncomingMessagesTable {
  id: Generated<number>;
  account_id: number;
  account_label: string | null;
  wa_message_id: string;
  from_phone: string;
  body: string;
  received_at: string;
  opt_out: number;
}

export interface DraftsTable {
  id: Generated<number>;
  name: string;
  parts: string;
  created_at: string;
  updated_at: string;
}

export interface Database {
  drafts: DraftsTable;
  accounts: AccountsTable;
  account_events: AccountEventsTable;
  incoming_messages: IncomingMessagesTable;
  contacts: ContactsTable;
  contact_tags: ContactTagsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  smart_lists: SmartListsTable;
  suppressions: SuppressionsTable;
  imports: ImportsTable;
  settings: SettingsTable;
  contacts_fts: ContactsFtsTable;
}
