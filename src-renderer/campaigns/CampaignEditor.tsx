/**
 * The campaign form as a short wizard: message, audience, sending, timing, review. Enter moves on;
 * the step list jumps back (and forward as far as the steps are complete). The review saves a
 * draft, or starts / schedules the campaign.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Campaign } from '#shared/campaigns';
import { t } from '#shared/i18n';
import { useDrafts } from '#renderer/drafts/store';
import { errorMessage } from '#renderer/ui/api';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { campaigns, showCampaign, showList, startAndFollow, updateEditor, useCampaigns, type Editor } from './store';
import { toast } from '#renderer/ui/toasts';
import { confirm } from '#renderer/ui/confirm';
import { ErrorText } from '#renderer/ui/ErrorText';
import { AudienceStep } from './AudienceStep';
import { MessageStep } from './MessageStep';
import {
  audienceOf,
  exclusionsOf,
  firstIncompleteStep,
  localTimeZone,
  scheduleOf,
  stepIssues,
  STEPS,
  toInput,
  type CampaignForm,
  type Step,
} from './model';
import { ReviewStep } from './ReviewStep';
import { SendingStep } from './SendingStep';
import { formatInZone } from './text';
import { TimingStep } from './TimingStep';
import { useAudiencePreview } from './useAudiencePreview';
import { CAMPAIGNS_STEP, CAMPAIGNS_STEP_HELP, CAMPAIGNS_STEP_TITLE } from '#shared/i18n/keys';

export function CampaignEditor({ editor }: { editor: Editor }) {
  const { id, form, step } = editor;
  const existing = useCampaigns((s) => (id === null ? null : (s.campaigns.find((c) => c.id === id) ?? null)));
  const scheduledAlready = existing?.status === 'scheduled';
  // A scheduled campaign set to Now comes off the schedule when saved: then it can be started (or kept as a draft).
  const keepsSchedule = scheduledAlready && form.scheduleKind === 'at';
  const [issues, setIssues] = useState<string[]>([]);
  const { busy, error, setError, run } = useBusyAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const index = STEPS.indexOf(step);
  // The chosen draft (the message), checked at the message step; undefined until the drafts are loaded.
  const draft = useDrafts((s) => (s.loaded ? (s.drafts.find((d) => d.id === form.draftId) ?? null) : undefined));
  // Steps open up to the first one that still needs something (the time is checked on leaving).
  const firstOpen = STEPS.findIndex((s) => stepIssues(form, s, 0, draft).length > 0);
  const reachable = firstOpen === -1 ? STEPS.length - 1 : firstOpen;
  const wantsPreview = step === 'audience' || step === 'review';
  const preview = useAudiencePreview(
    wantsPreview ? { audience: audienceOf(form), exclusions: exclusionsOf(form), draftId: form.draftId } : null,
  );

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const change = (patch: Partial<CampaignForm>) => {
    updateEditor((e) => ({ ...e, form: { ...e.form, ...patch }, dirty: true }));
    setIssues([]);
  };
  const goTo = (target: Step) => {
    updateEditor((e) => ({ ...e, step: target }));
    setIssues([]);
    setError(null);
  };
  const next = (e: FormEvent) => {
    e.preventDefault();
    const found = stepIssues(form, step, Date.now(), draft);
    if (found.length > 0) {
      setIssues(found);
      return;
    }
    const following = STEPS[index + 1];
    if (following) goTo(following);
  };
  const leave = async () => {
    if (editor.dirty) {
      const ok = await confirm({
        title: t('campaigns.form.leave.title'),
        body: t('campaigns.form.leave.body'),
        confirmLabel: t('campaigns.form.leave.confirm'),
      });
      if (!ok) return;
    }
    if (id !== null) showCampaign(id);
    else showList();
  };

  /** Saves the form (creating the campaign the first time), then starts or schedules it if asked. */
  const save = async (start: boolean) => {
    const now = Date.now();
    const bad = firstIncompleteStep(form, now, draft);
    const input = toInput(form);
    if (bad || !input) {
      const at = bad ?? 'message';
      goTo(at);
      setIssues(stepIssues(form, at, now, draft));
      return;
    }
    // Made by this click: if it can't start, it goes again (no stray campaign the user never kept).
    const createdNow = id === null && start;
    let result: Campaign | null = null;
    // Shown already: the campaign ran (its recipients being prepared) before main answered.
    let shown = false;
    const ok = await run(async () => {
      const saved = await campaigns.save(id, input);
      // From here on the form edits this campaign, so trying again never makes a second one.
      updateEditor((e) => ({ ...e, id: saved.id, dirty: false }));
      if (!start) {
        result = saved;
        return;
      }
      try {
        const started = await startAndFollow(
          saved.id,
          'start',
          () => {
            shown = true;
            toast.success(t('campaigns.toast.started', { name: saved.name }));
            showCampaign(saved.id);
          },
        );
        result = started.campaign;
      } catch (e) {
        // The form is gone by then: a failure (the connection lost) is said in a toast instead.
        if (shown) toast.error(errorMessage(e));
        else {
          if (createdNow) {
            await campaigns.remove(saved.id).catch(() => undefined);
            updateEditor((ed) => ({ ...ed, id: null, dirty: true }));
          }
          throw e;
        }
      }
    });
    if (shown) return;
    const done = result as Campaign | null;
    if (!ok || !done) return;
    if (done.status === 'scheduled' && done.schedule.kind === 'at') {
      toast.success(t('campaigns.toast.scheduled', { name: done.name, when: formatInZone(done.schedule.at, done.timezone, localTimeZone()) }));
    } else if (start) toast.success(t('campaigns.toast.started', { name: done.name }));
    else toast.success(t('campaigns.toast.saved', { name: done.name }));
    showCampaign(done.id);
  };

  const schedule = scheduleOf(form);
  const startLabel = keepsSchedule
    ? t('campaigns.form.saveChanges')
    : schedule?.kind === 'at'
      ? t('campaigns.form.scheduleFor', { when: formatInZone(schedule.at, form.timezone, localTimeZone()) })
      : t('campaigns.form.startNow');
  // The name as typed (a rename shows at once), or the saved one while the field is blank.
  const shownName = form.name.trim() || existing?.name || '';
  const title = id === null ? t('campaigns.form.newTitle') : t('campaigns.form.editTitle', { name: shownName });

  return (
    <section className="page cmp-editor" aria-labelledby="campaign-editor-title" data-testid="campaign-editor">
      <div className="page-head">
        <button type="button" onClick={() => void leave()}>
          <span className="flip-rtl" aria-hidden="true">←</span> {t('campaigns.back')}
        </button>
        <h1 id="campaign-editor-title">{title}</h1>
      </div>
      <ol className="steps cmp-steps" aria-label={t('campaigns.form.steps')}>
        {STEPS.map((s, i) => (
          <li key={s} className={s === step ? 'current' : i < index ? 'done' : undefined}>
            <button type="button" onClick={() => goTo(s)} disabled={i > reachable && s !== step} aria-current={s === step ? 'step' : undefined}>
              {i + 1}. {t(CAMPAIGNS_STEP[s])}
            </button>
          </li>
        ))}
      </ol>
      <form className="panel cmp-step" onSubmit={next} noValidate aria-labelledby="campaign-step-title">
        <h2 id="campaign-step-title" ref={heading} tabIndex={-1}>
          {t(CAMPAIGNS_STEP_TITLE[step])}
        </h2>
        <p className="muted">{t(CAMPAIGNS_STEP_HELP[step])}</p>
        {step === 'message' && <MessageStep form={form} onChange={change} />}
        {step === 'audience' && <AudienceStep form={form} onChange={change} preview={preview} />}
        {step === 'sending' && <SendingStep form={form} onChange={change} />}
        {step === 'timing' && <TimingStep form={form} onChange={change} scheduledAlready={scheduledAlready} />}
        {step === 'review' && <ReviewStep form={form} preview={preview} goTo={goTo} />}
        {issues.length > 0 && (
          <ul className="banner error cmp-issues" role="alert" data-testid="campaign-issues">
            {issues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        )}
        <ErrorText error={error} banner />
        <div className="cmp-footer">
          {index > 0 && (
            <button type="button" onClick={() => goTo(STEPS[index - 1] ?? 'message')} disabled={busy}>
              {t('common.back')}
            </button>
          )}
          <span className="grow" />
          {step === 'review' ? (
            <>
              {!keepsSchedule && (
                <button type="button" onClick={() => void save(false)} disabled={busy} data-testid="campaign-save-draft">
                  {t('campaigns.form.saveDraft')}
                </button>
              )}
              <button
                type="button"
                className="primary"
                onClick={() => void save(!keepsSchedule)}
                disabled={busy || (preview.preview?.total === 0 && !preview.loading && !keepsSchedule)}
                data-testid="campaign-start"
              >
                {busy ? t('campaigns.form.working') : startLabel}
              </button>
            </>
          ) : (
            <button type="submit" className="primary" data-testid="campaign-next">
              {t('common.next')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
