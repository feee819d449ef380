import { useMemo, useState } from 'react';
import { districtName } from '@shared/register/districts';
import type { Lab } from '@shared/participation/labs';
import { formatDate, formatInteger } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { DataTable, useTableSort, type Column } from '../../ui/DataTable';
import { LISTS, listPlace, updateListPlace } from '../../ui/listMemory';
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

  const live = useMemo(() => (labs ?? []).filter((l) => !l.deletedAt).sort((a, b) => a.name.localeCompare(b.name, 'de')), [labs]);
  const columns = useMemo(
    () =>
      labColumns(
        (id) => proposalCount.get(id) ?? 0,
        (id) => {
          updateListPlace(LISTS.labs, { selectedId: id });
          void navigate({ name: 'lab', id });
        },
      ),
    [proposalCount, navigate],
  );
  const { sort, onSort, sorted } = useTableSort(LISTS.labs, columns, live);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!labs || !proposals) return <p>{de.ui.loading}</p>;
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
        <DataTable
          listKey={LISTS.labs}
          caption={proposalsTexts.labs.caption}
          columns={columns}
          rows={sorted}
          rowKey={(lab) => lab.id}
          sort={sort}
          onSort={onSort}
          className="table-flow"
          tableClassName="labs-table"
          selectedId={listPlace(LISTS.labs).selectedId}
          emptyText={proposalsTexts.labs.empty}
        />
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

/** The labs' columns; Name takes the rest, the counts give way first on a narrow pane. */
function labColumns(proposalsOf: (id: string) => number, open: (id: string) => void): Column<Lab>[] {
  const sum = (lab: Lab, key: 'invitedCount' | 'attendingCount') => lab.sessions.reduce((total, s) => total + (s[key] ?? 0), 0);
  const dates = (lab: Lab) => lab.sessions.map((s) => s.date).sort();
  return [
    {
      key: 'name',
      label: c.name,
      width: 260,
      grow: true,
      fixed: true,
      rowHeader: true,
      text: (lab) => lab.name,
      cell: (lab) => (
        <a
          href={`#labor-${lab.id}`}
          onClick={(e) => {
            e.preventDefault();
            open(lab.id);
          }}
        >
          {lab.name}
        </a>
      ),
    },
    { key: 'district', label: c.district, width: 150, priority: 1, text: (lab) => districtName(lab.district) },
    { key: 'quarter', label: c.quarter, width: 150, priority: 2, text: (lab) => lab.quarter },
    {
      key: 'sessions',
      label: c.sessions,
      width: 230,
      priority: 1,
      text: (lab) => {
        const d = dates(lab);
        return proposalsTexts.labs.sessionsText(d.length, formatDate(d[0]), formatDate(d[d.length - 1]));
      },
      sortValue: (lab) => dates(lab)[0] ?? '',
    },
    {
      key: 'invited',
      label: c.invited,
      width: 110,
      numeric: true,
      priority: 3,
      text: (lab) => formatInteger(sum(lab, 'invitedCount')),
      sortValue: (lab) => sum(lab, 'invitedCount'),
    },
    {
      key: 'attending',
      label: c.attending,
      width: 120,
      numeric: true,
      priority: 3,
      text: (lab) => formatInteger(sum(lab, 'attendingCount')),
      sortValue: (lab) => sum(lab, 'attendingCount'),
    },
    {
      key: 'proposals',
      label: c.proposals,
      width: 110,
      numeric: true,
      priority: 2,
      text: (lab) => formatInteger(proposalsOf(lab.id)),
      sortValue: (lab) => proposalsOf(lab.id),
    },
  ];
}
