import { useCallback, useEffect, useState } from 'react';
import type { MethodName } from '@shared/contract';
import { districtName } from '@shared/register/districts';
import { de } from '@shared/i18n/de';
import { formatDate, formatDateTime } from '@shared/core/format';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';

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
          <table className="data">
            <caption className="visually-hidden">{trackingTrashTexts.caption(trackingTrashTexts.groups.measures)}</caption>
            <thead>
              <tr>
                <th scope="col">{de.ui.register.col.number}</th>
                <th scope="col">{de.ui.register.col.title}</th>
                <th scope="col">{de.ui.register.col.actionField}</th>
                <th scope="col">{trashTexts.deletedAt}</th>
                <th scope="col">
                  <span className="visually-hidden">{trashTexts.restore}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deleted.map((r) => (
                <tr key={r.id}>
                  <td>{r.number}</td>
                  <td>{r.title}</td>
                  <td>{r.actionFieldLabel}</td>
                  <td>{formatDateTime(r.deletedAt)}</td>
                  <td>
                    <button
                      type="button"
                      disabled={readOnly}
                      aria-label={trashTexts.restoreLabel(r.number)}
                      onClick={() => void restore(r.id, r.number)}
                    >
                      {trashTexts.restore}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {others
        ? GROUPS.filter((k) => others[k].length > 0).map((k) => (
            <section key={k} aria-labelledby={`trash-group-${k}`}>
              <h2 id={`trash-group-${k}`}>{trackingTrashTexts.heading(trackingTrashTexts.groups[k], others[k].length)}</h2>
              <table className="data">
                <caption className="visually-hidden">{trackingTrashTexts.caption(trackingTrashTexts.groups[k])}</caption>
                <thead>
                  <tr>
                    <th scope="col">{trackingTrashTexts.col.entry}</th>
                    <th scope="col">{trackingTrashTexts.col.detail}</th>
                    <th scope="col">{trackingTrashTexts.col.deletedAt}</th>
                    <th scope="col">
                      <span className="visually-hidden">{trashTexts.restore}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...others[k]].sort(newestFirst).map((entry) => (
                    <tr key={entry.id}>
                      <td>{entry.label}</td>
                      <td>{entry.detail}</td>
                      <td>{formatDateTime(entry.deletedAt)}</td>
                      <td>
                        <button
                          type="button"
                          disabled={readOnly}
                          aria-label={trackingTrashTexts.restoreLabel(entry.label)}
                          onClick={() => void restoreEntry(k, entry)}
                        >
                          {trashTexts.restore}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))
        : null}
    </section>
  );
}
