import { z } from 'zod';
import { de, MAX_REGISTER_MIB } from '@shared/i18n/de';
import { registerDocumentSchema, type RegisterDocument } from '@shared/register/register';
import { describeIssue } from './decode';

/** A change refused before it reaches the disk: the file would not open again, or would be too large. */
export class CommitRefusedError extends Error {
  constructor(
    message: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** `shell`: the list's own rules (min length …) with any elements; null when it has none (most lists). */
type Section = { kind: 'list'; element: z.ZodType; shell: z.ZodType | null } | { kind: 'value'; schema: z.ZodType };

let sections: Map<string, Section> | null = null;

/** Per top-level key of the document: its element schema and the list's own rules (min length …). */
function sectionsOf(): Map<string, Section> {
  if (sections) return sections;
  sections = new Map();
  for (const [key, value] of Object.entries(registerDocumentSchema.shape)) {
    const schema = value as z.ZodType;
    const list = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
    if (list instanceof z.ZodArray) {
      // The same list rules with any elements: checks the length without re-checking every element. A list
      // without rules of its own needs none (parsing the shell still walks every element: 200,000 audit
      // entries on every save).
      const rules = list._zod.def.checks?.length ?? 0;
      const shell = rules > 0 ? (list.clone({ ...list._zod.def, element: z.unknown() } as typeof list._zod.def) as z.ZodType) : null;
      sections.set(key, { kind: 'list', element: list.element as z.ZodType, shell });
    } else {
      sections.set(key, { kind: 'value', schema });
    }
  }
  return sections;
}

/**
 * Validates what a commit changes with the schema the reader uses (registerDocumentSchema), so the store
 * never writes a file it would refuse to open. Records are immutable (a change makes new objects), so
 * a record that is the same object as before was valid before and is skipped: a commit costs in
 * proportion to what it changes, not to the size of the register (the audit trail grows on every save).
 */
export function checkCommit(previous: RegisterDocument, next: RegisterDocument): void {
  const known = sectionsOf();
  const issues: z.core.$ZodIssue[] = [];
  for (const key of Object.keys(next)) {
    if (!known.has(key))
      issues.push({
        code: 'unrecognized_keys',
        keys: [key],
        path: [],
        message: de.validation.unknownField(key),
        input: undefined,
      } as z.core.$ZodIssue);
  }
  const before = previous as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  for (const [key, section] of known) {
    const value = after[key];
    if (value === before[key]) continue;
    if (section.kind === 'value' || !Array.isArray(value)) {
      const schema = section.kind === 'value' ? section.schema : (registerDocumentSchema.shape as Record<string, z.ZodType>)[key]!;
      const result = schema.safeParse(value);
      if (!result.success) issues.push(...result.error.issues.map((i) => ({ ...i, path: [key, ...i.path] })));
      continue;
    }
    const shellResult = section.shell?.safeParse(value);
    if (shellResult && !shellResult.success) issues.push(...shellResult.error.issues.map((i) => ({ ...i, path: [key, ...i.path] })));
    const previousList = Array.isArray(before[key]) ? (before[key] as unknown[]) : [];
    // Appended only (the audit trail on every save): the old records are the same objects in the same
    // places, so only the new ones are checked — without building a set of all the old ones.
    const appended = value.length >= previousList.length && previousList.every((record, i) => record === value[i]);
    const old = appended ? null : new Set(previousList);
    for (let index = appended ? previousList.length : 0; index < value.length; index++) {
      const record: unknown = value[index];
      if (old?.has(record)) continue;
      const result = section.element.safeParse(record);
      if (!result.success) issues.push(...result.error.issues.map((i) => ({ ...i, path: [key, index, ...i.path] })));
    }
  }
  if (issues.length === 0) return;
  const fields = issues
    .slice(0, 20)
    .map((issue) => ({ field: issue.path.slice(2).join('.') || issue.path.join('.'), message: issue.message }));
  throw new CommitRefusedError(de.store.commitInvalid(describeIssue(next, issues[0]!), issues.length), fields);
}

/** Refuses a document whose file would exceed the size the reader accepts (MAX_REGISTER_MIB). */
export function checkCommitSize(bytes: number, maxBytes: number): void {
  if (bytes <= maxBytes) return;
  throw new CommitRefusedError(de.store.commitTooLarge(Math.ceil(bytes / 1024 / 1024), MAX_REGISTER_MIB));
}
