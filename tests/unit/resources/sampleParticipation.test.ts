/** The participation part of the sample register: complete, consistent with the rules, and as DOMAIN.md §7 wants it. */
import { describe, expect, it } from 'vitest';
import { checkMeeting, checkMember, checkProposal, checkRecommendation, checkTrackedDecision } from '@shared/participation/participationRules';
import { privacyDue } from '@shared/privacy/privacyDue';
import { trackingRows } from '@shared/participation/trackingReport';
import { addParticipation } from './sampleParticipation';
import { sampleDoc } from '@tests/unit/main/participation/setup';
import { de } from '@shared/i18n/de';

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

  it('links Anregungen and measures both ways; sessions open with the standard items, the constituent one without approving earlier minutes', () => {
    for (const p of doc.proposals.filter((x) => x.state === 'uebernommen')) expect(doc.measures.some((m) => m.id === p.measureId && !m.deletedAt)).toBe(true);
    const [first, second] = doc.meetings;
    const standard = de.participation.standardAgenda;
    expect(first!.agenda.filter((a) => a.kind === 'standard').map((a) => `${a.number} ${a.title}`)).toEqual(standard.slice(0, 3).map((t, i) => `${i + 1} ${t}`));
    expect(first!.agenda.map((a) => a.title)).not.toContain(standard[3]);
    expect(first!.agenda.map((a) => a.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(second!.agenda.slice(0, 4).map((a) => a.title)).toEqual([...standard]);
  });

  it('the held session is finalised: its record keeps the recommendations as they stood then, co-signer stored in parts', () => {
    const held = doc.meetings.find((m) => m.id === 'sitzung-vollv-1')!;
    expect(held.state).toBe('abgeschlossen');
    expect(held.coSigners).toEqual([{ title: '', given: 'Peter', family: 'Hartmann' }]);
    expect(held.chair).toEqual({ title: 'Dr.', given: 'Marion', family: 'Beispiel' });
    const record = held.minutesRecord!;
    expect(record.finalisedAt).toBe('2025-11-20T09:30:00.000Z');
    expect(record.recommendations.map((r) => [r.number, r.state])).toEqual([
      ['E-2025-01', 'offen'],
      ['E-2025-02', 'offen'],
      ['E-2025-03', 'offen'],
    ]);
    // Today the register says otherwise: that difference is what the record is for.
    expect(doc.recommendations.find((r) => r.number === 'E-2025-01')!.state).toBe('umgesetzt');
    expect(doc.meetings.find((m) => m.id === 'sitzung-vollv-2')!.minutesRecord).toBeNull();
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
