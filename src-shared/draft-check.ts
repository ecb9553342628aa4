/**
 * Whether a draft (the message) can be sent, in plain words. One function for both sides: the
 * campaign form checks it at the step where the message is chosen, and the send queue checks it
 * again before a campaign starts, with the same words.
 */
import { templatedTexts, type Draft } from './campaigns';
import { t } from './i18n';
import { parseTemplate } from './template';

/** True when nothing would go out: no parts, or only text parts that are blank. */
export function isEmptyMessage(parts: Draft['parts']): boolean {
  return parts.length === 0 || parts.every((p) => p.kind === 'text' && p.text.trim() === '');
}

/** Problems that stop a draft from being sent (empty when it can go). */
export function messageProblems(draft: Pick<Draft, 'name' | 'parts'>): string[] {
  const problems: string[] = [];
  if (isEmptyMessage(draft.parts)) problems.push(t('cq.err.emptyDraft', { name: draft.name }));
  draft.parts.forEach((part, i) => {
    for (const text of templatedTexts(part)) {
      const parsed = parseTemplate(text);
      if (!parsed.ok) problems.push(t('cq.err.template', { part: i + 1, message: parsed.issues[0]?.message ?? t('cq.err.unreadable') }));
    }
  });
  return problems;
}
