import type { Migration } from './types';

/**
 * A group's page in name or phone order straight from an index: each membership carries its
 * contact's sort keys (name_key, phone), indexed with the group. The import writer fills them as it
 * adds members; any other insert leaves them empty and a trigger fills them from the contact; a
 * change of a contact's name or phone is copied to its memberships by another trigger.
 */
export const m0008MemberSortKeys: Migration = {
  version: 8,
  name: 'member-sort-keys',
  up(db) {
    db.exec(`
      ALTER TABLE group_members ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE group_members ADD COLUMN phone TEXT NOT NULL DEFAULT '';
      UPDATE group_members SET (name_key, phone) = (SELECT c.name_key, c.phone FROM contacts c WHERE c.id = group_members.contact_id);
      CREATE INDEX group_members_by_name ON group_members (group_id, name_key, contact_id);
      CREATE INDEX group_members_by_phone ON group_members (group_id, phone);
      CREATE TRIGGER group_members_sort_keys_fill AFTER INSERT ON group_members WHEN new.phone = '' BEGIN
        UPDATE group_members SET (name_key, phone) = (SELECT c.name_key, c.phone FROM contacts c WHERE c.id = new.contact_id)
          WHERE group_id = new.group_id AND contact_id = new.contact_id;
      END;
      CREATE TRIGGER group_members_sort_keys_follow AFTER UPDATE OF name_key, phone ON contacts BEGIN
        UPDATE group_members SET name_key = new.name_key, phone = new.phone WHERE contact_id = new.id;
      END;
    `);
  },
};
