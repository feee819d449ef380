import { createHash } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { de } from '@shared/i18n/de';
import { STORED_NAME_PATTERN, type Attachment } from '@shared/submissions/submission';
import { ServiceError } from '@main/core/errors';

export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

/**
 * Reads a file chosen as an attachment: only a regular file (not a folder, device, pipe or socket:
 * `/dev/zero` would never end) and at most MAX_ATTACHMENT_BYTES. Type and size are checked on the open
 * handle, so the file cannot be swapped between the check and the read.
 */
export async function readAttachmentSource(file: string): Promise<Buffer> {
  // O_NONBLOCK: opening a named pipe must not wait for a writer (no effect on regular files; absent on Windows).
  const handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0)).catch(() => null);
  if (!handle) throw new ServiceError('BAD_REQUEST', de.submission.attachmentMissing);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ServiceError('BAD_REQUEST', de.submission.attachmentMissing);
    if (stat.size > MAX_ATTACHMENT_BYTES) throw new ServiceError('BAD_REQUEST', de.submission.attachmentTooLarge);
    // Read at most one byte more than allowed: a file that grows while being read is refused too.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_ATTACHMENT_BYTES) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > MAX_ATTACHMENT_BYTES || length > stat.size) throw new ServiceError('BAD_REQUEST', de.submission.attachmentTooLarge);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/**
 * The stored copy of an attachment, read only when its name is a content-hash name inside the folder
 * and it is a regular file of the recorded size; null when it is missing or not what was stored.
 */
export async function readStoredAttachment(folder: string, attachment: Attachment): Promise<Buffer | null> {
  if (!STORED_NAME_PATTERN.test(attachment.storedName)) return null;
  const file = path.join(folder, attachment.storedName);
  if (path.dirname(file) !== folder) return null;
  const stat = await fs.lstat(file).catch(() => null);
  if (!stat?.isFile() || stat.size !== attachment.size) return null;
  return fs.readFile(file);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Attachments in a save from the renderer: only ones the submission already has, each unchanged except
 * its title (and their order); new or altered entries (a storedName chosen by the page) are refused.
 */
export function assertAttachmentsKept(current: readonly Attachment[], incoming: readonly Attachment[]): void {
  const known = new Map(current.map((a) => [a.id, a]));
  const seen = new Set<string>();
  for (const a of incoming) {
    const before = known.get(a.id);
    const same =
      before &&
      before.storedName === a.storedName &&
      before.sha256 === a.sha256 &&
      before.size === a.size &&
      before.fileName === a.fileName &&
      before.addedAt === a.addedAt;
    if (!same || seen.has(a.id))
      throw new ServiceError('VALIDATION', de.submission.attachmentsOnlyByMain, [
        { field: 'attachments', message: de.submission.attachmentsOnlyByMain },
      ]);
    seen.add(a.id);
  }
}
