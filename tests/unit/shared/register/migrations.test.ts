import { describe, expect, it } from 'vitest';
import { migrate, MigrationError, readSchemaVersion } from '@shared/register/migrations';
import { CURRENT_SCHEMA_VERSION, registerDocumentSchema, type RegisterDocument } from '@shared/register/register';
import { checkRegisterIntegrity } from '@shared/register/rules';
import { de } from '@shared/i18n/de';
import { loadV1, makeRegister } from '@tests/fixtures/documents';

function migratedV1(): RegisterDocument {
  const { doc, from, to } = migrate(loadV1());
  expect(from).toBe(1);
  expect(to).toBe(CURRENT_SCHEMA_VERSION);
  // Parse (not cast): the migrated document must be a valid current document, not just look like one.
  return registerDocumentSchema.parse(doc);
}

function measure(doc: RegisterDocument, number: string) {
  const m = doc.measures.find((x) => x.number === number);
  if (!m) throw new Error(`measure ${number} missing`);
  return m;
}

describe('migrate v1 → current (via v2)', () => {
  it('produces a document that passes the current schema and the integrity check', () => {
    const doc = migratedV1();
    expect(doc.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(doc.registerId).toBe('reg-pilot-2019');
    expect(doc.measures).toHaveLength(4);
    expect(doc.actionFields.map((f) => f.code)).toEqual(['HF1', 'HF2']);
    expect(doc.actionFields.every((f) => f.editionId === doc.currentEditionId)).toBe(true);
    expect(doc.orgUnits.map((u) => u.id)).toEqual(['ou-ordnungsamt', 'ou-jugendamt', 'ou-polizei']);
    expect(checkRegisterIntegrity(doc)).toEqual([]);
  });

  it('turns the district name into its code, and an unknown/empty name into no district', () => {
    const doc = migratedV1();
    expect(measure(doc, 'HF1-01').districts).toEqual(['IN']);
    expect(measure(doc, 'HF1-02').districts).toEqual(['HÖ']);
    expect(measure(doc, 'HF2-01').districts).toEqual(['IW']);
    expect(measure(doc, 'HF2-02').districts).toEqual([]);
  });

  it('turns the euro total into one planned budget line in cents for its year', () => {
    const doc = migratedV1();
    expect(measure(doc, 'HF1-01').budget).toEqual([
      { year: 2020, plannedCents: 1_250_050, approvedCents: null, spentCents: null, fundingSource: 'haushalt', budgetPosition: '' },
    ]);
    // 0 € is a real amount and must survive, not be dropped as falsy.
    expect(measure(doc, 'HF1-02').budget).toEqual([expect.objectContaining({ year: 2019, plannedCents: 0 })]);
    // No amount / no year → no line.
    expect(measure(doc, 'HF2-02').budget).toEqual([]);
  });

  it('keeps start/end as planned dates and drops empty or missing ones', () => {
    const doc = migratedV1();
    expect(measure(doc, 'HF1-01')).toMatchObject({
      plannedStart: '2019-06-01',
      plannedEnd: '2021-12-31',
      actualStart: null,
      actualEnd: null,
    });
    expect(measure(doc, 'HF2-01')).toMatchObject({ plannedStart: '2020-01-15', plannedEnd: null });
    expect(measure(doc, 'HF2-02')).toMatchObject({ plannedStart: null, plannedEnd: null });
  });

  it('keeps status, lead and description of each measure', () => {
    const doc = migratedV1();
    expect(measure(doc, 'HF1-01')).toMatchObject({
      status: 'in_umsetzung',
      leadOrgUnitId: 'ou-ordnungsamt',
      description: 'Zusätzliche Leuchten rund um den Nordmarkt.',
    });
    expect(measure(doc, 'HF2-02').leadOrgUnitId).toBeNull();
  });

  it('does not change its input', () => {
    const v1 = loadV1();
    const copy = structuredClone(v1);
    migrate(v1);
    expect(v1).toEqual(copy);
  });

  it('leaves a current document as it is', () => {
    const current = makeRegister(2);
    const result = migrate(current);
    expect(result.from).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.doc).toEqual(current);
  });
});

describe('migrate refuses what it cannot read', () => {
  it('refuses a newer format with the German message naming both versions', () => {
    const newer = { ...makeRegister(0), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    expect(() => migrate(newer)).toThrow(MigrationError);
    expect(() => migrate(newer)).toThrow(de.store.newerVersion(CURRENT_SCHEMA_VERSION + 1, CURRENT_SCHEMA_VERSION));
    expect(() => migrate(newer)).toThrow(
      new RegExp(`neueren Programmversion.*Format ${CURRENT_SCHEMA_VERSION + 1}.*Format ${CURRENT_SCHEMA_VERSION}`),
    );
  });

  it('refuses a document without schemaVersion', () => {
    const { schemaVersion: _drop, ...without } = makeRegister(0);
    expect(() => migrate(without)).toThrow(de.store.noSchemaVersion);
  });

  it.each([['"1"'], ['0'], ['1.5'], ['-1'], ['null']])('refuses schemaVersion %s', (json) => {
    expect(() => readSchemaVersion({ schemaVersion: JSON.parse(json) })).toThrow(de.store.noSchemaVersion);
  });

  it.each([[null], [[]], ['text'], [42]])('refuses the non-object %j', (value) => {
    expect(() => migrate(value)).toThrow(de.store.notARegister);
  });
});

describe('migrate v2 → v3', () => {
  it('adds the default bodies and empty submission lists, keeping everything else', () => {
    const v3 = makeRegister(2);
    const { bodies: _b, submissions: _s, submissionRevisions: _r, ...rest } = v3;
    const v2 = { ...rest, schemaVersion: 2 };
    const { doc, from } = migrate(v2);
    expect(from).toBe(2);
    const parsed = registerDocumentSchema.parse(doc);
    expect(parsed.bodies.map((b) => b.name)).toContain('Rat der Stadt');
    expect(parsed.submissions).toEqual([]);
    expect(parsed.measures).toEqual(v3.measures);
  });
});

describe('migrate v5 → v6 (the Niederschrift as a record)', () => {
  const v5 = (meetings: unknown[], extra: Record<string, unknown> = {}) => {
    const { schemaVersion: _v, ...rest } = makeRegister(0);
    return { ...rest, schemaVersion: 5, meetings, ...extra };
  };
  const meeting = (overrides: Record<string, unknown>) => ({
    id: 'sitzung-1',
    bodyId: 'gremium-vv',
    number: '1. Sitzung',
    date: '2025-11-13',
    startTime: null,
    endTime: null,
    place: '',
    state: 'durchgefuehrt',
    chair: '',
    recorder: '',
    invitationText: '',
    attendance: { members: null, guests: null, organisations: [] },
    agenda: [],
    deletedAt: null,
    version: 1,
    createdAt: '2025-11-01T08:00:00.000Z',
    updatedAt: '2025-11-14T08:00:00.000Z',
    ...overrides,
  });
  const top1 = (result: string) => ({
    id: 'top-1',
    number: '1',
    title: 'Benennung eines Mitglieds zur Mitunterzeichnung der Niederschrift',
    kind: 'standard',
    isPublic: true,
    description: '',
    measureIds: [],
    submissionIds: [],
    recommendationIds: [],
    minutes: '',
    result,
  });
  const lifted = (doc: unknown) => registerDocumentSchema.parse(migrate(doc).doc).meetings[0]!;

  it.each([
    ['Dr. Beispiel, Marion', { title: 'Dr.', given: 'Marion', family: 'Beispiel' }],
    ['Probst, Sabine', { title: '', given: 'Sabine', family: 'Probst' }],
    ['Marion Beispiel', { title: '', given: 'Marion', family: 'Beispiel' }],
    ['Vorsitzende', { title: '', given: '', family: 'Vorsitzende' }],
    ['', { title: '', given: '', family: '' }],
  ])('chair %j → parts', (chair, parts) => {
    expect(lifted(v5([meeting({ chair })])).chair).toEqual(parts);
  });

  it("takes the co-signer from TOP 1, with the given name from the body's members when one matches", () => {
    const members = [
      { id: 'x', bodyId: 'gremium-vv', delegate: 'Hartmann, Peter', deputy: '' },
      { id: 'y', bodyId: 'gremium-rat', delegate: 'Yilmaz, Deniz', deputy: '' },
    ].map((m) => ({
      organisation: 'O',
      orgUnitId: null,
      role: 'mitglied',
      termStart: null,
      termEnd: null,
      note: '',
      anonymisedAt: null,
      version: 1,
      createdAt: '2025-11-01T08:00:00.000Z',
      updatedAt: '2025-11-01T08:00:00.000Z',
      ...m,
    }));
    const named = (result: string) => lifted(v5([meeting({ agenda: [top1(result)] })], { bodyMembers: members })).coSigners;
    expect(named('Herr Hartmann (CDU-Fraktion) wird benannt.')).toEqual([{ title: '', given: 'Peter', family: 'Hartmann' }]);
    // A member of another body is no match: the name stays as written.
    expect(named('Frau Yilmaz wird benannt.')).toEqual([{ title: '', given: '', family: 'Yilmaz' }]);
    expect(named('Es wird niemand benannt')).toEqual([]);
    expect(named('')).toEqual([]);
  });

  it('gives a record only to a session already "abgeschlossen", dated by its last change', () => {
    const doc = lifted(v5([meeting({ state: 'abgeschlossen' })]));
    expect(doc.minutesRecord).toMatchObject({
      finalisedAt: '2025-11-14T08:00:00.000Z',
      finalisedBy: '',
      recommendations: [],
      decisions: [],
    });
    expect(lifted(v5([meeting({ state: 'durchgefuehrt' })])).minutesRecord).toBeNull();
  });
});
