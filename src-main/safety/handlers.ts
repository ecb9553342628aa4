import { mutating, type HandlersOf } from '#main/kernel/handlers';
import type { SafetyService } from './service';

/** Account safety: the budget, warm-up and breaker figures of each account, and their settings. */
export function safetyHandlers(service: SafetyService): HandlersOf<'safety'> {
  return {
    'safety.list': () => service.list(),
    'safety.get': (input) => service.get(input.accountId),
    // Writes the book's accounts table: waits for an import to finish like every book write.
    'safety.set': mutating((input) => service.set(input.accountId, input.patch)),
  };
}
