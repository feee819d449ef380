import { promises as fs } from 'node:fs';
import path from 'node:path';
import { cli } from '@shared/i18n/cli';
import { auditEntry } from '@main/audit/audit';
import { WriteFailedError } from '@main/store/registerStore';
import { CliFailure, type CommandContext } from './command';
import { withWritableRegister } from './writableRegister';

const t = cli.personalDataRecord;

/**
 * Writes an export and, when it carries personal data, records that choice in the register's audit trail
 * like the app (DOMAIN.md §7): `{ entityType: 'register', action: 'export', personalDataExport: <file name> }`.
 * The lock is taken and the register opened before `write` runs, so a register open in the app (or
 * unreadable) is refused before any personal data leaves; if the entry cannot be written, the export file
 * just written is removed again and the call fails. Without personal data it only calls `write` (no lock,
 * nothing written to the register). Returns the line for stdout saying what was recorded (none without).
 */
export async function writeExportRecordingPersonalData(
  ctx: CommandContext,
  options: { storePath: string; target: string; personalData: boolean },
  write: () => Promise<void>,
): Promise<string[]> {
  const { storePath, target, personalData } = options;
  if (!personalData) {
    await write();
    return [];
  }
  return withWritableRegister(ctx, storePath, t, async (store, user) => {
    await write();
    const fileName = path.basename(target);
    try {
      await store.commit((doc) => ({
        ...doc,
        audit: [
          ...doc.audit,
          auditEntry(user, 'register', doc.registerId, doc.name, 'export', [{ field: 'personalDataExport', old: null, new: fileName }]),
        ],
      }));
    } catch (error) {
      const reason = error instanceof WriteFailedError ? error.reason : error instanceof Error ? error.message : String(error);
      const removed = await fs.rm(target, { force: true }).then(
        () => true,
        () => false,
      );
      throw new CliFailure([t.notRecorded(reason), removed ? t.removed(target) : t.notRemoved(target)]);
    }
    return [t.recorded(fileName)];
  });
}
