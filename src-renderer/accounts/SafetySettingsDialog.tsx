/**
 * An account's safety settings, one section per concern (the monthly budget, the warm-up, the
 * breakers). Each section keeps its own form state and reports a patch of the settings (and why
 * it cannot be saved, if so); Save sends the sections' patches together.
 *
 * A new section is one line in SECTIONS: a component taking SafetySectionProps.
 */
import { useState, type ComponentType } from 'react';
import { t } from '#shared/i18n';
import type { AccountSafety, SafetyPatch } from '#shared/safety';
import { FormDialog } from '#renderer/ui/FormDialog';
import { BudgetSettings } from '#renderer/safety/BudgetSettings';
import type { SafetySectionProps } from '#renderer/safety/sections';
import { saveSafety } from '#renderer/safety/store';
import { BreakerSettings } from './BreakerSettings';
import { WarmupSettings } from './WarmupSettings';

/** The warm-up section speaks its own shape (null: the typed schedule is not valid). */
function WarmupSection({ safety, onChange }: SafetySectionProps) {
  return <WarmupSettings safety={safety} onChange={(patch) => onChange(patch ?? {}, patch === null ? t('warmup.settings.invalid') : null)} />;
}

function BreakerSection({ safety, onChange }: SafetySectionProps) {
  return <BreakerSettings safety={safety} onChange={(patch) => onChange(patch ?? {}, patch === null ? t('breaker.settings.invalid') : null)} />;
}

const SECTIONS: readonly { key: string; Section: ComponentType<SafetySectionProps> }[] = [
  { key: 'budget', Section: BudgetSettings },
  { key: 'warmup', Section: WarmupSection },
  { key: 'breaker', Section: BreakerSection },
];

export function SafetySettingsDialog({ safety, label, onClose }: { safety: AccountSafety; label: string; onClose: () => void }) {
  const [patches, setPatches] = useState<Record<string, { patch: SafetyPatch; problem: string | null }>>({});
  const problem = () => Object.values(patches).find((p) => p.problem !== null)?.problem ?? null;
  const save = () => {
    const patch: SafetyPatch = Object.assign({}, ...Object.values(patches).map((p) => p.patch)) as SafetyPatch;
    return saveSafety(safety.accountId, patch);
  };
  return (
    <FormDialog
      title={t('safety.title', { label })}
      onClose={onClose}
      onSubmit={save}
      validate={problem}
      submitLabel={t('common.save')}
      submitTestId="safety-save"
      testId="safety-dialog"
    >
      {SECTIONS.map(({ key, Section }) => (
        <Section key={key} safety={safety} onChange={(patch, why) => setPatches((all) => ({ ...all, [key]: { patch, problem: why } }))} />
      ))}
    </FormDialog>
  );
}
