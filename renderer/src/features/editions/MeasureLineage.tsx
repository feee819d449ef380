import { useEffect, useState } from 'react';
import type { LineageNode } from '@shared/editions/fortschreibung';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { editionOfField } from './editionInfo';
import './editions.css';

const editionsLineageTexts = de.editions.ui.lineage;

/** Says when a measure belongs to another Fassung than the current one (and that an abgelöste one is history). */
export function EditionNote({ actionFieldId }: { actionFieldId: string }) {
  const { reference } = useApp();
  const edition = editionOfField(reference, actionFieldId);
  if (!edition || !reference || edition.id === reference.currentEditionId) return null;
  return (
    <Notice kind="info">
      {de.editions.ui.otherEdition(edition.name, de.editions.states[edition.state])}
      {edition.state === 'abgeloest' ? ` ${de.editions.ui.replacedReadOnly}` : ''}
    </Notice>
  );
}

/**
 * "Verlauf über die Fassungen": the measure, its predecessors and its successors, one row per measure in
 * the order of the Fassungen, each with how it went on (übernommen, zusammengeführt, ersetzt, beendet).
 * Shown only when the measure has a line beyond itself.
 */
export function MeasureLineage({ id }: { id: string }) {
  const { rows, navigate } = useApp();
  const [nodes, setNodes] = useState<LineageNode[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    call('getMeasureLineage', { id })
      .then((result) => !cancelled && setNodes(result))
      .catch((e) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [id, rows]);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!nodes || (nodes.length <= 1 && !nodes[0]?.endedReason)) return null;
  const numberOf = new Map(nodes.map((n) => [n.measureId, n]));
  const open = (measureId: string) => void navigate({ name: 'measure', id: measureId });
  const measureLink = (n: LineageNode) =>
    n.isFocus ? (
      <strong>
        {n.number} {n.title} ({editionsLineageTexts.thisMeasure})
      </strong>
    ) : (
      <a
        href={`#massnahme-${n.measureId}`}
        onClick={(e) => {
          e.preventDefault();
          open(n.measureId);
        }}
      >
        {n.number} {n.title}
      </a>
    );
  return (
    <section aria-labelledby="lineage-title" className="lineage">
      <h2 id="lineage-title">{editionsLineageTexts.title}</h2>
      <table className="data compact">
        <caption className="visually-hidden">{editionsLineageTexts.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{editionsLineageTexts.edition}</th>
            <th scope="col">{editionsLineageTexts.measure}</th>
            <th scope="col">{editionsLineageTexts.next}</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.measureId}>
              <td>{n.editionName}</td>
              <td>
                {measureLink(n)} {n.inTrash ? editionsLineageTexts.inTrash : ''}
              </td>
              <td>
                {n.next.map((x) => {
                  const target = numberOf.get(x.measureId);
                  return (
                    <span key={x.measureId} className="lineage-step">
                      {editionsLineageTexts.step(
                        de.editions.relations[x.relation],
                        target ? `${target.number} (${target.editionName})` : x.measureId,
                      )}
                    </span>
                  );
                })}
                {n.endedReason !== null ? <span className="lineage-step">{editionsLineageTexts.ended(n.endedReason)}</span> : null}
                {n.next.length === 0 && n.endedReason === null ? <span className="muted">{editionsLineageTexts.lastHere}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
