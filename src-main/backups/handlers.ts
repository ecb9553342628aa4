import { mutating, type HandlersOf } from '#main/kernel/handlers';
import type { BackupService } from './service';

/** Backups: list, take one now, settings, restore, one file for another computer. */
export function backupsHandlers(service: BackupService): HandlersOf<'backups'> {
  return {
    'backups.list': () => service.state(),
    'backups.create': () => service.create('manual'),
    'backups.configure': mutating((input) => service.configure(input)),
    'backups.restore': (input) => service.restore(input.id),
    'backups.exportArchive': (input) => service.exportArchive(input.path, input.includeSessions),
    'backups.importArchive': (input) => service.importArchive(input.path),
  };
}
