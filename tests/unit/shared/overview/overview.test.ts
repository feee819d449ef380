import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/core/calendar';
import { buildOverview, isFinishedStatus, MAX_OVERDUE_MEASURES } from '@shared/overview/overview';
import { registerDocumentSchema } from '@shared/register/register';
import type { ReviewImport, ReviewPackageRecord } from '@shared/review/review';
import { DEFAULT_STATUSES } from '@shared/register/status';
import { makeMeasure, makeRegister, STAMP } from '@tests/fixtures/documents';
import { makeContact, makeDecision, makeMeeting, makeProposal, participationRegister } from '@tests/fixtures/participation';

const TODAY = '2026-07-01';

/** A review package sent on 01.06.2026 with a due date; id `pkg-<name>`. */
function sentPackage(name: string, dueDate: string | null): ReviewPackageRecord {
  return {
    id: `pkg-${name}`,
    createdAt: '2026-06-01T08:00:00.000Z',
    createdBy: 'Sachbearbeitung',
    reviewer: `Prüfer ${name}`,
    dueDate,
    message: '',
    fileName: `${name}.mpreview`,
    items: [{ kind: 'measure', id: 'm-01', label: 'HF1-01', version: 1, hash: 'a'.repeat(64) }],
  };
}

function importOf(packageId: string, undoneAt: string | null = null): ReviewImport {
  return {
    id: `import-${packageId}-${undoneAt ? 'undone' : 'active'}`,
    packageId,
    at: '2026-06-20T08:00:00.000Z',
    user: 'Sachbearbeitung',
    fileName: 'zurueck.mpreview',
    reviewer: 'Prüfer',
    returnedAt: null,
    entryCount: 0,
    appliedCount: 0,
    commentIds: [],
    voteIds: [],
    itemChanges: [],
    undoneAt,
    undoneBy: undoneAt ? 'Sachbearbeitung' : null,
  };
}

describe('isFinishedStatus', () => {
  it.each([
    ['vorgeschlagen', false],
    ['beschlossen', false],
    ['in_planung', false],
    ['in_umsetzung', false],
    ['verzoegert', false],
    ['zurueckgestellt', false],
    ['umgesetzt', true],
    ['verstetigt', true],
    ['eingestellt', true],
    ['zusammengefuehrt', true],
    ['ersetzt', true],
    ['unbekannt', false],
  ] as const)('%s → %s', (key, finished) => {
    expect(isFinishedStatus(key, DEFAULT_STATUSES)).toBe(finished);
  });

  it('follows the register’s own status list (a status of 100 % is finished)', () => {
    const statuses = [
      ...DEFAULT_STATUSES,
      { key: 'abgeschlossen', label: 'abgeschlossen', defaultPercent: 100, requiresReason: false, requiresLink: false, active: true },
    ];
    expect(isFinishedStatus('abgeschlossen', statuses)).toBe(true);
  });
});

describe('buildOverview: counts', () => {
  const doc = makeRegister(0, {
    editions: [
      { id: 'fassung-2019', name: 'Masterplan 2019', printNumber: '12534-18', decidedOn: '2019-02-14', state: 'abgeloest' },
      { id: 'fassung-2', name: 'Masterplan 2.0', printNumber: null, decidedOn: null, state: 'entwurf' },
    ],
    currentEditionId: 'fassung-2',
    actionFields: [
      { id: 'hf1', editionId: 'fassung-2019', code: 'HF1', name: 'Alt', description: '', guidingGoal: '' },
      { id: 'neu-1', editionId: 'fassung-2', code: 'HF1', name: 'Sichere Nachbarschaft', description: '', guidingGoal: '' },
      { id: 'neu-2', editionId: 'fassung-2', code: 'HF2', name: 'Sichere Räume', description: '', guidingGoal: '' },
      { id: 'neu-3', editionId: 'fassung-2', code: 'HF3', name: 'Infrastruktur', description: '', guidingGoal: '' },
    ],
    measures: [
      makeMeasure(1, { actionFieldId: 'hf1', status: 'umgesetzt' }),
      makeMeasure(2, { actionFieldId: 'neu-1', status: 'in_umsetzung' }),
      makeMeasure(3, { actionFieldId: 'neu-1', status: 'in_umsetzung' }),
      makeMeasure(4, { actionFieldId: 'neu-2', status: 'umgesetzt' }),
      makeMeasure(5, { actionFieldId: 'neu-2', status: 'in_umsetzung', deletedAt: STAMP }),
      makeMeasure(6, { actionFieldId: 'neu-2', status: 'alter_status' }),
    ],
  });
  doc.statuses = doc.statuses.map((s) => (s.key === 'ersetzt' ? { ...s, active: false } : s));
  const overview = buildOverview(doc, TODAY);

  it('counts the current Fassung without the Papierkorb', () => {
    expect(overview.edition).toEqual({ id: 'fassung-2', name: 'Masterplan 2.0' });
    expect(overview.measureCount).toBe(4);
  });

  it('counts by status in the list’s order with its labels; unused inactive ones left out, unknown ones kept', () => {
    expect(overview.byStatus.map((s) => [s.label, s.count])).toEqual([
      ['vorgeschlagen', 0],
      ['beschlossen', 0],
      ['in Planung', 0],
      ['in Umsetzung', 2],
      ['umgesetzt', 1],
      ['verstetigt (Regelbetrieb)', 0],
      ['zurückgestellt', 0],
      ['verzögert', 0],
      ['eingestellt', 0],
      ['zusammengeführt mit', 0],
      ['alter_status', 1],
    ]);
  });

  it('counts by Handlungsfeld of the current Fassung, empty ones included', () => {
    expect(overview.byActionField).toEqual([
      { id: 'neu-1', code: 'HF1', name: 'Sichere Nachbarschaft', count: 2 },
      { id: 'neu-2', code: 'HF2', name: 'Sichere Räume', count: 2 },
      { id: 'neu-3', code: 'HF3', name: 'Infrastruktur', count: 0 },
    ]);
  });
});

describe('buildOverview: overdue measures', () => {
  const milestone = (title: string, dueDate: string | null, doneDate: string | null = null) => ({ title, dueDate, doneDate });
  const cases: [
    string,
    Parameters<typeof makeMeasure>[1],
    { plannedEnd: string | null; milestones: string[]; milestoneCount: number } | null,
  ][] = [
    [
      'end passed, in Umsetzung',
      { status: 'in_umsetzung', plannedEnd: '2026-06-30' },
      { plannedEnd: '2026-06-30', milestones: [], milestoneCount: 0 },
    ],
    ['end today is not overdue', { status: 'in_umsetzung', plannedEnd: TODAY }, null],
    ['end passed but umgesetzt', { status: 'umgesetzt', plannedEnd: '2025-12-31' }, null],
    ['end passed but eingestellt', { status: 'eingestellt', statusReason: 'Mittel gestrichen', plannedEnd: '2025-12-31' }, null],
    [
      'end passed, verzögert',
      { status: 'verzoegert', statusReason: 'Vergabe', plannedEnd: '2025-12-31' },
      { plannedEnd: '2025-12-31', milestones: [], milestoneCount: 0 },
    ],
    ['no end', { status: 'in_umsetzung', plannedEnd: null }, null],
    [
      'milestones: only the missed, open ones',
      {
        status: 'in_planung',
        plannedEnd: '2027-12-31',
        milestones: [
          milestone('Erledigt', '2026-01-31', '2026-01-20'),
          milestone('Später', '2026-05-31'),
          milestone('Früher', '2026-02-28'),
          milestone('Offen ohne Datum', null),
          milestone('Zukunft', '2026-09-30'),
        ],
      },
      { plannedEnd: null, milestones: ['Früher', 'Später'], milestoneCount: 2 },
    ],
    [
      'at most three milestones named, all counted',
      {
        status: 'beschlossen',
        plannedEnd: '2026-03-31',
        milestones: ['A', 'B', 'C', 'D', 'E'].map((t, k) => milestone(t, `2026-0${k + 1}-15`)),
      },
      { plannedEnd: '2026-03-31', milestones: ['A', 'B', 'C'], milestoneCount: 5 },
    ],
    ['milestones of a finished measure do not count', { status: 'verstetigt', milestones: [milestone('Vergessen', '2025-01-31')] }, null],
  ];

  it.each(cases)('%s', (_name, overrides, expected) => {
    const doc = makeRegister(0, { measures: [makeMeasure(1, overrides)] });
    const result = buildOverview(doc, TODAY).overdueMeasures;
    if (!expected) return expect(result).toEqual({ total: 0, items: [] });
    expect(result.total).toBe(1);
    const [item] = result.items;
    expect({
      plannedEnd: item!.plannedEnd,
      milestones: item!.milestones.map((m) => m.title),
      milestoneCount: item!.milestoneCount,
    }).toEqual(expected);
    expect(item).toMatchObject({ id: 'm-01', number: 'HF1-01', title: 'Maßnahme 1' });
  });

  it('lists the ten oldest, says how many there are, leaves out deleted and other Fassungen', () => {
    // HF1-14 is the oldest (01.01.2025), HF1-01 the newest, ten days apart.
    const measures = Array.from({ length: 14 }, (_, k) =>
      makeMeasure(k + 1, { status: 'in_umsetzung', plannedEnd: addDays('2025-01-01', (13 - k) * 10) }),
    );
    measures.push(makeMeasure(15, { status: 'in_umsetzung', plannedEnd: '2020-01-01', deletedAt: STAMP }));
    measures.push(makeMeasure(16, { status: 'in_umsetzung', plannedEnd: '2020-01-01', actionFieldId: 'hf-alt' }));
    const doc = makeRegister(0, { measures });
    const result = buildOverview(doc, TODAY).overdueMeasures;
    expect(result.total).toBe(14);
    expect(result.items).toHaveLength(MAX_OVERDUE_MEASURES);
    expect(result.items.map((m) => m.number)).toEqual([
      'HF1-14',
      'HF1-13',
      'HF1-12',
      'HF1-11',
      'HF1-10',
      'HF1-09',
      'HF1-08',
      'HF1-07',
      'HF1-06',
      'HF1-05',
    ]);
    expect(result.items[0]).toMatchObject({ since: '2025-01-01', plannedEnd: '2025-01-01' });
    expect(result.items.map((m) => m.statusLabel)).toEqual(Array(10).fill('in Umsetzung'));
  });
});

describe('buildOverview: participation, reviews, privacy', () => {
  it('reads the participation register', () => {
    const doc = participationRegister();
    expect(registerDocumentSchema.safeParse(doc).success).toBe(true);
    const overview = buildOverview(doc, TODAY);
    // decision-1 is due 31.03.2026 and open; decision-2 is done; decision-3 has no deadline.
    expect(overview.overdueDecisions).toEqual({
      total: 1,
      items: [{ id: 'decision-1', printNumber: '10001-26', subject: 'Beschluss 1', body: 'Rat', dueDate: '2026-03-31' }],
    });
    // Session 3 (12.03.2026) is past, session 4 (18.06.2026) too on 01.07.2026.
    expect(overview.nextMeetings).toEqual({ total: 0, items: [] });
    // 1 and 5 (eingegangen) and 2 (in Prüfung) wait; 4 (abgelehnt) has no feedback, 3 has; 6 is deleted.
    expect(overview.proposals).toEqual({ waiting: 3, waitingWithoutFeedback: 3, decidedWithoutFeedback: 1 });
  });

  it.each([
    ['day before the deadline', '2026-03-30', 0],
    ['day of the deadline', '2026-03-31', 0],
    ['day after', '2026-04-01', 1],
  ] as const)('decisions: %s → %i overdue', (_name, today, count) => {
    expect(buildOverview(participationRegister(), today).overdueDecisions.total).toBe(count);
  });

  it('lists five overdue decisions, oldest deadline first, without those in the Papierkorb', () => {
    const decisions = Array.from({ length: 7 }, (_, k) =>
      makeDecision(k + 1, { dueDate: `2026-0${7 - k}-01`, state: k % 2 ? 'in_bearbeitung' : 'offen' }),
    );
    decisions.push(
      makeDecision(8, { dueDate: '2025-01-01', deletedAt: STAMP }),
      makeDecision(9, { dueDate: '2025-01-01', state: 'aufgehoben' }),
    );
    const result = buildOverview(makeRegister(0, { trackedDecisions: decisions }), '2026-08-01').overdueDecisions;
    expect(result.total).toBe(7);
    expect(result.items.map((d) => d.dueDate)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']);
  });

  it('next sessions: from today, soonest first, five at most, without the Papierkorb', () => {
    const meetings = [
      makeMeeting(1, { date: '2026-06-30' }),
      makeMeeting(2, { date: TODAY, startTime: '18:00' }),
      makeMeeting(3, { date: TODAY, startTime: '09:30', bodyId: 'gremium-rat', place: 'Ratssaal', state: 'eingeladen' }),
      makeMeeting(4, { date: '2026-12-10', startTime: null }),
      makeMeeting(5, { date: '2026-08-01', deletedAt: STAMP }),
      makeMeeting(6, { date: '2026-09-01' }),
      makeMeeting(7, { date: '2026-10-01' }),
      makeMeeting(8, { date: '2027-01-01' }),
    ];
    const result = buildOverview(makeRegister(0, { meetings }), TODAY).nextMeetings;
    expect(result.total).toBe(6);
    expect(result.items.map((m) => m.id)).toEqual(['meeting-3', 'meeting-2', 'meeting-6', 'meeting-7', 'meeting-4']);
    expect(result.items[0]).toEqual({
      id: 'meeting-3',
      body: 'Rat',
      number: '3. Sitzung',
      date: TODAY,
      startTime: '09:30',
      place: 'Ratssaal',
      state: 'eingeladen',
    });
    expect(result.items[1]!.body).toBe('VollV');
  });

  it('reviews: sent and not back, and those past their due date (an undone import makes it open again)', () => {
    const doc = makeRegister(1);
    doc.reviews = {
      packages: [
        sentPackage('a', '2026-06-15'),
        sentPackage('b', '2026-07-15'),
        sentPackage('c', null),
        sentPackage('d', '2026-06-10'),
        sentPackage('e', '2026-06-05'),
      ],
      comments: [],
      votes: [],
      imports: [importOf('pkg-d'), importOf('pkg-e', '2026-06-25T08:00:00.000Z')],
    };
    expect(buildOverview(doc, TODAY).reviews).toEqual({
      open: 4,
      overdue: 2,
      overdueItems: [
        { id: 'pkg-e', reviewer: 'Prüfer e', dueDate: '2026-06-05', itemCount: 1 },
        { id: 'pkg-a', reviewer: 'Prüfer a', dueDate: '2026-06-15', itemCount: 1 },
      ],
    });
  });

  it('proposals: waiting ones and feedback', () => {
    const proposals = [
      makeProposal(1),
      makeProposal(2, { state: 'in_pruefung', feedbackText: 'Wir prüfen Ihre Anregung.', feedbackOn: '2026-06-01' }),
      makeProposal(3, { state: 'erledigt' }),
      makeProposal(4, { state: 'erledigt', feedbackText: 'Erledigt.', feedbackOn: '2026-06-01' }),
      makeProposal(5, { state: 'eingegangen', deletedAt: STAMP }),
      makeProposal(6, { state: 'abgelehnt', stateReason: 'Privat.', anonymisedAt: STAMP }),
    ];
    expect(buildOverview(makeRegister(0, { proposals }), TODAY).proposals).toEqual({
      waiting: 2,
      waitingWithoutFeedback: 1,
      decidedWithoutFeedback: 1,
    });
  });

  it('privacy: counts what the Löschkonzept says is due', () => {
    // The contact of an Anregung answered on 02.01.2026 is due once the grace period has passed.
    const doc = makeRegister(0, {
      proposals: [makeProposal(1, { state: 'erledigt', feedbackText: 'Erledigt.', feedbackOn: '2026-01-02' })],
      contacts: [makeContact('proposal-1')],
    });
    const grace = doc.retention.contactGraceDays;
    expect(buildOverview(doc, '2026-01-02').privacyDue).toBe(0);
    expect(buildOverview(doc, addDays('2026-01-02', grace)).privacyDue).toBe(1);
  });

  it('an empty register has nothing to show', () => {
    const overview = buildOverview(makeRegister(0), TODAY);
    expect(overview).toMatchObject({
      measureCount: 0,
      overdueMeasures: { total: 0, items: [] },
      overdueDecisions: { total: 0, items: [] },
      reviews: { open: 0, overdue: 0, overdueItems: [] },
      nextMeetings: { total: 0, items: [] },
      proposals: { waiting: 0, waitingWithoutFeedback: 0, decidedWithoutFeedback: 0 },
      privacyDue: 0,
    });
  });
});
