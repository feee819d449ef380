import { addDays } from '@shared/core/calendar';

export interface BackupHold {
  fileName: string;
  createdAt: string;
  reason: string;
  /** First day (ISO) on which the retention rule lets the next open remove it. */
  removableFrom: string;
  /** How many more backups must be made first (it is among the newest `keepLast`); 0 when none. */
  newerNeeded: number;
}

/**
 * Until when each backup may still hold data deleted under the Löschkonzept: a backup is removed at the
 * next open once it is older than `keepDays` days and no longer among the newest `keepLast` (the rule
 * of store/backups.ts, per kind: copies of damaged files are counted on their own). Pure.
 */
export function backupHolds(
  backups: readonly { fileName: string; createdAt: string; reason: string }[],
  keepLast: number,
  keepDays: number,
): BackupHold[] {
  const rank = new Map<string, number>();
  const counters = new Map<string, number>();
  for (const b of [...backups].sort((x, y) => y.createdAt.localeCompare(x.createdAt))) {
    const group = b.reason === 'beschaedigt' ? 'damaged' : 'usable';
    const n = counters.get(group) ?? 0;
    rank.set(b.fileName, n);
    counters.set(group, n + 1);
  }
  return backups.map((b) => ({
    fileName: b.fileName,
    createdAt: b.createdAt,
    reason: b.reason,
    removableFrom: addDays(b.createdAt.slice(0, 10), keepDays + 1),
    newerNeeded: Math.max(0, keepLast - (rank.get(b.fileName) ?? 0)),
  }));
}
