import { mutating, type HandlersOf } from '#main/kernel/handlers';
import type { BackupService } from './service';

/** Backups: list, take one now, settings, restore. */
export function backupsHandlers(service: BackupService): HandlersOf<'backups'> {
  return {
    'backups.list': () => service.state(),
    'backups.create': () => service.create('manual'),
    'backups.configure': mutating((input) => service.configure(input)),
    'backups.restore': (input) => service.restore(input.id),
  };
}
