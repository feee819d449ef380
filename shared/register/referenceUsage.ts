import { de } from '@shared/i18n/de';

/** The statuses merging and replacing measures rely on: never deleted, only set inactive. */
export const LINKED_STATUS_KEYS: readonly string[] = ['zusammengefuehrt', 'ersetzt'];

/** What a measure contributes to the use of a reference entry (a row of the list or the stored measure). */
export interface UsingMeasure {
  actionFieldId: string;
  status: string;
  leadOrgUnitId: string | null;
  involvedOrgUnitIds: readonly string[];
  deletedAt: string | null;
}

/*
 * Why an entry of a reference list cannot be deleted, or null when it can. The same rule answers twice:
 * in the window before the question "… löschen?" is asked (so nobody confirms what cannot happen), and in
 * main, which refuses the deletion with the same sentence. Measures in the Papierkorb and of other
 * Fassungen count: restoring or comparing them must not meet a missing entry.
 */

export function actionFieldRefusal(measures: readonly UsingMeasure[], id: string): string | null {
  const users = measures.filter((m) => m.actionFieldId === id);
  return users.length > 0 ? de.api.inUseActionField(users.length, users.filter((m) => m.deletedAt).length) : null;
}

export function orgUnitRefusal(measures: readonly UsingMeasure[], id: string): string | null {
  const users = measures.filter((m) => m.leadOrgUnitId === id || m.involvedOrgUnitIds.includes(id));
  return users.length > 0 ? de.api.inUseOrgUnit(users.length, users.filter((m) => m.deletedAt).length) : null;
}

export function statusRefusal(
  measures: readonly UsingMeasure[],
  status: { key: string; label: string; active: boolean },
  statuses: readonly { key: string; active: boolean }[],
): string | null {
  const t = de.statuses;
  const users = measures.filter((m) => m.status === status.key);
  if (users.length > 0) return t.inUse(status.label, users.length, users.filter((m) => m.deletedAt).length);
  if (LINKED_STATUS_KEYS.includes(status.key)) return t.builtInKept(status.label);
  if (status.active && !statuses.some((s) => s.key !== status.key && s.active)) return t.lastActive;
  return null;
}
