/**
 * The campaign report that is open: its figures, its chart, and what the recipients table shows
 * (filter, reason, search, sort). Pages call these actions, never `api`. While the campaign runs,
 * `campaigns.progress` / `campaigns.changed` read the report again, at most every RELOAD_MS.
 */
import { create } from 'zustand';
import type { Campaign } from '#shared/campaigns';
import { t } from '#shared/i18n';
import {
  DEFAULT_REPLY_WINDOW_HOURS,
  type CampaignReport,
  type ReportBucket,
  type ReportFilter,
  type ReportRecipient,
  type ReportSelection,
  type ReportSeries,
  type ReportSort,
} from '#shared/reports';
import { api, errorMessage, onEvent } from '#renderer/ui/api';
import { useNav } from '#renderer/ui/nav';
import { toast } from '#renderer/ui/toasts';
import { openReportExport } from './exportStore';
import { applyCampaign, openEditor, showCampaign, useCampaigns } from '#renderer/campaigns/store';
import { formFromCampaign } from '#renderer/campaigns/model';
import { useContactsView } from '#renderer/contacts/view';
import { refreshGroups } from '#renderer/groups/store';
import { nextSort } from './model';

/** Live reloads come at most this often while a campaign sends. */
export const RELOAD_MS = 2000;

const NO_SELECTION: ReportSelection = { filter: 'all', reason: null, accountId: null, search: '' };

type ReportState = {
  campaignId: number | null;
  replyWindowHours: number;
  bucket: ReportBucket;
  report: CampaignReport | null;
  series: ReportSeries | null;
  error: string | null;
  selection: ReportSelection;
  sort: ReportSort;
  descending: boolean;
  /** Goes up each time the figures are read again, so the recipients table reads its pages again. */
  version: number;
};

export const useReport = create<ReportState>(() => ({
  campaignId: null,
  replyWindowHours: DEFAULT_REPLY_WINDOW_HOURS,
  bucket: 'hour',
  report: null,
  series: null,
  error: null,
  selection: NO_SELECTION,
  sort: 'name',
  descending: false,
  version: 0,
}));

/** Reads the figures and the chart of the open report; a late answer for another report is dropped. */
async function load(): Promise<void> {
  const { campaignId: id, replyWindowHours, bucket } = useReport.getState();
  if (id === null) return;
  try {
    const [report, series] = await Promise.all([api.reports.get({ id, replyWindowHours }), api.reports.series({ id, bucket })]);
    const now = useReport.getState();
    if (now.campaignId !== id || now.replyWindowHours !== replyWindowHours || now.bucket !== bucket) return;
    useReport.setState({ report, series, error: null, version: now.version + 1 });
  } catch (e) {
    if (useReport.getState().campaignId === id) useReport.setState({ error: errorMessage(e) });
  }
}

let timer: ReturnType<typeof setTimeout> | null = null;
let lastLoad = 0;

/** Reads again now, or as soon as RELOAD_MS has passed since the last read (one read waiting at most). */
function reloadSoon(): void {
  if (timer) return;
  const wait = Math.max(0, lastLoad + RELOAD_MS - Date.now());
  timer = setTimeout(() => {
    timer = null;
    lastLoad = Date.now();
    void load();
  }, wait);
}

function select(change: Partial<ReportSelection>): void {
  const s = useReport.getState();
  useReport.setState({ selection: { ...s.selection, ...change } });
}

export const reports = {
  /** Opens a campaign's report (from its page, a link or a toast). */
  open(id: number): void {
    const s = useReport.getState();
    if (s.campaignId !== id) {
      useReport.setState({ campaignId: id, report: null, series: null, error: null, selection: NO_SELECTION, sort: 'name', descending: false });
    }
    useCampaigns.setState({ view: { kind: 'report', id } });
    useNav.getState().go('campaigns');
    lastLoad = Date.now();
    void load();
  },

  /** Back to the campaign's own page. */
  close: (): void => {
    const id = useReport.getState().campaignId;
    if (id !== null) showCampaign(id);
  },

  refresh: () => load(),

  setReplyWindow(hours: number): void {
    useReport.setState({ replyWindowHours: hours });
    void load();
  },

  setBucket(bucket: ReportBucket): void {
    useReport.setState({ bucket });
    void load();
  },

  /** Shows one status in the table (and drops a reason picked before). */
  setFilter: (filter: ReportFilter) => select({ filter, reason: null }),
  /** Shows only the people with this failure / skip / exclusion reason. */
  showReason: (reason: string, filter: ReportFilter = 'all') => select({ filter, reason }),
  clearReason: () => select({ reason: null }),
  setSearch: (search: string) => select({ search }),
  setAccount: (accountId: number | null) => select({ accountId }),

  sortBy(column: ReportSort): void {
    useReport.setState(nextSort(useReport.getState(), column));
  },

  /** A page of the table as it is filtered and sorted now. */
  async recipients(offset: number, limit: number): Promise<{ rows: ReportRecipient[]; total: number }> {
    const s = useReport.getState();
    if (s.campaignId === null) return { rows: [], total: 0 };
    return api.reports.recipients({
      id: s.campaignId,
      selection: s.selection,
      replyWindowHours: s.replyWindowHours,
      sort: s.sort,
      descending: s.descending,
      offset,
      limit,
    });
  },

  /** Puts the people the table shows (those who are contacts) into a new group; says so with a link to it. */
  async toGroup(name: string): Promise<{ groupId: number; added: number; notContacts: number }> {
    const s = useReport.getState();
    if (s.campaignId === null) throw new Error('No report is open');
    const result = await api.reports.toGroup({ id: s.campaignId, selection: s.selection, replyWindowHours: s.replyWindowHours, name });
    const text = [
      t('reports.toGroup.done', { name, count: result.added }),
      result.notContacts > 0 ? t('reports.toGroup.notContacts', { count: result.notContacts }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    toast.success(text, {
      label: t('reports.toGroup.open'),
      run: () => {
        useContactsView.getState().showGroup(result.groupId);
        useNav.getState().go('contacts');
      },
    });
    void refreshGroups().catch(() => undefined);
    return result;
  },

  /** A new campaign to the failed ones, opened in the editor to check and start. */
  async retryFailed(): Promise<Campaign> {
    const id = useReport.getState().campaignId;
    if (id === null) throw new Error('No report is open');
    const made = await api.reports.retryFailed({ id });
    applyCampaign(made.id, made);
    toast.success(t('reports.retryFailed.done', { name: made.name }));
    openEditor({ id: made.id, form: formFromCampaign(made, Date.now()), step: 'review', dirty: false });
    return made;
  },

  /** The report to a file: the export dialog for this campaign (ExportReportDialog, mounted in App). */
  exportReport: (): void => {
    const id = useReport.getState().campaignId;
    if (id !== null) openReportExport([id]);
  },
};

/** Follows the open campaign's progress while the report page is shown; returns the unfollow. */
export function followReport(): () => void {
  const matches = (id: number) => id === useReport.getState().campaignId;
  const offProgress = onEvent('campaigns.progress', (p) => {
    if (matches(p.campaignId)) reloadSoon();
  });
  const offChanged = onEvent('campaigns.changed', ({ id }) => {
    if (matches(id)) reloadSoon();
  });
  return () => {
    offProgress();
    offChanged();
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
