/**
 * Settings → Backups: take one now, the backups kept (newest first, with what each holds), how many
 * to keep, where, and whether WhatsApp sessions go in them (with the warning that they are as good
 * as a password).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN, type BackupInfo, type RestoreStep } from '#shared/backups';
import { readInteger } from '#shared/digits';
import { getLocale, t } from '#shared/i18n';
import { formatSize } from '#renderer/drafts/model';
import { Dialog } from '#renderer/ui/Dialog';
import { ErrorText } from '#renderer/ui/ErrorText';
import { NumberInput, numberText } from '#renderer/ui/NumberInput';
import { ProgressBar } from '#renderer/ui/ProgressBar';
import { formatFull, formatWhen } from '#renderer/ui/format';
import { useBusyAction } from '#renderer/ui/useBusyAction';
import { toast } from '#renderer/ui/toasts';
import { backups, followBackups, useBackups } from './backups-store';
import './settings.css';
import { BACKUP_REASON, BACKUP_RESTORE_STEP } from '#shared/i18n/keys';

export function BackupsSection() {
  const state = useBackups((s) => s.state);
  const take = useBusyAction();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  useEffect(() => followBackups(), []);
  const running = take.busy || state?.running != null;
  const locale = getLocale();

  return (
    <section className="panel" aria-labelledby="backups-title" data-testid="settings-backups">
      <h2 id="backups-title">{t('backup.title')}</h2>
      <p className="muted small">{t('backup.intro')}</p>
      <div className="row">
        <button type="button" className="primary" disabled={!state || running} onClick={() => void take.run(async () => void (await backups.create()))} data-testid="backup-now">
          {running ? t('backup.running') : t('backup.now')}
        </button>
      </div>
      <ErrorText error={take.error} />
      {state?.lastError && !take.error && <p className="error-text small" role="alert" data-testid="backup-last-error">{t('backup.lastError', { message: state.lastError })}</p>}
      {state?.lastRestore && (
        <div className="backup-restored small" role="status" data-testid="backup-restored">
          <strong>{t('backup.restore.done', { date: formatFull(state.lastRestore.backupCreatedAt) })}</strong>{' '}
          {Object.values(state.lastRestore.carried).some((n) => n > 0)
            ? t('backup.restore.carried', { ...state.lastRestore.carried })
            : t('backup.restore.nothingCarried')}
        </div>
      )}
      {state && state.backups.length === 0 && <p className="muted" data-testid="backup-none">{t('backup.none')}</p>}
      {state && state.backups.length > 0 && (
        <div className="backup-table-wrap">
          <table className="backup-table" data-testid="backup-list">
            <thead>
              <tr>
                <th scope="col">{t('backup.col.when')}</th>
                <th scope="col">{t('backup.col.why')}</th>
                <th scope="col">{t('backup.col.holds')}</th>
                <th scope="col" className="num">{t('backup.col.size')}</th>
                <th scope="col" aria-label={t('backup.col.actions')} />
              </tr>
            </thead>
            <tbody>
              {state.backups.map((b) => (
                <tr key={b.id} data-testid="backup-row">
                  <td title={formatFull(b.createdAt)}>{formatWhen(b.createdAt)}</td>
                  <td>
                    {t(BACKUP_REASON[b.reason])}
                    {b.includesSessions && <span className="muted small"> · {t('backup.withSessions')}</span>}
                  </td>
                  <td>
                    {t('backup.holds', { contacts: b.counts.contacts, campaigns: b.counts.campaigns, recipients: b.counts.recipients })}
                  </td>
                  <td className="num">{formatSize(b.bytes, locale)}</td>
                  <td className="num">
                    <button type="button" className="small" disabled={running || state.restoring !== null} onClick={() => setRestoring(b)} data-testid="backup-restore">
                      {t('backup.restore.action')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {state && <BackupSettingsForm key={JSON.stringify(state.settings)} />}
      {state && <MoveToAnotherComputer homeFolder={state.homeFolder} onImported={setRestoring} />}
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </section>
  );
}

/** YYYY-MM-DD of the operator's own day (not UTC's). */
const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The separator of the operator's paths, guessed from their home folder. */
const joinPath = (folder: string, name: string) => `${folder}${folder.includes('\\') && !folder.includes('/') ? '\\' : '/'}${name}`;

/** Export everything to one .pigeon file; import one (then restore it, asked as any restore). */
function MoveToAnotherComputer({ homeFolder, onImported }: { homeFolder: string; onImported: (backup: BackupInfo) => void }) {
  const [exportPath, setExportPath] = useState(() => joinPath(homeFolder, `Pigeon ${localDate(new Date())}.pigeon`));
  const [sessions, setSessions] = useState(false);
  const [importPath, setImportPath] = useState('');
  const exporting = useBusyAction();
  const importing = useBusyAction();
  const ids = { exportPath: useId(), sessions: useId(), importPath: useId() };
  const locale = getLocale();
  return (
    <div className="archive" data-testid="archive">
      <h3>{t('archive.title')}</h3>
      <p className="muted small">{t('archive.intro')}</p>
      <form
        className="archive-row"
        onSubmit={(e) => {
          e.preventDefault();
          void exporting.run(async () => {
            const done = await backups.exportArchive(exportPath, sessions);
            toast.success(t('archive.exported', { size: formatSize(done.bytes, locale), path: done.path }));
          });
        }}
      >
        <label className="field" htmlFor={ids.exportPath}>
          <span>{t('archive.exportPath')}</span>
          <input id={ids.exportPath} value={exportPath} onChange={(e) => setExportPath(e.target.value)} dir="ltr" spellCheck={false} />
        </label>
        <button type="submit" className="primary" disabled={exporting.busy || !exportPath.trim()}>
          {exporting.busy ? t('archive.exporting') : t('archive.export')}
        </button>
      </form>
      <label className="check" htmlFor={ids.sessions}>
        <input id={ids.sessions} type="checkbox" checked={sessions} onChange={(e) => setSessions(e.target.checked)} />
        <span>{t('archive.sessions')}</span>
      </label>
      {sessions && <p className="backup-warning small" role="note">{t('backup.sessionsWarning')}</p>}
      <ErrorText error={exporting.error} />
      <form
        className="archive-row"
        onSubmit={(e) => {
          e.preventDefault();
          void importing.run(async () => onImported(await backups.importArchive(importPath)));
        }}
      >
        <label className="field" htmlFor={ids.importPath}>
          <span>{t('archive.importPath')}</span>
          <input id={ids.importPath} value={importPath} onChange={(e) => setImportPath(e.target.value)} placeholder={joinPath(homeFolder, 'Pigeon.pigeon')} dir="ltr" spellCheck={false} />
        </label>
        <button type="submit" disabled={importing.busy || !importPath.trim()}>
          {importing.busy ? t('archive.importing') : t('archive.import')}
        </button>
      </form>
      <ErrorText error={importing.error} />
    </div>
  );
}

const RESTORE_STEPS: readonly RestoreStep[] = ['checking', 'backing-up', 'restarting'];

/** What a restore will do, asked before it starts; then its steps until Pigeon opens again. */
function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const step = useBackups((s) => s.state?.restoring?.step ?? null);
  const { busy, error, run } = useBusyAction();
  const close = () => {
    if (!busy) onClose();
  };
  return (
    <Dialog
      title={t(backup.reason === 'export' ? 'backup.restore.titleExport' : 'backup.restore.title', { date: formatFull(backup.createdAt) })}
      onClose={close}
      testId="restore-dialog"
      footer={
        <>
          <button type="button" onClick={close} disabled={busy} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void run(() => backups.restore(backup.id))} data-testid="restore-confirm">
            {t('backup.restore.confirm')}
          </button>
        </>
      }
    >
      <p>{t('backup.restore.holds', backup.counts)}</p>
      <p>{t('backup.restore.explain')}</p>
      <p className="muted small">{t('backup.restore.keeps')}</p>
      {busy && (
        <div role="status" data-testid="restore-step">
          <ProgressBar done={RESTORE_STEPS.indexOf(step ?? 'checking') + 1} total={RESTORE_STEPS.length} label={t(BACKUP_RESTORE_STEP[step ?? 'checking'])} />
        </div>
      )}
      <ErrorText error={error} />
    </Dialog>
  );
}

function BackupSettingsForm() {
  const state = useBackups((s) => s.state)!;
  const [keep, setKeep] = useState(() => numberText(state.settings.keep));
  const [folder, setFolder] = useState(state.settings.folder ?? '');
  const [sessions, setSessions] = useState(state.settings.includeSessions);
  const { busy, error, run } = useBusyAction();
  const ids = { keep: useId(), folder: useId(), sessions: useId() };
  const keepNumber = readInteger(keep) ?? NaN;
  const keepOk = Number.isInteger(keepNumber) && keepNumber >= BACKUP_KEEP_MIN && keepNumber <= BACKUP_KEEP_MAX;
  const dirty = keepNumber !== state.settings.keep || folder.trim() !== (state.settings.folder ?? '') || sessions !== state.settings.includeSessions;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty || !keepOk) return;
    await run(() => backups.configure({ keep: keepNumber, folder: folder.trim() || null, includeSessions: sessions }));
  };

  return (
    <form className="backup-settings" onSubmit={(e) => void save(e)} data-testid="backup-settings">
      <label className="field" htmlFor={ids.keep}>
        <span>{t('backup.keep')}</span>
        <NumberInput id={ids.keep} integer min={BACKUP_KEEP_MIN} max={BACKUP_KEEP_MAX} value={keep} onChange={setKeep} style={{ maxWidth: 120 }} aria-invalid={!keepOk || undefined} aria-describedby={`${ids.keep}-hint`} />
        <small id={`${ids.keep}-hint`} className="muted">{t('backup.keepHint')}</small>
      </label>
      <label className="field" htmlFor={ids.folder}>
        <span>{t('backup.folder')}</span>
        <input id={ids.folder} value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={state.defaultFolder} dir="ltr" spellCheck={false} aria-describedby={`${ids.folder}-hint`} />
        <small id={`${ids.folder}-hint`} className="muted">{t('backup.folderHint', { folder: state.defaultFolder })}</small>
      </label>
      <label className="check" htmlFor={ids.sessions}>
        <input id={ids.sessions} type="checkbox" checked={sessions} onChange={(e) => setSessions(e.target.checked)} />
        <span>{t('backup.sessions')}</span>
      </label>
      {sessions && <p className="backup-warning small" role="note" data-testid="backup-sessions-warning">{t('backup.sessionsWarning')}</p>}
      <div className="row" style={{ marginBlockStart: 10 }}>
        <button type="submit" disabled={busy || !dirty || !keepOk}>
          {busy ? t('settings.saving') : t('backup.save')}
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
