/**
 * The evaluation report (Evaluationsbericht) for committees as a Word document, on the shared document
 * base (documentBase.ts), so it can be attached to a Mitteilungsvorlage. The same content as the Excel
 * evaluation tables, as styled Word tables:
 *
 *  title and head lines (round, date, cut-off, scope, number of measures, Stand);
 *  1 Einleitung – the round's description, what the report covers, how it is built;
 *  one section per Handlungsfeld – a table of its measures (Nr., Titel, Status, Umsetzungsgrad,
 *    Zielerreichung, Bewertung with its Ampel as a word, Empfehlung), then for each measure with
 *    Kennzahlen or a Begründung a sub-section with the assessment and a table of its Kennzahlen
 *    (Basis, Ziel, letzter Ist-Wert, Zielerreichung);
 *  Zusammenfassung – per Handlungsfeld, counts per rating and per recommendation;
 *  Legende – the two figures, the verbal scale, ratings, recommendations, data sources, data basis.
 *
 * Accessible like every document of the base: headings only through the heading styles, header rows
 * that repeat, language de-DE, the title in the document properties. Assessor names (personal data)
 * are never printed. Pure: data in, .docx bytes out.
 */
import type { Document, Paragraph, Table } from 'docx';
import type { IndicatorValue } from '@shared/evaluation/evaluation';
import { RATINGS, RECOMMENDATIONS } from '@shared/evaluation/evaluation';
import type { EvaluationRow } from '@shared/evaluation/evaluationOverview';
import { goalAttainment, type GoalLevel } from '@shared/evaluation/progress';
import { formatDate, formatPercent } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import {
  goalScaleRows,
  localIsoDate,
  MAX_DEGREE_TEXT,
  prepareEvaluation,
  registerFileLabel,
  statusDefaultsText,
  type EvaluationData,
  type EvaluationExportInput,
  type IndicatorEntry,
} from './evaluationData';
import {
  createBaseDocument,
  dataTable,
  heading,
  labelLine,
  Lists,
  packDocument,
  para,
  plainTextContent,
  SectionNumbers,
  title,
  type CellValue,
  type DocumentProperties,
  type InlineRun,
} from '@main/export/documentBase';

export type { EvaluationExportInput } from './evaluationData';

const t = de.evaluation;
const r = de.evaluation.report;
const EMPTY = r.empty;

type Block = Paragraph | Table;

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 });

/** A degree 0…1.5 as whole percent, "75 %" with a no-break space (set verbatim, so it never wraps before the "%"). */
const percent = (fraction: number) => formatPercent(Math.round(fraction * 100)).replace(' %', '\u00a0%');
const verbatim = (text: string): CellValue => [{ text, verbatim: true }];

/** "überwiegend erreicht (95 %)", or the level alone when there is no degree. */
function goalCell(goal: { degree: number | null; level: GoalLevel }): CellValue {
  const word = t.goalLevels[goal.level];
  return goal.degree === null ? word : [{ text: `${word} ` }, { text: `(${percent(goal.degree)})`, verbatim: true }];
}

/** "142 Fälle", "71 %", "4"; the unit as the register has it. */
function withUnit(value: number, unit: string): string {
  const number = numberFormat.format(value);
  return unit.trim() === '' ? number : `${number} ${unit.trim()}`;
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

const share = (count: number, total: number): CellValue => (total === 0 ? EMPTY : verbatim(percent(count / total)));

// ---------------------------------------------------------------------------------------------------
// Head and introduction
// ---------------------------------------------------------------------------------------------------

function headBlock(data: EvaluationData, input: EvaluationExportInput): Paragraph[] {
  const f = r.field;
  const round = data.round;
  const lines = [labelLine(f.round, round?.name ?? t.noRound)];
  if (round) {
    lines.push(labelLine(f.date, formatDate(round.date) || EMPTY));
    lines.push(labelLine(f.cutOff, formatDate(round.cutOffDate) || EMPTY));
    lines.push(labelLine(f.scope, data.scopeLabel));
  }
  if (data.filterParts.length > 0) lines.push(labelLine(f.filters, data.filterParts.join('; ')));
  lines.push(labelLine(f.measures, r.measureCount(data.rows.length)));
  lines.push(labelLine(f.generated, formatDate(localIsoDate(input.generatedAt))));
  return lines;
}

function introduction(data: EvaluationData, input: EvaluationExportInput, numbers: SectionNumbers, lists: Lists): Block[] {
  const out: Block[] = [heading(1, r.sections.intro, numbers.next(1))];
  const round = data.round;
  if (round && round.description.trim() !== '') out.push(...plainTextContent(round.description, lists));
  const fields = new Set(data.rows.map((row) => row.actionFieldId)).size;
  out.push(para(r.intro(r.measureCount(data.rows.length), r.fieldCount(fields))));
  if (round?.cutOffDate) out.push(para(r.introCutOff(formatDate(round.cutOffDate))));
  if (!round) out.push(para(r.introNoRound));
  out.push(para(t.definitions.separate));
  out.push(para(r.introStructure));
  if (input.doc.isSample) out.push(para(r.sampleNote));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Handlungsfelder
// ---------------------------------------------------------------------------------------------------

function ratingCell(row: EvaluationRow): CellValue {
  const a = row.assessment;
  return a ? `${t.ratings[a.rating]}\n${t.ratingLights[a.rating]}` : t.notAssessed;
}

function measureTable(data: EvaluationData, rows: readonly EvaluationRow[]): Table {
  const c = r.measureColumns;
  return dataTable(
    [
      { header: c.measure, weight: 34 },
      { header: c.implementation, weight: 20, align: 'right' },
      { header: c.goal, weight: 17 },
      { header: c.rating, weight: 14 },
      { header: c.recommendation, weight: 15 },
    ],
    rows.map((row): CellValue[] => [
      [{ text: row.number, bold: true }, { text: ` ${row.title}` }, { text: `\n${r.statusLine(data.statusLabel(row.status))}` }],
      verbatim(percent(row.implementation.percent / 100)),
      goalCell(row.goal),
      ratingCell(row),
      row.assessment?.recommendation ? t.recommendations[row.assessment.recommendation] : EMPTY,
    ]),
  );
}

function valueText(value: number | null, year: number | null, unit: string): string {
  if (value === null) return EMPTY;
  return r.valueWithYear(withUnit(value, unit), year === null ? '' : String(year));
}

function actualText(value: IndicatorValue | null, unit: string): string {
  if (!value) return EMPTY;
  return r.valueWithYear(withUnit(value.value, unit), value.period.trim() || String(value.year));
}

function indicatorTable(entries: readonly IndicatorEntry[]): Table {
  const c = r.indicatorColumns;
  return dataTable(
    [
      { header: c.name, weight: 30 },
      { header: c.baseline, weight: 17.5 },
      { header: c.target, weight: 17.5 },
      { header: c.actual, weight: 17.5 },
      { header: c.level, weight: 17.5 },
    ],
    entries.map(({ indicator: ind, values }) => {
      const goal = goalAttainment({ ...ind, values });
      const name: InlineRun[] = [
        { text: ind.name },
        { text: `\n${t.indicatorTypes[ind.type]}, ${t.directions[ind.direction]}`, italic: true },
        ...(ind.dataSource.trim() ? [{ text: `\n${r.indicatorSource(ind.dataSource)}`, italic: true }] : []),
      ];
      return [
        name,
        valueText(ind.baselineValue, ind.baselineYear, ind.unit),
        valueText(ind.targetValue, ind.targetYear, ind.unit),
        actualText(goal.actual, ind.unit),
        goalCell(goal),
      ];
    }),
  );
}

/** Sub-section of one measure: its assessment and reasoning, and the table of its Kennzahlen. */
function measureDetails(data: EvaluationData, row: EvaluationRow, numbers: SectionNumbers, lists: Lists): Block[] {
  const entries = data.indicatorsOf(row.measureId);
  const a = row.assessment;
  const reasoning = a?.reasoning.trim() ?? '';
  if (entries.length === 0 && reasoning === '') return [];
  const out: Block[] = [heading(2, `${row.number} ${row.title}`, numbers.next(2))];
  if (a) out.push(labelLine(r.assessment, r.assessmentLine(t.ratings[a.rating], t.ratingLights[a.rating], a.recommendation ? t.recommendations[a.recommendation] : '')));
  // One line sits beside its label; a longer reasoning follows the label as paragraphs and lists.
  const lines = reasoning.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 1) out.push(labelLine(r.reasoning, lines[0]!));
  else if (lines.length > 1) out.push(labelLine(r.reasoning, ''), ...plainTextContent(reasoning, lists));
  if (entries.length > 0) out.push(indicatorTable(entries));
  return out;
}

function fieldSections(data: EvaluationData, numbers: SectionNumbers, lists: Lists): Block[] {
  const out: Block[] = [];
  for (const field of data.actionFields) {
    const rows = data.rows.filter((row) => row.actionFieldId === field.id);
    out.push(heading(1, data.fieldLabel(field.id), numbers.next(1)));
    if (field.guidingGoal.trim() !== '') out.push(para(r.guidingGoal(field.guidingGoal)));
    if (rows.length === 0) {
      out.push(para(r.noMeasures));
      continue;
    }
    const implementation = average(rows.map((row) => row.implementation.percent / 100)) ?? 0;
    out.push(para(r.fieldSummary(r.measureCount(rows.length), percent(implementation))));
    out.push(measureTable(data, rows));
    for (const row of rows) out.push(...measureDetails(data, row, numbers, lists));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Zusammenfassung and Legende
// ---------------------------------------------------------------------------------------------------

function summary(data: EvaluationData, numbers: SectionNumbers): Block[] {
  const rows = data.rows;
  const total = rows.length;
  const out: Block[] = [heading(1, r.sections.summary, numbers.next(1)), para(r.summaryIntro(r.measureCount(total)))];

  const fc = r.fieldColumns;
  const degreeOf = (list: readonly EvaluationRow[]) => average(list.flatMap((row) => (row.goal.degree === null ? [] : [row.goal.degree])));
  const fieldRow = (label: string, list: readonly EvaluationRow[]): CellValue[] => {
    const goal = degreeOf(list);
    const implementation = average(list.map((row) => row.implementation.percent / 100));
    return [label, String(list.length), implementation === null ? EMPTY : verbatim(percent(implementation)), goal === null ? EMPTY : verbatim(percent(goal))];
  };
  const totalRow = fieldRow(r.total, rows);
  out.push(
    heading(2, r.summaryFields, numbers.next(2)),
    dataTable(
      [
        { header: fc.field, weight: 34 },
        { header: fc.measures, weight: 16, align: 'right' },
        { header: fc.implementation, weight: 24, align: 'right' },
        { header: fc.goal, weight: 26, align: 'right' },
      ],
      data.actionFields.map((f) =>
        fieldRow(
          data.fieldLabel(f.id),
          rows.filter((row) => row.actionFieldId === f.id),
        ),
      ),
      { totalRows: [{ label: totalRow[0]!, values: totalRow.slice(1) }] },
    ),
  );

  if (!data.round) return [...out, para(r.introNoRound)];

  const rc = r.ratingColumns;
  const notAssessed = rows.filter((row) => row.assessment === null).length;
  out.push(
    heading(2, r.summaryRatings, numbers.next(2)),
    dataTable(
      [
        { header: rc.rating, weight: 40 },
        { header: rc.light, weight: 24 },
        { header: rc.count, weight: 18, align: 'right' },
        { header: rc.share, weight: 18, align: 'right' },
      ],
      [
        ...RATINGS.map((rating) => {
          const count = rows.filter((row) => row.assessment?.rating === rating).length;
          return [t.ratings[rating], t.ratingLights[rating], String(count), share(count, total)];
        }),
        [t.notAssessed, EMPTY, String(notAssessed), share(notAssessed, total)],
      ],
      { totalRows: [{ label: r.total, values: [String(total), share(total, total)] }] },
    ),
  );

  const ec = r.recommendationColumns;
  const without = rows.filter((row) => !row.assessment?.recommendation).length;
  out.push(
    heading(2, r.summaryRecommendations, numbers.next(2)),
    dataTable(
      [
        { header: ec.recommendation, weight: 22 },
        { header: ec.meaning, weight: 46 },
        { header: ec.count, weight: 16, align: 'right' },
        { header: ec.share, weight: 16, align: 'right' },
      ],
      [
        ...RECOMMENDATIONS.map((rec) => {
          const count = rows.filter((row) => row.assessment?.recommendation === rec).length;
          return [t.recommendations[rec], t.recommendationMeanings[rec], String(count), share(count, total)];
        }),
        [t.noRecommendation, EMPTY, String(without), share(without, total)],
      ],
      { totalRows: [{ label: r.total, values: [String(total), share(total, total)] }] },
    ),
  );
  return out;
}

function legend(data: EvaluationData, input: EvaluationExportInput, numbers: SectionNumbers, lists: Lists): Block[] {
  const d = t.definitions;
  const out: Block[] = [heading(1, r.sections.legend, numbers.next(1))];

  out.push(heading(2, r.legendFigures, numbers.next(2)));
  out.push(
    labelLine(t.umsetzungsgrad, ''),
    para(d.implementation),
    para(d.statusDefaults(statusDefaultsText(input.doc))),
    labelLine(t.zielerreichungsgrad, ''),
    para(d.goalIndicator(MAX_DEGREE_TEXT)),
    para(d.goalMeasure),
    para(d.notAssessable),
    para(d.separate),
  );

  const sc = r.scaleColumns;
  out.push(
    heading(2, r.legendScale, numbers.next(2)),
    dataTable(
      [
        { header: sc.level, weight: 40 },
        { header: sc.range, weight: 60 },
      ],
      goalScaleRows(),
    ),
  );

  const rc = r.ratingColumns;
  out.push(
    heading(2, r.legendRatings, numbers.next(2)),
    dataTable(
      [
        { header: rc.rating, weight: 50 },
        { header: rc.light, weight: 50 },
      ],
      RATINGS.map((rating) => [t.ratings[rating], t.ratingLights[rating]]),
    ),
  );

  const ec = r.recommendationColumns;
  out.push(
    heading(2, r.legendRecommendations, numbers.next(2)),
    dataTable(
      [
        { header: ec.recommendation, weight: 30 },
        { header: ec.meaning, weight: 70 },
      ],
      RECOMMENDATIONS.map((rec) => [t.recommendations[rec], t.recommendationMeanings[rec]]),
    ),
  );

  out.push(heading(2, r.legendSources, numbers.next(2)));
  if (data.dataSources.length === 0) out.push(para(de.evaluation.export.legend.noDataSources));
  else out.push(...lists.list('bullet', data.dataSources.map((s) => [{ text: s }])));

  out.push(heading(2, r.legendFile, numbers.next(2)));
  out.push(para(r.sourceLine(input.doc.name, formatDate(localIsoDate(input.generatedAt)), input.appVersion)));
  out.push(para(r.registerFile(registerFileLabel(input.registerPath, false))));
  if (input.doc.isSample) out.push(para(r.sampleNote));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------------

function properties(reportTitle: string, generatedAt: Date): DocumentProperties {
  return {
    title: reportTitle,
    subject: r.subject,
    creator: de.appName,
    keywords: r.keywords,
    description: r.description(formatDate(localIsoDate(generatedAt))),
    lastModifiedBy: de.appName,
    created: generatedAt,
    modified: generatedAt,
  };
}

/** The docx Document and its properties, not yet packed. Throws UnknownRoundError. */
export function prepareEvaluationReport(input: EvaluationExportInput): { document: Document; properties: DocumentProperties } {
  const data = prepareEvaluation(input);
  const reportTitle = r.title(data.round?.name ?? null);
  const numbers = new SectionNumbers();
  const lists = new Lists();
  const children: Block[] = [
    title(reportTitle),
    ...headBlock(data, input),
    ...introduction(data, input, numbers, lists),
    ...fieldSections(data, numbers, lists),
    ...summary(data, numbers),
    ...legend(data, input, numbers, lists),
  ];
  const props = properties(reportTitle, input.generatedAt);
  const document = createBaseDocument(
    {
      properties: props,
      header: { left: `${reportTitle} · ${r.runningHeader}` },
      footerLeft: r.generatedOn(formatDate(localIsoDate(input.generatedAt))),
      children,
    },
    { page: r.page, of: r.pageOf },
  );
  return { document, properties: props };
}

/** The evaluation report as .docx bytes. Throws UnknownRoundError. */
export async function buildEvaluationReportDocx(input: EvaluationExportInput): Promise<Buffer> {
  const { document, properties: props } = prepareEvaluationReport(input);
  return packDocument(document, props);
}
