/** Step 2: say what each column of the file holds; exactly one column must be the phone number. */
import type { ColumnMapping, ColumnRole, ImportPreview } from '#shared/domain';
import { t } from '#shared/i18n';
import { hasPhoneColumn, ROLES, roleLabel, SAMPLE_ROWS_SHOWN, warningText, withRole } from './model';
import { SheetPicker } from './SheetPicker';

function roleClass(role: ColumnRole): string | undefined {
  if (role === 'phone') return 'role-phone';
  if (role === 'ignore') return 'role-ignore';
  return undefined;
}

function isRole(value: string): value is ColumnRole {
  return (ROLES as readonly string[]).includes(value);
}

export function Step2Mapping(props: {
  preview: ImportPreview;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  /** Other sheets ticked to import with the mapped one. */
  extraSheets: readonly string[];
  onSheets: (picked: string[]) => void;
  /** Re-reads the workbook with another sheet mapped (null while not switching). */
  onMapSheet: (sheet: string) => void;
  switching: boolean;
  onBack: () => void;
  onNext: () => void;
}) {
  const { preview, mapping, onChange } = props;
  const samples = preview.sampleRows.slice(0, SAMPLE_ROWS_SHOWN);
  const phoneChosen = hasPhoneColumn(mapping);
  return (
    <div className="panel">
      <h2>{t('import.step.map')}</h2>
      {preview.warnings.map((warning, i) => (
        <p key={i} className="banner warn" role="note">
          {warningText(warning)}
        </p>
      ))}
      {preview.sheets.length > 1 && (
        <SheetPicker
          sheets={preview.sheets}
          picked={props.extraSheets}
          busy={props.switching}
          onPick={props.onSheets}
          onMapInstead={props.onMapSheet}
        />
      )}
      <p>{t('import.mapHelp')}</p>
      <p className="muted">{t('import.preview', { sheet: preview.sheetName || preview.fileName, count: preview.totalRows })}</p>
      <div className="mapping" role="region" aria-label={t('import.columnsLabel')} tabIndex={0}>
        <table data-testid="import-mapping">
          <thead>
            <tr>
              {mapping.map((column) => (
                <th key={column.index} className={roleClass(column.role)} scope="col">
                  <label style={{ display: 'flex', flexDirection: 'column' }}>
                    <span title={column.header} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      {column.header}
                    </span>
                    <select
                      value={column.role}
                      onChange={(e) => {
                        const role = e.target.value;
                        if (isRole(role)) onChange(withRole(mapping, column.index, role));
                      }}
                      data-testid={`import-role-${String(column.index)}`}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {roleLabel(role)}
                        </option>
                      ))}
                    </select>
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {samples.map((row, r) => (
              <tr key={r}>
                {mapping.map((column) => {
                  const cell = row[column.index] ?? '';
                  return (
                    <td key={column.index} className={roleClass(column.role)} title={cell}>
                      {cell}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!phoneChosen && (
        <p className="error-text" role="alert" style={{ marginBlockStart: 10 }}>
          {t('import.noPhone')}
        </p>
      )}
      <div className="row" style={{ marginBlockStart: 12 }}>
        <button type="button" onClick={props.onBack}>
          {t('common.back')}
        </button>
        <span className="grow" />
        <button type="button" className="primary" onClick={props.onNext} disabled={!phoneChosen || props.switching} data-testid="import-next">
          {t('common.next')}
        </button>
      </div>
    </div>
  );
}
