import { promises as fs } from 'node:fs';
import { de } from '@shared/i18n/de';
import type { DocumentImage } from '@main/export/documentBase';
import { imageSize } from '@main/export/imageSize';
import { ServiceError } from '@main/core/errors';

const MAX_LOGO_BYTES = 5 * 1024 * 1024;

/** Reads the logo for Word documents: a PNG or JPEG of at most 5 MB with readable size. */
export async function readLogo(file: string, altText: string): Promise<DocumentImage> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new ServiceError('NOT_FOUND', de.logo.missing(file));
  if (stat.size > MAX_LOGO_BYTES) throw new ServiceError('BAD_REQUEST', de.logo.tooLarge);
  const data = await fs.readFile(file);
  const size = imageSize(data);
  if (!size) throw new ServiceError('BAD_REQUEST', de.logo.notAnImage);
  if (altText.trim() === '')
    throw new ServiceError('VALIDATION', de.logo.altRequired, [{ field: 'altText', message: de.logo.altRequired }]);
  return { data, altText, width: size.width, height: size.height };
}
