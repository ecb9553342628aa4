/**
 * Getting started: import contacts, link an account, write a message, start a campaign. Each step
 * ticks itself off from the data (main reads it); the list goes once every step is done or the
 * operator hides it (Settings shows it again).
 */
import { FIRST_STEPS, showChecklist, type FirstStep } from '#shared/firstrun';
import { t, type MessageKey } from '#shared/i18n';
import { useNav, type Page } from '#renderer/ui/nav';
import { firstRun, useFirstRun } from './store';
import './welcome.css';

const STEPS: Record<FirstStep, { label: MessageKey; page: Page }> = {
  contacts: { label: 'checklist.contacts', page: 'import' },
  account: { label: 'checklist.account', page: 'accounts' },
  draft: { label: 'checklist.draft', page: 'drafts' },
  campaign: { label: 'checklist.campaign', page: 'campaigns' },
};

export function Checklist({ where }: { where: 'overview' | 'contacts' }) {
  const state = useFirstRun((s) => s.state);
  const go = useNav((s) => s.go);
  if (!state || !showChecklist(state)) return null;
  const doneCount = FIRST_STEPS.filter((s) => state.done[s]).length;
  const next = FIRST_STEPS.find((s) => !state.done[s]);
  const titleId = `checklist-${where}`;
  return (
    <section className={where === 'overview' ? 'panel checklist' : 'checklist'} aria-labelledby={titleId} data-testid="checklist">
      <div className="checklist-head">
        <h2 id={titleId}>{t('checklist.title')}</h2>
        <span className="muted small" data-testid="checklist-progress">
          {t('checklist.progress', { done: doneCount, total: FIRST_STEPS.length })}
        </span>
        <span className="spacer" />
        <button type="button" className="link small" onClick={() => void firstRun.hideChecklist(true)} data-testid="checklist-hide">
          {t('checklist.hide')}
        </button>
      </div>
      <ol>
        {FIRST_STEPS.map((step) => {
          const done = state.done[step];
          const { label, page } = STEPS[step];
          const mark = (
            <span className="fr-mark" aria-hidden>
              {done ? '✓' : ''}
            </span>
          );
          // A step left is a button to where it is done; a step done is ticked off.
          return (
            <li key={step} className={done ? 'done' : step === next ? 'next' : undefined} data-testid={`checklist-${step}`} data-done={done}>
              {done ? (
                <span className="fr-item">
                  {mark}
                  <span className="fr-label">{t(label)}</span>
                  <span className="visually-hidden"> ({t('checklist.done')})</span>
                </span>
              ) : (
                <button type="button" className="fr-item" onClick={() => go(page)}>
                  {mark}
                  <span className="fr-label">{t(label)}</span>
                  <span className="fr-arrow" aria-hidden>
                    ›
                  </span>
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
