import path from 'node:path';
import { REVIEW_FILE_EXTENSION } from '@shared/review/reviewPackage';

/**
 * The review package a start was asked to open: double-click and "Öffnen mit" pass it on the command line
 * (Windows, Linux); a second start passes its own command line and working folder to the first instance.
 */
export function packageFromArgv(argv: readonly string[], workingDirectory: string): string | null {
  const found = argv.slice(1).find((a) => !a.startsWith('-') && a.toLowerCase().endsWith(`.${REVIEW_FILE_EXTENSION}`));
  return found ? path.resolve(workingDirectory, found) : null;
}
