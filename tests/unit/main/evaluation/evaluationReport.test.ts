/**
 * The Word evaluation report: its markup (language, heading styles, repeating table headers, properties)
 * and what another program reads from it (mammoth): sections per Handlungsfeld, the tables, the
 * summary counts, the Legende; no personal data; a clear refusal for an unknown round.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildEvaluationReportDocx } from '@main/evaluation/evaluationReport';
import { UnknownRoundError } from '@main/evaluation/evaluationData';
import { readDocx, rows, tables, visibleText } from '@tests/unit/helpers/docxParts';
import { activeMeasures, exportInput, hostileRegister, INJECTED_TITLES, sampleRegister } from './evaluationFixtures';

async function html(bytes: Buffer): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: bytes })).value.replace(/\u2011/g, '-');
}

function headingTexts(document: string, style: string): string[] {
  return [...document.matchAll(new RegExp(`<w:p><w:pPr><w:pStyle w:val="${style}"/>[\\s\\S]*?</w:p>`, 'g'))].map((m) => visibleText(m[0]));
}

describe('the evaluation report of the sample round', async () => {
  const doc = sampleRegister();
  const bytes = await buildEvaluationReportDocx(exportInput(doc));
  const docx = await readDocx(bytes);
  const document = docx.part('word/document.xml');

  it('is German, titled and described in its properties', () => {
    const styles = docx.part('word/styles.xml');
    expect(/<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)![0]).toContain(
      '<w:lang w:val="de-DE" w:eastAsia="de-DE" w:bidi="de-DE"/>',
    );
    expect(styles).not.toContain('en-GB');
    const core = docx.part('docProps/core.xml');
    expect(core).toContain('<dc:title>Evaluationsbericht 2024</dc:title>');
    expect(core).toContain('<dc:language>de-DE</dc:language>');
    expect(core).toContain('<dc:creator>Masterplan-Register</dc:creator>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-04T10:00:00Z</dcterms:created>');
  });

  it('states the Stichtag once and without contradiction: yearly values up to its year, milestones up to the day', async () => {
    const round = doc.evaluationRounds.find((r) => r.cutOffDate)!;
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    const [y, mo, d] = round.cutOffDate!.split('-');
    expect(text).toContain(
      `Stichtag ist der ${d}.${mo}.${y}: Es zählen die Kennzahlenwerte der Jahre bis einschließlich ${y} und die Meilensteine, die bis zum Stichtag erledigt waren.`,
    );
    expect(text).not.toMatch(/Kennzahlenwerte bis zum Stichtag/);
  });

  it('structures the text with the built-in Title and Heading styles, numbered without trailing dots', () => {
    // The round is called "Evaluationsbericht 2024": not "Evaluationsbericht Evaluationsbericht 2024".
    expect(headingTexts(document, 'Title')).toEqual(['Evaluationsbericht 2024']);
    expect(headingTexts(document, 'Heading1')).toEqual([
      '1 Einleitung',
      '2 HF1 Sichere Nachbarschaft',
      '3 HF2 Sichere öffentliche Räume',
      '4 HF3 Sichere Infrastruktur',
      '5 Zusammenfassung',
      '6 Legende',
    ]);
    const h2 = headingTexts(document, 'Heading2');
    expect(h2).toContain('3.1 HF2-01 Videobeobachtung Brückstraße');
    expect(h2).toContain('5.2 Bewertungen');
    expect(h2).toContain('6.2 Verbale Skala der Zielerreichung');
    // Every measure with Kennzahlen or a Begründung has a sub-section.
    const withDetails = new Set([
      ...doc.indicators.map((i) => i.measureId),
      ...doc.assessments.filter((a) => a.reasoning.trim()).map((a) => a.measureId),
    ]);
    expect(h2.filter((t) => /^\d\.\d+ HF\d-\d\d /.test(t))).toHaveLength(withDetails.size);
  });

  it('gives every table a header row that repeats and rows that do not split', () => {
    const all = tables(document);
    expect(all.length).toBeGreaterThanOrEqual(3 + 8 + 3 + 3);
    for (const table of all) {
      const [head, ...body] = rows(table);
      expect(head).toContain('<w:tblHeader/>');
      for (const row of body) expect(row).not.toContain('<w:tblHeader/>');
      for (const row of [head, ...body]) expect(row).toContain('<w:cantSplit/>');
    }
  });

  it('round-trips through mammoth: headings, the measure tables with the Ampel as a word, the summary counts', async () => {
    const out = await html(bytes);
    expect(out).toContain('<h1>2 HF1 Sichere Nachbarschaft</h1>');
    expect(out).toContain('<h2>3.1 HF2-01 Videobeobachtung Brückstraße</h2>');
    expect(out).toContain(
      '<th><p>Maßnahme</p></th><th><p>Umsetzungsgrad</p></th><th><p>Zielerreichung</p></th><th><p>Bewertung</p></th><th><p>Empfehlung</p></th>',
    );
    expect(out).toContain('<p><strong>HF2-01</strong> Videobeobachtung Brückstraße<br />Status: verstetigt (Regelbetrieb)</p>');
    expect(out).toContain('<td><p>erfolgreich<br />Ampel grün</p></td>');
    expect(out).toContain('<td><p>überwiegend erreicht (96\u00a0%)</p></td>');
    expect(out).toContain(
      '<th><p>Kennzahl</p></th><th><p>Basis</p></th><th><p>Ziel</p></th><th><p>Letzter Ist-Wert</p></th><th><p>Zielerreichung</p></th>',
    );
    expect(out).toContain(
      '<td><p>142 Fälle (2018)</p></td><td><p>100 Fälle (2024)</p></td><td><p>81 Fälle (2024)</p></td><td><p>übererfüllt (145\u00a0%)</p></td>',
    );
    const count = (word: string) => new RegExp(`<td><p>${word}</p></td><td><p>[^<]*</p></td><td><p>(\\d+)</p></td>`).exec(out)?.[1];
    expect(count('erfolgreich')).toBe(String(doc.assessments.filter((a) => a.rating === 'gruen').length));
    expect(count('noch nicht bewertet')).toBe(String(activeMeasures(doc).length - doc.assessments.length));
    expect(count('verstetigen')).toBe(String(doc.assessments.filter((a) => a.recommendation === 'verstetigen').length));
    expect(out).toContain('<td><p>überwiegend erreicht</p></td><td><p>75 % bis unter 100 %</p></td>');
    expect(out).toContain('<li>Polizeiliche Kriminalstatistik (PKS)</li>');
  });

  it('prints no assessor name and only the file name of the register', async () => {
    const hostile = hostileRegister();
    const text = visibleText((await readDocx(await buildEvaluationReportDocx(exportInput(hostile)))).part('word/document.xml'));
    expect(text).not.toContain('Erika Mustermann');
    expect(text).not.toContain('petra.schulte');
    expect(text).toContain('Registerdatei: register.json');
    // Word has no formulas; injected text is printed as typed.
    const unescaped = text
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    for (const number of ['HF1-01', 'HF1-02', 'HF1-04']) expect(unescaped).toContain(`${number} ${INJECTED_TITLES[number]!}`);
  });
});

describe('report edge cases', () => {
  it('without a round: "Evaluationsbericht", no ratings, says why', async () => {
    const out = await html(await buildEvaluationReportDocx(exportInput(sampleRegister(), { roundId: null })));
    expect(out).toMatch(/^<h1>Evaluationsbericht<\/h1>|<p>Evaluationsbericht<\/p>/);
    expect(out).toContain('Der Bericht gehört zu keiner Evaluationsrunde; er enthält daher keine Bewertungen.');
    expect(out).not.toContain('Ampel grün</p></td><td>');
    expect(out).not.toContain('<h2>5.2 Bewertungen</h2>');
  });

  it('a round named differently gets "Evaluationsbericht" in front', async () => {
    const doc = sampleRegister();
    doc.evaluationRounds[0]!.name = 'Zwischenbilanz 2.0';
    const core = (await readDocx(await buildEvaluationReportDocx(exportInput(doc)))).part('docProps/core.xml');
    expect(core).toContain('<dc:title>Evaluationsbericht Zwischenbilanz 2.0</dc:title>');
  });

  it('filters that match nothing still give a complete document', async () => {
    const out = await html(
      await buildEvaluationReportDocx(exportInput(sampleRegister(), { filters: { district: 'ME', status: 'vorgeschlagen' } })),
    );
    expect(out).toContain('In diesem Handlungsfeld gibt es im Umfang des Berichts keine Maßnahmen.');
    expect(out).toContain('<h1>5 Zusammenfassung</h1>');
  });

  it('refuses an unknown round', async () => {
    await expect(buildEvaluationReportDocx(exportInput(sampleRegister(), { roundId: 'nix' }))).rejects.toThrow(UnknownRoundError);
  });
});

describe('the status line of a merged measure', () => {
  /** The measure table's text of one measure, hyphens as typed (numbers carry non-breaking ones). */
  async function statusOf(doc: ReturnType<typeof sampleRegister>, id: string): Promise<string> {
    const bytes = await buildEvaluationReportDocx(exportInput(doc));
    const measure = doc.measures.find((x) => x.id === id)!;
    const row = tables((await readDocx(bytes)).part('word/document.xml'))
      .flatMap(rows)
      .map((r) => visibleText(r).replace(/\u2011/g, '-'))
      .find((r) => r.startsWith(`${measure.number} ${measure.title}`))!;
    return /Status: (.*?)(\d+\s?%|$)/u.exec(row)![1]!.trim();
  }

  it('names the measure it was merged into, or leaves the dangling "mit" out when the link is gone', async () => {
    const doc = sampleRegister();
    const [merged, target] = activeMeasures(doc);
    doc.measures = doc.measures.map((x) =>
      x.id === merged!.id ? { ...x, status: 'zusammengefuehrt', statusReason: 'Zusammengelegt.', linkedMeasureId: target!.id } : x,
    );
    expect(await statusOf(doc, merged!.id)).toBe(`zusammengeführt mit ${target!.number} ${target!.title}`);
    doc.measures = doc.measures.map((x) => (x.id === merged!.id ? { ...x, linkedMeasureId: null } : x));
    const dangling = await statusOf(doc, merged!.id);
    expect(dangling).toBe('zusammengeführt');
    expect(dangling).not.toMatch(/mit$/);
  });
});
