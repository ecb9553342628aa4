/** English messages written by the main process about campaign reports. */
export const enReportsCore = {
  'reports.retryName': '{name} – failed ones again',
} as const;
