import { z } from 'zod';
import { id, isoDateTime } from '@shared/core/primitives';

export const AUDIT_ENTITY_TYPES = [
  'measure',
  'actionField',
  'orgUnit',
  'edition',
  'register',
  'submission',
  'body',
  'indicator',
  'evaluationRound',
  'assessment',
  'import',
  'reviewPackage',
  'bodyMember',
  'meeting',
  'recommendation',
  'lab',
  'proposal',
  'contact',
  'trackedDecision',
  'retention',
  'status',
] as const;
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'migrate',
  'import',
  'undo',
  'comment',
  'vote',
  'resolve',
  'export',
  'anonymise',
] as const;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Plain JSON data (what a file can hold). A hand-written check: z.json() dominated the time to open large registers. */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (depth > 20 || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1));
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every((v) => isJsonValue(v, depth + 1));
}

const jsonValue = z.custom<JsonValue>((value) => isJsonValue(value), { message: 'Kein gültiger JSON-Wert.' });

export const fieldChangeSchema = z.strictObject({
  field: z.string().max(80),
  old: jsonValue,
  new: jsonValue,
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** One recorded change: who, when, which entity, which fields old → new. Never edited afterwards. */
export const auditEntrySchema = z.strictObject({
  id,
  at: isoDateTime,
  user: z.string().max(120),
  entityType: z.enum(AUDIT_ENTITY_TYPES),
  entityId: z.string().max(64),
  entityLabel: z.string().max(300),
  action: z.enum(AUDIT_ACTIONS),
  changes: z.array(fieldChangeSchema),
  /** Set when the change came from (or undid) the import of a review package. */
  reviewPackageId: id.optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

type Json = JsonValue;

/** Field-by-field difference of two flat records; nested values compare by their JSON form. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const oldValue = (before[field] ?? null) as Json;
    const newValue = (after[field] ?? null) as Json;
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue)) changes.push({ field, old: oldValue, new: newValue });
  }
  return changes;
}

/**
 * The recorded old and new values of `fields` of these entities replaced by `marker` (empty stays empty):
 * what the Löschkonzept removes from a record must not survive in its trail. The entries stay.
 */
export function scrubAuditValues(
  audit: AuditEntry[],
  entityIds: ReadonlySet<string>,
  fields: ReadonlySet<string>,
  marker: string,
): AuditEntry[] {
  if (entityIds.size === 0) return audit;
  const blank = (value: JsonValue) => (value === null || value === '' ? value : marker);
  return audit.map((entry) =>
    entityIds.has(entry.entityId) && entry.changes.some((c) => fields.has(c.field))
      ? { ...entry, changes: entry.changes.map((c) => (fields.has(c.field) ? { ...c, old: blank(c.old), new: blank(c.new) } : c)) }
      : entry,
  );
}
