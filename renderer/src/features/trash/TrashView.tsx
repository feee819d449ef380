import { useCallback, useEffect, useState } from 'react';
import type { MethodName } from '@shared/contract';
import { districtName } from '@shared/register/districts';
import { de } from '@shared/i18n/de';
import { formatDate, formatDateTime } from '@shared/core/format';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import type { Column } from '../../ui/DataTable';
import { LISTS } from '../../ui/listMemory';
import { Notice } from '../../ui/Notice';
import { TrashTable } from './TrashTable';

const trashTexts = de.ui.trash;
const trackingTrashTexts = de.trackingUi.trash;
const participationTexts = de.participation;

type Group = 'meetings' | 'recommendations' | 'labs' | 'proposals' | 'decisions';
const GROUPS: Group[] = ['meetings', 'recommendations', 'labs', 'proposals', 'decisions'];
type RestoreMethod = Extract<
  MethodName,
  'restoreMeeting' | 'restoreRecommendation' | 'restoreLab' | 'restoreProposal' | 'restoreTrackedDecision'
>;
const RESTORE: Record<Group, RestoreMethod> = {
  meetings: 'restoreMeeting',
  recommendations: 'restoreRecommendation',
  labs: 'restoreLab',
  proposals: 'restoreProposal',
  decisions: 'restoreTrackedDecision',
};

/** One deleted entry of Gremien & Beteiligung as the Papierkorb lists it. */
interface Entry {
  id: string;
  label: string;
  detail: string;
  deletedAt: string;
}

type MeasureRow = ReturnType<typeof useApp>['rows'][number];

/** Deleted measures: number and title stay, the Handlungsfeld gives way first on a narrow pane. */
const MEASURE_COLUMNS: Column<MeasureRow>[] = [
  { key: 'number', label: de.ui.register.col.number, width: 110, fixed: true, text: (r) => r.number },
  { key: 'title', label: de.ui.register.col.title, width: 280, grow: true, text: (r) => r.title },
  { key: 'actionField', label: de.ui.register.col.actionField, width: 280, priority: 2, text: (r) => r.actionFieldLabel },
  {
    key: 'deletedAt',
    label: trashTexts.deletedAt,
    width: 160,
    priority: 1,
    text: (r) => formatDateTime(r.deletedAt),
    sortValue: (r) => r.deletedAt ?? '',
  },
];

/** Deleted entries of Gremien & Beteiligung: what it was, its details, when it was deleted. */
const ENTRY_COLUMNS: Column<Entry>[] = [
  { key: 'entry', label: trackingTrashTexts.col.entry, width: 320, grow: true, fixed: true, text: (e) => e.label },
  { key: 'detail', label: trackingTrashTexts.col.detail, width: 420, priority: 2, text: (e) => e.detail },
  {
    key: 'deletedAt',
    label: trackingTrashTexts.col.deletedAt,
    width: 160,
    priority: 1,
    text: (e) => formatDateTime(e.deletedAt),
    sortValue: (e) => e.deletedAt,
  },
];

const newestFirst = (a: Entry, b: Entry) => b.deletedAt.localeCompare(a.deletedAt);

/** The deleted entries of the five lists of Gremien & Beteiligung, each list from its own call. */
async function loadParticipationTrash(bodyName: (id: string) => string): Promise<Record<Group, Entry[]>> {
  const [meetings, recommendations, labs, proposals, decisions] = await Promise.all([
    call('listMeetings', {}),
    call('listRecommendations', {}),
    call('listLabs', {}),
    call('listProposals', {}),
    call('listTrackedDecisions', {}),
  ]);
  return {
    meetings: meetings.flatMap((m) =>
      m.deletedAt
        ? [
            {
              id: m.id,
              label: trackingTrashTexts.labels.meeting(m.number, bodyName(m.bodyId), formatDate(m.date)),
              detail: participationTexts.meetingStates[m.state],
              deletedAt: m.deletedAt,
            },
          ]
        : [],
    ),
    recommendations: recommendations.flatMap((r) =>
      r.deletedAt
        ? [
            {
              id: r.id,
              label: trackingTrashTexts.labels.recommendation(r.number, r.title),
              detail: trackingTrashTexts.details.recommendation(participationTexts.addressees[r.addressee], formatDate(r.date)),
              deletedAt: r.deletedAt,
            },
          ]
        : [],
    ),
    labs: labs.flatMap((l) =>
      l.deletedAt
        ? [
            {
              id: l.id,
              label: trackingTrashTexts.labels.lab(l.name),
              detail: trackingTrashTexts.details.lab(districtName(l.district), l.quarter),
              deletedAt: l.deletedAt,
            },
          ]
        : [],
    ),
    proposals: proposals.flatMap((x) =>
      x.deletedAt
        ? [
            {
              id: x.id,
              label: trackingTrashTexts.labels.proposal(x.number),
              detail: trackingTrashTexts.details.proposal(
                participationTexts.proposalSources[x.source],
                formatDate(x.receivedOn),
                participationTexts.proposalStates[x.state],
              ),
              deletedAt: x.deletedAt,
            },
          ]
        : [],
    ),
    decisions: decisions.flatMap((d) =>
      d.deletedAt
        ? [
            {
              id: d.id,
              label: trackingTrashTexts.labels.decision(d.printNumber, d.subject),
              detail: trackingTrashTexts.details.decision(
                bodyName(d.bodyId),
                formatDate(d.decidedOn),
                participationTexts.decisionStates[d.state],
              ),
              deletedAt: d.deletedAt,
            },
          ]
        : [],
    ),
  };
}

/** Deleted measures and deleted entries of Gremien & Beteiligung, grouped by kind; nothing is erased for good here. */
export function TrashView() {
  const { rows, save, readOnly, reference } = useApp();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [others, setOthers] = useState<Record<Group, Entry[]> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const deleted = rows.filter((r) => r.deletedAt).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));

  const bodies = reference?.bodies;
  const load = useCallback(async () => {
    const names = new Map((bodies ?? []).map((b) => [b.id, b.shortName || b.name]));
    try {
      setOthers(await loadParticipationTrash((id) => names.get(id) ?? ''));
      setLoadError(null);
    } catch (e) {
      setLoadError(trackingTrashTexts.loadFailed(errorMessage(e)));
    }
  }, [bodies]);
  useEffect(() => void load(), [load]);

  const restore = async (id: string, number: string) => {
    try {
      setMessage(null);
      await save(() => call('restoreMeasure', { id }), { text: () => trashTexts.restored(number) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };
  const restoreEntry = async (group: Group, entry: Entry) => {
    try {
      setMessage(null);
      await save(() => call(RESTORE[group], { id: entry.id }), { text: () => trackingTrashTexts.restored(entry.label) });
    } catch (e) {
      // A refusal with field problems (number taken again) says why in the field messages.
      const reasons =
        e instanceof ApiCallError && e.error.fields?.length ? e.error.fields.map((f) => f.message).join(' ') : errorMessage(e);
      setMessage({ kind: 'error', text: trackingTrashTexts.refused(entry.label, reasons) });
    }
    await load();
  };

  const otherCount = others ? GROUPS.reduce((sum, k) => sum + others[k].length, 0) : 0;
  const empty = deleted.length === 0 && others !== null && otherCount === 0;

  return (
    <section aria-labelledby="trash-title" className="trash">
      <h1 id="trash-title">{trashTexts.title}</h1>
      <p>{trackingTrashTexts.intro}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {loadError ? <Notice kind="error">{loadError}</Notice> : null}
      {empty ? <p>{trashTexts.empty}</p> : null}
      {deleted.length > 0 ? (
        <section aria-labelledby="trash-group-measures">
          <h2 id="trash-group-measures">{trackingTrashTexts.heading(trackingTrashTexts.groups.measures, deleted.length)}</h2>
          <TrashTable
            listKey={`${LISTS.trash}-measures`}
            caption={trackingTrashTexts.caption(trackingTrashTexts.groups.measures)}
            columns={MEASURE_COLUMNS}
            rows={deleted}
            rowKey={(r) => r.id}
            restoreLabel={(r) => trashTexts.restoreLabel(r.number)}
            onRestore={(r) => void restore(r.id, r.number)}
            disabled={readOnly}
          />
        </section>
      ) : null}
      {others
        ? GROUPS.filter((k) => others[k].length > 0).map((k) => (
            <section key={k} aria-labelledby={`trash-group-${k}`}>
              <h2 id={`trash-group-${k}`}>{trackingTrashTexts.heading(trackingTrashTexts.groups[k], others[k].length)}</h2>
              <TrashTable
                listKey={`${LISTS.trash}-${k}`}
                caption={trackingTrashTexts.caption(trackingTrashTexts.groups[k])}
                columns={ENTRY_COLUMNS}
                rows={[...others[k]].sort(newestFirst)}
                rowKey={(entry) => entry.id}
                restoreLabel={(entry) => trackingTrashTexts.restoreLabel(entry.label)}
                onRestore={(entry) => void restoreEntry(k, entry)}
                disabled={readOnly}
              />
            </section>
          ))
        : null}
    </section>
  );
}
