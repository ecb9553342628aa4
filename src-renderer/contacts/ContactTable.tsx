/** The virtualised contacts table: only the rows on screen exist in the page. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ContactRow } from '#shared/domain';
import { formatDate } from '#shared/dates';
import { getLocale, t } from '#shared/i18n';
import { formatPhoneInternational } from '#shared/phone';
import type { SelectionState, Sort } from './view';
import type { BuiltinColumn, VisibleColumns } from './columns';
import { WaStatusMark } from './WaStatus';
import { CONTACTS_STATUS } from '#shared/i18n/keys';

type Column = { id: string; label: string; width: string; sortable: boolean; builtin?: BuiltinColumn };

const ROW_HEIGHT = 40;

function fieldValue(row: ContactRow, key: string): string {
  return row.fields.find(([k]) => k === key)?.[1] ?? '';
}

export function ContactTable(props: {
  total: number;
  rowAt: (index: number) => ContactRow | undefined;
  ensure: (first: number, last: number) => void;
  columns: VisibleColumns;
  sort: Sort;
  onSort: (sort: Sort) => void;
  selection: SelectionState;
  onToggle: (id: number) => void;
  onToggleAllLoaded: () => void;
  activeIndex: number;
  onActiveIndex: (index: number) => void;
  onOpen: (id: number) => void;
  onKey: (e: KeyboardEvent<HTMLDivElement>) => void;
  detailId: number | null;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { total, rowAt, ensure } = props;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [first, last, total, ensure]);
  useEffect(() => {
    if (props.activeIndex >= 0) virtualizer.scrollToIndex(props.activeIndex, { align: 'auto' });
  }, [props.activeIndex, virtualizer]);

  const { builtins, fields: fieldColumns } = props.columns;
  // Columns give way (down to a minimum, their text ending in an ellipsis) rather than push the
  // last ones out of the table: the minimums add up to less than the table at 1024 px.
  const columns: Column[] = [
    { id: 'name', label: t('contacts.col.name'), width: 'minmax(80px, 2fr)', sortable: true },
    { id: 'phone', label: t('contacts.col.phone'), width: 'minmax(160px, 175px)', sortable: true },
    ...fieldColumns.map((key) => ({ id: `field:${key}`, label: key, width: 'minmax(40px, 1fr)', sortable: true })),
    { id: 'tags', label: t('contacts.col.tags'), width: 'minmax(40px, 1fr)', sortable: false, builtin: 'tags' as const },
    { id: 'whatsapp', label: t('contacts.col.whatsapp'), width: 'minmax(90px, 100px)', sortable: false, builtin: 'whatsapp' as const },
    { id: 'status', label: t('contacts.col.status'), width: 'minmax(70px, 110px)', sortable: false, builtin: 'status' as const },
    { id: 'createdAt', label: t('contacts.col.createdAt'), width: 'minmax(84px, 120px)', sortable: true, builtin: 'createdAt' as const },
  ].filter((c: Column) => !c.builtin || builtins.has(c.builtin));
  const locale = getLocale();
  const template = `40px ${columns.map((c) => c.width).join(' ')}`;
  const allMatching = props.selection.mode === 'allMatching';
  const isSelected = (id: number) => allMatching || (props.selection.mode === 'ids' && props.selection.ids.has(id));

  return (
    <div
      className="table grow"
      role="grid"
      aria-rowcount={total}
      aria-label={t('contacts.title')}
      tabIndex={0}
      onKeyDown={props.onKey}
      data-testid="contacts-table"
      aria-activedescendant={props.activeIndex >= 0 ? `contact-row-${props.activeIndex}` : undefined}
    >
      <div className="table-head" role="row" style={{ gridTemplateColumns: template }}>
        <span role="columnheader">
          <input
            type="checkbox"
            aria-label={t('contacts.selectAllMatching', { count: total })}
            checked={allMatching}
            onChange={props.onToggleAllLoaded}
          />
        </span>
        {columns.map((c) => {
          const active = props.sort.column === c.id;
          const arrow = active ? (props.sort.direction === 'asc' ? ' ▲' : ' ▼') : '';
          return (
            <span key={c.id} role="columnheader" aria-sort={active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              {c.sortable ? (
                <button
                  type="button"
                  className="sort"
                  data-testid={`sort-${c.id}`}
                  onClick={() => props.onSort({ column: c.id, direction: active && props.sort.direction === 'asc' ? 'desc' : 'asc' })}
                >
                  {c.label}
                  {arrow}
                </button>
              ) : (
                c.label
              )}
            </span>
          );
        })}
      </div>
      <div className="table-body" ref={scrollRef} role="rowgroup">
        <div role="none" style={{ blockSize: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const selected = row ? isSelected(row.id) : false;
            const classes = ['table-row', selected ? 'selected' : '', item.index === props.activeIndex ? 'active' : '', row && row.id === props.detailId ? 'active' : '']
              .filter(Boolean)
              .join(' ');
            return (
              <div
                key={item.key}
                id={`contact-row-${item.index}`}
                role="row"
                aria-selected={selected}
                className={classes}
                data-testid={row ? 'contact-row' : 'contact-row-loading'}
                style={{ position: 'absolute', insetBlockStart: item.start, insetInlineStart: 0, inlineSize: '100%', blockSize: ROW_HEIGHT, gridTemplateColumns: template }}
                onClick={() => {
                  props.onActiveIndex(item.index);
                  if (row) props.onOpen(row.id);
                }}
              >
                {row ? (
                  <>
                    <span role="gridcell" onClick={(e) => e.stopPropagation()}>
                      <input type="checkbox" aria-label={row.name || row.phone} checked={selected} onChange={() => props.onToggle(row.id)} />
                    </span>
                    <span role="gridcell" title={row.name} dir="auto">
                      {row.name || <span className="muted">—</span>}
                    </span>
                    <span role="gridcell" className="phone">
                      {formatPhoneInternational(row.phone)}
                    </span>
                    {fieldColumns.map((key) => (
                      <span key={key} role="gridcell" dir="auto" title={fieldValue(row, key)}>
                        {fieldValue(row, key)}
                      </span>
                    ))}
                    {builtins.has('tags') && (
                      <span role="gridcell" className="tags-cell" title={row.tags.join(', ')}>
                        {row.tags.map((tag) => (
                          <span key={tag} className="tag" dir="auto">
                            {tag}
                          </span>
                        ))}
                      </span>
                    )}
                    {builtins.has('whatsapp') && (
                      <span role="gridcell">
                        <WaStatusMark status={row.waStatus} checkedAt={row.waCheckedAt} />
                      </span>
                    )}
                    {builtins.has('status') && (
                      <span role="gridcell">
                        {row.suppression && (
                          <span className={`badge ${row.suppression}`}>{t(CONTACTS_STATUS[row.suppression])}</span>
                        )}
                      </span>
                    )}
                    {builtins.has('createdAt') && (
                      <span role="gridcell" className="muted small" title={formatDate(Date.parse(row.createdAt), locale, { dateStyle: 'full', timeStyle: 'short' })}>
                        {formatDate(Date.parse(row.createdAt), locale, { dateStyle: 'medium' })}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="muted" style={{ gridColumn: '1 / -1' }}>
                    {t('common.loading')}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
