import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { de } from '@shared/i18n/de';
import {
  MAX_REVIEW_PACKAGE_BYTES,
  packageText,
  readReviewPackage,
  REVIEW_FILE_EXTENSION,
  ReviewPackageError,
  type ReviewPackage,
  type Sha256,
  type VerifiedPackage,
} from '@shared/review/reviewPackage';
import { writeFileDurable } from '../store/durableWrite';
import { describeIoError } from '../store/ioErrors';
import { fileNamePart, safeFileName } from '@shared/core/fileName';

/**
 * Reading and writing `.mpreview` files (docs/review.md). Written like the register: unique temp file,
 * fsync, rename, fsync of the folder (writeFileDurable), so a crash leaves the old or the new package,
 * never half of one. Verification itself is pure (shared/review/reviewPackage.ts); this file adds the
 * SHA-256 of node:crypto, the size limit and German I/O errors.
 */
export const sha256: Sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Reads and verifies a package; every problem is a ReviewPackageError with a German message. */
export async function readPackageFile(file: string): Promise<VerifiedPackage> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new ReviewPackageError('io', de.review.file.notAPackage);
    if (stat.size > MAX_REVIEW_PACKAGE_BYTES)
      throw new ReviewPackageError('tooLarge', de.review.file.tooLarge(Math.ceil(stat.size / 1024 / 1024)));
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ReviewPackageError) throw error;
    throw new ReviewPackageError('io', describeIoError(error));
  }
  return readReviewPackage(text, sha256);
}

/** Writes a sealed package durably (creating the folder); I/O errors are thrown as they come. */
export async function writePackageFile(file: string, pkg: ReviewPackage): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileDurable(file, packageText(pkg));
}

/** "Pruefpaket_Dr_Beispiel_2026-03-31.mpreview": reviewer and date, safe on Windows. */
export function packageFileName(reviewer: string, date: string): string {
  return safeFileName(['Pruefpaket', fileNamePart(reviewer, 60) || 'Pruefung', date], REVIEW_FILE_EXTENSION);
}

/** A `.mpreview` path among command-line arguments (double-click on a package, "Öffnen mit"). */
export function reviewPackageArgument(argv: readonly string[]): string | null {
  const found = argv.slice(1).find((a) => !a.startsWith('-') && a.toLowerCase().endsWith(`.${REVIEW_FILE_EXTENSION}`));
  return found ? path.resolve(found) : null;
}

/** Local date `YYYY-MM-DD` (due dates are calendar days in Dortmund, not UTC). */
export function localDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
