/**
 * The sheets of a workbook, on the column matching step: the mapped sheet, the others with the
 * same columns (tick to import them together) and those that differ (map one instead, on its own).
 */
import type { ImportSheet } from '#shared/domain';
import { t } from '#shared/i18n';

export function SheetPicker(props: {
  sheets: ImportSheet[];
  picked: readonly string[];
  busy: boolean;
  onPick: (picked: string[]) => void;
  onMapInstead: (sheet: string) => void;
}) {
  const { sheets, picked } = props;
  const mapped = sheets.find((s) => s.mapped)?.name ?? '';
  const toggle = (name: string, on: boolean) => props.onPick(on ? [...picked, name] : picked.filter((n) => n !== name));
  return (
    <fieldset className="sheet-picker" data-testid="import-sheets" style={{ border: '1px solid var(--line)', borderRadius: 6, padding: '8px 12px', marginBlockEnd: 12 }}>
      <legend style={{ fontWeight: 600, padding: '0 4px' }}>{t('import.sheets.title')}</legend>
      <p className="muted small" style={{ marginBlock: '0 6px' }}>
        {t('import.sheets.help')}
      </p>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {sheets.map((sheet) => {
          const canAdd = !sheet.mapped && sheet.sameHeaders && sheet.problem === null;
          const note = sheet.mapped
            ? t('import.sheets.mapped')
            : sheet.problem ?? (sheet.sameHeaders ? null : t('import.sheets.differ', { sheet: mapped }));
          return (
            <li key={sheet.name} className="row" style={{ gap: 10, minBlockSize: 32 }} data-testid="import-sheet" data-sheet={sheet.name}>
              <label className="check" style={{ margin: 0 }}>
                <input
                  type="checkbox"
                  checked={sheet.mapped || picked.includes(sheet.name)}
                  disabled={!canAdd || props.busy}
                  onChange={(e) => toggle(sheet.name, e.target.checked)}
                  data-testid={`import-sheet-check-${sheet.name}`}
                />
                <b>{sheet.name}</b>
                <span className="muted">· {t('import.sheets.rows', { count: sheet.rows })}</span>
              </label>
              {note !== null && <span className={sheet.mapped ? 'muted small' : 'small'}>{note}</span>}
              {!sheet.mapped && !sheet.sameHeaders && sheet.problem === null && (
                <button type="button" className="link" disabled={props.busy} onClick={() => props.onMapInstead(sheet.name)} data-testid={`import-sheet-map-${sheet.name}`}>
                  {t('import.sheets.mapThis')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
