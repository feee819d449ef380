/**
 * How wide a word is printed in Arial (Helvetica metrics, which Arial and Liberation Sans share), so
 * table columns can be chosen wide enough for their longest word: "Nachbarschaftskampagne" must not be
 * broken into "Nachbarschaftskampag|ne" by a column that is too narrow. An estimate, not a layout engine:
 * unknown characters count as a wide letter, bold adds a tenth.
 */

/** Advance widths in 1/1000 em of the printable ASCII characters U+0020…U+007E (Helvetica AFM). */
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
  278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
  667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** German letters and the typographic signs the documents use. */
const EXTRA: Record<string, number> = {
  ä: 556,
  ö: 556,
  ü: 556,
  Ä: 667,
  Ö: 778,
  Ü: 722,
  ß: 611,
  é: 556,
  è: 556,
  '€': 556,
  '–': 556,
  '—': 1000,
  '„': 333,
  '“': 333,
  '”': 333,
  '‚': 222,
  '‘': 222,
  '’': 222,
  '…': 1000,
  '·': 278,
  '§': 556,
  '°': 400,
  '\u00a0': 278,
  '\u2011': 333,
  '\u202f': 278,
};

/** Anything else (other scripts, emoji): as wide as a capital M, so a column rather errs wide. */
const UNKNOWN = 833;

/** Width of `text` in thousandths of an em. */
export function textWidthEm1000(text: string, bold = false): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code >= 0x20 && code <= 0x7e ? ASCII[code - 0x20]! : (EXTRA[ch] ?? UNKNOWN);
  }
  return bold ? width * 1.1 : width;
}

/** Width of `text` in twentieths of a point (DXA) at `halfPoints` font size (docx measures: 20 = 10 pt). */
export function textWidthDxa(text: string, halfPoints: number, bold = false): number {
  return Math.ceil((textWidthEm1000(text, bold) / 1000) * (halfPoints / 2) * 20);
}

/**
 * The words a line may not break inside: split at blanks and after a hyphen between letters (where a
 * line may break), but a number such as "24817-25-E1" or "HF2-04" stays one word (its hyphens do not break).
 */
export function unbreakableWords(text: string): string[] {
  return (
    text
      // A no-break space joins its neighbours into one word ("TOP 12", "1.234,56 €").
      .split(/[^\S\u00A0\u202F]+/)
      .flatMap((token) => (/\d/.test(token) ? [token] : token.split(/(?<=\p{L}-)(?=\p{L})/u)))
      .filter((word) => word !== '')
  );
}
