/**
 * The one rule for file names the app suggests (every export, review packages): safe on Windows, which is
 * the strictest of the systems the register is used on.
 * - `< > : " / \ | ? *`, control characters and invisible direction marks (a name must look like what it
 *   is: no right-to-left override turning "…gpj.docx" around) become a blank; blanks become "_".
 * - Device names (CON, PRN, AUX, NUL, COM0–9, LPT0–9, also "nul.docx" or "Con .txt") get a leading "_".
 * - No trailing dots or blanks (Windows drops them silently), no leading dot (hidden on Linux/macOS).
 * - Long texts are cut at a word boundary ("_") where one is near, never inside a UTF-16 surrogate pair.
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Longest part, in UTF-16 units, unless a caller asks for less. */
export const MAX_PART_LENGTH = 80;
/** Longest name without the extension: leaves room for a deep folder within Windows' 260-character paths. */
export const MAX_NAME_LENGTH = 160;

/** Cuts `text` to `max` units, at the last "_" if one lies in the second half, never inside a surrogate pair. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (text[max] !== '_') {
    const boundary = cut.lastIndexOf('_');
    if (boundary >= max / 2) cut = cut.slice(0, boundary);
  }
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.replace(/_+$/, '');
}

/** One part of a name: forbidden characters out, blanks as "_", at most `maxLength` long. May be empty. */
export function fileNamePart(text: string, maxLength: number = MAX_PART_LENGTH): string {
  return cutAtWord(text.replace(FORBIDDEN, ' ').trim().replace(/\s+/g, '_'), maxLength);
}

export interface FileNameOptions {
  /** Longest part (default MAX_PART_LENGTH). */
  maxPartLength?: number;
  /** Used when nothing is left of the parts. */
  fallback?: string;
}

/**
 * "Einladung_VollV_3._Sitzung_2026-03-12.docx" from its parts: each part cleaned and cut, empty parts
 * dropped, joined with "_", the whole cut to MAX_NAME_LENGTH, then made safe as a Windows name.
 */
export function safeFileName(parts: readonly string[], extension: string, options: FileNameOptions = {}): string {
  const joined = parts
    .map((part) => fileNamePart(part, options.maxPartLength))
    .filter((part) => part !== '')
    .join('_');
  let name = cutAtWord(joined, MAX_NAME_LENGTH)
    .replace(/^[._]+/, '')
    .replace(/[. _]+$/, '');
  if (name === '') name = fileNamePart(options.fallback ?? 'Export');
  // Windows reads "NUL.docx" and "nul.backup.docx" as the device: the part before the first dot counts.
  if (RESERVED.test(name.split('.')[0]!.trimEnd())) name = `_${name}`;
  const ext = fileNamePart(extension).replace(/^\.+/, '');
  return ext ? `${name}.${ext}` : name;
}
