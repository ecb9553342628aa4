/**
 * Who the preview is for: the first contact of the book by default (or a sample person when the
 * book is empty), or anyone found by a search.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ContactRow } from '#shared/domain';
import { t } from '#shared/i18n';
import { formatPhoneInternational } from '#shared/phone';
import type { TemplateContact } from '#shared/template';
import { contacts } from '#renderer/contacts/store';
import { useContactsView } from '#renderer/contacts/view';
import { errorMessage } from '#renderer/ui/api';
import { Popover } from './Popover';

export type PreviewContact = TemplateContact & { id: number | null };

function sampleContact(): PreviewContact {
  return { id: null, name: t('drafts.preview.sampleName'), phone: t('drafts.preview.samplePhone'), fields: [] };
}

const fromRow = (row: Pick<ContactRow, 'id' | 'name' | 'phone' | 'fields'>): PreviewContact => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  fields: row.fields,
});

/** The contact the preview shows, kept fresh when contacts change. */
export function usePreviewContact(): [PreviewContact, (c: PreviewContact) => void] {
  const [contact, setContact] = useState<PreviewContact>(sampleContact);
  const [picked, setPicked] = useState<number | null>(null);
  // Bumped on `contacts.changed`, so the contact shown is read again.
  const version = useContactsView((s) => s.version);
  useEffect(() => {
    let alive = true;
    const firstContact = async (): Promise<PreviewContact> => {
      const { rows } = await contacts.list({ query: {}, limit: 1, withTotal: false });
      return rows[0] ? fromRow(rows[0]) : sampleContact();
    };
    const load = async (): Promise<PreviewContact> => {
      if (picked === null) return firstContact();
      try {
        return fromRow(await contacts.get(picked));
      } catch {
        // Deleted since: back to the first one.
        return firstContact();
      }
    };
    load()
      .then((c) => alive && setContact(c))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [picked, version]);
  const choose = (c: PreviewContact) => {
    setContact(c);
    setPicked(c.id);
  };
  return [contact, choose];
}

export function ContactPicker({
  contact,
  onPick,
  noneLabel,
}: {
  contact: PreviewContact;
  onPick: (c: PreviewContact) => void;
  /** Shown instead of the sample person when no contact is picked (a test send's "nobody"). */
  noneLabel?: string;
}) {
  const label =
    contact.id === null
      ? (noneLabel ?? t('drafts.preview.sampleLabel', { name: contact.name })) : contact.name || formatPhoneInternational(contact.phone);
  return (
    <Popover
      label={t('drafts.preview.pickContact')}
      className="drafts-contact-button"
      testId="preview-contact-button"
      button={
        <>
          <span className="muted">{t('drafts.preview.for')}</span>{' '}
          <bdi className="drafts-contact-name" data-testid="preview-contact-name">
            {label}
          </bdi>{' '}
          <span aria-hidden>▾</span>
        </>
      }
    >
      {(close) => (
        <ContactSearch
          onPick={(c) => {
            onPick(c);
            close();
          }}
        />
      )}
    </Popover>
  );
}

function ContactSearch({ onPick }: { onPick: (c: PreviewContact) => void }) {
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<ContactRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      contacts
        .list({ query: { search }, limit: 8, withTotal: false })
        .then((r) => {
          if (!alive) return;
          setRows(r.rows);
          setError(null);
        })
        .catch((e: unknown) => alive && setError(errorMessage(e)));
    }, 200);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [search]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>('input, .drafts-contact-option')];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next = items[Math.min(items.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  return (
    <div className="drafts-contact-search" onKeyDown={onKeyDown}>
      <input
        type="search"
        dir="auto"
        value={search}
        placeholder={t('drafts.preview.searchPlaceholder')}
        aria-label={t('drafts.preview.searchPlaceholder')}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="preview-contact-search"
      />
      {error !== null && <p className="error-text small">{error}</p>}
      {rows !== null && rows.length === 0 && <p className="muted small">{t('drafts.preview.noMatch')}</p>}
      {rows !== null && rows.length > 0 && (
        <ul className="drafts-contact-results">
          {rows.map((row) => (
            <li key={row.id}>
              <button type="button" className="drafts-contact-option" onClick={() => onPick(fromRow(row))}>
                <span dir="auto">{row.name || t('drafts.preview.noName')}</span>
                <span className="phone muted small">{formatPhoneInternational(row.phone)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
