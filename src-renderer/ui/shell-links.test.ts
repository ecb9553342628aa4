import { describe, expect, it, vi } from 'vitest';
vi.mock('#renderer/ui/api', () => ({ api: {}, onEvent: () => () => undefined, errorMessage: String }));

import { useCampaigns } from '#renderer/campaigns/store';
import { useNav } from './nav';
import { openTarget } from './shell-links';

describe('the desktop shell’s links', () => {
  it('open a campaign, or the Accounts page', () => {
    openTarget({ page: 'campaign', id: 7 });
    expect(useNav.getState().page).toBe('campaigns');
    expect(useCampaigns.getState().view).toEqual({ kind: 'detail', id: 7 });
    openTarget({ page: 'accounts', id: 3 });
    expect(useNav.getState().page).toBe('accounts');
  });
});
