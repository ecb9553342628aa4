/** Campaigns: the list, one campaign's live progress and recipients, and the form to make one. */
import { useEffect } from 'react';
import { t } from '#shared/i18n';
import './campaigns.css';
import { CampaignDetail } from './CampaignDetail';
import { CampaignEditor } from './CampaignEditor';
import { CampaignList } from './CampaignList';
import { startNewCampaign } from './newCampaign';
import { useCampaigns } from './store';
import { startDrafts } from '#renderer/drafts/store';
import { refreshGroups } from '#renderer/groups/store';
import { refreshLists } from '#renderer/lists/store';
import { ReportPage } from '#renderer/reports/ReportPage';
import { startHistory } from '#renderer/history/store';

function startNew(): void {
  void startNewCampaign();
}

/** Everything the form picks from, fresh when the page opens. */
function useFreshData(): void {
  useEffect(() => {
    const ignore = () => undefined;
    const campaigns = useCampaigns.getState();
    void campaigns.refresh();
    startHistory();
    startDrafts();
    void refreshGroups().catch(ignore);
    void refreshLists().catch(ignore);
  }, []);
}

export function CampaignsPage() {
  const view = useCampaigns((s) => s.view);
  useFreshData();
  if (view.kind === 'edit') return <CampaignEditor editor={view.editor} />;
  if (view.kind === 'detail') return <CampaignDetail key={view.id} id={view.id} />;
  if (view.kind === 'report') return <ReportPage key={view.id} id={view.id} />;
  return (
    <section className="page" aria-labelledby="campaigns-title">
      <div className="page-head">
        <h1 id="campaigns-title">{t('campaigns.title')}</h1>
        <span className="spacer" />
        <button type="button" className="primary" onClick={startNew} data-testid="campaign-new">
          + {t('campaigns.new')}
        </button>
      </div>
      <CampaignList onNew={startNew} />
    </section>
  );
}
