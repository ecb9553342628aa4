/**
 * The campaign form as the user edits it, and the pure steps between it and the contract: a new
 * form, a form from a saved campaign, and the input `campaigns.create` / `update` take.
 */
import type { Account } from '#shared/accounts';
import type { Audience, Campaign, Draft, Exclusions, Schedule } from '#shared/campaigns';
import type { MethodParsedInput } from '#shared/contract';
import { wallInstant } from '#shared/calendar';
import { wallDate, wallTime } from '#shared/dates';
import type { ContactQuery } from '#shared/filters';
import { messageProblems } from '#shared/draft-check';
import { t } from '#shared/i18n';
import { isValidTimeZone, PACE_PRESETS, paceFromPreset, paceIssues, zonedParts, type Pace, type Weekday } from '#shared/pace';

export const STEPS = ['message', 'audience', 'sending', 'timing', 'review'] as const;
export type Step = (typeof STEPS)[number];

export type CampaignForm = {
  name: string;
  draftId: number | null;
  groupIds: number[];
  listIds: number[];
  /** Contacts picked on the Contacts page (not edited here: kept, or removed as a whole). */
  contactIds: number[];
  /** Everyone a Contacts page search/filter matches ("select all matching"), or null. */
  query: ContactQuery | null;
  pasted: string;
  includeGraylist: boolean;
  skipNotOnWhatsApp: boolean;
  skipRecent: boolean;
  /** Kept while "skip recently messaged" is off, so turning it back on restores it. */
  recentHours: number;
  /** People who have answered us before go first (they use none of the monthly budget). */
  warmFirst?: boolean;
  accountIds: number[];
  pace: Pace;
  timezone: string;
  scheduleKind: Schedule['kind'];
  /** The wall date and time in `timezone` when scheduleKind is 'at' (YYYY-MM-DD, HH:MM). */
  date: string;
  time: string;
};

/** What create (and, with an id, update) takes: the contract's own input. */
export type CampaignInput = MethodParsedInput<'campaigns.create'>;

export function localTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return isValidTimeZone(zone) ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}

let zonesCache: string[] | null = null;
/** Every IANA time zone this engine knows (for the time-zone picker). */
export function allTimeZones(): string[] {
  if (!zonesCache) {
    try {
      zonesCache = Intl.supportedValuesOf('timeZone');
    } catch {
      zonesCache = [];
    }
    if (!zonesCache.includes('UTC')) zonesCache = [...zonesCache, 'UTC'];
  }
  return zonesCache;
}

/** The wall date and time at `ms` in `timeZone`, as the date and time inputs want them. */
export function wallDateTime(ms: number, timeZone: string): { date: string; time: string } {
  const p = zonedParts(ms, isValidTimeZone(timeZone) ? timeZone : 'UTC');
  return { date: wallDate(p.year, p.month, p.day), time: wallTime(p.hour, p.minute) };
}

/** Tomorrow at 09:00 in `timeZone`: a sensible first guess for "At". */
function tomorrowMorning(now: number, timeZone: string): { date: string; time: string } {
  return { date: wallDateTime(now + 24 * 3600_000, timeZone).date, time: '09:00' };
}

/** Who a new campaign starts with: the selection made on the Contacts page. */
export type AudiencePreset = { contactIds: number[] } | { query: ContactQuery };

/** Where the operator works (the settings): a new campaign sends in their time zone, on their working days. */
export type Place = { timezone: string; workingDays: Weekday[] };

export function newForm(options: { accounts: Account[]; drafts: Draft[]; now: number; audience?: AudiencePreset; place?: Place }): CampaignForm {
  const { place } = options;
  const timezone = place && isValidTimeZone(place.timezone) ? place.timezone : localTimeZone();
  const hours = PACE_PRESETS.normal.workingHours;
  const ready = options.accounts.filter((a) => a.state === 'ready').map((a) => a.id);
  const only = options.accounts.length === 1 ? [options.accounts[0]?.id ?? 0] : [];
  const draft = options.drafts.length === 1 ? options.drafts[0] : undefined;
  return {
    name: draft ? draft.name : '',
    draftId: draft ? draft.id : null,
    groupIds: [],
    listIds: [],
    contactIds: options.audience && 'contactIds' in options.audience ? [...options.audience.contactIds] : [],
    query: options.audience && 'query' in options.audience ? options.audience.query : null,
    pasted: '',
    includeGraylist: false,
    skipNotOnWhatsApp: true,
    skipRecent: true,
    recentHours: 24,
    accountIds: ready.length > 0 ? ready : only,
    pace: paceFromPreset('normal', place && place.workingDays.length > 0 ? { ...hours, days: [...place.workingDays] } : undefined),
    timezone,
    scheduleKind: 'now',
    ...tomorrowMorning(options.now, timezone),
  };
}

export function formFromCampaign(c: Campaign, now: number): CampaignForm {
  const at = c.schedule.kind === 'at' ? wallDateTime(Date.parse(c.schedule.at), c.timezone) : tomorrowMorning(now, c.timezone);
  return {
    name: c.name,
    draftId: c.draftId,
    groupIds: [...c.audience.groupIds],
    listIds: [...c.audience.listIds],
    contactIds: [...c.audience.contactIds],
    query: c.audience.query,
    pasted: c.audience.pasted,
    ...(c.audience.order === 'warmFirst' ? { warmFirst: true } : {}),
    includeGraylist: c.exclusions.includeGraylist,
    skipNotOnWhatsApp: c.exclusions.skipNotOnWhatsApp,
    skipRecent: c.exclusions.recentlyMessagedHours !== null,
    recentHours: c.exclusions.recentlyMessagedHours ?? 24,
    accountIds: [...c.accountIds],
    pace: { ...c.pace, workingHours: { ...c.pace.workingHours, days: [...c.pace.workingHours.days] } },
    timezone: c.timezone,
    scheduleKind: c.schedule.kind,
    ...at,
  };
}

export function audienceOf(form: CampaignForm): Audience {
  return {
    groupIds: form.groupIds,
    listIds: form.listIds,
    contactIds: form.contactIds,
    query: form.query,
    pasted: form.pasted,
    ...(form.warmFirst ? { order: 'warmFirst' as const } : {}),
  };
}

export function exclusionsOf(form: CampaignForm): Exclusions {
  return {
    includeGraylist: form.includeGraylist,
    skipNotOnWhatsApp: form.skipNotOnWhatsApp,
    recentlyMessagedHours: form.skipRecent ? form.recentHours : null,
  };
}

export function hasAudience(form: CampaignForm): boolean {
  return (
    form.groupIds.length > 0 ||
    form.listIds.length > 0 ||
    form.contactIds.length > 0 ||
    form.query !== null ||
    form.pasted.trim() !== ''
  );
}

/** The instant (ms) the chosen date and time mean in the chosen zone, or null when incomplete. */
export function scheduledMs(form: Pick<CampaignForm, 'date' | 'time' | 'timezone'>): number | null {
  return wallInstant(form.date, form.time, form.timezone);
}

export function scheduleOf(form: CampaignForm): Schedule | null {
  if (form.scheduleKind === 'now') return { kind: 'now' };
  const ms = scheduledMs(form);
  return ms === null ? null : { kind: 'at', at: new Date(ms).toISOString() };
}

/** The pace's problems apart from its working hours. */
export function rhythmIssues(pace: Pace): string[] {
  return paceIssues({ ...pace, workingHours: { enabled: false, days: [1], start: '09:00', end: '20:00' } });
}

/** The pace's problems with its working hours alone. */
export function workingHoursIssues(pace: Pace): string[] {
  const other = new Set(rhythmIssues(pace));
  return paceIssues(pace).filter((issue) => !other.has(issue));
}

/** The chosen draft as the form knows it: undefined while the drafts are not loaded. */
export type ChosenDraft = Pick<Draft, 'name' | 'parts'> | null | undefined;

/**
 * What a step still needs, in plain words ([] when it can be left). The message step checks the
 * chosen draft itself (empty, or a text that can't be read) with the words the queue would use.
 */
export function stepIssues(form: CampaignForm, step: Step, now: number, draft?: ChosenDraft): string[] {
  const issues: string[] = [];
  switch (step) {
    case 'message':
      if (form.name.trim() === '') issues.push(t('campaigns.issue.name'));
      if (form.draftId === null) issues.push(t('campaigns.issue.draft'));
      else if (draft) issues.push(...messageProblems(draft));
      break;
    case 'audience':
      if (!hasAudience(form)) issues.push(t('campaigns.issue.audience'));
      if (form.skipRecent && !(Number.isInteger(form.recentHours) && form.recentHours >= 1 && form.recentHours <= 24 * 365)) {
        issues.push(t('campaigns.issue.recentHours'));
      }
      break;
    case 'sending':
      if (form.accountIds.length === 0) issues.push(t('campaigns.issue.accounts'));
      issues.push(...rhythmIssues(form.pace));
      break;
    case 'timing': {
      issues.push(...workingHoursIssues(form.pace));
      if (!isValidTimeZone(form.timezone)) issues.push(t('campaigns.issue.timezone'));
      else if (form.scheduleKind === 'at') {
        const ms = scheduledMs(form);
        if (ms === null) issues.push(t('campaigns.issue.when'));
        else if (ms < now) issues.push(t('campaigns.issue.past'));
      }
      break;
    }
    case 'review':
      break;
  }
  return issues;
}

/** The first step that still needs something, or null when the form is complete. */
export function firstIncompleteStep(form: CampaignForm, now: number, draft?: ChosenDraft): Step | null {
  return STEPS.find((s) => stepIssues(form, s, now, draft).length > 0) ?? null;
}

/** The contract input, when the form is complete enough to save (null otherwise). */
export function toInput(form: CampaignForm): CampaignInput | null {
  const schedule = scheduleOf(form);
  if (form.draftId === null || schedule === null) return null;
  return {
    name: form.name,
    draftId: form.draftId,
    audience: audienceOf(form),
    exclusions: exclusionsOf(form),
    accountIds: form.accountIds,
    pace: form.pace,
    timezone: form.timezone,
    schedule,
  };
}
