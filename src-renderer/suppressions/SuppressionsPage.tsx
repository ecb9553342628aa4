/** Blacklist and graylist: search, page through, move, remove (with undo), add numbers, export. */
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Suppression, SuppressionKind } from '#shared/domain';
import { getLocale, t} from '#shared/i18n';
import { formatPhoneInternational } from '#shared/phone';
import { splitTypedList } from '#shared/text';
import { useConfirmDelete } from '#renderer/ui/useConfirmDelete';
import { ErrorText } from '#renderer/ui/ErrorText';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { PAGE_SIZE, suppressions, useSuppressions, type AddResult } from './store';
import { SUPPR_CONFIRM_REMOVE_TITLE, SUPPR_EMPTY, SUPPR_HELP, SUPPR_TITLE } from '#shared/i18n/keys';

export function SuppressionsPage(props: { kind: SuppressionKind }) {
  // Keyed by kind so search, paging and selection start fresh when moving between the two lists.
  return <SuppressionsView key={props.kind} kind={props.kind} />;
}

function SuppressionsView({ kind }: { kind: SuppressionKind }) {
  const [searchText, setSearchText] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const { search, offset, page, error, loading } = useSuppressions();

  useEffect(() => {
    suppressions.open(kind);
    return () => suppressions.close();
  }, [kind]);

  // Typing waits a moment before searching, and a new search starts at the first page.
  // Only a real change of the search text resets the page and the ticks.
  useEffect(() => {
    const next = searchText.trim();
    if (next === search) return;
    const timer = setTimeout(() => {
      suppressions.search(next);
      setSelected(new Set());
    }, 250);
    return () => clearTimeout(timer);
  }, [searchText, search]);

  const total = page?.total ?? 0;
  const rows = page?.rows ?? [];
  const selectedRows = rows.filter((r) => selected.has(r.phone));
  const goTo = (next: number) => {
    suppressions.goTo(next);
    setSelected(new Set());
  };

  return (
    <section className="page" aria-labelledby="suppr-title" data-testid={`suppr-page-${kind}`}>
      <div className="page-head">
        <h1 id="suppr-title">{t(SUPPR_TITLE[kind])}</h1>
        {page && <span className="badge gray">{total.toLocaleString(getLocale())}</span>}
        <span className="spacer" />
        <ExportButtons kind={kind} />
      </div>
      <p className="muted">{t(SUPPR_HELP[kind])}</p>
      <AddNumbersPanel kind={kind} />
      <div className="row">
        <input
          type="search"
          className="grow"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          placeholder={t('suppr.searchPlaceholder')}
          aria-label={t('common.search')}
          maxLength={200}
          data-testid="suppr-search"
        />
      </div>
      {selectedRows.length > 0 && (
        <BulkBar
          kind={kind}
          rows={selectedRows}
          onDone={() => setSelected(new Set())}
          onClear={() => setSelected(new Set())}
        />
      )}
      <ErrorText error={error} banner />
      {!page ? (
        !error && <p className="empty">{t('common.loading')}</p>
      ) : rows.length === 0 && !loading ? (
        <p className="empty">{search === '' ? t(SUPPR_EMPTY[kind]) : t('suppr.noMatch')}</p>
      ) : (
        <SuppressionTable rows={rows} selected={selected} onSelect={setSelected} busy={loading} />
      )}
      {page && total > PAGE_SIZE && <Pager offset={offset} total={total} onGo={goTo} />}
    </section>
  );
}

function Pager(props: { offset: number; total: number; onGo: (offset: number) => void }) {
  const { offset, total } = props;
  return (
    <div className="row" data-testid="suppr-pager">
      <button type="button" onClick={() => props.onGo(Math.max(0, offset - PAGE_SIZE))} disabled={offset === 0}>
        {t('common.previous')}
      </button>
      <span className="muted">
        {t('suppr.range', { from: offset + 1, to: Math.min(total, offset + PAGE_SIZE), total })}
      </span>
      <button type="button" onClick={() => props.onGo(offset + PAGE_SIZE)} disabled={offset + PAGE_SIZE >= total}>
        {t('common.next')}
      </button>
    </div>
  );
}

function sourceLabel(source: string): string {
  switch (source) {
    case 'manual':
      return t('suppr.source.manual');
    case 'import':
      return t('suppr.source.import');
    case 'contacts':
      return t('suppr.source.contacts');
    default:
      return source;
  }
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(getLocale());
}

function SuppressionTable(props: {
  rows: Suppression[];
  selected: ReadonlySet<string>;
  onSelect: (next: ReadonlySet<string>) => void;
  busy: boolean;
}) {
  const { rows, selected } = props;
  const count = rows.filter((r) => selected.has(r.phone)).length;
  const all = rows.length > 0 && count === rows.length;
  const toggleAll = (on: boolean) => props.onSelect(new Set(on ? rows.map((r) => r.phone) : []));
  const toggle = (phone: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(phone);
    else next.delete(phone);
    props.onSelect(next);
  };
  return (
    <div className="panel" style={{ padding: 0, overflow: 'auto', opacity: props.busy ? 0.6 : 1 }} aria-busy={props.busy}>
      <table className="simple-table" data-testid="suppr-table">
        <thead>
          <tr>
            <th style={{ inlineSize: 32 }}>
              <input
                type="checkbox"
                checked={all}
                ref={(el) => {
                  if (el) el.indeterminate = count > 0 && !all;
                }}
                onChange={(e) => toggleAll(e.target.checked)}
                aria-label={t('suppr.selectPage')}
                data-testid="suppr-select-page"
              />
            </th>
            <th>{t('suppr.col.phone')}</th>
            <th>{t('suppr.col.contact')}</th>
            <th>{t('suppr.col.reason')}</th>
            <th>{t('suppr.col.source')}</th>
            <th>{t('suppr.col.date')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const phone = formatPhoneInternational(r.phone);
            return (
              <tr key={r.phone} data-testid="suppr-row" className={selected.has(r.phone) ? 'selected' : undefined}>
                <td>
                  <input
                    type="checkbox"
                    checked={selected.has(r.phone)}
                    onChange={(e) => toggle(r.phone, e.target.checked)}
                    aria-label={t('suppr.selectRow', { phone })}
                  />
                </td>
                <td className="phone" title={r.phone}>
                  {phone}
                </td>
                <td>{r.contactName ?? ''}</td>
                <td>{r.reason}</td>
                <td>{sourceLabel(r.source)}</td>
                <td>{formatDate(r.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function BulkBar(props: { kind: SuppressionKind; rows: Suppression[]; onDone: () => void; onClear: () => void }) {
  const { kind, rows } = props;
  const { busy, run, confirmAndRun } = useConfirmDelete();
  const move = async () => {
    if (await run(() => suppressions.move(kind, rows.map((r) => r.phone)))) props.onDone();
  };
  const remove = async () => {
    const question = {
      title: t(SUPPR_CONFIRM_REMOVE_TITLE[kind], { count: rows.length }),
      body: t('suppr.confirmRemove.body'),
      confirmLabel: t('suppr.remove'),
    };
    if (await confirmAndRun(question, () => suppressions.remove(kind, rows))) props.onDone();
  };
  return (
    <div className="bulkbar" data-testid="suppr-bulkbar">
      <span>{t('contacts.selected', { count: rows.length })}</span>
      <button type="button" onClick={() => void move()} disabled={busy} data-testid="suppr-move">
        {kind === 'black' ? t('suppr.moveToGray') : t('suppr.moveToBlack')}
      </button>
      <button type="button" className="danger" onClick={() => void remove()} disabled={busy} data-testid="suppr-remove">
        {t('suppr.remove')}
      </button>
      <span className="grow" />
      <button type="button" className="link" onClick={props.onClear} disabled={busy}>
        {t('contacts.clearSelection')}
      </button>
    </div>
  );
}


function AddNumbersPanel(props: { kind: SuppressionKind }) {
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<AddResult | null>(null);
  const { busy, error, run } = useBusyAction();
  const numbers = splitTypedList(text);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || numbers.length === 0) return;
    setResult(null);
    await run(async () => {
      const r = await suppressions.addNumbers(props.kind, numbers, reason.trim());
      setResult(r);
      // Numbers that could not be read stay in the box to be corrected; the rest are done.
      setText(r.invalid.map((x) => x.input).join('\n'));
    });
  };
  // Enter in the box starts a new line; Ctrl+Enter (or Cmd+Enter) adds the numbers.
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="suppr-add-title">
      <h2 id="suppr-add-title">{t('suppr.add')}</h2>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('suppr.addPlaceholder')}
        aria-label={t('suppr.add')}
        rows={3}
        style={{ inlineSize: '100%', marginBlockEnd: 8 }}
        data-testid="suppr-add-text"
      />
      <div className="row">
        <input
          className="grow"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('suppr.reasonPlaceholder')}
          aria-label={t('suppr.reason')}
          maxLength={500}
          data-testid="suppr-add-reason"
        />
        <button type="submit" className="primary" disabled={busy || numbers.length === 0} data-testid="suppr-add-submit">
          {busy ? t('suppr.adding') : t('suppr.add')}
        </button>
      </div>
      <ErrorText error={error} />
      {result && <AddResultView result={result} />}
    </form>
  );
}

const INVALID_SHOWN = 20;

function AddResultView({ result }: { result: AddResult }) {
  const shown = result.invalid.slice(0, INVALID_SHOWN).map((x) => `“${x.input}” (${x.reason})`);
  const list = shown.join('; ') + (result.invalid.length > INVALID_SHOWN ? '; …' : '');
  return (
    <div role="status" data-testid="suppr-add-result" style={{ marginBlockStart: 8 }}>
      <p>{t('suppr.added', { count: result.added })}</p>
      {result.invalid.length > 0 && (
        <p className="error-text" data-testid="suppr-add-invalid">
          {t('suppr.invalid', { count: result.invalid.length, list })} {t('suppr.invalidKept')}
        </p>
      )}
    </div>
  );
}

function ExportButtons({ kind }: { kind: SuppressionKind }) {
  const { busy, run } = useBusyAction({ failures: 'toast' });
  const exportAs = (format: 'xlsx' | 'csv') => void run(() => suppressions.export(kind, format));
  return (
    <div className="row" role="group" aria-label={t('common.export')}>
      <button type="button" onClick={() => exportAs('xlsx')} disabled={busy} data-testid="suppr-export-xlsx">
        {t('suppr.exportXlsx')}
      </button>
      <button type="button" onClick={() => exportAs('csv')} disabled={busy} data-testid="suppr-export-csv">
        {t('suppr.exportCsv')}
      </button>
    </div>
  );
}
