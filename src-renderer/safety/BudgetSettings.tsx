/**
 * The safety settings' section for the monthly budget of people who do not answer: a number and
 * the plain explanation (WhatsApp does not publish its limit). Keeps its own form state and hands
 * the dialog a patch, or the reason it cannot be saved.
 */
import { useId, useState } from 'react';
import { readNumber } from '#shared/digits';
import { t } from '#shared/i18n';
import { NumberInput, numberText } from '#renderer/ui/NumberInput';
import { SafetySettingsSchema } from '#shared/safety';
import type { SafetySectionProps } from './sections';
import './safety-budget.css';

export function BudgetSettings({ safety, onChange }: SafetySectionProps) {
  const id = useId();
  const [text, setText] = useState(numberText(safety.settings.monthlyBudget));
  const valid = (raw: string): number | null => {
    const value = readNumber(raw);
    return value !== null && SafetySettingsSchema.shape.monthlyBudget.safeParse(value).success ? value : null;
  };
  const change = (raw: string) => {
    setText(raw);
    const value = valid(raw);
    onChange(value !== null ? { monthlyBudget: value } : {}, value !== null ? null : t('budget.settings.invalid'));
  };
  const invalid = valid(text) === null;
  return (
    <fieldset className="safety-section" data-testid="safety-budget">
      <legend>{t('budget.settings.title')}</legend>
      <p className="small" id={`${id}-explain`}>
        {t('budget.settings.explain')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-budget`}>{t('budget.settings.label')}</label>
        <NumberInput
          id={`${id}-budget`}
          integer
          min={0}
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-explain`}
          onChange={change}
          data-testid="safety-budget-input"
        />
      </div>
      <p className="muted small">{t('budget.settings.now', { used: safety.budget.month, rolling: safety.budget.rolling30 })}</p>
    </fieldset>
  );
}
