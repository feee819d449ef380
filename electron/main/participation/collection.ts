import { randomUUID } from 'node:crypto';
import { de } from '@shared/i18n/de';
import { diffFields, type AuditEntry, type FieldChange } from '@shared/audit/audit';
import type { RegisterDocument } from '@shared/register/register';
import type { FieldProblem } from '@shared/register/rules';
import { auditEntry } from '@main/audit/audit';
import { ServiceError } from '@main/core/errors';
import { replaceAt } from '@main/register/measures';
import type { RegisterSession } from '@main/session/session';
import type { Saved } from '@shared/contract';

/**
 * Create, update, Papierkorb and restore for the versioned lists of Gremien & Beteiligung. One place for
 * the rules every such list follows: optimistic version check, audit entry of the changed fields, no
 * write when nothing changed; "Löschen" moves into the Papierkorb (only members, reference data, are
 * erased, audited).
 */
export type CollectionKey = 'bodyMembers' | 'meetings' | 'recommendations' | 'labs' | 'proposals' | 'trackedDecisions';
type Entry = { id: string; version: number; createdAt: string; updatedAt: string };
type Item<K extends CollectionKey> = RegisterDocument[K][number];

export interface CollectionSpec<K extends CollectionKey> {
  key: K;
  entityType: AuditEntry['entityType'];
  /** The fields compared for the audit trail. */
  fieldNames: readonly string[];
  describe: (item: Item<K>) => string;
}

export function findEntry<K extends CollectionKey>(doc: RegisterDocument, key: K, id: string): { index: number; item: Item<K> } {
  const items = doc[key] as readonly Item<K>[];
  const index = items.findIndex((i) => i.id === id);
  const item = items[index];
  if (!item) throw new ServiceError('NOT_FOUND', de.api.notFound);
  return { index, item };
}

export function refuse(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new ServiceError('VALIDATION', de.api.validation, problems);
}

/**
 * `id` null creates, otherwise updates the entry of that version. `derive` adds the stored values the form
 * does not edit (`deletedAt: null` of a new entry, a state change time, the day of the last update), given
 * the entry before (null when new).
 */
export function saveEntry<K extends CollectionKey, F extends object>(
  doc: RegisterDocument,
  spec: CollectionSpec<K>,
  request: { id: string | null; version: number | null; fields: F },
  user: string,
  derive: (before: Item<K> | null, now: string) => Partial<Item<K>> = () => ({}),
): { doc: RegisterDocument; result: Item<K> } {
  const now = new Date().toISOString();
  const items = doc[spec.key] as readonly Item<K>[];
  if (request.id === null) {
    const created = {
      ...request.fields,
      ...derive(null, now),
      id: randomUUID(),
      version: 1,
      createdAt: now,
      updatedAt: now,
    } as unknown as Item<K>;
    const changes = diffFields({}, created as Record<string, unknown>, spec.fieldNames).filter((c) => !isBlank(c.new));
    const entry = auditEntry(user, spec.entityType, created.id, spec.describe(created), 'create', changes);
    return { doc: { ...doc, [spec.key]: [...items, created], audit: [...doc.audit, entry] }, result: created };
  }
  const { index, item } = findEntry(doc, spec.key, request.id);
  assertLive(item);
  if (request.version !== (item as Entry).version) throw new ServiceError('CONFLICT', de.api.conflict);
  const merged = { ...item, ...request.fields } as Item<K>;
  const changes = diffFields(item as Record<string, unknown>, merged as Record<string, unknown>, spec.fieldNames);
  if (changes.length === 0) return { doc, result: item };
  const updated = { ...merged, ...derive(item, now), version: (item as Entry).version + 1, updatedAt: now } as Item<K>;
  const entry = auditEntry(user, spec.entityType, item.id, spec.describe(updated), 'update', changes);
  return { doc: { ...doc, [spec.key]: replaceAt(items, index, updated), audit: [...doc.audit, entry] }, result: updated };
}

/** Moves an entry into the Papierkorb (lists with `deletedAt`). */
export function trashEntry<K extends CollectionKey>(
  doc: RegisterDocument,
  spec: CollectionSpec<K>,
  id: string,
  version: number,
  user: string,
): RegisterDocument {
  const { index, item } = findEntry(doc, spec.key, id);
  assertLive(item);
  if ((item as Entry).version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
  const now = new Date().toISOString();
  const deleted = { ...item, deletedAt: now, updatedAt: now, version: (item as Entry).version + 1 } as Item<K>;
  const entry = auditEntry(user, spec.entityType, id, spec.describe(item), 'delete', [{ field: 'deletedAt', old: null, new: now }]);
  return { ...doc, [spec.key]: replaceAt(doc[spec.key] as readonly Item<K>[], index, deleted), audit: [...doc.audit, entry] };
}

export function restoreEntry<K extends CollectionKey>(
  doc: RegisterDocument,
  spec: CollectionSpec<K>,
  id: string,
  user: string,
): RegisterDocument {
  const { index, item } = findEntry(doc, spec.key, id);
  const deletedAt = (item as { deletedAt?: string | null }).deletedAt ?? null;
  if (!deletedAt) throw new ServiceError('BAD_REQUEST', de.api.notInTrash);
  const restored = { ...item, deletedAt: null, updatedAt: new Date().toISOString(), version: (item as Entry).version + 1 } as Item<K>;
  const entry = auditEntry(user, spec.entityType, id, spec.describe(item), 'restore', [{ field: 'deletedAt', old: deletedAt, new: null }]);
  return { ...doc, [spec.key]: replaceAt(doc[spec.key] as readonly Item<K>[], index, restored), audit: [...doc.audit, entry] };
}

/** Removes an entry for good (members have no Papierkorb: their list is reference data). */
export function eraseEntry<K extends CollectionKey>(
  doc: RegisterDocument,
  spec: CollectionSpec<K>,
  id: string,
  version: number,
  user: string,
  changes: FieldChange[] = [],
): RegisterDocument {
  const { item } = findEntry(doc, spec.key, id);
  if ((item as Entry).version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
  const entry = auditEntry(user, spec.entityType, id, spec.describe(item), 'delete', changes);
  return { ...doc, [spec.key]: (doc[spec.key] as readonly Item<K>[]).filter((i) => i.id !== id), audit: [...doc.audit, entry] };
}

function assertLive(item: object): void {
  if ((item as { deletedAt?: string | null }).deletedAt) throw new ServiceError('NOT_FOUND', de.api.notFound);
  if ((item as { anonymisedAt?: string | null }).anonymisedAt)
    throw new ServiceError('FORBIDDEN', de.participation.errors.anonymisedReadOnly);
}

/** Empty for the audit of a new entry: nothing, empty text, an empty list, or a record of empty parts (a name not given). */
function isBlank(value: unknown): boolean {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return Object.values(value).every(isBlank);
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** One durable write through the session's store; the value the change produced, with the time it was saved. */
export async function commitSaved<T>(
  session: RegisterSession,
  change: (doc: RegisterDocument) => { doc: RegisterDocument; result: T },
): Promise<Saved<T>> {
  const { result, savedAt } = await session.writableStore().commit(change);
  return { value: result, savedAt };
}
