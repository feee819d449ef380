import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '@shared/contract';
import { decodeRegister } from './decode';

/**
 * Backups sit beside the register in `<name>-Sicherungen/`, one file per start and one before each
 * migration. Retention keeps the newest N plus the newest of each of the last D days.
 */
export function backupDirFor(storePath: string): string {
  const { dir, name } = path.parse(storePath);
  return path.join(dir, `${name}-Sicherungen`);
}

const BACKUP_PATTERN = /^(.+)_(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z_([a-z-]+)\.json$/;

export async function createBackup(storePath: string, reason: 'start' | 'migration' | 'restore', now = new Date()): Promise<string> {
  const dir = backupDirFor(storePath);
  await fs.mkdir(dir, { recursive: true });
  const stamp = now.toISOString().replace(/:/g, '-').replace('.', '-');
  const target = path.join(dir, `${path.parse(storePath).name}_${stamp}_${reason}.json`);
  // copyFile then fsync: a backup that is not durable is no backup. COPYFILE_EXCL: never replace one.
  await fs.copyFile(storePath, target, fsConstants.COPYFILE_EXCL);
  const handle = await fs.open(target, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
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

/** Pure retention rule: which backups to keep (newest first input). */
export function selectBackupsToKeep(backups: readonly BackupInfo[], keepLast: number, keepDays: number, now = new Date()): Set<string> {
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
