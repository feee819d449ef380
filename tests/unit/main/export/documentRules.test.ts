/**
 * Rules every generated Word document keeps, checked on the XML of each kind built from the sample
 * register: explicit line rules (a bare w:line is an exact height in LibreOffice: overlapping title
 * lines, a clipped logo), page fields with a cached result (a previewer shows "Seite 1 von 1", not
 * "Seite  von"), hyphenated body text but never a hyphenated heading, label or table cell, numbers with
 * non-breaking hyphens, labels that stay with the text they introduce, labels and table headers written
 * alike (capitalised, one colon after a label, "Drucksache Nr."), table columns no narrower than their
 * longest word.
 */
import { describe, expect, it } from 'vitest';
import { buildEvaluationReportDocx } from '@main/evaluation/evaluationReport';
import { buildFeedbackLetterDocx } from '@main/participation/feedbackLetter';
import { buildMeetingDocx, minutesParts, sessionHeld } from '@main/participation/meetingDocx';
import { buildSubmissionDocx } from '@main/submissions/submissionDocx';
import { textWidthDxa, unbreakableWords } from '@main/export/textWidth';
import { fitColumnWidths, unbreakableNumbers } from '@main/export/documentBase';
import { readDocx, rows, tables, visibleText, type DocxParts } from '@tests/unit/helpers/docxParts';
import { exportInput } from '@tests/unit/main/evaluation/evaluationFixtures';
import { inputFor, sampleRegister } from '@tests/unit/main/submissions/submissionFixtures';

const GENERATED_AT = new Date('2026-03-01T10:00:00Z');

async function sampleDocuments(): Promise<[string, DocxParts][]> {
  const doc = sampleRegister();
  const out: [string, Uint8Array][] = [];
  for (const s of doc.submissions) out.push([`Vorlage ${s.id}`, await buildSubmissionDocx({ ...inputFor(doc, s), draft: true })]);
  for (const m of doc.meetings) {
    out.push([
      `einladung ${m.id}`,
      await buildMeetingDocx({ doc, meetingId: m.id, kind: 'einladung', generatedAt: GENERATED_AT, appVersion: '1.0.0' }),
    ]);
    // Minutes exist only of a held session, in a public and (where there is one) a non-public part.
    if (!sessionHeld(m, '2026-03-01')) continue;
    for (const part of minutesParts(m))
      out.push([
        `niederschrift ${part} ${m.id}`,
        await buildMeetingDocx({ doc, meetingId: m.id, kind: 'niederschrift', part, generatedAt: GENERATED_AT, appVersion: '1.0.0' }),
      ]);
  }
  const contact = doc.contacts[0];
  if (contact) {
    const proposal = doc.proposals.find((p) => p.id === contact.proposalId)!;
    proposal.feedbackText ||= 'Vielen Dank für Ihre Anregung.';
    out.push([
      'Rückmeldung',
      await buildFeedbackLetterDocx({ doc, proposalId: proposal.id, contact, generatedAt: GENERATED_AT, appVersion: '1.0.0' }),
    ]);
  }
  out.push(['Evaluationsbericht', await buildEvaluationReportDocx(exportInput(doc))]);
  return Promise.all(out.map(async ([name, bytes]) => [name, await readDocx(bytes)] as [string, DocxParts]));
}

const documents = await sampleDocuments();

describe.each(documents)('%s', (_name, docx) => {
  const xmlParts = () => docx.names.filter((n) => /^word\/.*\.xml$/.test(n)).map((n) => docx.part(n));

  it('gives every line spacing its rule (styles.xml included)', () => {
    const spacings = xmlParts().flatMap((xml) => [...xml.matchAll(/<w:spacing\b[^>]*\/>/g)].map((m) => m[0]));
    expect(spacings.filter((s) => s.includes('w:line=')).length).toBeGreaterThan(0);
    for (const s of spacings) if (s.includes('w:line=')) expect(s).toMatch(/w:lineRule="(auto|atLeast|exact)"/);
  });

  it('caches a result in every field and uses no complex page fields without one', () => {
    const all = xmlParts().join('');
    expect(all).toMatch(/<w:fldSimple w:instr="PAGE"><w:r><w:t[^>]*>1<\/w:t><\/w:r><\/w:fldSimple>/);
    expect(all).toMatch(/<w:fldSimple w:instr="NUMPAGES"><w:r><w:t[^>]*>[1-9]\d*<\/w:t><\/w:r><\/w:fldSimple>/);
    expect(all).not.toContain('<w:fldChar');
  });

  it('hyphenates body text but not headings, labels, tables, header or footer', () => {
    expect(docx.part('word/settings.xml')).toContain('<w:autoHyphenation/>');
    const styles = docx.part('word/styles.xml');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Kopfblock', 'Tabellentext', 'Header', 'Footer']) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
      expect(style, id).toContain('<w:suppressAutoHyphens/>');
      // Schema order: suppressAutoHyphens before spacing/ind/jc/outlineLvl (Word refuses disorder).
      const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(style)![1]!;
      for (const later of ['<w:spacing', '<w:ind', '<w:jc', '<w:outlineLvl'])
        if (pPr.includes(later)) expect(pPr.indexOf('<w:suppressAutoHyphens/>')).toBeLessThan(pPr.indexOf(later));
    }
  });

  it('never leaves a hyphen of a number breakable', () => {
    const text = docx
      .parts(/^word\/(document|header\d*|footer\d*)\.xml$/)
      .map((xml) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n'));
    for (const t of text) expect(t).not.toMatch(/[\p{L}\p{N}]*\d[\p{L}\p{N}]*-[\p{L}\p{N}]|[\p{L}\p{N}]-\d/u);
  });

  it('keeps a label without its value on the line with the text that follows', () => {
    const document = docx.part('word/document.xml');
    for (const p of document.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Kopfblock"\/>[\s\S]*?<\/w:p>/g) ?? [])
      if (!p.includes('<w:tab/>')) expect(p).toContain('<w:keepNext/>');
  });

  it('writes labels and table headers alike: capitalised, one colon after a label, "Drucksache Nr." throughout', () => {
    const document = docx.part('word/document.xml');
    const startsCapital = (text: string) => !/^\p{Ll}/u.test(text.trim());
    const labels = [...document.matchAll(/<w:r><w:rPr><w:rStyle w:val="Feldname"\/>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g)].map(
      (m) => m[1]!,
    );
    for (const label of labels) {
      expect(startsCapital(label), label).toBe(true);
      expect(label, label).toMatch(/[^:]:$/);
    }
    for (const table of tables(document)) {
      const head = rows(table)[0]!;
      if (!head.includes('Tabellenkopf')) continue;
      for (const cell of head.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [])
        expect(startsCapital(visibleText(cell)), visibleText(cell)).toBe(true);
    }
    const all = docx
      .parts(/^word\/(document|header\d*|footer\d*)\.xml$/)
      .map(visibleText)
      .join(' ');
    expect(all).not.toMatch(/Drucksache-Nr|Drucksache\u2011Nr/);
  });

  it('makes every table column at least as wide as its longest word', () => {
    for (const table of tables(docx.part('word/document.xml'))) {
      for (const row of rows(table)) {
        if (row.includes('w:gridSpan')) continue;
        const cells = [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1]!);
        for (const cell of cells) {
          const width = Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/.exec(cell)![1]);
          const bold = cell.includes('Tabellenkopf');
          const text = (cell.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
            .map((p) => visibleText(p.replace(/<w:br\/>/g, '<w:t> </w:t>')))
            .join(' ');
          const widest = Math.max(0, ...unbreakableWords(text).map((w) => textWidthDxa(w, 20, bold)));
          // Half the table is the cap for one word (a pasted URL may break); the sample has none.
          expect(widest + 200, text).toBeLessThanOrEqual(width);
        }
      }
    }
  });
});

describe('document base helpers', () => {
  it('turns the hyphens of number-like words into non-breaking hyphens, others stay', () => {
    const kinds = (line: string) => unbreakableNumbers(line).map((c) => (typeof c === 'string' ? c : '‑'));
    expect(kinds('DS 24817-25-E1 und HF2-04, E-2025-02; Nord-Ost')).toEqual([
      'DS 24817',
      '‑',
      '25',
      '‑',
      'E1 und HF2',
      '‑',
      '04, E',
      '‑',
      '2025',
      '‑',
      '02; Nord-Ost',
    ]);
    expect(kinds('ohne Zahl')).toEqual(['ohne Zahl']);
  });

  it('fits columns to the longest word and shares the rest by weight', () => {
    const widths = fitColumnWidths([10, 80, 10], [2600, 500, 500], 9000);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9000);
    expect(widths[0]).toBeGreaterThanOrEqual(2600);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
    // More than the page: proportional to the needs, still summing to the page.
    const over = fitColumnWidths([1, 1], [4000, 4000], 6000);
    expect(over).toEqual([3000, 3000]);
  });

  it('measures words in Arial metrics', () => {
    expect(textWidthDxa('Nachbarschaftskampagne', 20)).toBeGreaterThan(textWidthDxa('Handlungsfeld', 20));
    expect(unbreakableWords('Frauen-Nachttaxi HF2-09')).toEqual(['Frauen-', 'Nachttaxi', 'HF2-09']);
    // A no-break space joins: "TOP 12" and an amount with its "€" are one word, so their column fits them whole.
    expect(unbreakableWords('TOP\u00A012 und 1.234,56\u00A0€')).toEqual(['TOP\u00A012', 'und', '1.234,56\u00A0€']);
  });
});
