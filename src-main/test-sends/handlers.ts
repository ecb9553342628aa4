import type { HandlersOf } from '#main/kernel/handlers';
import type { TestSends } from './service';

/** Test sends: a draft's message to a typed number through one account, outside every campaign. */
export function testSendsHandlers(service: TestSends): HandlersOf<'testSends'> {
  return {
    'testSends.send': (input) => service.send(input),
    'testSends.lastPhone': (input) => ({ phone: service.lastPhone(input.accountId) }),
    'testSends.get': (input) => service.get(input.id),
  };
}
