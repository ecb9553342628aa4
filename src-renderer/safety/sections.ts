/** What a section of an account's safety settings dialog takes (see accounts/SafetySettingsDialog). */
import type { AccountSafety, SafetyPatch } from '#shared/safety';

export type SafetySectionProps = {
  /** The account's settings and figures when the dialog opened. */
  safety: AccountSafety;
  /** The section's part of the settings as now typed (`{}`: nothing to change), and why it cannot be saved (null: it can). */
  onChange: (patch: SafetyPatch, problem: string | null) => void;
};
