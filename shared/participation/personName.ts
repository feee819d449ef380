/**
 * Names of persons as documents print them. The register keeps names of members, chairs and recorders
 * in list form ("Dr. Beispiel, Marion") so that lists sort by surname; a letter or a signature line
 * names the person in natural order ("Dr. Marion Beispiel"). Pure.
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
