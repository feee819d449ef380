import { de } from '@shared/i18n/de';
import { useApp, type ParticipationTab } from '../../appState';
import { BodiesPanel } from '../meetings/BodiesPanel';
import { MeetingsPanel } from '../meetings/MeetingsPanel';
import { RecommendationsPanel } from '../meetings/RecommendationsPanel';
import { LabsPanel } from '../proposals/LabsPanel';
import { ProposalsPanel } from '../proposals/ProposalsPanel';
import { TrackingPanel } from '../tracking/TrackingPanel';
import { TabList } from '../../ui/TabList';

const participationUiTexts = de.participation.ui;
const TABS: ParticipationTab[] = ['bodies', 'meetings', 'recommendations', 'labs', 'proposals', 'tracking'];

/** Gremien & Beteiligung: one screen with a tab per list (UX.md screen map). */
export function ParticipationView({ tab }: { tab: ParticipationTab }) {
  const { navigate } = useApp();
  return (
    <section aria-labelledby="participation-title" className="participation">
      <div className="view-head">
        <h1 id="participation-title">{participationUiTexts.heading}</h1>
      </div>
      <TabList
        label={participationUiTexts.tabsLabel}
        idPrefix="participation"
        tabs={TABS}
        selected={tab}
        onSelect={(k) => void navigate({ name: 'participation', tab: k })}
        render={(k) => participationUiTexts.tabs[k]}
      />
      <div role="tabpanel" id={`participation-panel-${tab}`} aria-labelledby={`participation-tab-${tab}`}>
        <Panel tab={tab} />
      </div>
    </section>
  );
}

function Panel({ tab }: { tab: ParticipationTab }) {
  switch (tab) {
    case 'bodies':
      return <BodiesPanel />;
    case 'meetings':
      return <MeetingsPanel />;
    case 'recommendations':
      return <RecommendationsPanel />;
    case 'labs':
      return <LabsPanel />;
    case 'proposals':
      return <ProposalsPanel />;
    case 'tracking':
      return <TrackingPanel />;
  }
}
