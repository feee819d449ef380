import type { Proposal } from '@shared/participation/labs';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { useApp } from '../../appState';
import { excerpt } from './proposalForm';

const proposalsMeasureProposalsTexts = de.proposalsUi.measureProposals;
const participationTexts = de.participation;

/** A short list of Anregungen (of a Quartierslabor, of a measure), each opening its Anregung. */
export function ProposalTable({ proposals, caption }: { proposals: readonly Proposal[]; caption: string }) {
  const { navigate } = useApp();
  const sorted = [...proposals].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.number.localeCompare(a.number));
  return (
    <div className="scroll-x">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{proposalsMeasureProposalsTexts.col.number}</th>
            <th scope="col">{proposalsMeasureProposalsTexts.col.receivedOn}</th>
            <th scope="col">{proposalsMeasureProposalsTexts.col.source}</th>
            <th scope="col">{proposalsMeasureProposalsTexts.col.state}</th>
            <th scope="col">{proposalsMeasureProposalsTexts.col.text}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((x) => (
            <tr key={x.id}>
              <th scope="row" className="nowrap">
                <a
                  href={`#anregung-${x.id}`}
                  aria-label={de.proposalsUi.list.openLabel(x.number)}
                  onClick={(e) => {
                    e.preventDefault();
                    void navigate({ name: 'proposal', id: x.id });
                  }}
                >
                  {x.number}
                </a>
              </th>
              <td className="nowrap">{formatDate(x.receivedOn)}</td>
              <td>{participationTexts.proposalSources[x.source]}</td>
              <td>{participationTexts.proposalStates[x.state]}</td>
              <td>{excerpt(x.text)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
