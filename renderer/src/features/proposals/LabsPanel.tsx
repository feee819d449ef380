import { useMemo, useState } from 'react';
import { districtName } from '@shared/register/districts';
import type { Lab } from '@shared/participation/labs';
import { formatDate, formatInteger } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { DistrictOverview } from './DistrictOverview';
import { TrashList } from './TrashList';
import { useLists } from './useLists';
import './proposals.css';

const proposalsTexts = de.proposalsUi;
const c = proposalsTexts.labs.col;

/** "Quartierslabore" tab: the labs with their sessions and Anregungen, and the overview per Stadtbezirk. */
export function LabsPanel() {
  const { navigate, readOnly, save } = useApp();
  const { labs, proposals, error } = useLists();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const proposalCount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of proposals ?? []) if (!p.deletedAt && p.labId) counts.set(p.labId, (counts.get(p.labId) ?? 0) + 1);
    return counts;
  }, [proposals]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!labs || !proposals) return <p>{de.ui.loading}</p>;
  const live = labs.filter((l) => !l.deletedAt).sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const trashed = labs.filter((l) => l.deletedAt);

  const restore = async (lab: Lab) => {
    setMessage(null);
    try {
      await save(() => call('restoreLab', { id: lab.id }));
      setMessage({ kind: 'success', text: proposalsTexts.restored(proposalsTexts.labs.labName(lab.name)) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  return (
    <div className="proposals-area">
      <div className="view-head">
        <h2 id="labs-title">{proposalsTexts.labs.title}</h2>
        <button type="button" className="primary" disabled={readOnly} onClick={() => void navigate({ name: 'lab', id: null })}>
          {proposalsTexts.labs.newLab}
        </button>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <p className="count">{proposalsTexts.labs.count(live.length)}</p>
      {live.length === 0 ? (
        <p className="empty">{proposalsTexts.labs.empty}</p>
      ) : (
        <div className="scroll-x">
          <table className="data labs-table">
            <caption className="visually-hidden">{proposalsTexts.labs.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.name}</th>
                <th scope="col">{c.district}</th>
                <th scope="col">{c.quarter}</th>
                <th scope="col">{c.sessions}</th>
                <th scope="col" className="num">
                  {c.invited}
                </th>
                <th scope="col" className="num">
                  {c.attending}
                </th>
                <th scope="col" className="num">
                  {c.proposals}
                </th>
              </tr>
            </thead>
            <tbody>
              {live.map((lab) => (
                <LabRow
                  key={lab.id}
                  lab={lab}
                  proposals={proposalCount.get(lab.id) ?? 0}
                  onOpen={() => void navigate({ name: 'lab', id: lab.id })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <TrashList
        items={trashed.map((l) => ({ id: l.id, label: proposalsTexts.labs.labName(l.name), deletedAt: l.deletedAt! }))}
        disabled={readOnly}
        onRestore={(id) => {
          const lab = trashed.find((l) => l.id === id);
          if (lab) void restore(lab);
        }}
      />
      <DistrictOverview labs={labs} proposals={proposals} />
    </div>
  );
}

function LabRow({ lab, proposals, onOpen }: { lab: Lab; proposals: number; onOpen: () => void }) {
  const dates = lab.sessions.map((s) => s.date).sort();
  const invited = lab.sessions.reduce((sum, s) => sum + (s.invitedCount ?? 0), 0);
  const attending = lab.sessions.reduce((sum, s) => sum + (s.attendingCount ?? 0), 0);
  return (
    <tr>
      <th scope="row">
        <a
          href={`#labor-${lab.id}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen();
          }}
        >
          {lab.name}
        </a>
      </th>
      <td>{districtName(lab.district)}</td>
      <td>{lab.quarter}</td>
      <td>{proposalsTexts.labs.sessionsText(dates.length, formatDate(dates[0]), formatDate(dates[dates.length - 1]))}</td>
      <td className="num">{formatInteger(invited)}</td>
      <td className="num">{formatInteger(attending)}</td>
      <td className="num">{formatInteger(proposals)}</td>
    </tr>
  );
}
