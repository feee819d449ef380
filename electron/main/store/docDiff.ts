import { registerDocumentSchema, type RegisterDocument } from '@shared/register/register';

/**
 * What one committed change did to the register, record by record, so it can be appended to the journal
 * and replayed by other instances. Services build a new document from the old one and keep every
 * untouched record by reference (replaceAt, spread), so comparing references finds the changed records
 * in O(records) without serialising anything.
 *
 * Per top-level key at most one op: `set` replaces the whole value (objects, reordered lists); otherwise
 * `del` removes ids, `up` replaces records in place, `add` appends records (the audit trail only grows).
 */
export type JournalOp = { k: string; set: unknown } | { k: string; del?: string[]; up?: Record<string, unknown>[]; add?: unknown[] };

/** Keys of the document that are bookkeeping of the store, not data. */
const IGNORED = new Set(['revision']);

export function diffDocuments(prev: RegisterDocument, next: RegisterDocument): JournalOp[] {
  const ops: JournalOp[] = [];
  const p = prev as unknown as Record<string, unknown>;
  const n = next as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(p), ...Object.keys(n)]);
  for (const k of keys) {
    if (IGNORED.has(k) || p[k] === n[k]) continue;
    const a = p[k];
    const b = n[k];
    const op = Array.isArray(a) && Array.isArray(b) ? diffArray(k, a, b) : JSON.stringify(a) === JSON.stringify(b) ? null : { k, set: b };
    if (op) ops.push(op);
  }
  return ops;
}

function idOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

function diffArray(k: string, a: readonly unknown[], b: readonly unknown[]): JournalOp | null {
  // The audit trail and other append-only lists: the old list is a prefix of the new one.
  if (b.length >= a.length && a.every((item, i) => item === b[i])) return b.length === a.length ? null : { k, add: b.slice(a.length) };
  // The common edit: records replaced in place (same ids at the same positions), maybe some appended.
  // Checked without building maps: at 10,000 records this is the difference between 1 and 60 ms.
  if (b.length >= a.length) {
    const up: Record<string, unknown>[] = [];
    let inPlace = true;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      const id = idOf(a[i]);
      if (id === null || id !== idOf(b[i])) {
        inPlace = false;
        break;
      }
      up.push(b[i] as Record<string, unknown>);
    }
    if (inPlace) {
      const add = b.slice(a.length);
      const known = add.length > 0 ? new Set(a.map(idOf)) : null;
      if (!add.some((item) => idOf(item) === null || known!.has(idOf(item)))) {
        return { k, ...(up.length > 0 ? { up } : {}), ...(add.length > 0 ? { add } : {}) };
      }
    }
  }
  const before = new Map<string, unknown>();
  for (const item of a) {
    const id = idOf(item);
    if (id === null || before.has(id)) return { k, set: b };
  }
  for (const item of a) before.set(idOf(item)!, item);
  const after = new Set<string>();
  for (const item of b) {
    const id = idOf(item);
    if (id === null || after.has(id)) return { k, set: b };
    after.add(id);
  }
  const del = [...before.keys()].filter((id) => !after.has(id));
  const deleted = new Set(del);
  // Replaying must give exactly the new order: kept records in their old order, then the new ones.
  const kept = a.filter((item) => !deleted.has(idOf(item)!));
  const up: Record<string, unknown>[] = [];
  for (let i = 0; i < kept.length; i++) {
    const item = b[i];
    if (idOf(item) !== idOf(kept[i])) return { k, set: b };
    if (item !== kept[i]) up.push(item as Record<string, unknown>);
  }
  const add = b.slice(kept.length);
  if (add.some((item) => before.has(idOf(item)!))) return { k, set: b };
  if (del.length === 0 && up.length === 0 && add.length === 0) return null;
  return { k, ...(del.length > 0 ? { del } : {}), ...(up.length > 0 ? { up } : {}), ...(add.length > 0 ? { add } : {}) };
}

/** Ids (or `true` for "changed as a whole") per key, for the UI to update only what changed. */
export type ChangedRecords = Record<string, string[] | true>;

/** A journal line that this program cannot apply (unknown key or a record its schema refuses). */
export class JournalOpError extends Error {
  constructor(readonly newer: boolean) {
    super(newer ? 'unknown key' : 'invalid record');
  }
}

type Shape = Record<string, { safeParse: (v: unknown) => { success: boolean; data?: unknown } }>;
const shape = registerDocumentSchema.shape as unknown as Shape;

function elementSchema(k: string): Shape[string] {
  let schema = shape[k] as unknown as { unwrap?: () => unknown; element?: unknown; def?: { type?: string } };
  // `.default([])` wraps the array schema.
  while (schema && !schema.element && typeof schema.unwrap === 'function') schema = schema.unwrap() as typeof schema;
  if (!schema?.element) throw new JournalOpError(false);
  return schema.element as Shape[string];
}

function check<T>(schema: Shape[string], value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new JournalOpError(false);
  return result.data as T;
}

/** Applies ops (validated against the document schema) to a document; untouched records stay shared. */
export function applyOps(doc: RegisterDocument, ops: readonly JournalOp[], changed: ChangedRecords = {}): RegisterDocument {
  const next = { ...doc } as unknown as Record<string, unknown>;
  for (const op of ops) {
    const k = op.k;
    if (IGNORED.has(k) || !(k in shape)) throw new JournalOpError(true);
    if ('set' in op) {
      next[k] = check(shape[k]!, op.set);
      changed[k] = true;
      continue;
    }
    const element = elementSchema(k);
    let list = (next[k] as unknown[] | undefined)?.slice() ?? [];
    const ids = changed[k] === true ? null : ((changed[k] as string[] | undefined) ?? []);
    if (op.del && op.del.length > 0) {
      const gone = new Set(op.del);
      list = list.filter((item) => !gone.has(idOf(item) ?? ''));
      ids?.push(...op.del);
    }
    if (op.up && op.up.length > 0) {
      const index = new Map<string, number>();
      list.forEach((item, i) => index.set(idOf(item) ?? '', i));
      for (const raw of op.up) {
        const item = check<Record<string, unknown>>(element, raw);
        const i = index.get(idOf(item) ?? '');
        if (i === undefined) list.push(item);
        else list[i] = item;
        ids?.push(idOf(item) ?? '');
      }
    }
    if (op.add && op.add.length > 0) {
      for (const raw of op.add) {
        const item = check(element, raw);
        list.push(item);
        const id = idOf(item);
        if (id) ids?.push(id);
      }
    }
    next[k] = list;
    if (ids) changed[k] = ids;
  }
  return next as unknown as RegisterDocument;
}

/**
 * Adds to `changed` what `ops` change (as `applyOps` reports it), without applying them: an own commit
 * knows its ops, and the window that saved updates only those records.
 */
export function changedByOps(ops: readonly JournalOp[], changed: ChangedRecords = {}): ChangedRecords {
  for (const op of ops) {
    if ('set' in op) {
      changed[op.k] = true;
      continue;
    }
    const ids = [...(op.del ?? []), ...(op.up ?? []).map(idOf), ...(op.add ?? []).map(idOf)].filter((id): id is string => id !== null);
    mergeChanged(changed, { [op.k]: ids });
  }
  return changed;
}

/** `from` folded into `into` (a list changed as a whole stays so; ids are kept once). */
export function mergeChanged(into: ChangedRecords, from: ChangedRecords): ChangedRecords {
  for (const [k, v] of Object.entries(from)) {
    const had = into[k];
    if (had === true || v === true) into[k] = true;
    else into[k] = had ? [...new Set([...had, ...v])] : [...new Set(v)];
  }
  return into;
}
