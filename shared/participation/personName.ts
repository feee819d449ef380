/**
 * Names of persons as documents print them. The register keeps names of body members in list form
 * ("Dr. Beispiel, Marion") so that lists sort by surname, and the persons of a session (chair, recorder,
 * co-signers) in parts; a letter or a signature line names the person in natural order ("Dr. Marion
 * Beispiel"). Pure.
 */

/** Academic titles that stand before the first name in natural order ("Prof. Dr.", "Dipl.-Ing."). */
const TITLES = /^((?:(?:Prof|Dr|PD|Dipl|Mag|Priv\.-Doz)\.(?:-[\p{L}]+\.)?(?:\s+(?:h\.\s?c\.|rer\.\s?nat\.|med\.|phil\.|jur\.))?\s+)+)/u;

/** The parts of a name in list form: academic titles, first names, surname (with "von", "van de" …). */
export interface NameParts {
  titles: string;
  given: string;
  family: string;
}

/** "Dr. Beispiel, Marion" → parts; a name without a comma is taken as written (family = the whole). */
export function nameParts(listForm: string): NameParts {
  const clean = listForm.replace(/\s+/g, ' ').trim();
  const comma = clean.indexOf(',');
  if (comma < 0) return { titles: '', given: '', family: clean };
  const before = clean.slice(0, comma).trim();
  const given = clean.slice(comma + 1).trim();
  const titles = TITLES.exec(`${before} `)?.[1]?.trim() ?? '';
  const family = before.slice(titles.length).trim();
  return { titles, given, family };
}

/** "Dr. Beispiel, Marion" → "Dr. Marion Beispiel"; "Probst, Sabine" → "Sabine Probst". */
export function naturalName(listForm: string): string {
  const { titles, given, family } = nameParts(listForm);
  return [titles, given, family].filter((part) => part !== '').join(' ');
}

/** A name stored in parts (a session's chair, recorder, co-signers). Structural, so this file stays free of zod. */
export interface StoredName {
  title: string;
  given: string;
  family: string;
}

/** Parts → "Dr. Marion Beispiel" (blank parts left out, inner spaces collapsed); empty when no part is given. */
export function personNatural(name: StoredName): string {
  return [name.title, name.given, name.family]
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' ');
}

/** A name as typed in list form ("Dr. Beispiel, Marion") or as written ("Peter Hartmann") → parts. */
export function personFromText(text: string): StoredName {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.includes(',')) {
    const { titles, given, family } = nameParts(clean);
    return { title: titles, given, family };
  }
  const titles = TITLES.exec(`${clean} `)?.[1]?.trim() ?? '';
  const words = clean
    .slice(titles.length)
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  // The family name is the last word with the particles before it ("Ines von Wolters" → "von Wolters").
  let start = Math.max(words.length - 1, 0);
  while (start > 0 && PARTICLES.has(words[start - 1]!)) start--;
  return { title: titles, given: words.slice(0, start).join(' '), family: words.slice(start).join(' ') };
}

/** Name particles that belong to the family name. */
const PARTICLES = new Set(['von', 'van', 'vom', 'zu', 'zum', 'zur', 'de', 'der', 'den', 'da', 'di', 'del', 'ten', 'ter', 'le', 'la']);
