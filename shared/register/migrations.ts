import { de } from '@shared/i18n/de';
import { districtCodeByName } from './districts';
import { CURRENT_SCHEMA_VERSION } from './register';
import { DEFAULT_BODIES } from '@shared/participation/body';
import { DEFAULT_STATUSES } from './status';
import { DEFAULT_RETENTION } from '@shared/privacy/retention';
import { personFromText, type StoredName } from '@shared/participation/personName';
import { takeMinutesRecord } from '@shared/participation/minutesRecord';
import type { Meeting } from '@shared/participation/participation';
import type { RegisterDocument } from './register';

/**
 * Stored documents carry `schemaVersion`. Each step lifts a document by one version and is pure, so a
 * migration is tested on fixtures without any file. The store backs the file up before it migrates.
 */
type Raw = Record<string, unknown>;
type Step = (doc: Raw) => Raw;

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly kind: 'newer' | 'invalid' = 'invalid',
  ) {
    super(message);
  }
}

const steps: Record<number, Step> = {
  1: migrateV1toV2,
  2: migrateV2toV3,
  3: migrateV3toV4,
  4: migrateV4toV5,
  5: migrateV5toV6,
};

export function readSchemaVersion(doc: unknown): number {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new MigrationError(de.store.notARegister);
  const version = (doc as Raw).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new MigrationError(de.store.noSchemaVersion);
  return version;
}

/** Returns the document lifted to the current version and the versions it passed. */
export function migrate(doc: unknown): { doc: unknown; from: number; to: number } {
  const from = readSchemaVersion(doc);
  if (from > CURRENT_SCHEMA_VERSION) throw new MigrationError(de.store.newerVersion(from, CURRENT_SCHEMA_VERSION), 'newer');
  let current = doc as Raw;
  for (let v = from; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = steps[v];
    if (!step) throw new MigrationError(de.store.noMigration(v));
    current = step(current);
  }
  return { doc: current, from, to: CURRENT_SCHEMA_VERSION };
}

function arr(value: unknown): Raw[] {
  return Array.isArray(value) ? (value as Raw[]) : [];
}
function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
function dateOrNull(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/**
 * Version 1 (the first pilot list) knew one Stadtbezirk per measure by name, one budget total in euros
 * with a year, a single start/end and no editions. Version 2 adds editions, the status list, per-year
 * budgets in cents, several districts, planned and actual dates, origin, decisions and milestones.
 */
function migrateV1toV2(v1: Raw): Raw {
  const editionId = 'fassung-2019';
  const createdAt = str(v1.createdAt) || '2019-02-14T00:00:00.000Z';
  return {
    schemaVersion: 2,
    registerId: str(v1.registerId),
    name: str(v1.name),
    isSample: v1.isSample === true,
    createdAt,
    editions: [
      { id: editionId, name: 'Masterplan 2019 (DS 12534-18)', printNumber: '12534-18', decidedOn: '2019-02-14', state: 'beschlossen' },
    ],
    currentEditionId: editionId,
    actionFields: arr(v1.actionFields).map((f) => ({
      id: f.id,
      editionId,
      code: f.code,
      name: f.name,
      description: str(f.description),
      guidingGoal: '',
    })),
    orgUnits: arr(v1.orgUnits).map((u) => ({
      id: u.id,
      code: str(u.code),
      name: u.name,
      kind: 'verwaltung',
      validFrom: null,
      validTo: null,
    })),
    statuses: DEFAULT_STATUSES,
    measures: arr(v1.measures).map((m) => {
      const district = districtCodeByName(str(m.district));
      const euros = typeof m.budgetEuro === 'number' ? m.budgetEuro : null;
      const budgetYear = typeof m.budgetYear === 'number' ? m.budgetYear : null;
      return {
        id: m.id,
        number: m.number,
        title: m.title,
        shortText: '',
        description: str(m.description),
        preventionGoal: '',
        projectGoal: '',
        actionFieldId: m.actionFieldId,
        type: 'massnahme',
        status: m.status,
        statusReason: str(m.statusReason),
        linkedMeasureId: null,
        leadOrgUnitId: m.leadOrgUnitId ?? null,
        involvedOrgUnitIds: [],
        districts: district ? [district] : [],
        quarter: '',
        plannedStart: dateOrNull(m.start),
        plannedEnd: dateOrNull(m.end),
        actualStart: null,
        actualEnd: null,
        budget:
          euros !== null && budgetYear !== null
            ? [
                {
                  year: budgetYear,
                  plannedCents: Math.round(euros * 100),
                  approvedCents: null,
                  spentCents: null,
                  fundingSource: 'haushalt',
                  budgetPosition: '',
                },
              ]
            : [],
        origin: { kind: 'masterplan', reference: 'Masterplan 2019', printNumber: '12534-18' },
        decisions: [],
        milestones: [],
        tags: [],
        version: 1,
        createdAt,
        updatedAt: str(m.updatedAt) || createdAt,
        deletedAt: null,
      };
    }),
    audit: arr(v1.audit),
  };
}

/** Version 3 adds council submissions: the list of bodies (pre-filled with Dortmund's), submissions and their revisions. */
function migrateV2toV3(v2: Raw): Raw {
  const { audit, ...rest } = v2;
  return { ...rest, schemaVersion: 3, bodies: DEFAULT_BODIES, submissions: [], submissionRevisions: [], audit: arr(audit) };
}

/**
 * Version 4 adds evaluation (Kennzahlen, rounds, assessments), sub-measures (parent link and weight),
 * Fortschreibungen (applied records and the wizard's drafts; older files have none) and offline reviews
 * (packages sent, comments, votes, imports; none yet).
 */
function migrateV3toV4(v3: Raw): Raw {
  const { audit, ...rest } = v3;
  return {
    ...rest,
    schemaVersion: 4,
    measures: arr(v3.measures).map((m) => ({ ...m, parentMeasureId: null, weight: 1 })),
    indicators: [],
    evaluationRounds: [],
    assessments: [],
    imports: [],
    fortschreibungen: [],
    fortschreibungDrafts: [],
    reviews: { packages: [], comments: [], votes: [], imports: [] },
    audit: arr(audit),
  };
}

/**
 * Version 5 adds Gremien & Beteiligung: members of bodies, sessions, recommendations, Quartierslabore,
 * Anregungen with their feedback contacts (kept apart), tracked council decisions and the retention periods.
 */
function migrateV4toV5(v4: Raw): Raw {
  const { audit, ...rest } = v4;
  return {
    ...rest,
    schemaVersion: 5,
    bodyMembers: [],
    meetings: [],
    recommendations: [],
    labs: [],
    proposals: [],
    contacts: [],
    trackedDecisions: [],
    retention: DEFAULT_RETENTION,
    audit: arr(audit),
  };
}

/** The result of TOP 1 as clerks write it: "Herr Hartmann (CDU-Fraktion) wird benannt." → "Hartmann". */
const NAMED_TO_CO_SIGN = /^(?:(?:Frau|Herr)\s+)?(.+?)\s*(?:\([^)]*\))?\s+wird\s+(?:als\s+\S+\s+)?benannt\.?$/u;
const CO_SIGNING_ITEM = 'Benennung eines Mitglieds zur Mitunterzeichnung der Niederschrift';

/**
 * The member named in TOP 1, looked up among the body's delegates and deputies (list form) by family name
 * (or given and family name) so that the given name is known too; as written when none or several match.
 */
function namedCoSigners(meeting: Raw, members: Raw[]): StoredName[] {
  const naming = arr(meeting.agenda).find((i) => i.kind === 'standard' && i.title === CO_SIGNING_ITEM);
  const named = NAMED_TO_CO_SIGN.exec(str(naming?.result).replace(/\s+/g, ' ').trim())?.[1];
  if (!named) return [];
  const written = personFromText(named);
  const bare = [written.given, written.family]
    .filter((w) => w !== '')
    .join(' ')
    .toLowerCase();
  const matches = members
    .filter((x) => x.bodyId === meeting.bodyId)
    .flatMap((x) => [str(x.delegate), str(x.deputy)])
    .filter((listForm) => listForm.includes(','))
    .map(personFromText)
    .filter((c) => c.family.toLowerCase() === bare || `${c.given} ${c.family}`.toLowerCase() === bare);
  const unique = new Map(matches.map((c) => [JSON.stringify(c), c]));
  if (unique.size !== 1) return [written];
  const found = [...unique.values()][0]!;
  return [{ ...found, title: found.title || written.title }];
}

/**
 * Version 6 makes the Niederschrift a record: chair and recorder in parts (title, given name, family name)
 * instead of the list form, the members named to co-sign stored with the session (taken from the result of
 * TOP 1 where it names one), and the record "Niederschrift abschließen" stores. A session already
 * "abgeschlossen" gets its record from the register as it is at the migration, dated by the session's
 * last change and with no one named as having finalised it.
 */
function migrateV5toV6(v5: Raw): Raw {
  const { audit, ...rest } = v5;
  const members = arr(v5.bodyMembers);
  const meetings = arr(v5.meetings).map((meeting) => {
    const lifted = {
      ...meeting,
      chair: personFromText(str(meeting.chair)),
      recorder: personFromText(str(meeting.recorder)),
      coSigners: namedCoSigners(meeting, members),
    };
    const minutesRecord =
      meeting.state === 'abgeschlossen'
        ? takeMinutesRecord(v5 as unknown as RegisterDocument, lifted as unknown as Meeting, str(meeting.updatedAt), '')
        : null;
    return { ...lifted, minutesRecord };
  });
  return { ...rest, schemaVersion: 6, meetings, audit: arr(audit) };
}
