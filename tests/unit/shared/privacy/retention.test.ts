/**
 * Every retention rule of the Löschkonzept (privacyDue) at its boundary: not due the day before the
 * period ends, due on the day and the day after. Periods are varied (not only the defaults), so a rule
 * that counts years as months or days as months fails here. Every Anregung state is tabled: only closed
 * ones are anonymised.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/core/calendar';
import { PROPOSAL_STATES } from '@shared/participation/labs';
import { privacyDue } from '@shared/privacy/privacyDue';
import type { RegisterDocument } from '@shared/register/register';
import type { Retention } from '@shared/privacy/retention';
import { makeRegister } from '@tests/fixtures/documents';
import { makeContact, makeMember, makeProposal } from '@tests/fixtures/participation';

function register(retention: Retention, parts: Partial<RegisterDocument>): RegisterDocument {
  return makeRegister(0, { retention, proposals: [], contacts: [], bodyMembers: [], ...parts });
}

/** [label, retention, the day the period ends] */
const DAY_TABLE = (end: string) =>
  [
    ['the day before', addDays(end, -1), false],
    ['the day it ends', end, true],
    ['the day after', addDays(end, 1), true],
  ] as const;

describe('feedback contact: grace days after the Rückmeldung', () => {
  const cases = [
    {
      retention: { contactGraceDays: 90, memberMonthsAfterTerm: 12, proposalYearsAfterClosing: 5 },
      feedbackOn: '2026-03-01',
      end: '2026-05-30',
    },
    {
      retention: { contactGraceDays: 30, memberMonthsAfterTerm: 12, proposalYearsAfterClosing: 5 },
      feedbackOn: '2026-01-31',
      end: '2026-03-02',
    },
    {
      retention: { contactGraceDays: 0, memberMonthsAfterTerm: 12, proposalYearsAfterClosing: 5 },
      feedbackOn: '2026-06-15',
      end: '2026-06-15',
    },
  ];
  describe.each(cases)('$retention.contactGraceDays days after $feedbackOn', ({ retention, feedbackOn, end }) => {
    it.each(DAY_TABLE(end))('%s (%s): due %s', (_label, today, due) => {
      const doc = register(retention, {
        proposals: [makeProposal(1, { state: 'erledigt', feedbackOn })],
        contacts: [makeContact('proposal-1')],
      });
      const items = privacyDue(doc, today).filter((i) => i.kind === 'contact');
      expect(items.map((i) => [i.id, i.dueSince, i.action])).toEqual(due ? [['contact-proposal-1', end, 'delete']] : []);
    });
  });

  it('no Rückmeldung yet: never due while the Anregung is open', () => {
    const doc = register(
      { contactGraceDays: 0, memberMonthsAfterTerm: 0, proposalYearsAfterClosing: 0 },
      { proposals: [makeProposal(1, { feedbackOn: null })], contacts: [makeContact('proposal-1')] },
    );
    expect(privacyDue(doc, '2099-12-31').filter((i) => i.kind === 'contact')).toEqual([]);
  });

  it.each([
    ['deleted', { deletedAt: '2026-04-10T12:00:00.000Z' }],
    ['anonymised', { anonymisedAt: '2026-04-10T12:00:00.000Z' }],
  ])('its Anregung %s: due from that day, without grace', (_label, change) => {
    const doc = register(
      { contactGraceDays: 90, memberMonthsAfterTerm: 12, proposalYearsAfterClosing: 5 },
      { proposals: [makeProposal(1, { feedbackOn: '2026-03-01', ...change })], contacts: [makeContact('proposal-1')] },
    );
    for (const [, today, due] of DAY_TABLE('2026-04-10'))
      expect(
        privacyDue(doc, today).some((i) => i.kind === 'contact' && i.dueSince === '2026-04-10'),
        today,
      ).toBe(due);
  });

  it('its Anregung gone entirely: due from the contact’s creation day', () => {
    const doc = register(
      { contactGraceDays: 90, memberMonthsAfterTerm: 12, proposalYearsAfterClosing: 5 },
      { contacts: [makeContact('proposal-weg', { createdAt: '2026-02-03T08:00:00.000Z' })] },
    );
    for (const [, today, due] of DAY_TABLE('2026-02-03')) expect(privacyDue(doc, today).length, today).toBe(due ? 1 : 0);
  });
});

describe('delegate names: months after the term ended', () => {
  const cases = [
    { months: 12, termEnd: '2025-10-31', end: '2026-10-31' },
    { months: 1, termEnd: '2026-01-31', end: '2026-02-28' },
    { months: 6, termEnd: '2024-08-31', end: '2025-02-28' },
    { months: 0, termEnd: '2026-05-05', end: '2026-05-05' },
  ];
  describe.each(cases)('$months months after $termEnd', ({ months, termEnd, end }) => {
    it.each(DAY_TABLE(end))('%s (%s): due %s', (_label, today, due) => {
      const doc = register(
        { contactGraceDays: 90, memberMonthsAfterTerm: months, proposalYearsAfterClosing: 5 },
        { bodyMembers: [makeMember(1, { termEnd })] },
      );
      expect(privacyDue(doc, today).map((i) => [i.kind, i.id, i.dueSince, i.action])).toEqual(
        due ? [['member', 'member-1', end, 'anonymise']] : [],
      );
    });
  });

  it.each([
    ['no term end', { termEnd: null }],
    ['already anonymised', { anonymisedAt: '2026-01-01T00:00:00.000Z' }],
    ['no names left', { delegate: '', deputy: '' }],
  ])('never due: %s', (_label, change) => {
    const doc = register(
      { contactGraceDays: 0, memberMonthsAfterTerm: 0, proposalYearsAfterClosing: 0 },
      { bodyMembers: [makeMember(1, { termEnd: '2020-01-01', ...change })] },
    );
    expect(privacyDue(doc, '2099-12-31')).toEqual([]);
  });

  it('a deputy name alone is enough to be due', () => {
    const doc = register(
      { contactGraceDays: 0, memberMonthsAfterTerm: 0, proposalYearsAfterClosing: 0 },
      { bodyMembers: [makeMember(1, { termEnd: '2020-01-01', delegate: '', deputy: 'Stellvertretung' })] },
    );
    expect(privacyDue(doc, '2020-01-01').map((i) => i.id)).toEqual(['member-1']);
  });
});

describe('closed Anregungen: years after closing', () => {
  const cases = [
    { years: 5, closedAt: '2021-03-15T10:00:00.000Z', end: '2026-03-15' },
    { years: 2, closedAt: '2024-02-29T10:00:00.000Z', end: '2026-02-28' },
    { years: 1, closedAt: '2025-12-31T23:00:00.000Z', end: '2026-12-31' },
    { years: 0, closedAt: '2026-07-01T00:00:00.000Z', end: '2026-07-01' },
  ];
  describe.each(cases)('$years years after $closedAt', ({ years, closedAt, end }) => {
    it.each(DAY_TABLE(end))('%s (%s): due %s', (_label, today, due) => {
      const doc = register(
        { contactGraceDays: 90, memberMonthsAfterTerm: 12, proposalYearsAfterClosing: years },
        { proposals: [makeProposal(1, { state: 'abgelehnt', stateChangedAt: closedAt })] },
      );
      expect(privacyDue(doc, today).map((i) => [i.kind, i.id, i.dueSince, i.action])).toEqual(
        due ? [['proposal', 'proposal-1', end, 'anonymise']] : [],
      );
    });
  });

  const CLOSED = new Set(['uebernommen', 'erledigt', 'abgelehnt']);
  it.each(PROPOSAL_STATES.map((state) => [state, CLOSED.has(state)] as const))(
    'state %s: anonymised after the period = %s',
    (state, anonymised) => {
      const doc = register(
        { contactGraceDays: 90, memberMonthsAfterTerm: 12, proposalYearsAfterClosing: 1 },
        { proposals: [makeProposal(1, { state, stateChangedAt: '2020-01-01T00:00:00.000Z' })] },
      );
      expect(privacyDue(doc, '2026-01-01').some((i) => i.kind === 'proposal')).toBe(anonymised);
    },
  );

  it('an Anregung already anonymised is not due again', () => {
    const doc = register(
      { contactGraceDays: 90, memberMonthsAfterTerm: 12, proposalYearsAfterClosing: 1 },
      {
        proposals: [
          makeProposal(1, { state: 'erledigt', stateChangedAt: '2020-01-01T00:00:00.000Z', anonymisedAt: '2021-06-01T00:00:00.000Z' }),
        ],
      },
    );
    expect(privacyDue(doc, '2026-01-01')).toEqual([]);
  });
});

describe('labels of the due list (they go into the audit trail: names of records, never personal data)', () => {
  const retention = { contactGraceDays: 0, memberMonthsAfterTerm: 0, proposalYearsAfterClosing: 0 };

  it('name the Anregung, the body (short name, else its name) and the organisation; a contact without its Anregung shows "–"', () => {
    const doc = register(retention, {
      bodies: [
        { ...makeRegister(0).bodies[0]!, id: 'b-short', shortName: 'VollV', name: 'Vollversammlung Masterplan' },
        { ...makeRegister(0).bodies[0]!, id: 'b-long', shortName: '', name: 'Lenkungskreis Sicherheit' },
      ],
      proposals: [makeProposal(1, { state: 'erledigt', feedbackOn: '2026-03-01', stateChangedAt: '2026-03-01T23:30:00.000Z' })],
      contacts: [makeContact('proposal-1'), makeContact('proposal-gone', { createdAt: '2026-03-01T10:00:00.000Z' })],
      bodyMembers: [
        makeMember(1, { bodyId: 'b-short', organisation: 'Polizei Dortmund', termEnd: '2026-02-28' }),
        makeMember(2, { bodyId: 'b-long', organisation: 'EDG', termEnd: '2026-02-28' }),
      ],
    });
    const labels = privacyDue(doc, '2026-06-01').map((i) => i.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Kontakt zur Anregung A-2026-001',
        'Kontakt zur Anregung –',
        'VollV: Delegierte von Polizei Dortmund',
        'Lenkungskreis Sicherheit: Delegierte von EDG',
        'Anregung A-2026-001',
      ]),
    );
    for (const label of labels) for (const personal of ['Erika', 'erika@', 'Delegierte Person']) expect(label).not.toContain(personal);
  });

  it('a member of a body no longer in the register is labelled without the body, never with personal data', () => {
    const doc = register(retention, {
      bodyMembers: [makeMember(1, { bodyId: 'gremium-weg', organisation: 'EDG', termEnd: '2026-02-28' })],
    });
    expect(privacyDue(doc, '2026-06-01').map((i) => i.label)).toEqual([': Delegierte von EDG']);
  });

  it('lists what is due longest first, and on the same day by label', () => {
    const doc = register(retention, {
      proposals: [
        makeProposal(1, { number: 'A-2026-002', state: 'erledigt', stateChangedAt: '2026-03-01T10:00:00.000Z', feedbackOn: '2026-01-15' }),
        makeProposal(2, { number: 'A-2026-001', state: 'erledigt', stateChangedAt: '2026-03-01T10:00:00.000Z', feedbackOn: null }),
      ],
      contacts: [makeContact('proposal-1')],
      bodyMembers: [makeMember(1, { bodyId: 'gremium-rat', organisation: 'EDG', termEnd: '2026-01-10' })],
    });
    expect(privacyDue(doc, '2026-06-01').map((i) => [i.dueSince, i.label])).toEqual([
      ['2026-01-10', 'Rat: Delegierte von EDG'],
      ['2026-01-15', 'Kontakt zur Anregung A-2026-002'],
      ['2026-03-01', 'Anregung A-2026-001'],
      ['2026-03-01', 'Anregung A-2026-002'],
    ]);
  });

  it('a closed Anregung is due from the day its state changed, also when that moment carries a time of day', () => {
    const doc = register(
      { ...retention, proposalYearsAfterClosing: 1 },
      { proposals: [makeProposal(1, { state: 'erledigt', stateChangedAt: '2025-03-01T23:30:00.000Z' })] },
    );
    expect(
      privacyDue(doc, '2026-03-01')
        .filter((i) => i.kind === 'proposal')
        .map((i) => i.dueSince),
    ).toEqual(['2026-03-01']);
    expect(privacyDue(doc, '2026-02-28').filter((i) => i.kind === 'proposal')).toEqual([]);
  });
});
