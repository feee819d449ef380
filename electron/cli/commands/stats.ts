import { localDay } from '@shared/core/calendar';
import { DISTRICTS } from '@shared/register/districts';
import { PROPOSAL_STATES, type ProposalState } from '@shared/participation/labs';
import { isDecisionOpen, isOverdue } from '@shared/participation/trackingReport';
import { de } from '@shared/i18n/de';
import type { RegisterDocument } from '@shared/register/register';
import { formatInteger, formatMoney } from '@shared/core/format';
import { writeLines, type Command } from '../command';
import { loadForDisplay, resolveStore } from '../registerFile';
import { renderTable } from '../table';
import { cli } from '@shared/i18n/cli';

export interface RegisterStats {
  register: { name: string; registerId: string; isSample: boolean; file: string };
  measures: { active: number; deleted: number; total: number };
  /** Active measures per status, in the order of the status list; unknown keys last. */
  byStatus: { key: string; label: string; count: number }[];
  /** Active measures per Handlungsfeld; `id` null collects measures whose field is missing. */
  byActionField: { id: string | null; code: string; name: string; count: number }[];
  /** Active measures per Stadtbezirk (a measure may count in several); `withoutDistrict` has none. */
  byDistrict: { code: string; name: string; count: number }[];
  withoutDistrict: number;
  /** Sums over all budget lines of active measures, in cents. */
  budget: { plannedCents: number; approvedCents: number; spentCents: number };
  /** Gremien & Beteiligung, without the Papierkorb; `overdue` and `upcoming` judged at `today`. */
  participation: {
    meetings: number;
    upcomingMeetings: number;
    openRecommendations: number;
    labs: number;
    proposalsByState: { key: ProposalState; label: string; count: number }[];
    decisions: number;
    openDecisions: number;
    overdueDecisions: number;
  };
}

/** Pure: the figures `stats` prints (`today` as YYYY-MM-DD). */
export function computeStats(doc: RegisterDocument, file: string, today: string): RegisterStats {
  const active = doc.measures.filter((m) => !m.deletedAt);
  const countBy = <K>(keyOf: (m: (typeof active)[number]) => K) => {
    const counts = new Map<K, number>();
    for (const m of active) counts.set(keyOf(m), (counts.get(keyOf(m)) ?? 0) + 1);
    return counts;
  };

  const statusCounts = countBy((m) => m.status);
  const byStatus = doc.statuses
    .filter((s) => s.active || statusCounts.has(s.key))
    .map((s) => ({ key: s.key, label: s.label, count: statusCounts.get(s.key) ?? 0 }));
  for (const [key, n] of statusCounts) if (!doc.statuses.some((s) => s.key === key)) byStatus.push({ key, label: key, count: n });

  const fieldCounts = countBy((m) => m.actionFieldId);
  const byActionField: RegisterStats['byActionField'] = doc.actionFields
    .filter((f) => f.editionId === doc.currentEditionId || fieldCounts.has(f.id))
    .map((f) => ({ id: f.id, code: f.code, name: f.name, count: fieldCounts.get(f.id) ?? 0 }));
  const unknownFields = active.filter((m) => !doc.actionFields.some((f) => f.id === m.actionFieldId)).length;
  if (unknownFields > 0) byActionField.push({ id: null, code: '', name: cli.stats.unknownActionField, count: unknownFields });

  const byDistrict = DISTRICTS.map((d) => ({
    code: d.code as string,
    name: d.name as string,
    count: active.filter((m) => m.districts.includes(d.code)).length,
  }));

  const budget = { plannedCents: 0, approvedCents: 0, spentCents: 0 };
  for (const m of active) {
    for (const line of m.budget) {
      budget.plannedCents += line.plannedCents ?? 0;
      budget.approvedCents += line.approvedCents ?? 0;
      budget.spentCents += line.spentCents ?? 0;
    }
  }

  return {
    register: { name: doc.name, registerId: doc.registerId, isSample: doc.isSample, file },
    measures: { active: active.length, deleted: doc.measures.length - active.length, total: doc.measures.length },
    byStatus,
    byActionField,
    byDistrict,
    withoutDistrict: active.filter((m) => m.districts.length === 0).length,
    budget,
    participation: participationStats(doc, today),
  };
}

function participationStats(doc: RegisterDocument, today: string): RegisterStats['participation'] {
  const live = <T extends { deletedAt: string | null }>(items: readonly T[]) => items.filter((i) => i.deletedAt === null);
  const meetings = live(doc.meetings);
  const proposals = live(doc.proposals);
  const decisions = live(doc.trackedDecisions);
  return {
    meetings: meetings.length,
    upcomingMeetings: meetings.filter((m) => m.date >= today).length,
    openRecommendations: live(doc.recommendations).filter((r) => r.state === 'offen' || r.state === 'in_bearbeitung').length,
    labs: live(doc.labs).length,
    proposalsByState: PROPOSAL_STATES.map((key) => ({
      key,
      label: de.participation.proposalStates[key],
      count: proposals.filter((p) => p.state === key).length,
    })),
    decisions: decisions.length,
    openDecisions: decisions.filter((d) => isDecisionOpen(d.state)).length,
    overdueDecisions: decisions.filter((d) => isOverdue(d, today)).length,
  };
}

/** Text form: sections of label/value rows, all values in one right-aligned column. */
export function renderStats(stats: RegisterStats): string[] {
  const t = cli.stats;
  const n = formatInteger;
  const sections: [string, string[][]][] = [
    [
      t.measures,
      [
        [t.active, n(stats.measures.active)],
        [t.deleted, n(stats.measures.deleted)],
        [t.total, n(stats.measures.total)],
      ],
    ],
    [t.byStatus, stats.byStatus.map((s) => [s.label, n(s.count)])],
    [t.byActionField, stats.byActionField.map((f) => [f.code ? `${f.code} ${f.name}` : f.name, n(f.count)])],
    [t.byDistrict, [...stats.byDistrict.map((d) => [d.name, n(d.count)]), [t.withoutDistrict, n(stats.withoutDistrict)]]],
    [
      t.budget,
      [
        [t.planned, formatMoney(stats.budget.plannedCents)],
        [t.approved, formatMoney(stats.budget.approvedCents)],
        [t.spent, formatMoney(stats.budget.spentCents)],
      ],
    ],
    [
      t.participation,
      [
        [t.meetings, n(stats.participation.meetings)],
        [t.upcomingMeetings, n(stats.participation.upcomingMeetings)],
        [t.openRecommendations, n(stats.participation.openRecommendations)],
        [t.labs, n(stats.participation.labs)],
        ...stats.participation.proposalsByState.map((p) => [t.proposalsInState(p.label), n(p.count)]),
        [t.decisions, n(stats.participation.decisions)],
        [t.openDecisions, n(stats.participation.openDecisions)],
        [t.overdueDecisions, n(stats.participation.overdueDecisions)],
      ],
    ],
  ];
  // One table over all sections keeps the numbers in one column; headings are split out afterwards.
  const rows = sections.flatMap(([, body]) => body);
  const aligned = renderTable(rows, { align: ['left', 'right'], indent: '  ' });
  const lines = renderTable([
    [`${t.register}:`, `${stats.register.name}${stats.register.isSample ? t.sample : ''}`],
    [`${t.file}:`, stats.register.file],
  ]);
  let next = 0;
  for (const [heading, body] of sections) {
    lines.push('', heading, ...aligned.slice(next, next + body.length));
    next += body.length;
  }
  return lines;
}

/** `stats --store FILE [--json]`. */
export const statsCommand: Command = {
  name: 'stats',
  summary: cli.commands.stats,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    json: { kind: 'flag', help: cli.options.json },
  },
  async run({ options, io, env }) {
    const { path, doc } = await loadForDisplay(resolveStore(env, options.required('store')), io);
    const stats = computeStats(doc, path, localDay(env.now()));
    if (options.flag('json')) io.out.write(`${JSON.stringify(stats, null, 2)}\n`);
    else writeLines(io.out, renderStats(stats));
    return 0;
  },
};
