/** The participation part of the sample register: complete, consistent with the rules, and as DOMAIN.md §7 wants it. */
import { describe, expect, it } from 'vitest';
import { checkMeeting, checkMember, checkProposal, checkRecommendation, checkTrackedDecision } from '@shared/participation/participationRules';
import { privacyDue } from '@shared/privacy/privacyDue';
import { trackingRows } from '@shared/participation/trackingReport';
import { addParticipation } from './sampleParticipation';
import { sampleDoc } from './setup';

describe('sample register: Gremien & Beteiligung', () => {
  const doc = sampleDoc();

  it('has a Vollversammlung with members, two sessions, two Quartierslabore with Anregungen and tracked decisions', () => {
    const vv = doc.bodyMembers.filter((m) => m.bodyId === 'gremium-vollversammlung');
    expect(vv.length).toBeGreaterThanOrEqual(8);
    expect(doc.meetings.filter((m) => m.bodyId === 'gremium-vollversammlung')).toHaveLength(2);
    expect(doc.labs).toHaveLength(2);
    for (const lab of doc.labs) expect(doc.proposals.some((p) => p.labId === lab.id)).toBe(true);
    expect(new Set(doc.proposals.map((p) => p.state))).toEqual(new Set(['eingegangen', 'in_pruefung', 'uebernommen', 'erledigt', 'abgelehnt']));
    expect(doc.trackedDecisions.length).toBeGreaterThanOrEqual(4);
    expect(doc.recommendations.length).toBeGreaterThanOrEqual(2);
  });

  it('passes every rule the services apply', () => {
    for (const m of doc.bodyMembers) expect(checkMember(m, doc)).toEqual([]);
    for (const m of doc.meetings) expect(checkMeeting(m, m.id, doc)).toEqual([]);
    for (const r of doc.recommendations) expect(checkRecommendation(r, r.id, doc)).toEqual([]);
    for (const p of doc.proposals) expect(checkProposal(p, p, doc)).toEqual([]);
    for (const d of doc.trackedDecisions) expect(checkTrackedDecision(d, d.id, doc)).toEqual([]);
  });

  it('links Anregungen and measures both ways, and every first session opens with the standard items', () => {
    for (const p of doc.proposals.filter((x) => x.state === 'uebernommen')) expect(doc.measures.some((m) => m.id === p.measureId && !m.deletedAt)).toBe(true);
    expect(doc.meetings[0]!.agenda.slice(0, 4).every((a) => a.kind === 'standard')).toBe(true);
  });

  it('keeps attendance as counts and organisations, and the one contact has recorded consent', () => {
    const held = doc.meetings.find((m) => m.state === 'abgeschlossen')!;
    expect(held.attendance.members).toBeGreaterThan(0);
    expect(held.attendance.organisations.length).toBeGreaterThan(0);
    expect(doc.contacts).toHaveLength(1);
    expect(doc.contacts[0]).toMatchObject({ consentGiven: true });
  });

  it('shows the Datenschutz view something to do: the names of a member whose term ended in 2024', () => {
    expect(privacyDue(doc, '2026-11-26').map((d) => [d.kind, d.id])).toEqual([['member', 'mitglied-12']]);
  });

  it('has an overdue tracked decision, and the script refuses to add the data twice', () => {
    expect(trackingRows(doc, '2026-11-26').filter((r) => r.overdue).map((r) => r.printNumber)).toEqual(['12534-18', '33410-25']);
    expect(() => addParticipation(doc)).toThrow('Die Beispieldaten enthalten Gremien & Beteiligung bereits.');
  });
});
