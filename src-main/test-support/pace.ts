import { paceFromPreset, type Pace } from '#shared/pace';

/**
 * A custom pace for tests and the bench: no batch pauses, no daily cap, no typing, no number
 * check and working hours off, with `over` on top (usually the delays).
 */
export function customPace(over: Partial<Pace> = {}): Pace {
  return {
    ...paceFromPreset('fast'),
    preset: 'custom',
    pauseEvery: 0,
    dailyCapPerAccount: 0,
    typing: false,
    checkNumberFirst: false,
    workingHours: { enabled: false, days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '00:00' },
    ...over,
  };
}
