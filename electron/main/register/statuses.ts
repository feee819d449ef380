import type { Saved } from '@shared/contract';
import { diffFields } from '@shared/audit/audit';
import type { FieldProblem } from '@shared/register/rules';
import type { RegisterDocument } from '@shared/register/register';
import type { StatusDefinition } from '@shared/register/status';
import { de } from '@shared/i18n/de';
import { auditEntry } from '@main/audit/audit';
import { ServiceError } from '@main/core/errors';
import { replaceAt } from './measures';
import { LINKED_STATUS_KEYS, statusRefusal } from '@shared/register/referenceUsage';
import type { RegisterSession } from '@main/session/session';

type StatusInput = Omit<StatusDefinition, 'key'>;

const statusesTexts = de.statuses;
const STATUS_KEYS = ['label', 'defaultPercent', 'requiresReason', 'requiresLink', 'active'] as const;
/** Merging and superseding measures (Fortschreibung, measure rules) rely on these keys needing a link. */
export { LINKED_STATUS_KEYS };
const KEY_MAX = 40;

/**
 * The status list of measures: labels, default percentages and rules. Keys never change once given,
 * because measures (in every Fassung and in the Papierkorb) refer to them; the list order is the order
 * of every status choice and count.
 */
export class StatusService {
  constructor(private readonly session: RegisterSession) {}

  async save(key: string | null, input: StatusInput): Promise<Saved<StatusDefinition>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const index = key === null ? -1 : doc.statuses.findIndex((s) => s.key === key);
      if (key !== null && index < 0) throw new ServiceError('NOT_FOUND', de.api.notFound);
      const before = index >= 0 ? doc.statuses[index]! : null;
      const fields: StatusInput = { ...input, label: input.label.trim() };
      const problems = checkStatus(doc.statuses, before, fields);
      if (problems.length > 0) throw new ServiceError('VALIDATION', de.api.validation, problems);
      const item: StatusDefinition = { key: before?.key ?? newStatusKey(fields.label, takenKeys(doc)), ...fields };
      const changes = diffFields((before ?? {}) as Record<string, unknown>, item as Record<string, unknown>, STATUS_KEYS);
      if (before && changes.length === 0) return { doc, result: before };
      const entry = auditEntry(this.session.userName, 'status', item.key, item.label, before ? 'update' : 'create', changes);
      const statuses = before ? replaceAt(doc.statuses, index, item) : [...doc.statuses, item];
      return { doc: { ...doc, statuses, audit: [...doc.audit, entry] }, result: item };
    });
    return { value: result, savedAt };
  }

  /** Only an unused status can go; a used one can be set inactive instead. */
  async remove(key: string): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      const status = doc.statuses.find((s) => s.key === key);
      if (!status) throw new ServiceError('NOT_FOUND', de.api.notFound);
      // Every measure counts: those in the Papierkorb (restoring must find the status) and those of other Fassungen.
      const refusal = statusRefusal(doc.measures, status, doc.statuses);
      if (refusal) throw new ServiceError('IN_USE', refusal);
      const entry = auditEntry(this.session.userName, 'status', key, status.label, 'delete', []);
      return { doc: { ...doc, statuses: doc.statuses.filter((s) => s.key !== key), audit: [...doc.audit, entry] }, result: null };
    });
    return { value: null, savedAt };
  }

  /** One place up or down; at the edge nothing changes. Returns the new list. */
  async move(key: string, direction: 'up' | 'down'): Promise<Saved<StatusDefinition[]>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const index = doc.statuses.findIndex((s) => s.key === key);
      if (index < 0) throw new ServiceError('NOT_FOUND', de.api.notFound);
      const target = direction === 'up' ? index - 1 : index + 1;
      if (target < 0 || target >= doc.statuses.length) return { doc, result: doc.statuses };
      const statuses = [...doc.statuses];
      [statuses[index], statuses[target]] = [statuses[target]!, statuses[index]!];
      const entry = auditEntry(this.session.userName, 'status', key, doc.statuses[index]!.label, 'update', [
        { field: 'position', old: index + 1, new: target + 1 },
      ]);
      return { doc: { ...doc, statuses, audit: [...doc.audit, entry] }, result: statuses };
    });
    return { value: result, savedAt };
  }
}

/** German field problems of a new (`before` null) or changed status. */
function checkStatus(list: readonly StatusDefinition[], before: StatusDefinition | null, fields: StatusInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const label = fields.label.toLocaleLowerCase('de-DE');
  if (!label) problems.push({ field: 'label', message: de.validation.nameRequired });
  else if (list.some((s) => s.key !== before?.key && s.label.trim().toLocaleLowerCase('de-DE') === label))
    problems.push({ field: 'label', message: statusesTexts.labelTaken(fields.label) });
  if (!Number.isInteger(fields.defaultPercent) || fields.defaultPercent < 0 || fields.defaultPercent > 100)
    problems.push({ field: 'defaultPercent', message: statusesTexts.percentRange });
  if (before && LINKED_STATUS_KEYS.includes(before.key) && !fields.requiresLink)
    problems.push({ field: 'requiresLink', message: statusesTexts.linkKept(before.label) });
  if (!fields.active && !list.some((s) => s.key !== before?.key && s.active))
    problems.push({ field: 'active', message: statusesTexts.lastActive });
  return problems;
}

/** Keys in the list and keys measures still carry (never reuse one). */
function takenKeys(doc: RegisterDocument): Set<string> {
  return new Set([...doc.statuses.map((s) => s.key), ...doc.measures.map((m) => m.status)]);
}

const FOLD: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** The key of a new status: its label in lower case, umlauts folded, other non-letters as '_', unique. */
export function newStatusKey(label: string, taken: ReadonlySet<string>): string {
  const folded = label
    .toLocaleLowerCase('de-DE')
    .replace(/[äöüß]/g, (c) => FOLD[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  let base = folded.replace(/[^a-z]+/g, '_').replace(/^_+|_+$/g, '');
  if (base.length < 2) base = 'status';
  base = base.slice(0, KEY_MAX).replace(/_+$/, '');
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${letters(n)}`;
    const candidate = base.slice(0, KEY_MAX - suffix.length).replace(/_+$/, '') + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/** 1 → a, 2 → b, …, 26 → z, 27 → aa (keys allow letters and '_' only). */
function letters(n: number): string {
  let text = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) text = String.fromCharCode(97 + ((rest - 1) % 26)) + text;
  return text;
}
