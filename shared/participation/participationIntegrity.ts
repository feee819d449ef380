import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import type { RegisterDocument } from '@shared/register/register';
import { duplicateIdProblems } from '@shared/register/duplicateIds';

/**
 * Cross-references of Gremien & Beteiligung a file edited by hand or by another tool may have broken. A
 * link to an entry in the Papierkorb is fine (links stay when their target is deleted later); a link to
 * nothing is not. Part of checkRegisterIntegrity: shown as warnings on open and by `masterplan validate`.
 */
export function checkParticipationIntegrity(doc: RegisterDocument): string[] {
  const problems: string[] = [];
  const participationIntegrityTexts = de.participation.integrity;
  const ids = <T extends { id: string }>(items: readonly T[], what: string): Set<string> => {
    const list = items.map((item) => item.id);
    problems.push(...duplicateIdProblems(what, list));
    return new Set(list);
  };
  const bodies = new Set(doc.bodies.map((b) => b.id));
  const measures = new Set(doc.measures.map((m) => m.id));
  const submissions = new Set(doc.submissions.map((s) => s.id));
  const orgUnits = new Set(doc.orgUnits.map((u) => u.id));
  ids(doc.bodyMembers, participationIntegrityTexts.kinds.member);
  const meetings = ids(doc.meetings, participationIntegrityTexts.kinds.meeting);
  const recommendations = ids(doc.recommendations, participationIntegrityTexts.kinds.recommendation);
  const labs = ids(doc.labs, participationIntegrityTexts.kinds.lab);
  const proposals = ids(doc.proposals, participationIntegrityTexts.kinds.proposal);
  ids(doc.contacts, participationIntegrityTexts.kinds.contact);
  ids(doc.trackedDecisions, participationIntegrityTexts.kinds.decision);

  const missing = (where: string, what: string, id: string) => problems.push(participationIntegrityTexts.missing(where, what, id));
  for (const m of doc.bodyMembers)
    if (!bodies.has(m.bodyId))
      missing(participationIntegrityTexts.member(m.organisation), participationIntegrityTexts.kinds.body, m.bodyId);
  for (const m of doc.meetings) {
    const where = participationIntegrityTexts.meeting(m.number, formatDate(m.date));
    if (!bodies.has(m.bodyId)) missing(where, participationIntegrityTexts.kinds.body, m.bodyId);
    for (const item of m.agenda) {
      for (const id of item.measureIds)
        if (!measures.has(id)) missing(`${where}, TOP ${item.number}`, participationIntegrityTexts.kinds.measure, id);
      for (const id of item.submissionIds)
        if (!submissions.has(id)) missing(`${where}, TOP ${item.number}`, participationIntegrityTexts.kinds.submission, id);
      for (const id of item.recommendationIds)
        if (!recommendations.has(id)) missing(`${where}, TOP ${item.number}`, participationIntegrityTexts.kinds.recommendation, id);
    }
  }
  for (const r of doc.recommendations) {
    const where = participationIntegrityTexts.recommendation(r.number);
    if (!bodies.has(r.bodyId)) missing(where, participationIntegrityTexts.kinds.body, r.bodyId);
    if (r.meetingId && !meetings.has(r.meetingId)) missing(where, participationIntegrityTexts.kinds.meeting, r.meetingId);
    if (r.submissionId && !submissions.has(r.submissionId)) missing(where, participationIntegrityTexts.kinds.submission, r.submissionId);
    for (const id of r.measureIds) if (!measures.has(id)) missing(where, participationIntegrityTexts.kinds.measure, id);
  }
  for (const p of doc.proposals) {
    const where = participationIntegrityTexts.proposal(p.number);
    if (p.labId && !labs.has(p.labId)) missing(where, participationIntegrityTexts.kinds.lab, p.labId);
    if (p.meetingId && !meetings.has(p.meetingId)) missing(where, participationIntegrityTexts.kinds.meeting, p.meetingId);
    if (p.measureId && !measures.has(p.measureId)) missing(where, participationIntegrityTexts.kinds.measure, p.measureId);
    if (p.assignedOrgUnitId && !orgUnits.has(p.assignedOrgUnitId))
      missing(where, participationIntegrityTexts.kinds.orgUnit, p.assignedOrgUnitId);
  }
  const contactsPerProposal = new Map<string, number>();
  for (const c of doc.contacts) {
    if (!proposals.has(c.proposalId)) problems.push(participationIntegrityTexts.contactWithoutProposal);
    contactsPerProposal.set(c.proposalId, (contactsPerProposal.get(c.proposalId) ?? 0) + 1);
  }
  for (const [proposalId, count] of contactsPerProposal)
    if (count > 1)
      problems.push(participationIntegrityTexts.twoContacts(doc.proposals.find((p) => p.id === proposalId)?.number ?? proposalId));
  for (const d of doc.trackedDecisions) {
    const where = participationIntegrityTexts.decision(d.printNumber);
    if (!bodies.has(d.bodyId)) missing(where, participationIntegrityTexts.kinds.body, d.bodyId);
    if (d.responsibleOrgUnitId && !orgUnits.has(d.responsibleOrgUnitId))
      missing(where, participationIntegrityTexts.kinds.orgUnit, d.responsibleOrgUnitId);
    for (const id of d.measureIds) if (!measures.has(id)) missing(where, participationIntegrityTexts.kinds.measure, id);
  }
  return problems;
}
