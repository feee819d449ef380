import { randomUUID } from 'node:crypto';
import { diffFields, scrubAuditValues, type AuditEntry, type FieldChange, type JsonValue } from '@shared/audit/audit';
import type { ImportRecord, Indicator } from '@shared/evaluation/evaluation';
import type { ImportKind, ImportPlan } from '@shared/import/importMapping';
import { PROPOSAL_PERSONAL_FIELDS, proposalFieldsSchema, type Proposal } from '@shared/participation/labs';
import { MEASURE_FIELD_NAMES, type Measure } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { de } from '@shared/i18n/de';
import { auditEntry } from '@main/audit/audit';
import { ServiceError } from '@main/core/errors';

/**
 * Writing a checked import plan into the register, and taking it back. Both are pure functions of the
 * document (apart from fresh ids and timestamps) so the app's service and the CLI run the same code
 * inside one RegisterStore.commit: all or nothing.
 */
export interface ImportActor {
  user: string;
  fileName: string;
  now?: Date;
  newId?: () => string;
}

const label = (m: Pick<Measure, 'number' | 'title'>) => `${m.number} ${m.title}`;
const isBlank = (value: unknown) => value === null || value === '' || (Array.isArray(value) && value.length === 0);
const PROPOSAL_FIELD_NAMES = Object.keys(proposalFieldsSchema.shape) as (keyof Proposal & string)[];

function importChanges(record: Pick<ImportRecord, 'id' | 'fileName'>): FieldChange[] {
  return [
    { field: 'importId', old: null, new: record.id },
    { field: 'importFile', old: null, new: record.fileName },
  ];
}

/** Applies `plan` (which must have been made from `doc` and be free of errors). */
export function applyImportPlan(
  doc: RegisterDocument,
  kind: ImportKind,
  plan: ImportPlan,
  actor: ImportActor,
): { doc: RegisterDocument; record: ImportRecord } {
  if (!plan.preview.canCommit) throw new ServiceError('VALIDATION', de.import.commit.hasErrors(plan.preview.counts.errors));
  const newId = actor.newId ?? randomUUID;
  const now = (actor.now ?? new Date()).toISOString();
  const record: ImportRecord = {
    id: newId(),
    at: now,
    user: actor.user.slice(0, 120),
    kind,
    fileName: actor.fileName.slice(0, 255),
    rowCount: plan.preview.counts.ok,
    createdMeasureIds: [],
    createdIndicatorIds: [],
    changedIndicators: [],
    createdProposalIds: [],
    undoneAt: null,
  };
  const entries: AuditEntry[] = [];
  const tag = importChanges(record);

  const created: Measure[] = plan.measures.map((fields) => ({
    ...fields,
    id: newId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  }));
  for (const measure of created) {
    record.createdMeasureIds.push(measure.id);
    // As MeasureService.create records a new measure: every filled field, old null.
    const changes: FieldChange[] = [];
    for (const field of MEASURE_FIELD_NAMES) {
      const value = measure[field] as JsonValue;
      if (!isBlank(value)) changes.push({ field, old: null, new: value });
    }
    entries.push(auditEntry(actor.user, 'measure', measure.id, label(measure), 'import', [...tag, ...changes]));
  }

  const proposals: Proposal[] = plan.proposals.map((fields) => ({
    ...fields,
    id: newId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    stateChangedAt: now,
    deletedAt: null,
    anonymisedAt: null,
  }));
  for (const proposal of proposals) {
    record.createdProposalIds.push(proposal.id);
    // As a new Anregung saved in the app is recorded (LabService.saveProposal): every filled field, old null.
    const changes = diffFields({}, proposal as Record<string, unknown>, PROPOSAL_FIELD_NAMES).filter((c) => !isBlank(c.new));
    entries.push(
      auditEntry(actor.user, 'proposal', proposal.id, de.participation.privacyLabels.proposal(proposal.number), 'import', [
        ...tag,
        ...changes,
      ]),
    );
  }

  let indicators = doc.indicators;
  if (plan.valueChanges.length > 0) {
    const byId = new Map(plan.valueChanges.map((c) => [c.indicatorId, c]));
    indicators = doc.indicators.map((indicator) => {
      const change = byId.get(indicator.id);
      if (!change) return indicator;
      record.changedIndicators.push({ indicatorId: indicator.id, before: indicator.values });
      entries.push(
        auditEntry(actor.user, 'indicator', indicator.id, indicator.name, 'import', [
          ...tag,
          { field: 'values', old: indicator.values, new: change.after },
        ]),
      );
      return { ...indicator, values: change.after, version: indicator.version + 1, updatedAt: now };
    });
  }

  entries.unshift(
    auditEntry(actor.user, 'import', record.id, de.import.audit.label(de.import.kinds[kind], record.fileName), 'import', [
      { field: 'importFile', old: null, new: record.fileName },
      { field: 'kind', old: null, new: kind },
      { field: 'rowCount', old: null, new: record.rowCount },
    ]),
  );
  return {
    doc: {
      ...doc,
      measures: created.length > 0 ? [...doc.measures, ...created] : doc.measures,
      indicators,
      proposals: proposals.length > 0 ? [...doc.proposals, ...proposals] : doc.proposals,
      imports: [...doc.imports, record],
      audit: [...doc.audit, ...entries],
    },
    record,
  };
}

/** The values a Kennzahl had right after import `importId`, from that import's audit entry. */
function valuesAfterImport(doc: RegisterDocument, importId: string, indicatorId: string): unknown {
  for (let i = doc.audit.length - 1; i >= 0; i--) {
    const entry = doc.audit[i]!;
    if (entry.entityType !== 'indicator' || entry.entityId !== indicatorId || entry.action !== 'import') continue;
    if (!entry.changes.some((c) => c.field === 'importId' && c.new === importId)) continue;
    return entry.changes.find((c) => c.field === 'values')?.new;
  }
  return undefined;
}

/**
 * Takes an import back: the measures it created go into the Papierkorb, the Kennzahlen get their values
 * from before, the Anregungen it created are removed (their numbers become free again, and what they said
 * is replaced in the trail's import entries). Refused (ServiceError, nothing changed) when one of them
 * was edited since or got a feedback contact, naming it.
 */
export function undoImportRecord(
  doc: RegisterDocument,
  id: string,
  actor: Omit<ImportActor, 'fileName'>,
): { doc: RegisterDocument; record: ImportRecord } {
  const index = doc.imports.findIndex((r) => r.id === id);
  const record = doc.imports[index];
  if (!record) throw new ServiceError('NOT_FOUND', de.import.undo.notFound);
  if (record.undoneAt) throw new ServiceError('CONFLICT', de.import.undo.alreadyUndone);
  const now = (actor.now ?? new Date()).toISOString();
  const tag = importChanges(record);

  const createdIds = new Set(record.createdMeasureIds);
  const toTrash = doc.measures.filter((m) => createdIds.has(m.id) && !m.deletedAt);
  const changed = toTrash.filter((m) => m.version !== 1).map((m) => m.number);
  if (changed.length > 0) throw new ServiceError('CONFLICT', de.import.undo.measuresChanged(changed));
  const trashIds = new Set(toTrash.map((m) => m.id));
  const dependents = doc.measures.filter(
    (m) =>
      !m.deletedAt &&
      !trashIds.has(m.id) &&
      ((m.parentMeasureId && trashIds.has(m.parentMeasureId)) || (m.linkedMeasureId && trashIds.has(m.linkedMeasureId))),
  );
  if (dependents.length > 0) {
    const targets = new Set(
      dependents.flatMap((m) => [m.parentMeasureId, m.linkedMeasureId]).filter((x): x is string => !!x && trashIds.has(x)),
    );
    throw new ServiceError('CONFLICT', de.import.undo.hasSubMeasures(toTrash.filter((m) => targets.has(m.id)).map((m) => m.number)));
  }

  const proposalIds = new Set(record.createdProposalIds);
  const ownProposals = doc.proposals.filter((p) => proposalIds.has(p.id));
  const editedProposals = ownProposals
    .filter((p) => p.version !== 1 || p.deletedAt !== null || p.anonymisedAt !== null)
    .map((p) => p.number);
  if (editedProposals.length > 0) throw new ServiceError('CONFLICT', de.import.undo.proposalsChanged(editedProposals));
  const withContact = new Set(doc.contacts.map((c) => c.proposalId));
  const linkedProposals = ownProposals.filter((p) => withContact.has(p.id)).map((p) => p.number);
  if (linkedProposals.length > 0) throw new ServiceError('CONFLICT', de.import.undo.proposalsLinked(linkedProposals));

  const restore = new Map<string, ImportRecord['changedIndicators'][number]>();
  const changedIndicators: string[] = [];
  for (const change of record.changedIndicators) {
    const indicator = doc.indicators.find((i) => i.id === change.indicatorId);
    if (!indicator || indicator.deletedAt) continue;
    const after = valuesAfterImport(doc, record.id, indicator.id);
    if (after === undefined || JSON.stringify(after) !== JSON.stringify(indicator.values)) {
      const measure = doc.measures.find((m) => m.id === indicator.measureId);
      changedIndicators.push(`„${indicator.name}“${measure ? ` (${measure.number})` : ''}`);
    } else restore.set(indicator.id, change);
  }
  if (changedIndicators.length > 0) throw new ServiceError('CONFLICT', de.import.undo.indicatorsChanged(changedIndicators));

  const entries: AuditEntry[] = [];
  const measures = doc.measures.map((m) => {
    if (!trashIds.has(m.id)) return m;
    entries.push(auditEntry(actor.user, 'measure', m.id, label(m), 'undo', [...tag, { field: 'deletedAt', old: null, new: now }]));
    return { ...m, deletedAt: now, updatedAt: now, version: m.version + 1 };
  });
  const indicators = doc.indicators.map((indicator): Indicator => {
    const change = restore.get(indicator.id);
    if (!change) return indicator;
    entries.push(
      auditEntry(actor.user, 'indicator', indicator.id, indicator.name, 'undo', [
        ...tag,
        { field: 'values', old: indicator.values, new: change.before },
      ]),
    );
    return { ...indicator, values: change.before, version: indicator.version + 1, updatedAt: now };
  });
  for (const p of ownProposals)
    entries.push(auditEntry(actor.user, 'proposal', p.id, de.participation.privacyLabels.proposal(p.number), 'undo', tag));
  const removedIds = new Set(ownProposals.map((p) => p.id));
  // What the removed Anregungen said leaves the trail with them, as the Datenschutz view does.
  const audit = scrubAuditValues(doc.audit, removedIds, PROPOSAL_PERSONAL_FIELDS, de.participation.anonymised);
  const undone: ImportRecord = { ...record, undoneAt: now };
  entries.unshift(
    auditEntry(actor.user, 'import', record.id, de.import.audit.label(de.import.kinds[record.kind], record.fileName), 'undo', [
      { field: 'undoneAt', old: null, new: now },
    ]),
  );
  const imports = doc.imports.slice();
  imports[index] = undone;
  const proposals = removedIds.size === 0 ? doc.proposals : doc.proposals.filter((p) => !removedIds.has(p.id));
  return { doc: { ...doc, measures, indicators, proposals, imports, audit: [...audit, ...entries] }, record: undone };
}
