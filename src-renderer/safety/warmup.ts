/** Warm-up figures as the screens use them: the plans the review's estimate needs. */
import { useEffect, useMemo } from 'react';
import type { AccountSafety } from '#shared/safety';
import type { WarmupPlan } from '#shared/warmup';
import { followSafety, useSafety } from './store';

/** An account's warm-up plan from its figures (null when none applies today). */
export function warmupPlanFrom(safety: AccountSafety | undefined): WarmupPlan | null {
  const w = safety?.warmup;
  if (!w?.active || w.since === null || w.reason === null) return null;
  return { since: w.since, schedule: safety!.settings.warmup.schedule, reason: w.reason };
}

/** The warm-up plans of `accountIds`, in order (null: none), kept current while shown. */
export function useWarmupPlans(accountIds: readonly number[]): (WarmupPlan | null)[] {
  useEffect(() => followSafety(), []);
  const byAccount = useSafety((s) => s.byAccount);
  const key = accountIds.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the ids' contents, not the array's identity
  return useMemo(() => accountIds.map((id) => warmupPlanFrom(byAccount[id])), [byAccount, key]);
}
