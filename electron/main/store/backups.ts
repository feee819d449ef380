import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '@shared/contract';
import { decodeRegister } from './decode';
import { copyFileDurable } from './durableCopy';

/**
 * Backups sit beside the register in `<name>-Sicherungen/`, one file per start and one before each
 * migration. Retention keeps the newest N plus the newest of each of the last D days.
 */
export function backupDirFor(storePath: string): string {
  const { dir, name } = path.parse(storePath);
  return path.join(dir, `${name}-Sicherungen`);
}

/**
 * When `file` is one of the backups `createBackup` writes (`<name>-Sicherungen/<name>_<stamp>_<reason>.json`),
 * the register's name and the moment of the backup; otherwise null. Such a file is opened read-only: work
 * done there would land in a backup that retention deletes, not in the register.
 */
export function backupCopyOf(file: string): { registerName: string; takenAt: Date } | null {
  const folder = path.basename(path.dirname(file));
  const match = BACKUP_PATTERN.exec(path.basename(file));
  if (!match || folder !== `${match[1]}-Sicherungen`) return null;
  const [, registerName = '', day, h, m, sec, ms] = match;
  return { registerName, takenAt: new Date(`${day}T${h}:${m}:${sec}.${ms}Z`) };
}

const BACKUP_PATTERN = /^(.+)_(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z_([a-z-]+)\.json$/;

/** Reason of the copy of a register that could not be opened (kept before a restore replaces it). */
export const DAMAGED_REASON = 'beschaedigt';

export async function createBackup(
  storePath: string,
  reason: 'start' | 'migration' | 'restore' | typeof DAMAGED_REASON,
  now = new Date(),
): Promise<string> {
  const dir = backupDirFor(storePath);
  await fs.mkdir(dir, { recursive: true });
  const stamp = now.toISOString().replace(/:/g, '-').replace('.', '-');
  const target = path.join(dir, `${path.parse(storePath).name}_${stamp}_${reason}.json`);
  // Via temp + rename and fsync: a backup that is not durable or half-written is no backup; never replaces one.
  await copyFileDurable(storePath, target);
  return target;
}

export async function listBackups(storePath: string): Promise<BackupInfo[]> {
  const dir = backupDirFor(storePath);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const fileName of names) {
    const match = BACKUP_PATTERN.exec(fileName);
    if (!match) continue;
    const createdAt = `${match[2]}T${match[3]}:${match[4]}:${match[5]}.${match[6]}Z`;
    backups.push({ path: path.join(dir, fileName), fileName, createdAt, reason: match[7]! });
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Newest backups that decode to a valid register, newest first. */
export async function listValidBackups(storePath: string, limit = 5): Promise<BackupInfo[]> {
  const valid: BackupInfo[] = [];
  for (const backup of await listBackups(storePath)) {
    if (backup.reason === DAMAGED_REASON) continue;
    try {
      decodeRegister(await fs.readFile(backup.path, 'utf8'));
      valid.push(backup);
      if (valid.length >= limit) break;
    } catch {
      // Damaged backups are skipped, not offered.
    }
  }
  return valid;
}

/**
 * Pure retention rule: which backups to keep (newest first input). Copies of damaged files follow the
 * same rule, counted on their own, so they neither live forever nor push usable backups out.
 */
export function selectBackupsToKeep(backups: readonly BackupInfo[], keepLast: number, keepDays: number, now = new Date()): Set<string> {
  const damaged = backups.filter((b) => b.reason === DAMAGED_REASON);
  const usable = backups.filter((b) => b.reason !== DAMAGED_REASON);
  return new Set([...keepByRule(usable, keepLast, keepDays, now), ...keepByRule(damaged, keepLast, keepDays, now)]);
}

function keepByRule(backups: readonly BackupInfo[], keepLast: number, keepDays: number, now: Date): Set<string> {
  const keep = new Set<string>();
  backups.slice(0, keepLast).forEach((b) => keep.add(b.path));
  const oldestDay = new Date(now.getTime() - keepDays * 86_400_000).toISOString().slice(0, 10);
  const daysSeen = new Set<string>();
  for (const b of backups) {
    const day = b.createdAt.slice(0, 10);
    if (day < oldestDay || daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(b.path);
  }
  return keep;
}

export async function pruneBackups(storePath: string, keepLast: number, keepDays: number, now = new Date()): Promise<number> {
  const backups = await listBackups(storePath);
  const keep = selectBackupsToKeep(backups, keepLast, keepDays, now);
  let removed = 0;
  for (const b of backups) {
    if (keep.has(b.path)) continue;
    await fs.rm(b.path, { force: true });
    removed++;
  }
  return removed;
}
