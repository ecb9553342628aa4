/** The contact book: search, filter, sort, select, act in bulk, and edit one contact at a time. */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SelectionInput } from '#shared/filters';
import { emptyFilter } from '#shared/filters';
import { formatNumber, t } from '#shared/i18n';
import { BulkActions, NewCampaignButton } from './BulkActions';
import { ContactDetail } from './ContactDetail';
import { ContactTable } from './ContactTable';
import { ExportDialog } from './ExportDialog';
import { useContactPages } from './useContactPages';
import { useGroups } from '#renderer/groups/store';
import { useLists } from '#renderer/lists/store';
import { useContactFacts } from './store';
import { ColumnsMenu } from './ColumnsMenu';
import { useContactColumns, visibleColumns } from './columns';
import { useContactsView } from './view';
import { useNav } from '#renderer/ui/nav';
import { CONTACTS_STATUS, WA_STATUS } from '#shared/i18n/keys';
import { Checklist } from '#renderer/firstrun/Checklist';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

export function ContactsPage() {
  const view = useContactsView();
  const groups = useGroups((s) => s.groups);
  const lists = useLists((s) => s.lists);
  const { tags, fieldKeys, filledFieldKeys } = useContactFacts();
  const columnChoices = useContactColumns((s) => s.choices);
  const go = useNav((s) => s.go);
  const [searchText, setSearchText] = useState(view.query.search);
  const search = useDebounced(searchText, 150);
  const [exporting, setExporting] = useState(false);
  const [detail, setDetail] = useState<number | 'new' | null>(view.detailId);
  const [activeIndex, setActiveIndex] = useState(-1);
  const searchRef = useRef<HTMLInputElement>(null);
  const { setSearch } = view;

  useEffect(() => setSearch(search), [search, setSearch]);
  // The open contact is remembered, so it is still open after a visit to another page (and the
  // inbox can open a contact here).
  const { openDetail } = view;
  useEffect(() => openDetail(typeof detail === 'number' ? detail : null), [detail, openDetail]);

  const query = view.query;
  const { total, counting, error, rowAt, ensure } = useContactPages(query, view.sort, view.version);
  const count = total ?? 0;
  const selectedCount = view.selection.mode === 'allMatching' ? count : view.selection.ids.size;
  const selection: SelectionInput | null = useMemo(() => {
    if (view.selection.mode === 'allMatching') return { kind: 'query', query };
    return view.selection.ids.size > 0 ? { kind: 'ids', ids: [...view.selection.ids] } : null;
  }, [view.selection, query]);
  const groupId = query.filter.groupIds.length === 1 ? (query.filter.groupIds[0] ?? null) : null;
  const tag = query.filter.tags.length === 1 ? (query.filter.tags[0] ?? '') : '';
  const filtersActive =
    groupId !== null || tag !== '' || query.listId !== null || query.status !== 'all' || query.filter.whatsapp !== 'any' || query.search !== '';
  const columns = useMemo(() => visibleColumns(columnChoices, fieldKeys, filledFieldKeys), [columnChoices, fieldKeys, filledFieldKeys]);

  // From anywhere on the page outside a text field or dialog: "/" focuses the search, and
  // Ctrl+A selects every matching contact (not the page's text).
  const selectAllMatching = view.selectAllMatching;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.defaultPrevented || !target || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (target.closest('dialog, [role="dialog"]')) return;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if ((e.key === 'a' || e.key === 'A') && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        selectAllMatching();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectAllMatching]);

  const onTableKey = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const row = activeIndex >= 0 ? rowAt(activeIndex) : undefined;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = Math.max(0, Math.min(count - 1, activeIndex + (e.key === 'ArrowDown' ? 1 : -1)));
        setActiveIndex(next);
      } else if (e.key === ' ' && row) {
        e.preventDefault();
        view.toggle(row.id);
      } else if (e.key === 'Enter' && row) {
        setDetail(row.id);
      } else if ((e.key === 'a' || e.key === 'A') && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        view.selectAllMatching();
      } else if (e.key === 'Escape') {
        view.clearSelection();
        setDetail(null);
      }
    },
    [activeIndex, count, rowAt, view],
  );

  return (
    <section className="page" aria-labelledby="contacts-title">
      <div className="page-head">
        <h1 id="contacts-title">{t('contacts.title')}</h1>
        <span className="muted" data-testid="contacts-count">
          {total === null ? t('common.loading') : counting ? t('contacts.counting') : t('contacts.count', { count: count })}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => setDetail('new')} data-testid="contacts-new">
          + {t('contacts.new')}
        </button>
        <button type="button" onClick={() => go('import')}>
          {t('contacts.import')}
        </button>
        <button type="button" onClick={() => setExporting(true)} data-testid="contacts-export">
          {t('contacts.export')}
        </button>
        <ColumnsMenu visible={columns} fieldKeys={fieldKeys} filledFieldKeys={filledFieldKeys} />
      </div>

      <div className="row">
        <input
          ref={searchRef}
          type="search"
          className="grow"
          style={{ minInlineSize: 220 }}
          placeholder={t('contacts.searchPlaceholder')}
          aria-label={t('common.search')}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          data-testid="contacts-search"
          dir="auto"
        />
        <select
          aria-label={t('contacts.filter.group')}
          value={groupId ?? ''}
          onChange={(e) => view.setQuery({ filter: { ...query.filter, groupIds: e.target.value === '' ? [] : [Number(e.target.value)] } })}
          data-testid="filter-group"
        >
          <option value="">
            {t('contacts.filter.group')}: {t('contacts.filter.any')}
          </option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name} ({g.memberCount})
            </option>
          ))}
        </select>
        <select
          aria-label={t('contacts.filter.tag')}
          value={tag}
          onChange={(e) => view.setQuery({ filter: { ...query.filter, tags: e.target.value === '' ? [] : [e.target.value] } })}
          data-testid="filter-tag"
        >
          <option value="">
            {t('contacts.filter.tag')}: {t('contacts.filter.any')}
          </option>
          {tags.map((x) => (
            <option key={x.tag} value={x.tag}>
              {x.tag} ({formatNumber(x.count)})
            </option>
          ))}
        </select>
        <select
          aria-label={t('contacts.filter.list')}
          value={query.listId ?? ''}
          onChange={(e) => view.setQuery({ listId: e.target.value === '' ? null : Number(e.target.value) })}
          data-testid="filter-list"
        >
          <option value="">
            {t('contacts.filter.list')}: {t('contacts.filter.any')}
          </option>
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({formatNumber(l.count)})
            </option>
          ))}
        </select>
        <select
          aria-label={t('contacts.filter.status')}
          value={query.status}
          onChange={(e) => view.setQuery({ status: e.target.value as typeof query.status })}
          data-testid="filter-status"
        >
          {(['all', 'active', 'black', 'gray'] as const).map((s) => (
            <option key={s} value={s}>
              {t(CONTACTS_STATUS[s])}
            </option>
          ))}
        </select>
        <select
          aria-label={t('contacts.filter.whatsapp')}
          value={query.filter.whatsapp}
          onChange={(e) => view.setQuery({ filter: { ...query.filter, whatsapp: e.target.value as typeof query.filter.whatsapp } })}
          data-testid="filter-whatsapp"
        >
          {(['any', 'yes', 'no', 'unknown'] as const).map((w) => (
            <option key={w} value={w}>
              {w === 'any' ? `${t('contacts.filter.whatsapp')}: ${t('contacts.filter.any')}` : t(WA_STATUS[w])}
            </option>
          ))}
        </select>
        {filtersActive && (
          <button
            type="button"
            className="link"
            onClick={() => {
              setSearchText('');
              view.setQuery({ search: '', filter: emptyFilter(), listId: null, status: 'all' });
            }}
          >
            {t('contacts.filter.clear')}
          </button>
        )}
      </div>

      {selection && (
        <div className="row">
          <strong data-testid="selected-count">{t('contacts.selected', { count: selectedCount })}</strong>
          {view.selection.mode === 'ids' && count > selectedCount && (
            <button type="button" className="link" onClick={view.selectAllMatching} data-testid="select-all-matching">
              {t('contacts.selectAllMatching', { count })}
            </button>
          )}
          <button type="button" className="link" onClick={view.clearSelection}>
            {t('contacts.clearSelection')}
          </button>
          <NewCampaignButton selection={selection} />
          <BulkActions count={selectedCount} selection={selection} currentGroupId={groupId} onDone={(clear) => clear && view.clearSelection()} />
        </div>
      )}

      {error && <p className="banner error">{error}</p>}

      <div className={detail === null ? 'split closed' : 'split'}>
        {total === 0 ? (
          <div className="panel empty" data-testid="contacts-empty">
            <p>{filtersActive ? t('contacts.noMatch') : t('contacts.empty')}</p>
            {!filtersActive && <Checklist where="contacts" />}
          </div>
        ) : (
          <ContactTable
            total={count}
            rowAt={rowAt}
            ensure={ensure}
            columns={columns}
            sort={view.sort}
            onSort={view.setSort}
            selection={view.selection}
            onToggle={view.toggle}
            onToggleAllLoaded={() => (view.selection.mode === 'allMatching' ? view.clearSelection() : view.selectAllMatching())}
            activeIndex={activeIndex}
            onActiveIndex={setActiveIndex}
            onOpen={(id) => setDetail(id)}
            onKey={onTableKey}
            detailId={typeof detail === 'number' ? detail : null}
          />
        )}
        {detail !== null && (
          <ContactDetail
            key={detail}
            id={detail}
            onClose={() => setDetail(null)}
            onSaved={(id) => setDetail(id)}
          />
        )}
      </div>
      {exporting && (
        <ExportDialog
          query={query}
          filteredCount={count}
          selectedIds={view.selection.mode === 'ids' && view.selection.ids.size > 0 ? [...view.selection.ids] : null}
          onClose={() => setExporting(false)}
        />
      )}
      <p className="muted small">
        <span className="kbd">/</span> {t('common.search')} · <span className="kbd">↑↓</span> · <span className="kbd">Space</span> · <span className="kbd">Enter</span> ·{' '}
        <span className="kbd">Ctrl+A</span>
      </p>
    </section>
  );
}
