/**
 * The Word export of council submissions, read back at the XML level (styles, language, headings,
 * table headers, page set-up, fields, properties) and through mammoth (what another program sees).
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildSubmissionDocx, createSubmissionDocument } from '@main/submissions/submissionDocx';
import { Packer } from 'docx';
import { SUBMISSION_TEMPLATES } from '@shared/submissions/submissionTemplates';
import { readDocx, rows, tables, visibleText } from '@tests/unit/helpers/docxParts';
import {
  fullSubmission,
  inputFor,
  JUNK,
  junkSubmission,
  longStatement,
  minimalSubmission,
  sampleRegister,
  templateSubmission,
  toSubmission,
} from './submissionFixtures';
import { emptySubmissionFields } from '@shared/submissions/submissionTemplates';
import { formatMoney } from '@shared/core/format';
import { parseRichText } from '@shared/core/richText';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

const eur = (text: string) => text.replace(/ €/g, '\u00A0€');

async function html(bytes: Buffer): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: bytes })).value.replace(/\u2011/g, '-');
}

describe('document base (every template)', () => {
  it.each(SUBMISSION_TEMPLATES.map((t) => t.id))(
    '%s: German defaults, styles, page set-up, header/footer, properties',
    async (templateId) => {
      const register = sampleRegister();
      const submission = templateSubmission(templateId, register);
      const docx = await readDocx(await buildSubmissionDocx(inputFor(register, submission)));

      const styles = docx.part('word/styles.xml');
      const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)![0];
      expect(defaults).toContain('<w:lang w:val="de-DE" w:eastAsia="de-DE" w:bidi="de-DE"/>');
      expect(styles).not.toContain('en-GB');
      expect(defaults).toContain('w:ascii="Arial"');
      // Body 11 pt; nothing anywhere below 10 pt (sizes are half points).
      expect(defaults).toContain('<w:sz w:val="22"/>');
      const sizes = [...styles.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const ownStyles = [
        'Title',
        'Heading1',
        'Heading2',
        'Heading3',
        'Heading4',
        'Kopfblock',
        'Tabellentext',
        'Tabellenkopf',
        'Header',
        'Footer',
      ];
      for (const id of ownStyles) expect(styles).toMatch(new RegExp(`w:styleId="${id}"`));
      for (const id of ownStyles) {
        const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)![0];
        const size = /<w:sz w:val="(\d+)"\/>/.exec(style);
        if (size) expect(Number(size[1]), id).toBeGreaterThanOrEqual(20);
      }
      expect(sizes.length).toBeGreaterThan(0);
      // Headings are black (no theme blue of the docx defaults) and carry outline levels.
      const h1 = /<w:style [^>]*w:styleId="Heading1"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)![0];
      expect(h1).toContain('<w:color w:val="000000"/>');
      expect(h1).toContain('<w:outlineLvl w:val="0"/>');

      const document = docx.part('word/document.xml');
      expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(document).toMatch(/<w:pgMar [^>]*w:right="1134"[^>]*w:left="1417"/);
      expect(document).toContain('<w:pStyle w:val="Title"/>');
      expect(document).toContain('<w:pStyle w:val="Heading1"/>');
      expect(document).toContain('<w:pStyle w:val="Heading2"/>');
      expect(document).toContain('<w:pStyle w:val="Kopfblock"/>');
      // No empty paragraphs for spacing (outside tables; an empty cell needs its one paragraph).
      expect(document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')).not.toMatch(
        /<w:p\/>|<w:p><\/w:p>|<w:p><w:pPr>(?:(?!<\/w:p>).)*<\/w:pPr><\/w:p>/,
      );

      const footer = docx.parts(/^word\/footer\d*\.xml$/).join('');
      expect(footer).toMatch(/<w:fldSimple w:instr="PAGE"><w:r><w:t[^>]*>\d+<\/w:t><\/w:r><\/w:fldSimple>/);
      expect(footer).toMatch(/<w:fldSimple w:instr="NUMPAGES"><w:r><w:t[^>]*>\d+<\/w:t><\/w:r><\/w:fldSimple>/);
      expect(visibleText(footer)).toContain('Seite 1 von 1');
      expect(footer).toContain('<w:tab/>');
      const header = docx.parts(/^word\/header\d*\.xml$/).join('');
      expect(visibleText(header)).toContain('Drucksache Nr.: 12534-18');
      expect(visibleText(header)).not.toContain('nichtöffentlich');

      const core = docx.part('docProps/core.xml');
      expect(core).toContain(`<dc:title>${submission.subject}</dc:title>`);
      expect(core).toContain('<dc:creator>Frau Beispiel</dc:creator>');
      expect(core).toMatch(/<cp:keywords>Drucksache; [^<]*Masterplan Kommunale Sicherheit[^<]*<\/cp:keywords>/);
      expect(core).toContain('<dc:language>de-DE</dc:language>');
      expect(core).toContain('<dc:subject>');
      expect(core).toContain('<dc:description>');
      expect(core).toContain('<cp:lastModifiedBy>Frau Beispiel</cp:lastModifiedBy>');
      expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-04T10:00:00Z</dcterms:modified>');

      expect(docx.names).toContain('word/numbering.xml');
      for (const xml of docx.parts(/\.xml$/)) expect(xml).not.toMatch(CONTROL);
    },
  );
});

describe('content of a full submission', () => {
  it('marks a non-public submission on every page, in the head lines and as a draft when asked', async () => {
    const { register, submission } = fullSubmission();
    const docx = await readDocx(await buildSubmissionDocx(inputFor(register, submission, { draft: true })));
    const headers = docx.parts(/^word\/header\d*\.xml$/);
    expect(headers.length).toBeGreaterThan(0);
    // The default header is the one for every page (no separate first-page header that could lack it).
    expect(docx.part('word/document.xml')).not.toContain('<w:titlePg/>');
    for (const header of headers) {
      expect(visibleText(header)).toContain('nichtöffentlich');
      expect(visibleText(header)).toContain('ENTWURF');
      expect(visibleText(header)).toContain('Drucksache Nr.: 12534-18-E1');
    }
    expect(visibleText(docx.part('word/document.xml'))).toContain('Öffentlichkeit:nichtöffentlich');
  });

  it('writes the Beratungsfolge as a table with a repeating header row and rows that do not split', async () => {
    const { register, submission } = fullSubmission();
    const document = (await readDocx(await buildSubmissionDocx(inputFor(register, submission)))).part('word/document.xml');
    const all = tables(document);
    const beratung = all.find((t) => visibleText(t).startsWith('GremiumSitzungsterminZuständigkeitErgebnis'))!;
    expect(beratung).toBeDefined();
    const [head, ...data] = rows(beratung);
    expect(head).toContain('<w:tblHeader/>');
    expect(head).toContain('<w:cantSplit/>');
    expect(data).toHaveLength(4);
    for (const row of data) {
      expect(row).toContain('<w:cantSplit/>');
      expect(row).not.toContain('<w:tblHeader/>');
    }
    expect(visibleText(data[1]!)).toContain('19.03.2025');
    expect(visibleText(data[1]!)).toContain('geändert beschlossen: mit Prüfauftrag zur Beleuchtung');
    // Widths in DXA on the table, the grid and each cell (LibreOffice needs all three).
    expect(beratung).toMatch(/<w:tblW w:type="dxa" w:w="9355"\/>/);
    expect(beratung).toContain('<w:tblGrid>');
    expect(beratung).toMatch(/<w:tcW w:type="dxa" w:w="\d+"\/>/);
    expect(beratung).toContain('<w:tblLayout w:type="fixed"/>');
    // Every table of the document has a repeating header row.
    for (const table of all) expect(rows(table)[0]).toContain('<w:tblHeader/>');
  });

  it('numbers Sachverhalt headings 1 / 1.1 / 1.1.1 without a trailing dot, in Heading 2–4', async () => {
    const { register, submission } = fullSubmission();
    const document = (await readDocx(await buildSubmissionDocx(inputFor(register, submission)))).part('word/document.xml');
    const headingTexts = (style: string) =>
      [...document.matchAll(new RegExp(`<w:p><w:pPr><w:pStyle w:val="${style}"/>[\\s\\S]*?</w:p>`, 'g'))].map((m) => visibleText(m[0]));
    expect(headingTexts('Heading1')).toEqual([
      'Beratungsfolge',
      'Beschlussvorschlag',
      'Sachverhalt / Begründung',
      'Finanzielle Auswirkungen',
      'Personelle Auswirkungen',
      'Auswirkungen auf den Klimaschutz',
      'Auswirkungen auf die Gleichstellung',
      'Mitzeichnung',
      'Anlagen',
      'Betroffene Maßnahmen des Masterplans',
    ]);
    expect(headingTexts('Heading2')).toEqual(
      expect.arrayContaining(['1 Ausgangslage', '2 Stand der Umsetzung', '3 Ausblick', '1 Prüfung', 'Rat der Stadt', 'Deckung']),
    );
    expect(headingTexts('Heading3')).toEqual(['1.1 Rechtlicher Rahmen']);
    expect(headingTexts('Heading4')).toEqual(['1.1.1 Zuständigkeiten']);
    expect(headingTexts('Title')).toEqual([submission.subject]);
  });

  it('writes finances with German money and a total, the climate word, cosignatures, attachments and 200 measures', async () => {
    const { register, submission } = fullSubmission();
    const bytes = await buildSubmissionDocx(inputFor(register, submission));
    const document = (await readDocx(bytes)).part('word/document.xml');
    const text = visibleText(document);
    // Amounts keep the no-break space of the German format, so "€" never wraps alone.
    expect(text).toContain(eur('2025250.000,00 €—250.000,00 €'));
    expect(text).toContain(eur('Summe370.000,00 €45.500,00 €415.500,00 €'));
    expect(text).toContain('Deckung ist gegeben.');
    expect(text).toContain('Einschätzung:negativ');
    expect(text).toContain('Begründung:Der Betrieb der Kameras verbraucht Strom.');
    expect(text).toContain('Polizeipräsidium DortmundHerr Krause—einverstanden mit Änderungen: Datenschutzhinweis ergänzen');
    // Over 1 MB in MB with one decimal, never "2.291 KB".
    expect(text).toContain('Masterplan, Fassung 2025 (Masterplan_2025.pdf, 2,2 MB)');
    expect(text).not.toMatch(/\d\.\d{3} KB/);
    expect(text).toContain('Evaluationsbericht (Evaluation.docx, 1 KB)');

    const measures = tables(document).find((t) => visibleText(t).startsWith('Nr.TitelStatusFederführungBudget geplant'))!;
    const measureRows = rows(measures);
    expect(measureRows).toHaveLength(1 + 200 + 1);
    // Number order (natural), a status word (never colour), the lead office and the planned sum.
    expect(visibleText(measureRows[1]!)).toBe(
      'HF1-001Maßnahme 1: Präsenz und Beleuchtung im Quartier 1vorgeschlagenDezernat für Recht, Ordnung und Bürgerdienste (3/Dez.)—',
    );
    expect(visibleText(measureRows[2]!)).toMatch(/^HF1-004.*in Umsetzung.*10\.370,35\u00A0€$/);
    const plannedTotal = register.measures
      .filter((m) => submission.linkedMeasureIds.includes(m.id))
      .flatMap((m) => m.budget)
      .reduce((sum, b) => sum + (b.plannedCents ?? 0), 0);
    expect(visibleText(measureRows.at(-1)!)).toBe(`Summe (200 Maßnahmen)${formatMoney(plannedTotal)}`);
    expect(document).not.toMatch(/w:fill="(?!E7E6E6)[0-9A-F]{6}"/);
  });

  it('makes real lists: numbering definitions, numbered lists restarting at 1, no typed bullets', async () => {
    const { register, submission } = fullSubmission();
    const docx = await readDocx(await buildSubmissionDocx(inputFor(register, submission)));
    const numbering = docx.part('word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    const document = docx.part('word/document.xml');
    const listParagraphs = [
      ...document.matchAll(/<w:p><w:pPr><w:pStyle w:val="ListParagraph"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/>/g),
    ];
    // Resolution 3 items, bullets 3, numbered 3, climate bullets 2, attachments 2.
    expect(listParagraphs.length).toBe(13);
    // Each list is its own w:num, so every numbered list starts at 1.
    expect(new Set(listParagraphs.map((m) => m[1])).size).toBe(5);
    expect(visibleText(document)).not.toMatch(/•/);
  });

  it('round-trips through mammoth: headings, paragraphs, bold/italic, table cells, list items', async () => {
    const { register, submission } = fullSubmission();
    const out = await html(await buildSubmissionDocx(inputFor(register, submission)));
    expect(out).toContain('<h1>Beratungsfolge</h1>');
    expect(out).toContain('<h1>Sachverhalt / Begründung</h1>');
    expect(out).toContain('<h2>1 Ausgangslage</h2>');
    expect(out).toContain('<h3>1.1 Rechtlicher Rahmen</h3>');
    expect(out).toContain(
      'Der Rat hat den Masterplan am 14.02.2019 <strong>einstimmig</strong> beschlossen; der Bericht ist <em>fristgerecht</em> vorgelegt.',
    );
    expect(out).toContain('<th><p>Gremium</p></th>');
    expect(out).toContain('<td><p>Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden</p></td>');
    expect(out).toContain('<ol><li>die Fortschreibung des Masterplans in der Fassung der Anlage 1,</li>');
    expect(out).toContain('<ul><li>Ordnungsamt (FB 32)</li><li><strong>Jugendamt</strong> (FB 51)</li>');
    expect(out).toContain('<td><p>Sichere öffentliche Räume</p></td>');
    expect(out).toContain('<p>Der Rat der Stadt beschließt:</p>');
  });

  it('embeds a logo with alt text; an unknown image format is left out', async () => {
    const register = sampleRegister();
    // 1×1 transparent PNG.
    const png = Uint8Array.from(
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
    );
    const submission = templateSubmission('sachstandsbericht', register);
    const withLogo = await readDocx(
      await buildSubmissionDocx(
        inputFor(register, submission, { logo: { data: png, altText: 'Logo der Stadt Dortmund', width: 120, height: 40 } }),
      ),
    );
    const document = withLogo.part('word/document.xml');
    expect(document).toMatch(/<wp:docPr [^>]*descr="Logo der Stadt Dortmund"/);
    expect(withLogo.names.some((n) => n.startsWith('word/media/'))).toBe(true);
    const junkLogo = await readDocx(
      await buildSubmissionDocx(
        inputFor(register, submission, { logo: { data: new Uint8Array([1, 2, 3]), altText: 'x', width: 10, height: 10 } }),
      ),
    );
    expect(junkLogo.names.some((n) => n.startsWith('word/media/'))).toBe(false);
  });
});

describe('robustness', () => {
  it('an empty draft: ENTWURF on every page, no empty heading, no workflow status, no number', async () => {
    const register = sampleRegister();
    const bytes = await buildSubmissionDocx(inputFor(register, minimalSubmission()));
    const docx = await readDocx(bytes);
    const text = visibleText(docx.part('word/document.xml'));
    expect(text).toContain('Vorlage ohne Betreff');
    expect(text).toContain('Drucksache Nr.:ohne Nummer (Entwurf)');
    expect(text).toContain('Datum:—');
    // Sections with nothing to say have no heading at all.
    for (const empty of [
      'Beratungsfolge',
      'Beschlussvorschlag',
      'Sachverhalt',
      'Auswirkungen auf den Klimaschutz',
      'Mitzeichnung',
      'Anlagen',
    ])
      expect(text).not.toContain(empty);
    // Sections that always say something: "keine".
    expect(text).toContain('Die Vorlage hat keine finanziellen Auswirkungen.');
    expect(text).toContain('Personelle AuswirkungenKeine.');
    // The app's workflow status is not part of the council document.
    expect(text).not.toMatch(/Status:/);
    // Status "Entwurf" without --draft: still ENTWURF in the running header (one header for every page).
    expect(visibleText(docx.parts(/^word\/header\d*\.xml$/).join(''))).toBe('Drucksache Nr.: (Entwurf)ENTWURF');
    expect(docx.part('docProps/core.xml')).toContain('<dc:title>Vorlage ohne Betreff</dc:title>');
    expect(docx.part('docProps/core.xml')).toContain('<dc:creator>Masterplan-Register</dc:creator>');
    expect(await html(bytes)).not.toContain('<h1>Beschlussvorschlag</h1>');
  });

  it('a Mitteilung or Stellungnahme without a Beschlussvorschlag prints none; a template heading left empty is left out', async () => {
    const register = sampleRegister();
    const base = templateSubmission('sachstandsbericht', register);
    for (const kind of ['mitteilung', 'stellungnahme'] as const) {
      const submission = {
        ...base,
        kind,
        resolutions: [{ bodyId: null, text: '  ' }],
        statement: parseRichText('# Ausgangslage\n\nText dazu.\n\n# Ausblick'),
      };
      const text = visibleText((await readDocx(await buildSubmissionDocx(inputFor(register, submission)))).part('word/document.xml'));
      expect(text).not.toContain('Beschlussvorschlag');
      expect(text).toContain('1 AusgangslageText dazu.');
      expect(text).not.toContain('Ausblick');
    }
  });

  it('a released Vorlage exported as final carries no ENTWURF mark', async () => {
    const register = sampleRegister();
    const docx = await readDocx(await buildSubmissionDocx(inputFor(register, templateSubmission('fortschreibung', register))));
    expect(visibleText(docx.parts(/^word\/header\d*\.xml$/).join(''))).toBe('Drucksache Nr.: 12534-18');
  });

  it('removes control characters and Word paste junk everywhere, keeping the words', async () => {
    const register = sampleRegister();
    const bytes = await buildSubmissionDocx(inputFor(register, junkSubmission()));
    const docx = await readDocx(bytes);
    for (const xml of docx.parts(/\.xml$/)) {
      expect(xml).not.toMatch(CONTROL);
      expect(xml).not.toMatch(/[\u00AD\u200B\uFEFF\uD800]/);
    }
    const text = visibleText(docx.part('word/document.xml'));
    expect(text).toContain('Zeile mit Steuerzeichen und Word-Müll');
    expect(docx.part('docProps/core.xml')).toContain('<dc:title>Betreff Zeile mit Steuerzeichen und Word-Müll und Umbruch</dc:title>');
    // mammoth parses every part, so the XML is well-formed.
    const result = await mammoth.convertToHtml({ buffer: bytes });
    expect(result.value).toContain('Steuerzeichen');
    expect(JUNK).toMatch(CONTROL);
  });

  it('handles a fifty-page Sachverhalt', async () => {
    const register = sampleRegister();
    const submission = toSubmission({ ...emptySubmissionFields(), subject: 'Langer Bericht', statement: longStatement() });
    const bytes = await buildSubmissionDocx(inputFor(register, submission));
    const document = (await readDocx(bytes)).part('word/document.xml');
    expect(document).toContain('60 Kapitel 60: Handlungsfeld und Quartier');
    expect(document).toContain('60.2 Abschnitt 60.2');
  });

  it('the Document can be packed on its own (the benchmark floor) and gives a valid file', async () => {
    const { register, submission } = fullSubmission();
    const document = createSubmissionDocument(inputFor(register, submission));
    const first = await Packer.toBuffer(document);
    const second = await Packer.toBuffer(document);
    for (const bytes of [first, second]) expect(visibleText((await readDocx(bytes)).part('word/document.xml'))).toContain('Beratungsfolge');
  });
});
