import { Suspense, useEffect, useRef } from 'react';
import type { MenuCommand } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from './api';
import { AppStateProvider, useApp, type View } from './appState';
import { OverviewView } from './features/overview/OverviewView';
import {
  ActionFieldsView,
  CompareView,
  DecisionEditor,
  EditionsView,
  EvaluationView,
  FortschreibungWizard,
  HelpView,
  IndicatorEditor,
  LabEditor,
  MeasureEditor,
  MeasureView,
  MeetingEditor,
  OrgUnitsView,
  ParticipationView,
  PrivacyView,
  ProposalEditor,
  RegisterView,
  ReviewsView,
  SettingsView,
  StatusesView,
  SubmissionEditor,
  SubmissionsView,
  TrashView,
} from './lazyViews';
import { ErrorScreen } from './features/session/ErrorScreen';
import { StatusBar } from './features/session/StatusBar';
import { FirstStartDialog } from './features/session/FirstStartDialog';
import { helpTopicFor } from './features/session/helpTopic';
import { ReadOnlyBanner } from './features/session/ReadOnlyBanner';
import { ReviewModeGate, useReviewModeSwitch } from './features/review/ReviewModeGate';
import { ConfirmDialog } from './ui/ConfirmDialog';
import { SaveConfirmation } from './ui/SaveConfirmation';
import { Notice } from './ui/Notice';
import { ListDetail, sideBySide } from './ui/ListDetail';
import { currentHeading, focusHeadingSoon } from './ui/focusHeading';
import { useFocusableScrollRegions } from './ui/scrollRegions';
import { LISTS, loadListPlaces } from './ui/listMemory';

export function App() {
  return (
    <ReviewModeGate>
      <AppStateProvider>
        <Shell />
      </AppStateProvider>
    </ReviewModeGate>
  );
}

const NAV: { view: View['name']; label: string }[] = [
  { view: 'overview', label: de.overviewUi.nav },
  { view: 'register', label: de.ui.nav.register },
  { view: 'submissions', label: de.ui.submissions.nav },
  { view: 'evaluation', label: de.ui.evaluation.nav },
  { view: 'reviews', label: de.review.ui.nav },
  { view: 'trash', label: de.ui.nav.trash },
  { view: 'editions', label: de.editions.ui.nav },
  { view: 'actionFields', label: de.ui.nav.actionFields },
  { view: 'orgUnits', label: de.ui.nav.orgUnits },
  { view: 'participation', label: de.participation.ui.nav },
  { view: 'settings', label: de.ui.nav.settings },
  { view: 'privacy', label: de.participation.ui.privacyNav },
  { view: 'help', label: de.ui.nav.help },
];

function Shell() {
  const app = useApp();
  const { session, view, navigate, confirmRequest } = app;

  useMenuCommands();
  // The lists' last filters, sort and columns (per-user settings), before the first list is shown.
  useEffect(() => void loadListPlaces(), []);
  useKeepFocusOnViewChange(view);
  useFocusableScrollRegions();

  if (!session) {
    return (
      <main id="main" className="loading">
        {app.loadError ? <Notice kind="error">{app.loadError}</Notice> : <p>{de.ui.loading}</p>}
        <ConfirmDialog request={confirmRequest} />
      </main>
    );
  }
  if (session.state === 'error') {
    return (
      <>
        <ErrorScreen session={session} />
        <ConfirmDialog request={confirmRequest} />
      </>
    );
  }
  const activeNav =
    view.name === 'measure' || view.name === 'edit' || view.name === 'new' || view.name === 'indicator'
      ? 'register'
      : view.name === 'submission'
        ? 'submissions'
        : view.name === 'fortschreibung' || view.name === 'editionCompare'
          ? 'editions'
          : PARTICIPATION_VIEWS.has(view.name)
            ? 'participation'
            : view.name === 'statuses'
              ? 'settings'
              : view.name;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {de.ui.skipToContent}
      </a>
      <header className="app-header">
        <span className="app-name">{de.appName}</span>
        <span className="register-name">{session.registerName}</span>
        {session.isSample ? (
          <span className="badge badge-sample" title={de.ui.sampleHint}>
            {de.ui.sampleBadge}
          </span>
        ) : null}
        {session.readOnly ? <span className="badge badge-readonly">{de.ui.readOnlyTitle}</span> : null}
      </header>
      <ReadOnlyBanner session={session} />
      {session.warnings.length > 0 && (
        <details className="warnings">
          <summary>
            {de.ui.warnings} ({session.warnings.length})
          </summary>
          <ul>
            {session.warnings.slice(0, 50).map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="body">
        <nav aria-label={de.ui.nav.label} className="side-nav">
          <ul>
            {NAV.map((item) => (
              <li key={item.view}>
                <button
                  type="button"
                  aria-current={activeNav === item.view ? 'page' : undefined}
                  onClick={() => {
                    const before = currentHeading();
                    // Beside an opened measure (wide window) the list's heading stays the same element.
                    const same = view.name === item.view || (view.name === 'measure' && item.view === 'register' && sideBySide());
                    void navigate({ name: item.view } as View).then((done) => done && focusHeadingSoon(before, same));
                  }}
                >
                  {item.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {/* Screens other than the Übersicht load on first use (lazyViews.tsx). */}
          <Suspense fallback={<LoadingScreen />}>
            <CurrentView />
          </Suspense>
        </main>
      </div>
      <SaveConfirmation />
      <StatusBar session={session} />
      <ConfirmDialog request={confirmRequest} />
      <FirstStartDialog />
    </div>
  );
}

/** Screens reached from Gremien & Beteiligung keep its entry marked in the navigation. */
const PARTICIPATION_VIEWS = new Set<View['name']>(['meeting', 'lab', 'proposal', 'decision']);

function CurrentView() {
  const { view, navigate } = useApp();
  switch (view.name) {
    case 'overview':
      return <OverviewView />;
    // The same element for both, so on a wide window the list stays mounted beside the opened measure.
    case 'register':
    case 'measure':
      return (
        <ListDetail
          listKey={LISTS.register}
          list={<RegisterView />}
          detail={view.name === 'measure' ? <MeasureView id={view.id} tab={view.tab ?? 'details'} /> : null}
          detailId={view.name === 'measure' ? view.id : null}
          onClose={() => navigate({ name: 'register' })}
        />
      );
    case 'edit':
      return <MeasureEditor id={view.id} />;
    case 'new':
      return <MeasureEditor id={null} />;
    case 'indicator':
      return <IndicatorEditor key={`${view.measureId}-${view.id ?? 'neu'}`} measureId={view.measureId} id={view.id} />;
    case 'evaluation':
      return <EvaluationView tab={view.tab ?? 'dashboard'} roundId={view.roundId ?? null} importKind={view.importKind ?? null} />;
    case 'trash':
      return <TrashView />;
    case 'actionFields':
      return <ActionFieldsView />;
    case 'orgUnits':
      return <OrgUnitsView />;
    case 'submissions':
      return <SubmissionsView key={view.notice ?? ''} notice={view.notice} />;
    case 'submission':
      return <SubmissionEditor key={view.id} id={view.id} initialTab={view.tab ?? 'edit'} />;
    case 'reviews':
      return <ReviewsView />;
    case 'settings':
      return <SettingsView />;
    case 'statuses':
      return <StatusesView />;
    case 'editions':
      return <EditionsView key={view.notice ?? ''} notice={view.notice} compare={view.compare} />;
    case 'fortschreibung':
      return <FortschreibungWizard key={view.id} id={view.id} />;
    case 'editionCompare':
      return <CompareView key={`${view.fromId}-${view.toId}`} fromId={view.fromId} toId={view.toId} />;
    case 'participation':
      return <ParticipationView tab={view.tab ?? 'meetings'} />;
    case 'meeting':
      return <MeetingEditor key={view.id ?? 'neu'} id={view.id} />;
    case 'lab':
      return <LabEditor key={view.id ?? 'neu'} id={view.id} />;
    case 'proposal':
      return <ProposalEditor key={view.id ?? 'neu'} id={view.id} />;
    case 'decision':
      return <DecisionEditor key={view.id ?? 'neu'} id={view.id} />;
    case 'privacy':
      return <PrivacyView />;
    case 'help':
      return <HelpView topic={view.topic} />;
  }
}

/**
 * Shown while a screen's chunk loads (a moment). The content that held the focus is being replaced, so keep
 * the focus in the content as useKeepFocusOnViewChange does; a focused navigation button keeps it.
 */
function LoadingScreen() {
  useEffect(() => {
    const main = document.getElementById('main');
    const active = document.activeElement;
    if (main && (!active || active === document.body || main.contains(active))) main.focus();
  }, []);
  return <p role="status">{de.shell.loading}</p>;
}

/**
 * Changing the view removes the control that had the focus (a list link, "Bearbeiten", "Speichern"), which
 * drops the focus to the document: screen readers then start over at the top. Keep it in the content.
 */
function useKeepFocusOnViewChange(view: View) {
  const previous = useRef(view);
  useEffect(() => {
    if (previous.current === view) return;
    previous.current = view;
    const active = document.activeElement;
    if (!active || active === document.body) document.getElementById('main')?.focus();
  }, [view]);
}

/** Menu bar commands (Electron) and the same shortcuts inside the page. */
function useMenuCommands() {
  const app = useApp();
  const { navigate, readOnly, setSession } = app;
  const reviewMode = useReviewModeSwitch();
  useEffect(() => {
    const show = async (next: View) => {
      const before = currentHeading();
      const same = app.view.name === next.name;
      if (await navigate(next)) focusHeadingSoon(before, same);
    };
    const run = async (command: MenuCommand) => {
      switch (command) {
        case 'newMeasure':
          if (!readOnly) await navigate({ name: 'new' });
          return;
        case 'find': {
          // Strg+F searches where the user is: the submissions list has its own search; elsewhere the register's.
          const here = document.getElementById('submission-search');
          if (here) here.focus();
          else if (await navigate({ name: 'register' })) setTimeout(() => document.getElementById('register-search')?.focus(), 0);
          return;
        }
        case 'showOverview':
          await show({ name: 'overview' });
          return;
        case 'showRegister':
          await show({ name: 'register' });
          return;
        case 'showTrash':
          await show({ name: 'trash' });
          return;
        case 'showSettings':
          await show({ name: 'settings' });
          return;
        case 'showHelp':
          // F1 answers the task of the screen one is on (its guide first); elsewhere the Hilfe as a whole.
          await navigate({ name: 'help', topic: app.view.name === 'help' ? app.view.topic : helpTopicFor(app.view) });
          return;
        case 'showReviews':
          await show({ name: 'reviews' });
          return;
        case 'showSubmissions':
          await show({ name: 'submissions' });
          return;
        case 'showEvaluation':
          await show({ name: 'evaluation' });
          return;
        case 'showEditions':
          await show({ name: 'editions' });
          return;
        case 'showParticipation':
          await show({ name: 'participation' });
          return;
        case 'showPrivacy':
          await show({ name: 'privacy' });
          return;
        case 'openReviewPackage': {
          if (!(await navigate({ name: 'reviews' }))) return;
          try {
            const opened = await call('openReviewPackage', {});
            if (opened) reviewMode.enter(opened);
          } catch (error) {
            await app.confirm({ title: de.ui.dialog.errorTitle, text: errorMessage(error), alert: true });
          }
          return;
        }
        case 'openRegister':
        case 'newRegister': {
          if (!(await navigate({ name: 'register' }))) return;
          try {
            const next = await call('openRegister', { mode: command === 'openRegister' ? 'open' : 'new' });
            if (next) await setSession(next);
          } catch (error) {
            await app.confirm({ title: de.ui.dialog.errorTitle, text: errorMessage(error), alert: true });
          }
          return;
        }
      }
    };
    const unsubscribe = window.masterplan.onMenuCommand((c) => void run(c));
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F1') {
        event.preventDefault();
        void run('showHelp');
      } else if (event.altKey && event.key === 'Home') {
        // Alt+Pos1, the "Startseite" key of Windows browsers and Explorer (Strg+0 stays "Originalgröße").
        event.preventDefault();
        void run('showOverview');
      } else if (event.ctrlKey && !event.shiftKey && !event.altKey) {
        const map: Record<string, MenuCommand> = { n: 'newMeasure', f: 'find', o: 'openRegister' };
        const command = map[event.key.toLowerCase()];
        if (command) {
          event.preventDefault();
          void run(command);
        }
      }
    };
    // In Electron the menu's accelerators handle these keys; in a plain browser (harness) the page does.
    const inElectron = navigator.userAgent.includes('Electron');
    if (!inElectron) window.addEventListener('keydown', onKey);
    // Buttons inside the page (e.g. in Einstellungen) reuse the menu's commands.
    const onPageCommand = (event: Event) => void run((event as CustomEvent<MenuCommand>).detail);
    window.addEventListener('masterplan-menu', onPageCommand);
    return () => {
      unsubscribe();
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('masterplan-menu', onPageCommand);
    };
  }, [navigate, readOnly, setSession, app, reviewMode]);
}
