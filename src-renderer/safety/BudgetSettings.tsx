/**
 * The safety settings' section for the monthly budget of people who do not answer: a number and
 * the plain explanation (WhatsApp does not publish its limit). Keeps its own form state and hands
 * the dialog a patch, or the reason it cannot be saved.
 */
import { useId, useState } from 'react';
import { t } from '#shared/i18n';
import { SafetySettingsSchema } from '#shared/safety';
import type { SafetySectionProps } from './sections';
import './safety-budget.css';

export function BudgetSettings({ safety, onChange }: SafetySectionProps) {
  const id = useId();
  const [text, setText] = useState(String(safety.settings.monthlyBudget));
  const change = (raw: string) => {
    setText(raw);
    const value = Number(raw.trim());
    const ok = raw.trim() !== '' && SafetySettingsSchema.shape.monthlyBudget.safeParse(value).success;
    onChange(ok ? { monthlyBudget: value } : {}, ok ? null : t('budget.settings.invalid'));
  };
  const invalid = !SafetySettingsSchema.shape.monthlyBudget.safeParse(Number(text.trim())).success || text.trim() === '';
  return (
    <fieldset className="safety-section" data-testid="safety-budget">
      <legend>{t('budget.settings.title')}</legend>
      <p className="small" id={`${id}-explain`}>
        {t('budget.settings.explain')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-budget`}>{t('budget.settings.label')}</label>
        <input
          id={`${id}-budget`}
          type="number"
          inputMode="numeric"
          step={1}
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-explain`}
          onChange={(e) => change(e.target.value)}
          data-testid="safety-budget-input"
        />
      </div>
      <p className="muted small">{t('budget.settings.now', { used: safety.budget.month, rolling: safety.budget.rolling30 })}</p>
    </fieldset>
  );
}
