import { z } from 'zod';
import { id, isoDateTime } from './primitives';

export const AUDIT_ENTITY_TYPES = ['measure', 'actionField', 'orgUnit', 'edition', 'register'] as const;
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'restore', 'migrate'] as const;

export const fieldChangeSchema = z.strictObject({
  field: z.string().max(80),
  old: z.json(),
  new: z.json(),
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
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

type Json = z.infer<ReturnType<typeof z.json>>;

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
