/**
 * Picks a contact detail to insert: name, first name, phone or a custom field, with an optional
 * word to show when a contact has no value ("there" in "Hi {{first_name|there}}").
 */
import { useId, useState } from 'react';
import { t } from '#shared/i18n';
import { variableToken } from './model';

const BUILT_IN = [
  { key: 'name', label: 'drafts.var.name' },
  { key: 'first_name', label: 'drafts.var.firstName' },
  { key: 'phone', label: 'drafts.var.phone' },
] as const;

const RESERVED = new Set<string>(BUILT_IN.map((b) => b.key));

export function VariableMenu({ fieldKeys, onPick }: { fieldKeys: readonly string[]; onPick: (token: string) => void }) {
  const [fallback, setFallback] = useState('');
  const fallbackId = useId();
  const custom = fieldKeys.filter((k) => !RESERVED.has(k.trim().toLowerCase()));
  const pick = (key: string) => onPick(variableToken(key, fallback));
  return (
    <div className="drafts-varmenu" data-testid="variable-menu">
      <label className="drafts-varmenu-fallback" htmlFor={fallbackId}>
        <span>{t('drafts.var.fallbackLabel')}</span>
        <input
          id={fallbackId}
          dir="auto"
          value={fallback}
          maxLength={100}
          placeholder={t('drafts.var.fallbackPlaceholder')}
          onChange={(e) => setFallback(e.target.value)}
          data-testid="variable-fallback"
        />
      </label>
      <p className="drafts-varmenu-head">{t('drafts.var.basic')}</p>
      <div className="drafts-varmenu-items">
        {BUILT_IN.map((b) => (
          <button key={b.key} type="button" onClick={() => pick(b.key)}>
            {t(b.label)}
          </button>
        ))}
      </div>
      <p className="drafts-varmenu-head">{t('drafts.var.custom')}</p>
      {custom.length === 0 ? (
        <p className="muted small">{t('drafts.var.noCustom')}</p>
      ) : (
        <div className="drafts-varmenu-items">
          {custom.map((key) => (
            <button key={key} type="button" dir="auto" onClick={() => pick(key)}>
              {key}
            </button>
          ))}
        </div>
      )}
      <p className="muted small drafts-varmenu-hint">{t('drafts.var.hint')}</p>
    </div>
  );
}
