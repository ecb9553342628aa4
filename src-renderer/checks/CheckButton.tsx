import type { ContactQuery } from '#shared/filters';
import { t } from '#shared/i18n';
import { useChecks } from './store';

/** "Check on WhatsApp" for everyone a query finds (a group's or a list's card). */
export function CheckButton({ query, count, description }: { query: ContactQuery; count: number; description: string }) {
  return (
    <button
      type="button"
      disabled={count === 0}
      onClick={() => useChecks.getState().openStart({ selection: { kind: 'query', query }, count, description })}
    >
      {t('contacts.bulk.check')}
    </button>
  );
}
