/** What a draft holds, in a few words and the start of its text. */
import type { DraftPart, DraftPartKind } from '#shared/campaigns';
import { isEmptyMessage } from '#shared/draft-check';
import { t } from '#shared/i18n';
import { CAMPAIGNS_PART } from '#shared/i18n/keys';

const SNIPPET = 280;

function textOf(part: DraftPart): string {
  switch (part.kind) {
    case 'text':
      return part.text;
    case 'image':
    case 'video':
    case 'document':
      return part.caption;
    case 'poll':
      return part.question;
    default:
      return '';
  }
}

export function DraftSummary({ parts }: { parts: DraftPart[] }) {
  if (isEmptyMessage(parts)) {
    return (
      <p className="banner warn small" data-testid="campaign-draft-empty">
        {t('campaigns.draft.empty')}
      </p>
    );
  }
  const kinds = new Map<DraftPartKind, number>();
  for (const part of parts) kinds.set(part.kind, (kinds.get(part.kind) ?? 0) + 1);
  const first = parts.map(textOf).find((text) => text.trim() !== '') ?? '';
  const snippet = first.length > SNIPPET ? `${first.slice(0, SNIPPET)}…` : first;
  return (
    <div className="cmp-draft" data-testid="campaign-draft-summary">
      <div className="row">
        {[...kinds].map(([kind, n]) => (
          <span key={kind} className="tag">
            {t(CAMPAIGNS_PART[kind])}
            {n > 1 ? ` ×${n}` : ''}
          </span>
        ))}
      </div>
      {snippet && (
        <p className="message-text cmp-snippet" dir="auto">
          {snippet}
        </p>
      )}
    </div>
  );
}
