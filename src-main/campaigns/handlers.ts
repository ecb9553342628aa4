import type { HandlersOf } from '#main/kernel/handlers';
import type { CampaignQueue } from './queue';

/**
 * Campaigns live in the queue's own file; where the queue writes the contact book it waits for an
 * import's write lock itself (its `writable`), so none of these is marked `mutating`.
 */
export function campaignsHandlers(campaigns: CampaignQueue): HandlersOf<'campaigns'> {
  return {
    'campaigns.list': () => campaigns.list(),
    'campaigns.get': (input) => campaigns.get(input.id),
    'campaigns.create': (input) => campaigns.create(input),
    'campaigns.update': (input) => {
      const { id, ...patch } = input;
      return campaigns.update(id, patch);
    },
    'campaigns.preview': (input) => campaigns.preview(input.audience, input.exclusions, input.draftId),
    'campaigns.budgetUse': (input) => campaigns.budgetUse(input.audience, input.exclusions, input.accountIds),
    'campaigns.start': (input) => campaigns.startCampaign(input.id),
    'campaigns.pause': (input) => campaigns.pause(input.id),
    'campaigns.resume': (input) => campaigns.resume(input.id),
    'campaigns.cancel': (input) => campaigns.cancel(input.id),
    'campaigns.duplicate': (input) => campaigns.duplicate(input.id),
    'campaigns.delete': (input) => campaigns.delete(input.id),
    'campaigns.progress': (input) => campaigns.progress(input.id),
    'campaigns.recipients': (input) => campaigns.recipients(input),
    'campaigns.history': (input) => campaigns.history(input),
    'campaigns.rename': (input) => campaigns.rename(input.id, input.name),
    'campaigns.archive': (input) => campaigns.archive(input.id, input.archived),
    'campaigns.resolveUnknown': (input) => campaigns.resolveUnknown(input.id, input.action, input.recipientIds),
  };
}
