import { useEffect, useState } from 'react';
import { searchTerms, type MeasureRow } from '@shared/register/search';
import { call } from '../api';

interface Answer {
  terms: string;
  rows: unknown;
  ids: ReadonlySet<string>;
}

/**
 * Full-text search over the measures. The index lives in main (the rows carry no search text) and is kept
 * up to date there on every change; this asks it once per query and again when the rows change (a save,
 * another window's change), so results always reflect the latest state. `matches` is null for a query
 * without words; while an answer is on its way the previous one stays (as useDeferredValue did) and
 * `pending` is true.
 */
export function useMeasureSearch(
  query: string,
  /** The list searched in (rows or options made from them): a new one asks again. */
  rows: readonly MeasureRow[] | readonly unknown[],
): { matches: ReadonlySet<string> | null; pending: boolean; shownTerms: string } {
  const terms = searchTerms(query).join(' ');
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (!terms) return;
    let live = true;
    call('searchMeasures', { query: terms }).then(
      (ids) => {
        if (live) setAnswer({ terms, rows, ids: new Set(ids) });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [terms, rows]);
  if (!terms) return { matches: null, pending: false, shownTerms: '' };
  const pending = answer === null || answer.terms !== terms || answer.rows !== rows;
  return { matches: answer?.ids ?? null, pending, shownTerms: answer?.terms ?? '' };
}
