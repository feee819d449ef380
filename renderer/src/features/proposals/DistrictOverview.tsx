import { useMemo } from 'react';
import { PROPOSAL_STATES, type Lab, type Proposal } from '@shared/participation/labs';
import { districtOverview, type DistrictOverviewRow } from '@shared/participation/participationLists';
import { formatInteger } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { useApp } from '../../appState';
import { presets } from './presets';

const proposalsOverviewTexts = de.proposalsUi.overview;
const states = proposalsOverviewTexts.stateHeads;

type CountKey = 'labs' | 'labSessions' | 'invited' | 'attending' | 'proposals';
const COUNTS: { key: CountKey; label: string }[] = [
  { key: 'labs', label: proposalsOverviewTexts.col.labs },
  { key: 'labSessions', label: proposalsOverviewTexts.col.sessions },
  { key: 'invited', label: proposalsOverviewTexts.col.invited },
  { key: 'attending', label: proposalsOverviewTexts.col.attending },
  { key: 'proposals', label: proposalsOverviewTexts.col.proposals },
];

/**
 * Per Stadtbezirk: Quartierslabore, their sessions and attendance, Anregungen by state and the measures
 * they led to. Each row opens the Anregungen of its district.
 */
export function DistrictOverview({ labs, proposals }: { labs: readonly Lab[]; proposals: readonly Proposal[] }) {
  const { navigate } = useApp();
  const rows = useMemo(() => districtOverview(proposals, labs), [proposals, labs]);
  const total = useMemo(() => sumRows(rows, proposals), [rows, proposals]);

  const show = async (row: DistrictOverviewRow) => {
    presets.filter.set({ district: row.district });
    if (!(await navigate({ name: 'participation', tab: 'proposals' }))) presets.filter.clear();
  };

  return (
    <section aria-labelledby="district-overview-title" className="district-overview">
      <h2 id="district-overview-title">{proposalsOverviewTexts.title}</h2>
      <p className="hint">{proposalsOverviewTexts.hint}</p>
      <div className="scroll-x">
        <table className="data">
          <colgroup>
            <col className="col-district" />
            {COUNTS.map((col) => (
              <col key={col.key} />
            ))}
            {PROPOSAL_STATES.map((s) => (
              <col key={s} />
            ))}
            <col />
            <col className="col-action" />
          </colgroup>
          <caption>{proposalsOverviewTexts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{proposalsOverviewTexts.col.district}</th>
              {COUNTS.map((col) => (
                <th key={col.key} scope="col" className="num">
                  {col.label}
                </th>
              ))}
              {PROPOSAL_STATES.map((s) => (
                <th key={s} scope="col" className="num">
                  {states[s]}
                </th>
              ))}
              <th scope="col" className="num">
                {proposalsOverviewTexts.col.measures}
              </th>
              <th scope="col">
                <span className="visually-hidden">{proposalsOverviewTexts.col.action}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.district}>
                <th scope="row">{row.name}</th>
                {COUNTS.map((col) => (
                  <td key={col.key} className="num">
                    {formatInteger(row[col.key])}
                  </td>
                ))}
                {PROPOSAL_STATES.map((s) => (
                  <td key={s} className="num">
                    {formatInteger(row.byState[s])}
                  </td>
                ))}
                <td className="num">{formatInteger(row.measures)}</td>
                <td>
                  <button type="button" className="link-button" disabled={row.proposals === 0} onClick={() => void show(row)}>
                    {proposalsOverviewTexts.show}
                    <span className="visually-hidden">{proposalsOverviewTexts.showDistrict(row.name)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{proposalsOverviewTexts.total}</th>
              {COUNTS.map((col) => (
                <td key={col.key} className="num">
                  {formatInteger(total[col.key])}
                </td>
              ))}
              {PROPOSAL_STATES.map((s) => (
                <td key={s} className="num">
                  {formatInteger(total.byState[s])}
                </td>
              ))}
              <td className="num">{formatInteger(total.measures)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** Column sums; a measure that came from Anregungen of two districts counts once. */
function sumRows(
  rows: readonly DistrictOverviewRow[],
  proposals: readonly Proposal[],
): Pick<DistrictOverviewRow, CountKey | 'byState' | 'measures'> {
  const byState = Object.fromEntries(
    PROPOSAL_STATES.map((s) => [s, rows.reduce((sum, r) => sum + r.byState[s], 0)]),
  ) as DistrictOverviewRow['byState'];
  const sum = (key: CountKey) => rows.reduce((total, r) => total + r[key], 0);
  const measures = new Set(proposals.filter((p) => !p.deletedAt && p.district && p.measureId).map((p) => p.measureId)).size;
  return {
    labs: sum('labs'),
    labSessions: sum('labSessions'),
    invited: sum('invited'),
    attending: sum('attending'),
    proposals: sum('proposals'),
    byState,
    measures,
  };
}
