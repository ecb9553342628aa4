/**
 * Campaigns, their live progress, the drafts a campaign can send, and what the Campaigns page shows
 * (the list, one campaign, or the form). Kept live from `campaigns.changed` / `campaigns.progress`;
 * `campaigns.notice` becomes a toast on any page. Loaded once from the app root. The drafts a
 * campaign can send are the drafts store's list.
 */
import { create } from 'zustand';
import type { Campaign, CampaignProgress } from '#shared/campaigns';
import type { MethodInput } from '#shared/contract';
import { t } from '#shared/i18n';
import { api, errorMessage, onEvent } from '#renderer/ui/api';
import type { CampaignForm, Step } from './model';
import { startDrafts } from '#renderer/drafts/store';
import { useNav } from '#renderer/ui/nav';
import { useToasts } from '#renderer/ui/toasts';

/** The form being filled: a new campaign (id null) or an unstarted one. */
export type Editor = { id: number | null; form: CampaignForm; step: Step; /** Changed since opened. */ dirty: boolean };

export type CampaignsView =
  | { kind: 'list' }
  | { kind: 'detail'; id: number }
  | { kind: 'edit'; editor: Editor }
  /** A campaign's report (src-renderer/reports). */
  | { kind: 'report'; id: number };

type CampaignsState = {
  campaigns: Campaign[];
  /** The latest progress pushed for each campaign (rate, ETA, what it waits for). */
  progress: Record<number, CampaignProgress>;
  loaded: boolean;
  error: string | null;
  view: CampaignsView;
  refresh: () => Promise<void>;
};

const newestFirst = (a: Campaign, b: Campaign) => b.id - a.id;

export const useCampaigns = create<CampaignsState>((set) => ({
  campaigns: [],
  progress: {},
  loaded: false,
  error: null,
  view: { kind: 'list' },
  async refresh() {
    try {
      const campaigns = await api.campaigns.list();
      set({ campaigns: [...campaigns].sort(newestFirst), loaded: true, error: null });
    } catch (e) {
      set({ loaded: true, error: errorMessage(e) });
    }
  },
}));

/** Puts a campaign's new state in place (or removes it when `campaign` is null). */
export function applyCampaign(id: number, campaign: Campaign | null): void {
  const { campaigns, view } = useCampaigns.getState();
  const others = campaigns.filter((c) => c.id !== id);
  useCampaigns.setState({ campaigns: campaign ? [...others, campaign].sort(newestFirst) : others });
  // A campaign deleted (here or elsewhere) while open: back to the list.
  if (!campaign && view.kind === 'detail' && view.id === id) useCampaigns.setState({ view: { kind: 'list' } });
}

/** Progress also carries the counts and status, which change far more often than the campaign. */
export function applyProgress(progress: CampaignProgress): void {
  const { campaigns, progress: all } = useCampaigns.getState();
  const id = progress.campaignId;
  useCampaigns.setState({
    progress: { ...all, [id]: progress },
    campaigns: campaigns.map((c) =>
      c.id === id
        ? {
            ...c,
            status: progress.status,
            statusReason: progress.statusReason,
            counts: progress.counts,
            // Preparing ends with running (or a pause, which keeps it to do); `campaigns.changed` says when.
            preparing: c.preparing && (progress.status === 'running' || progress.status === 'paused'),
          }
        : c,
    ),
  });
}

/**
 * Starts (or resumes) a campaign. Main answers only once its recipients are prepared, which for a
 * big audience takes a while; `onRunning` is called as soon as the campaign runs (preparing
 * included), so the page can show it with Pause and Cancel meanwhile. Resolves with the campaign
 * as main left it, and whether `onRunning` was called.
 */
export async function startAndFollow(
  id: number,
  how: 'start' | 'resume',
  onRunning: () => void,
): Promise<{ campaign: Campaign; followed: boolean }> {
  const call = () => (how === 'start' ? api.campaigns.start({ id }) : api.campaigns.resume({ id }));
  let followed = false;
  const check = (campaigns: Campaign[]) => {
    if (!followed && campaigns.find((c) => c.id === id)?.status === 'running') {
      followed = true;
      onRunning();
    }
  };
  const unsubscribe = useCampaigns.subscribe((s) => check(s.campaigns));
  try {
    const campaign = await call();
    applyCampaign(campaign.id, campaign);
    return { campaign, followed };
  } finally {
    unsubscribe();
  }
}

/** Runs a call that answers with the campaign's new state, and shows it at once. */
async function apply(call: Promise<Campaign>): Promise<Campaign> {
  const campaign = await call;
  applyCampaign(campaign.id, campaign);
  return campaign;
}

type CampaignInput = MethodInput<'campaigns.create'>;

export const campaigns = {
  /** Saves the form as a new campaign (`id` null) or over an unstarted one. */
  save: (id: number | null, input: CampaignInput) =>
    apply(id === null ? api.campaigns.create(input) : api.campaigns.update({ id, ...input })),
  pause: (id: number) => apply(api.campaigns.pause({ id })),
  cancel: (id: number) => apply(api.campaigns.cancel({ id })),
  duplicate: (id: number) => apply(api.campaigns.duplicate({ id })),
  changePace: (id: number, pace: Campaign['pace']) => apply(api.campaigns.update({ id, pace })),

  async remove(id: number): Promise<void> {
    await api.campaigns.delete({ id });
    applyCampaign(id, null);
  },

  /** Sends again to the recipients whose outcome is unknown, or drops them; resolves with how many. */
  async resolveUnknown(id: number, action: 'resend' | 'drop'): Promise<number> {
    return (await api.campaigns.resolveUnknown({ id, action })).changed;
  },

  /** Asks for a campaign's latest progress (rate, ETA) and keeps it. */
  async readProgress(id: number): Promise<void> {
    applyProgress(await api.campaigns.progress({ id }));
  },

  /** Who an audience would reach, before the campaign exists. */
  preview: (input: MethodInput<'campaigns.preview'>) => api.campaigns.preview(input),

  /** A page of a campaign's recipients. */
  recipients: (input: MethodInput<'campaigns.recipients'>) => api.campaigns.recipients(input),
};

export function showList(): void {
  useCampaigns.setState({ view: { kind: 'list' } });
}

export function showCampaign(id: number): void {
  useCampaigns.setState({ view: { kind: 'detail', id } });
}

export function openEditor(editor: Editor): void {
  useCampaigns.setState({ view: { kind: 'edit', editor } });
}

/** Changes the open form (no-op when the form is not open). */
export function updateEditor(change: (editor: Editor) => Editor): void {
  const { view } = useCampaigns.getState();
  if (view.kind === 'edit') useCampaigns.setState({ view: { kind: 'edit', editor: change(view.editor) } });
}

/** Running campaigns (for the navigation badge). */
export const runningCount = (s: CampaignsState) => s.campaigns.filter((c) => c.status === 'running').length;

let started = false;
/** Loads campaigns and drafts and follows their changes; call once from the app root. */
export function startCampaigns(): void {
  if (started) return;
  started = true;
  const s = useCampaigns.getState();
  void s.refresh();
  startDrafts();
  onEvent('campaigns.changed', ({ id, campaign }) => applyCampaign(id, campaign));
  onEvent('campaigns.progress', applyProgress);
  onEvent('campaigns.notice', ({ campaignId, level, message }) => {
    const open = {
      label: t('campaigns.notice.open'),
      run: () => {
        showCampaign(campaignId);
        useNav.getState().go('campaigns');
      },
    };
    // Warnings (an automatic pause) stay up as long as errors do.
    useToasts.getState().push({ kind: level === 'info' ? 'info' : 'error', text: message, action: open });
  });
}
