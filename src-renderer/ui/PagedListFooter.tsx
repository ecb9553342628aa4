/** Under a paged list: how many rows are shown of how many, and a button for the next page. */
import { t } from '#shared/i18n';
import type { PagedLiveList } from './usePagedLiveList';

export function PagedListFooter({ list }: { list: PagedLiveList<unknown> }) {
  const { rows, total, loadingMore } = list;
  if (total === null || rows.length === 0) return null;
  return (
    <div className="row">
      <span className="muted small">{t('activity.showing', { shown: rows.length, total })}</span>
      {rows.length < total && (
        <button type="button" onClick={() => void list.loadMore()} disabled={loadingMore}>
          {loadingMore ? t('common.loading') : t('activity.loadMore')}
        </button>
      )}
    </div>
  );
}
