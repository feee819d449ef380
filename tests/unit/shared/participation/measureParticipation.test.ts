/**
 * A measure's links to Gremien & Beteiligung, seen from the measure: the Anregungen taken over into it,
 * the recommendations, tracked decisions and session agenda items naming it – without the Papierkorb,
 * newest first, overdue decisions marked; and the contract method refusing an unknown measure.
 */
import { describe, expect, it } from 'vitest';
import { hasParticipation, measureParticipation, type MeasureParticipation } from '@shared/participation/measureParticipation';
import type { RegisterDocument } from '@shared/register/register';
import { de } from '@shared/i18n/de';
import { failed, ok, openRegister, sampleDoc } from '@tests/unit/main/participation/setup';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const TODAY = '2026-11-26';
const DELETED = '2026-01-02T10:00:00.000Z';

describe('measureParticipation on the sample register', () => {
  it('HF2-05: Anregung A-2026-001, recommendation E-2025-01 and TOP 5 of the 1st VollV session', () => {
    expect(measureParticipation(sampleDoc(), 'm-hf2-05', TODAY)).toEqual<MeasureParticipation>({
      proposals: [
        { id: 'anregung-2026-001', number: 'A-2026-001', state: 'uebernommen', category: 'Sauberkeit', receivedOn: '2026-03-07' },
      ],
      recommendations: [
        {
          id: 'empfehlung-2025-01',
          number: 'E-2025-01',
          title: 'Sauberkeit im Umfeld des Nordmarkts',
          state: 'umgesetzt',
          date: '2025-11-13',
        },
      ],
      decisions: [],
      agendaItems: [
        {
          meetingId: 'sitzung-vollv-1',
          agendaItemId: 's1-top-6',
          body: 'VollV',
          meetingNumber: '1. Sitzung',
          date: '2025-11-13',
          top: '5',
          title: 'Handlungsfelder des Masterplans 2.0',
        },
      ],
    });
  });

  it('HF2-03: the open decision 33410-25 is overdue after its deadline of 30.09.2025, not before', () => {
    const after = measureParticipation(sampleDoc(), 'm-hf2-03', TODAY);
    expect(after.decisions).toEqual([
      {
        id: 'beschluss-04',
        printNumber: '33410-25',
        subject: 'Prüfauftrag: Ausweitung der Präsenzstreifen auf die Abendstunden',
        state: 'offen',
        decidedOn: '2025-03-11',
        dueDate: '2025-09-30',
        overdue: true,
      },
    ]);
    expect(after.proposals.map((p) => p.number)).toEqual(['A-2026-003']);
    expect(measureParticipation(sampleDoc(), 'm-hf2-03', '2025-09-30').decisions[0]!.overdue).toBe(false);
  });

  it('a finished decision is never overdue', () => {
    const doc = sampleDoc();
    doc.trackedDecisions.find((d) => d.id === 'beschluss-04')!.state = 'erledigt';
    expect(measureParticipation(doc, 'm-hf2-03', TODAY).decisions[0]).toMatchObject({ state: 'erledigt', overdue: false });
  });

  it('lists the sessions newest first (HF2-04 is on the agenda of both VollV sessions)', () => {
    const links = measureParticipation(sampleDoc(), 'm-hf2-04', TODAY);
    expect(links.agendaItems.map((a) => [a.meetingNumber, a.date, a.top])).toEqual([
      ['2. Sitzung', '2026-12-10', '5'],
      ['1. Sitzung', '2025-11-13', '5'],
    ]);
  });

  it('sorts every list by date, newest first, and the TOPs of one session by their number', () => {
    const doc = sampleDoc();
    const id = 'm-hf2-05';
    const proposal = doc.proposals.find((p) => p.id === 'anregung-2026-002')!;
    proposal.measureId = id;
    proposal.receivedOn = '2026-09-01';
    for (const rid of ['empfehlung-2025-02', 'empfehlung-2025-03']) doc.recommendations.find((r) => r.id === rid)!.measureIds.push(id);
    doc.recommendations.find((r) => r.id === 'empfehlung-2025-03')!.date = '2026-12-10';
    for (const did of ['beschluss-01', 'beschluss-05']) doc.trackedDecisions.find((d) => d.id === did)!.measureIds.push(id);
    const first = doc.meetings.find((m) => m.id === 'sitzung-vollv-1')!;
    first.agenda.find((a) => a.number === '7')!.measureIds.push(id);
    first.agenda.find((a) => a.number === '2')!.measureIds.push(id);

    const links = measureParticipation(doc, id, TODAY);
    expect(links.proposals.map((p) => p.number)).toEqual(['A-2026-002', 'A-2026-001']);
    // Same day: the higher number first.
    expect(links.recommendations.map((r) => r.number)).toEqual(['E-2025-03', 'E-2025-02', 'E-2025-01']);
    expect(links.decisions.map((d) => [d.printNumber, d.decidedOn])).toEqual([
      ['34102-25', '2025-10-09'],
      ['12534-18', '2019-02-14'],
    ]);
    expect(links.agendaItems.map((a) => a.top)).toEqual(['2', '5', '7']);
  });

  it('leaves out entries in the Papierkorb and every item of a session in the Papierkorb', () => {
    const doc = sampleDoc();
    doc.proposals.find((p) => p.id === 'anregung-2026-001')!.deletedAt = DELETED;
    doc.recommendations.find((r) => r.id === 'empfehlung-2025-01')!.deletedAt = DELETED;
    doc.trackedDecisions.find((d) => d.id === 'beschluss-04')!.deletedAt = DELETED;
    doc.meetings.find((m) => m.id === 'sitzung-vollv-1')!.deletedAt = DELETED;
    const empty: MeasureParticipation = { proposals: [], recommendations: [], decisions: [], agendaItems: [] };
    expect(measureParticipation(doc, 'm-hf2-05', TODAY)).toEqual(empty);
    expect(hasParticipation(measureParticipation(doc, 'm-hf2-05', TODAY))).toBe(false);
    // HF2-03 keeps its Anregung A-2026-003; the deleted decision and session are gone.
    expect(measureParticipation(doc, 'm-hf2-03', TODAY)).toMatchObject({
      decisions: [],
      agendaItems: [],
      proposals: [{ number: 'A-2026-003' }],
    });
  });

  it('an unknown measure or one without links gets empty lists', () => {
    const empty: MeasureParticipation = { proposals: [], recommendations: [], decisions: [], agendaItems: [] };
    expect(measureParticipation(sampleDoc(), 'gibt-es-nicht', TODAY)).toEqual(empty);
    const doc: RegisterDocument = { ...sampleDoc(), proposals: [], recommendations: [], trackedDecisions: [], meetings: [] };
    expect(measureParticipation(doc, 'm-hf2-05', TODAY)).toEqual(empty);
    expect(hasParticipation(measureParticipation(sampleDoc(), 'm-hf2-05', TODAY))).toBe(true);
  });

  it('uses the body name when the body has no short name', () => {
    const doc = sampleDoc();
    doc.bodies.find((b) => b.id === 'gremium-vollversammlung')!.shortName = '';
    expect(measureParticipation(doc, 'm-hf2-05', TODAY).agendaItems[0]!.body).toBe('Vollversammlung Masterplan Kommunale Sicherheit');
  });
});

describe('getMeasureParticipation (contract method)', () => {
  const dir = useTempDir('mpr-links-');

  it('returns the links of a measure and refuses an unknown measure with NOT_FOUND', async () => {
    const opened = await openRegister(dir.path);
    const links = ok<MeasureParticipation>(await opened.call('getMeasureParticipation', { measureId: 'm-hf2-05' }));
    expect(links.proposals.map((p) => p.number)).toEqual(['A-2026-001']);
    expect(links.recommendations.map((r) => r.number)).toEqual(['E-2025-01']);
    expect(links.agendaItems.map((a) => [a.body, a.meetingNumber, a.top])).toEqual([['VollV', '1. Sitzung', '5']]);
    const error = failed(await opened.call('getMeasureParticipation', { measureId: 'gibt-es-nicht' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(de.api.notFound);
  });
});
