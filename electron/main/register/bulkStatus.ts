import type { Saved } from '@shared/contract';
import { diffFields } from '@shared/audit/audit';
import type { AuditEntry } from '@shared/audit/audit';
import { replacedEditionOf } from '@shared/editions/fortschreibung';
import { de } from '@shared/i18n/de';
import type { BulkStatusRequest, BulkStatusResult } from '@shared/register/registerContract';
import { MEASURE_FIELD_NAMES, type Measure, type MeasureFields } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { checkMeasureRules, type FieldProblem } from '@shared/register/rules';
import { statusDateField } from '@shared/register/status';
import type { ErrorCode } from '@shared/contract';
import { auditEntry } from '@main/audit/audit';
import { ServiceError } from '@main/core/errors';
import type { RegisterSession } from '@main/session/session';

const texts = de.ui.bulkStatus;
/** When several measures fail for different reasons, the call's code is the gravest one. */
const GRAVITY: ErrorCode[] = ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'VALIDATION'];

/**
 * "Status ändern für Auswahl": every selected measure gets the same status and reason (and, where the
 * status means a start or an end, that date if it has none yet), each with its own version check, rules
 * and audit entry – as if saved one by one in the form – but in one write: if any measure fails, nothing
 * is written and the refusal names each failing measure and why.
 */
export class BulkStatusService {
  constructor(private readonly session: RegisterSession) {}

  async change(request: BulkStatusRequest): Promise<Saved<BulkStatusResult>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => applyBulkStatus(doc, request, this.session.userName));
    return { value: result, savedAt };
  }
}

export function applyBulkStatus(
  doc: RegisterDocument,
  request: BulkStatusRequest,
  user: string,
): { doc: RegisterDocument; result: BulkStatusResult } {
  const indexOf = new Map(doc.measures.map((m, i) => [m.id, i]));
  const others = doc.measures.filter((m) => !m.deletedAt);
  const dateField = statusDateField(request.status);
  const measures = doc.measures.slice();
  const audit: AuditEntry[] = [];
  const problems: FieldProblem[] = [];
  const codes = new Set<ErrorCode>();
  const changed: string[] = [];
  const unchanged: string[] = [];
  const refuse = (at: number, label: string, code: ErrorCode, message: string) => {
    codes.add(code);
    problems.push({ field: `measures.${at}`, message: texts.problem(label, message) });
  };

  request.measures.forEach(({ id, version }, at) => {
    const index = indexOf.get(id);
    const measure = index === undefined ? undefined : doc.measures[index];
    if (index === undefined || !measure) return refuse(at, texts.unknownLabel(id), 'NOT_FOUND', texts.unknown);
    const label = `${measure.number} ${measure.title}`;
    if (measure.deletedAt) return refuse(at, label, 'NOT_FOUND', texts.inTrash);
    if (measure.version !== version) return refuse(at, label, 'CONFLICT', texts.changed);
    const replaced = replacedEditionOf(doc, measure.actionFieldId);
    if (replaced) return refuse(at, label, 'FORBIDDEN', de.editions.problems.editionReplaced(replaced.name));
    const fields = Object.fromEntries(MEASURE_FIELD_NAMES.map((k) => [k, measure[k]])) as MeasureFields;
    const status = doc.statuses.find((s) => s.key === request.status);
    const next: MeasureFields = {
      ...fields,
      status: request.status,
      statusReason: request.statusReason,
      // A link belongs to the statuses that need one; the others keep what the measure had.
      linkedMeasureId: status?.requiresLink ? request.linkedMeasureId : fields.linkedMeasureId,
      ...(dateField && request.date && !fields[dateField] ? { [dateField]: request.date } : {}),
    };
    const found = checkMeasureRules(next, {
      measureId: id,
      actionFields: doc.actionFields,
      orgUnits: doc.orgUnits,
      statuses: doc.statuses,
      others,
    });
    if (found.length > 0) return refuse(at, label, 'VALIDATION', found.map((p) => p.message).join(' '));
    const changes = diffFields(
      measure as unknown as Record<string, unknown>,
      next as unknown as Record<string, unknown>,
      MEASURE_FIELD_NAMES,
    );
    if (changes.length === 0) return void unchanged.push(id);
    const updated: Measure = { ...measure, ...next, version: measure.version + 1, updatedAt: new Date().toISOString() };
    measures[index] = updated;
    audit.push(auditEntry(user, 'measure', id, label, 'update', changes));
    changed.push(id);
  });

  if (problems.length > 0) {
    const code = GRAVITY.find((c) => codes.has(c)) ?? 'VALIDATION';
    throw new ServiceError(code, texts.refused(problems.length), problems);
  }
  if (changed.length === 0) return { doc, result: { changed, unchanged } };
  return { doc: { ...doc, measures, audit: [...doc.audit, ...audit] }, result: { changed, unchanged } };
}
