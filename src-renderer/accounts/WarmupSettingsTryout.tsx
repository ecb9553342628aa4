/**
 * TEMPORARY: a minimal dialog around WarmupSettings, to try it before the safety settings dialog
 * (another branch) mounts it. Delete it, and its button in WarmupLine, when merging.
 */
import { useState } from 'react';
import { t } from '#shared/i18n';
import type { AccountSafety, SafetySettings } from '#shared/safety';
import { saveSafety } from '#renderer/safety/store';
import { FormDialog } from '#renderer/ui/FormDialog';
import { WarmupSettings } from './WarmupSettings';

export function WarmupSettingsTryout({ safety, onClose }: { safety: AccountSafety; onClose: () => void }) {
  const [patch, setPatch] = useState<{ warmup: SafetySettings['warmup'] } | null>({ warmup: safety.settings.warmup });
  return (
    <FormDialog
      title={t('warmup.settings.title')}
      onClose={onClose}
      submitLabel={t('common.save')}
      submitDisabled={patch === null}
      testId="warmup-dialog"
      onSubmit={() => (patch ? saveSafety(safety.accountId, patch) : Promise.resolve())}
    >
      <WarmupSettings safety={safety} onChange={setPatch} />
    </FormDialog>
  );
}
