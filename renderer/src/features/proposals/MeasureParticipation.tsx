import { useEffect, useState } from 'react';
import { hasParticipation, type MeasureParticipation as Links } from '@shared/participation/measureParticipation';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp, type View } from '../../appState';
import { Notice } from '../../ui/Notice';
import './proposals.css';

const proposalsMeasureLinksTexts = de.proposalsUi.measureLinks;
const participationTexts = de.participation;

/**
 * "Gremien & Beteiligung" on a measure's page: the Anregungen it came from, the recommendations, tracked
 * decisions and session agenda items that name it – each opening its own screen. Only the lists that have
 * entries are shown; one line says when there is nothing at all.
 */
export function MeasureParticipation({ measureId }: { measureId: string }) {
  const { rows } = useApp();
  const [links, setLinks] = useState<Links | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    call('getMeasureParticipation', { measureId })
      .then((result) => !cancelled && (setLinks(result), setError(null)))
      .catch((e) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [measureId, rows]);

  return (
    <section aria-labelledby="measure-links-title" className="measure-links">
      <h2 id="measure-links-title">{proposalsMeasureLinksTexts.title}</h2>
      {error ? (
        <Notice kind="error">{error}</Notice>
      ) : !links ? (
        <p>{de.ui.loading}</p>
      ) : hasParticipation(links) ? (
        <LinkTables links={links} />
      ) : (
        <p className="empty">{proposalsMeasureLinksTexts.none}</p>
      )}
    </section>
  );
}

function LinkTables({ links }: { links: Links }) {
  return (
    <>
      {links.proposals.length > 0 && (
        <table className="data compact">
          <caption>{proposalsMeasureLinksTexts.proposals.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{proposalsMeasureLinksTexts.proposals.col.number}</th>
              <th scope="col">{proposalsMeasureLinksTexts.proposals.col.receivedOn}</th>
              <th scope="col">{proposalsMeasureLinksTexts.proposals.col.category}</th>
              <th scope="col">{proposalsMeasureLinksTexts.proposals.col.state}</th>
            </tr>
          </thead>
          <tbody>
            {links.proposals.map((x) => (
              <tr key={x.id}>
                <th scope="row" className="nowrap">
                  <ViewLink to={{ name: 'proposal', id: x.id }} anchor={`anregung-${x.id}`} label={de.proposalsUi.list.openLabel(x.number)}>
                    {x.number}
                  </ViewLink>
                </th>
                <td className="nowrap">{formatDate(x.receivedOn)}</td>
                <td>{x.category}</td>
                <td>{participationTexts.proposalStates[x.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {links.recommendations.length > 0 && (
        <table className="data compact">
          <caption>{proposalsMeasureLinksTexts.recommendations.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{proposalsMeasureLinksTexts.recommendations.col.number}</th>
              <th scope="col">{proposalsMeasureLinksTexts.recommendations.col.date}</th>
              <th scope="col">{proposalsMeasureLinksTexts.recommendations.col.title}</th>
              <th scope="col">{proposalsMeasureLinksTexts.recommendations.col.state}</th>
            </tr>
          </thead>
          <tbody>
            {links.recommendations.map((x) => (
              <tr key={x.id}>
                <th scope="row" className="nowrap">
                  <ViewLink
                    to={{ name: 'participation', tab: 'recommendations' }}
                    anchor={`empfehlung-${x.id}`}
                    label={proposalsMeasureLinksTexts.recommendations.openLabel(x.number)}
                  >
                    {x.number}
                  </ViewLink>
                </th>
                <td className="nowrap">{formatDate(x.date)}</td>
                <td>{x.title}</td>
                <td>{participationTexts.recommendationStates[x.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {links.decisions.length > 0 && (
        <table className="data compact">
          <caption>{proposalsMeasureLinksTexts.decisions.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{proposalsMeasureLinksTexts.decisions.col.printNumber}</th>
              <th scope="col">{proposalsMeasureLinksTexts.decisions.col.decidedOn}</th>
              <th scope="col">{proposalsMeasureLinksTexts.decisions.col.subject}</th>
              <th scope="col">{proposalsMeasureLinksTexts.decisions.col.dueDate}</th>
              <th scope="col">{proposalsMeasureLinksTexts.decisions.col.state}</th>
            </tr>
          </thead>
          <tbody>
            {links.decisions.map((x) => (
              <tr key={x.id}>
                <th scope="row" className="nowrap">
                  <ViewLink
                    to={{ name: 'decision', id: x.id }}
                    anchor={`beschluss-${x.id}`}
                    label={proposalsMeasureLinksTexts.decisions.openLabel(x.printNumber)}
                  >
                    {proposalsMeasureLinksTexts.decisions.printNumber(x.printNumber)}
                  </ViewLink>
                </th>
                <td className="nowrap">{formatDate(x.decidedOn)}</td>
                <td>{x.subject}</td>
                <td className="nowrap">{x.dueDate ? formatDate(x.dueDate) : proposalsMeasureLinksTexts.decisions.noDueDate}</td>
                <td>
                  {x.overdue ? (
                    <strong>{proposalsMeasureLinksTexts.decisions.stateOverdue(participationTexts.decisionStates[x.state])}</strong>
                  ) : (
                    participationTexts.decisionStates[x.state]
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {links.agendaItems.length > 0 && (
        <table className="data compact">
          <caption>{proposalsMeasureLinksTexts.agendaItems.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{proposalsMeasureLinksTexts.agendaItems.col.meeting}</th>
              <th scope="col">{proposalsMeasureLinksTexts.agendaItems.col.date}</th>
              <th scope="col">{proposalsMeasureLinksTexts.agendaItems.col.top}</th>
              <th scope="col">{proposalsMeasureLinksTexts.agendaItems.col.title}</th>
            </tr>
          </thead>
          <tbody>
            {links.agendaItems.map((x) => {
              const meeting = proposalsMeasureLinksTexts.agendaItems.meeting(x.body, x.meetingNumber);
              return (
                <tr key={`${x.meetingId}-${x.agendaItemId}`}>
                  <th scope="row" className="nowrap">
                    <ViewLink
                      to={{ name: 'meeting', id: x.meetingId }}
                      anchor={`sitzung-${x.meetingId}`}
                      label={proposalsMeasureLinksTexts.agendaItems.openLabel(meeting, formatDate(x.date))}
                    >
                      {meeting}
                    </ViewLink>
                  </th>
                  <td className="nowrap">{formatDate(x.date)}</td>
                  <td className="nowrap">{proposalsMeasureLinksTexts.agendaItems.top(x.top)}</td>
                  <td>{x.title}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/** A link that opens another screen of the app (keyboard: Enter, as any link). */
function ViewLink({ to, anchor, label, children }: { to: View; anchor: string; label: string; children: React.ReactNode }) {
  const { navigate } = useApp();
  return (
    <a
      href={`#${anchor}`}
      aria-label={label}
      onClick={(e) => {
        e.preventDefault();
        void navigate(to);
      }}
    >
      {children}
    </a>
  );
}
