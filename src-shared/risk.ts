/**
 * The risk review before a campaign starts: a plain rating (low / medium / high) made of every factor
 * we look at, each with its own level, what we saw and what to change. Nothing is hidden behind a
 * score: the rating is the worst factor's level. Pure, so the review step and tests share it.
 */
import type { DraftPart } from './campaigns';
import { templatedTexts } from './campaigns';
import { averageGapMs } from './estimate';
import { t } from './i18n';
import { PACE_PRESETS, type Pace } from './pace';
import { parseTemplate, type TemplateNode } from './template';

export type RiskLevel = 'low' | 'medium' | 'high';
export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];

export type RiskFactor = {
  /** Stable code (tests, styling): pace, cap, account, audience, unchecked, budget, sameText, links. */
  code: string;
  level: RiskLevel;
  /** What we saw, in plain words. */
  text: string;
  /** What to change to lower it (null when there is nothing to change). */
  fix: string | null;
};

export type RiskReview = { level: RiskLevel; factors: RiskFactor[] };

export type RiskAccount = {
  label: string;
  /** Days since it was first ready in Pigeon (null: never linked yet). */
  ageDays: number | null;
  /** A warm-up schedule holds its daily sends back today. */
  warmingUp: boolean;
  /** People it may still message this month who have not answered (null: not known). */
  budgetLeft: number | null;
};

export type RiskInput = {
  pace: Pace;
  parts: readonly DraftPart[];
  /** The audience as the preview counted it (null while it is being counted). */
  audience: { total: number; neverMessaged: number; notChecked: number; answered: number } | null;
  accounts: readonly RiskAccount[];
};

/** An account younger than this many days needs a warm-up. */
export const YOUNG_ACCOUNT_DAYS = 30;
const NEW_ACCOUNT_DAYS = 7;
/** Below this many recipients neither strangers nor the same words to everyone make a pattern WhatsApp looks for. */
const SMALL_AUDIENCE = 20;

const worst = (a: RiskLevel, b: RiskLevel): RiskLevel => (RISK_LEVELS.indexOf(a) >= RISK_LEVELS.indexOf(b) ? a : b);
const pct = (part: number, whole: number) => (whole <= 0 ? 0 : Math.round((part / whole) * 100));

function paceFactor(pace: Pace): RiskFactor {
  const fast = PACE_PRESETS.fast;
  const faster = pace.preset !== 'fast' && (pace.minDelayMs < fast.minDelayMs || averageGapMs(pace) < averageGapMs(fast));
  if (faster) return { code: 'pace', level: 'high', text: t('risk.pace.faster'), fix: t('risk.pace.fasterFix') };
  const quick = pace.preset === 'fast' || averageGapMs(pace) < averageGapMs(PACE_PRESETS.normal);
  if (quick) return { code: 'pace', level: 'medium', text: t('risk.pace.fast'), fix: t('risk.pace.fastFix') };
  return { code: 'pace', level: 'low', text: t('risk.pace.ok'), fix: null };
}

function capFactor(pace: Pace): RiskFactor {
  const cap = Math.floor(pace.dailyCapPerAccount);
  if (cap <= 0) return { code: 'cap', level: 'high', text: t('risk.cap.none'), fix: t('risk.cap.noneFix') };
  if (cap > PACE_PRESETS.normal.dailyCapPerAccount) return { code: 'cap', level: 'medium', text: t('risk.cap.high', { cap }), fix: t('risk.cap.highFix') };
  return { code: 'cap', level: 'low', text: t('risk.cap.ok', { cap }), fix: null };
}

function accountFactors(accounts: readonly RiskAccount[]): RiskFactor[] {
  return accounts.map((a) => {
    if (a.ageDays === null) return { code: 'account', level: 'medium', text: t('risk.account.unlinked', { label: a.label }), fix: t('risk.account.unlinkedFix') };
    if (a.ageDays < YOUNG_ACCOUNT_DAYS && !a.warmingUp) {
      return {
        code: 'account',
        level: a.ageDays < NEW_ACCOUNT_DAYS ? 'high' : 'medium',
        text: t('risk.account.young', { label: a.label, days: a.ageDays }),
        fix: t('risk.account.youngFix'),
      };
    }
    if (a.warmingUp) return { code: 'account', level: 'low', text: t('risk.account.warming', { label: a.label, days: a.ageDays }), fix: null };
    return { code: 'account', level: 'low', text: t('risk.account.ok', { label: a.label, days: a.ageDays }), fix: null };
  });
}

function audienceFactors(input: RiskInput): RiskFactor[] {
  const a = input.audience;
  if (!a || a.total === 0) return [];
  const factors: RiskFactor[] = [];
  const cold = pct(a.neverMessaged, a.total);
  factors.push(
    cold > 50 && a.total >= SMALL_AUDIENCE
      ? { code: 'audience', level: 'medium', text: t('risk.audience.cold', { percent: cold, count: a.neverMessaged }), fix: t('risk.audience.coldFix') }
      : { code: 'audience', level: 'low', text: t('risk.audience.ok', { percent: cold }), fix: null },
  );
  const unknown = pct(a.notChecked, a.total);
  if (unknown > 25 && !input.pace.checkNumberFirst) {
    factors.push({ code: 'unchecked', level: 'medium', text: t('risk.unchecked.many', { percent: unknown, count: a.notChecked }), fix: t('risk.unchecked.fix') });
  } else {
    factors.push({
      code: 'unchecked',
      level: 'low',
      text: input.pace.checkNumberFirst ? t('risk.unchecked.checkedFirst') : t('risk.unchecked.ok', { percent: unknown }),
      fix: null,
    });
  }
  // Everyone who has not answered us before may count against the month's budget.
  const known = input.accounts.filter((x) => x.budgetLeft !== null);
  if (known.length > 0) {
    const left = known.reduce((sum, x) => sum + (x.budgetLeft ?? 0), 0);
    const use = Math.max(0, a.total - a.answered);
    if (use > left) factors.push({ code: 'budget', level: 'high', text: t('risk.budget.over', { use, left }), fix: t('risk.budget.overFix') });
    else if (use > left / 2) factors.push({ code: 'budget', level: 'medium', text: t('risk.budget.half', { use, left }), fix: t('risk.budget.halfFix') });
    else factors.push({ code: 'budget', level: 'low', text: t('risk.budget.ok', { use, left }), fix: null });
  }
  return factors;
}

/** True when a template node list varies by recipient: a variable or a choice of words. */
function varies(nodes: readonly TemplateNode[]): boolean {
  return nodes.some((n) => n.kind === 'variable' || n.kind === 'spin');
}

const LINK = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|io|co|me|ly|link|shop|store|info|biz)(?:\/\S*)?\b/i;

function messageFactors(input: RiskInput): RiskFactor[] {
  const texts = input.parts.flatMap((p) => templatedTexts(p)).filter((text) => text.trim() !== '');
  const factors: RiskFactor[] = [];
  const total = input.audience?.total ?? 0;
  const personal = texts.some((text) => {
    const parsed = parseTemplate(text);
    return parsed.ok && varies(parsed.nodes);
  });
  if (!personal && texts.length > 0 && total >= SMALL_AUDIENCE) {
    factors.push({ code: 'sameText', level: 'medium', text: t('risk.sameText.same', { count: total }), fix: t('risk.sameText.fix') });
  } else if (texts.length > 0) {
    factors.push({ code: 'sameText', level: 'low', text: personal ? t('risk.sameText.personal') : t('risk.sameText.few'), fix: null });
  }
  const link = texts.map((text) => LINK.exec(text)?.[0]).find((m) => m !== undefined);
  factors.push(
    link
      ? { code: 'links', level: 'medium', text: t('risk.links.found', { link: link.slice(0, 60) }), fix: t('risk.links.fix') }
      : { code: 'links', level: 'low', text: t('risk.links.none'), fix: null },
  );
  return factors;
}

export function rateRisk(input: RiskInput): RiskReview {
  const factors = [paceFactor(input.pace), capFactor(input.pace), ...accountFactors(input.accounts), ...audienceFactors(input), ...messageFactors(input)];
  const level = factors.reduce<RiskLevel>((acc, f) => worst(acc, f.level), 'low');
  // The worst first, so the reasons lead.
  factors.sort((a, b) => RISK_LEVELS.indexOf(b.level) - RISK_LEVELS.indexOf(a.level));
  return { level, factors };
}
