import { useCallback, useEffect, useState } from 'react';
import type { EvaluationRound } from '@shared/evaluation/evaluation';
import type { ImportKind } from '@shared/import/importMapping';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { TabList } from '../../ui/TabList';
import { Dashboard } from './Dashboard';
import { ImportView } from './ImportView';
import { RoundsPanel } from './RoundsPanel';
import { RoundWorkspace } from './RoundWorkspace';

const evaluationUiTexts = de.ui.evaluation;
type Tab = 'dashboard' | 'rounds' | 'import';

/** Evaluation: the dashboard, the rounds with their assessment workspace, and the spreadsheet import. */
export function EvaluationView({ tab, roundId, importKind = null }: { tab: Tab; roundId: string | null; importKind?: ImportKind | null }) {
  const { navigate, rows } = useApp();
  const [rounds, setRounds] = useState<EvaluationRound[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await call('listEvaluationRounds', {});
      setRounds([...list].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.name.localeCompare(b.name, 'de')));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  // Every save reloads the app's lists; the rounds follow.
  useEffect(() => void load(), [load, rows]);

  const tabs: Tab[] = ['dashboard', 'rounds', 'import'];
  const round = roundId ? rounds?.find((r) => r.id === roundId) : null;
  return (
    <section aria-labelledby="evaluation-title" className="evaluation">
      <div className="view-head">
        <h1 id="evaluation-title">{evaluationUiTexts.title}</h1>
      </div>
      <TabList
        label={evaluationUiTexts.tabsLabel}
        idPrefix="eval"
        tabs={tabs}
        selected={tab}
        onSelect={(k) => void navigate({ name: 'evaluation', tab: k })}
        render={(k) => evaluationUiTexts.tabs[k]}
      />
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div role="tabpanel" id={`eval-panel-${tab}`} aria-labelledby={`eval-tab-${tab}`}>
        {!rounds ? (
          error ? null : (
            <p>{de.ui.loading}</p>
          )
        ) : tab === 'dashboard' ? (
          <Dashboard rounds={rounds} />
        ) : tab === 'import' ? (
          <ImportView preselectedKind={importKind} />
        ) : tab === 'rounds' && roundId ? (
          round ? (
            <RoundWorkspace key={round.id} round={round} />
          ) : (
            <Notice kind="error">{evaluationUiTexts.workspace.notFound}</Notice>
          )
        ) : (
          <RoundsPanel rounds={rounds} />
        )}
      </div>
    </section>
  );
}
