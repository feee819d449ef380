import { useEffect, useState } from 'react';
import type { Proposal } from '../../../../shared/domain/labs';
import { de } from '../../../../shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { ProposalTable } from './ProposalTable';

const t = de.proposalsUi.measureProposals;

/** On a measure's page: the Anregungen it came from, each linking back to its Anregung (nothing when none). */
export function MeasureProposals({ measureId }: { measureId: string }) {
  const { rows } = useApp();
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    call('listProposalsForMeasure', { measureId })
      .then((list) => !cancelled && (setProposals(list), setError(null)))
      .catch((e) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [measureId, rows]);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!proposals || proposals.length === 0) return null;
  return (
    <section aria-labelledby="measure-proposals-title" className="measure-proposals">
      <h2 id="measure-proposals-title">{t.title}</h2>
      <ProposalTable proposals={proposals} caption={t.caption} />
    </section>
  );
}
