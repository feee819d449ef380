/** Reading a generated .docx back: its XML parts as text, for assertions on the markup. */
import JSZip from 'jszip';

export interface DocxParts {
  names: string[];
  part(name: string): string;
  /** All parts whose name matches, e.g. /^word\/header\d+\.xml$/. */
  parts(pattern: RegExp): string[];
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const texts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir && /\.(xml|rels)$/.test(name)) texts.set(name, await file.async('string'));
  }
  return {
    names: Object.keys(zip.files),
    part(name) {
      const text = texts.get(name);
      if (text === undefined) throw new Error(`no part ${name} in the docx`);
      return text;
    },
    parts(pattern) {
      return [...texts].filter(([name]) => pattern.test(name)).map(([, text]) => text);
    },
  };
}

/**
 * The text of all w:t elements of a part, joined (what a reader sees, without the markup); a
 * non-breaking hyphen (w:noBreakHyphen, as in "24817-25") reads as the hyphen it prints.
 */
export function visibleText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)].map((m) => m[1] ?? '-').join('');
}

/** The XML of each table (w:tbl … /w:tbl) in document order; nested tables are not used. */
export function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

/** The XML of each row of a table. */
export function rows(tableXml: string): string[] {
  return [...tableXml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
}
