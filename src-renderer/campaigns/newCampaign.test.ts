import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account } from '#shared/accounts';
import type { Draft } from '#shared/campaigns';
import { emptyQuery } from '#shared/filters';
import { useAccounts } from '#renderer/accounts/store';
import { useCampaigns, type Editor } from './store';
import { useDrafts } from '#renderer/drafts/store';
import { confirm } from '#renderer/ui/confirm';
import { newForm } from './model';
import { audienceFromSelection, startNewCampaign } from './newCampaign';

// The stores load the typed client, which opens a connection to main as soon as it is loaded (a
// browser thing); nothing here calls it. "Leave the unsaved form?" is a dialog: each test gives
// its answer.
vi.mock('#renderer/ui/api', () => ({ api: {}, onEvent: () => () => undefined, errorMessage: String }));
vi.mock('#renderer/ui/confirm', () => ({ confirm: vi.fn() }));

const answer = vi.mocked(confirm);

const phone: Account = {
  id: 4,
  label: 'Shop phone',
  driver: 'simulator',
  state: 'ready',
  stateDetail: null,
  phone: '+905321112233',
  displayName: 'Shop',
  qrSvg: null,
  pairingCode: null,
  linked: true,
  note: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastReadyAt: null,
};
const onlyDraft: Draft = { id: 9, name: 'Spring text', parts: [{ kind: 'text', text: 'Hi' }], createdAt: '', updatedAt: '' };

/** A form being edited with changes not saved. */
function unsavedEditor(): Editor {
  const form = newForm({ accounts: [], drafts: [], now: Date.UTC(2026, 2, 5) });
  return { id: 12, form: { ...form, name: 'Half done' }, step: 'timing', dirty: true };
}

function openEditor(): Editor {
  const { view } = useCampaigns.getState();
  if (view.kind !== 'edit') throw new Error(`expected the form to be open, the view is ${view.kind}`);
  return view.editor;
}

beforeEach(() => {
  answer.mockReset();
  useAccounts.setState({ accounts: [phone] });
  useDrafts.setState({ drafts: [onlyDraft] });
  useCampaigns.setState({ view: { kind: 'list' } });
});

describe('audienceFromSelection', () => {
  it('takes the picked contacts', () => {
    const ids = [5, 3, 8];
    const audience = audienceFromSelection({ kind: 'ids', ids });
    ids.push(1);
    expect(audience).toEqual({ contactIds: [5, 3, 8] });
  });

  it('takes everyone a search matches, filling in what the search left out', () => {
    expect(audienceFromSelection({ kind: 'query', query: { search: 'izmir' } })).toEqual({ query: { ...emptyQuery(), search: 'izmir' } });
    expect(audienceFromSelection({ kind: 'query', query: {} })).toEqual({ query: emptyQuery() });
  });

  it('refuses a query the contract would refuse', () => {
    expect(() => audienceFromSelection({ kind: 'query', query: { search: 'x'.repeat(201) } })).toThrow();
  });
});

describe('startNewCampaign', () => {
  it('opens a new form on its first step, with the only draft and the ready account', async () => {
    await expect(startNewCampaign()).resolves.toBe(true);
    const editor = openEditor();
    expect([editor.id, editor.step, editor.dirty]).toEqual([null, 'message', false]);
    expect([editor.form.draftId, editor.form.name, editor.form.accountIds]).toEqual([9, 'Spring text', [4]]);
    expect([editor.form.contactIds, editor.form.query]).toEqual([[], null]);
    expect(answer).not.toHaveBeenCalled();
  });

  it('fills in the people picked on the Contacts page', async () => {
    await startNewCampaign({ contactIds: [7, 8] });
    expect(openEditor().form.contactIds).toEqual([7, 8]);
  });

  it('replaces an open form without asking when it has no unsaved changes', async () => {
    useCampaigns.setState({ view: { kind: 'edit', editor: { ...unsavedEditor(), dirty: false } } });
    await expect(startNewCampaign()).resolves.toBe(true);
    expect(openEditor().id).toBeNull();
    expect(answer).not.toHaveBeenCalled();
  });

  it('keeps an unsaved form when the user says so', async () => {
    const kept = unsavedEditor();
    useCampaigns.setState({ view: { kind: 'edit', editor: kept } });
    answer.mockResolvedValue(false);
    await expect(startNewCampaign({ contactIds: [1] })).resolves.toBe(false);
    expect(answer).toHaveBeenCalledTimes(1);
    expect(openEditor()).toBe(kept);
  });

  it('replaces an unsaved form once the user agrees', async () => {
    useCampaigns.setState({ view: { kind: 'edit', editor: unsavedEditor() } });
    answer.mockResolvedValue(true);
    await expect(startNewCampaign({ contactIds: [1] })).resolves.toBe(true);
    expect(answer).toHaveBeenCalledTimes(1);
    expect(openEditor()).toMatchObject({ id: null, step: 'message', dirty: false, form: { contactIds: [1], name: 'Spring text' } });
  });
});
