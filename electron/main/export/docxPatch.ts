/**
 * What the docx library cannot write, added to the packed file: `w:suppressAutoHyphens` in the styles of
 * headings, labels, table cells, header and footer (the document itself hyphenates body text), and
 * `w:lineRule="auto"` on any line spacing that lacks its rule (LibreOffice reads a bare `w:line` as an
 * exact height). The package is unzipped, the two XML parts are edited as text, and zipped again.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Elements of w:pPr that come after w:suppressAutoHyphens in the schema's order (Word rejects disorder). */
const AFTER_SUPPRESS = [
  'kinsoku',
  'wordWrap',
  'overflowPunct',
  'topLinePunct',
  'autoSpaceDE',
  'autoSpaceDN',
  'bidi',
  'adjustRightInd',
  'snapToGrid',
  'spacing',
  'ind',
  'contextualSpacing',
  'mirrorIndents',
  'suppressOverlap',
  'jc',
  'textDirection',
  'textAlignment',
  'textboxTightWrap',
  'outlineLvl',
  'divId',
  'cnfStyle',
  'rPr',
  'sectPr',
  'pPrChange',
];

/** `w:suppressAutoHyphens` into the paragraph properties of one style element. */
function suppressInStyle(styleXml: string): string {
  if (styleXml.includes('<w:suppressAutoHyphens')) return styleXml;
  const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>|<w:pPr\/>/.exec(styleXml);
  if (!pPr) {
    // No paragraph properties yet: they come before the run properties, or at the end of the style.
    const at = styleXml.includes('<w:rPr') ? styleXml.indexOf('<w:rPr') : styleXml.lastIndexOf('</w:style>');
    return `${styleXml.slice(0, at)}<w:pPr><w:suppressAutoHyphens/></w:pPr>${styleXml.slice(at)}`;
  }
  const inner = pPr[1] ?? '';
  const positions = AFTER_SUPPRESS.map((name) => inner.search(new RegExp(`<w:${name}[ />]`))).filter((i) => i >= 0);
  const at = positions.length > 0 ? Math.min(...positions) : inner.length;
  const patched = `<w:pPr>${inner.slice(0, at)}<w:suppressAutoHyphens/>${inner.slice(at)}</w:pPr>`;
  return styleXml.slice(0, pPr.index) + patched + styleXml.slice(pPr.index + pPr[0].length);
}

/** styles.xml with hyphenation suppressed in the given paragraph styles. */
export function suppressHyphenation(stylesXml: string, styleIds: readonly string[]): string {
  const ids = new Set(styleIds);
  return stylesXml.replace(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g, (style, id: string) =>
    ids.has(id) && /w:type="paragraph"/.test(style.slice(0, style.indexOf('>'))) ? suppressInStyle(style) : style,
  );
}

/** Every `w:spacing` with a `w:line` gets `w:lineRule="auto"` unless it names its rule. */
export function explicitLineRule(xml: string): string {
  return xml.replace(/<w:spacing\b[^>]*\/>/g, (element) =>
    /\bw:line="/.test(element) && !/\bw:lineRule="/.test(element) ? element.replace(/\/>$/, ' w:lineRule="auto"/>') : element,
  );
}

const XML_PART = /^word\/(document|styles|header\d*|footer\d*|numbering)\.xml$/;

/** The packed .docx with the styles and spacing patched. */
export function patchDocxParts(bytes: Uint8Array, noHyphenationStyles: readonly string[]): Buffer {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (!XML_PART.test(name)) {
      out[name] = data;
      continue;
    }
    let xml = explicitLineRule(strFromU8(data));
    if (name === 'word/styles.xml') xml = suppressHyphenation(xml, noHyphenationStyles);
    out[name] = strToU8(xml);
  }
  return Buffer.from(zipSync(out, { level: 6 }));
}
