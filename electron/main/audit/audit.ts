import { randomUUID } from 'node:crypto';
import type { AuditEntry, FieldChange } from '@shared/audit/audit';

/** Builds one audit entry; `at` is the moment of the change, `user` the display or OS user name. */
export function auditEntry(
  user: string,
  entityType: AuditEntry['entityType'],
  entityId: string,
  entityLabel: string,
  action: AuditEntry['action'],
  changes: FieldChange[],
): AuditEntry {
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    user,
    entityType,
    entityId,
    entityLabel: entityLabel.slice(0, 300),
    action,
    changes,
  };
}
