/** The contacts table's "Columns" menu: a checkbox per optional column, remembered in this browser. */
import { t, type MessageKey } from '#shared/i18n';
import { Popover } from '#renderer/drafts/Popover';
import { BUILTIN_COLUMNS, fieldColumnId, useContactColumns, type BuiltinColumn, type VisibleColumns } from './columns';

const BUILTIN_LABEL: Record<BuiltinColumn, MessageKey> = {
  tags: 'contacts.col.tags',
  whatsapp: 'contacts.col.whatsapp',
  status: 'contacts.col.status',
  createdAt: 'contacts.col.createdAt',
};

export function ColumnsMenu(props: { visible: VisibleColumns; fieldKeys: readonly string[]; filledFieldKeys: readonly string[] }) {
  const setShown = useContactColumns((s) => s.set);
  const reset = useContactColumns((s) => s.reset);
  const filled = new Set(props.filledFieldKeys);
  const shownFields = new Set(props.visible.fields);
  return (
    <Popover label={t('contacts.columns.title')} button={t('contacts.columns.button')} className="columns-button" testId="contacts-columns">
      {() => (
        <div className="columns-menu" data-testid="columns-menu">
          <fieldset>
            <legend>{t('contacts.columns.title')}</legend>
            {BUILTIN_COLUMNS.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" checked={props.visible.builtins.has(c)} onChange={(e) => setShown(c, e.target.checked)} />
                {t(BUILTIN_LABEL[c])}
              </label>
            ))}
          </fieldset>
          {props.fieldKeys.length > 0 && (
            <fieldset>
              <legend>{t('contacts.columns.fields')}</legend>
              {props.fieldKeys.map((key) => (
                <label key={key} className="check">
                  <input type="checkbox" checked={shownFields.has(key)} onChange={(e) => setShown(fieldColumnId(key), e.target.checked)} />
                  <span dir="auto">{key}</span>
                  {!filled.has(key) && <span className="muted small">({t('contacts.columns.emptyField')})</span>}
                </label>
              ))}
            </fieldset>
          )}
          <button type="button" className="link" onClick={reset} data-testid="columns-reset">
            {t('contacts.columns.reset')}
          </button>
        </div>
      )}
    </Popover>
  );
}
