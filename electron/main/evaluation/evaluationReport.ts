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

const evaluationTexts = de.evaluation;
const evaluationReportTexts = de.evaluation.report;
const EMPTY = evaluationReportTexts.empty;

type Block = Paragraph | Table;

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 });

/** A degree 0…1.5 as whole percent, "75 %" with a no-break space (set verbatim, so it never wraps before the "%"). */
const percent = (fraction: number) => formatPercent(Math.round(fraction * 100)).replace(' %', '\u00a0%');
const verbatim = (text: string): CellValue => [{ text, verbatim: true }];

/** "überwiegend erreicht (95 %)", or the level alone when there is no degree. */
function goalCell(goal: { degree: number | null; level: GoalLevel }): CellValue {
  const word = evaluationTexts.goalLevels[goal.level];
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
  const f = evaluationReportTexts.field;
  const round = data.round;
  const lines = [labelLine(f.round, round?.name ?? evaluationTexts.noRound)];
  if (round) {
    lines.push(labelLine(f.date, formatDate(round.date) || EMPTY));
    lines.push(labelLine(f.cutOff, formatDate(round.cutOffDate) || EMPTY));
    lines.push(labelLine(f.scope, data.scopeLabel));
  }
  if (data.filterParts.length > 0) lines.push(labelLine(f.filters, data.filterParts.join('; ')));
  lines.push(labelLine(f.measures, evaluationReportTexts.measureCount(data.rows.length)));
  lines.push(labelLine(f.generated, formatDate(localIsoDate(input.generatedAt))));
  return lines;
}

function introduction(data: EvaluationData, input: EvaluationExportInput, numbers: SectionNumbers, lists: Lists): Block[] {
  const out: Block[] = [heading(1, evaluationReportTexts.sections.intro, numbers.next(1))];
  const round = data.round;
  if (round && round.description.trim() !== '') out.push(...plainTextContent(round.description, lists));
  const fields = new Set(data.rows.map((row) => row.actionFieldId)).size;
  out.push(
    para(evaluationReportTexts.intro(evaluationReportTexts.measureCount(data.rows.length), evaluationReportTexts.fieldCount(fields))),
  );
  if (round?.cutOffDate)
    out.push(para(evaluationReportTexts.introCutOff(formatDate(round.cutOffDate), Number(round.cutOffDate.slice(0, 4)))));
  if (!round) out.push(para(evaluationReportTexts.introNoRound));
  out.push(para(evaluationTexts.definitions.separate));
  out.push(para(evaluationReportTexts.introStructure));
  if (input.doc.isSample) out.push(para(evaluationReportTexts.sampleNote));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Handlungsfelder
// ---------------------------------------------------------------------------------------------------

function ratingCell(row: EvaluationRow): CellValue {
  const a = row.assessment;
  return a ? `${evaluationTexts.ratings[a.rating]}\n${evaluationTexts.ratingLights[a.rating]}` : evaluationTexts.notAssessed;
}

function measureTable(data: EvaluationData, rows: readonly EvaluationRow[]): Table {
  const c = evaluationReportTexts.measureColumns;
  return dataTable(
    [
      { header: c.measure, weight: 34 },
      { header: c.implementation, weight: 20, align: 'right' },
      { header: c.goal, weight: 17 },
      { header: c.rating, weight: 14 },
      { header: c.recommendation, weight: 15 },
    ],
    rows.map((row): CellValue[] => [
      [
        { text: row.number, bold: true },
        { text: ` ${row.title}` },
        { text: `\n${evaluationReportTexts.statusLine(data.statusOfMeasure(row.measureId, row.status))}` },
      ],
      verbatim(percent(row.implementation.percent / 100)),
      goalCell(row.goal),
      ratingCell(row),
      row.assessment?.recommendation ? evaluationTexts.recommendations[row.assessment.recommendation] : EMPTY,
    ]),
  );
}

function valueText(value: number | null, year: number | null, unit: string): string {
  if (value === null) return EMPTY;
  return evaluationReportTexts.valueWithYear(withUnit(value, unit), year === null ? '' : String(year));
}

function actualText(value: IndicatorValue | null, unit: string): string {
  if (!value) return EMPTY;
  return evaluationReportTexts.valueWithYear(withUnit(value.value, unit), value.period.trim() || String(value.year));
}

function indicatorTable(entries: readonly IndicatorEntry[]): Table {
  const c = evaluationReportTexts.indicatorColumns;
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
        { text: `\n${evaluationTexts.indicatorTypes[ind.type]}, ${evaluationTexts.directions[ind.direction]}`, italic: true },
        ...(ind.dataSource.trim() ? [{ text: `\n${evaluationReportTexts.indicatorSource(ind.dataSource)}`, italic: true }] : []),
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
  if (a)
    out.push(
      labelLine(
        evaluationReportTexts.assessment,
        evaluationReportTexts.assessmentLine(
          evaluationTexts.ratings[a.rating],
          evaluationTexts.ratingLights[a.rating],
          a.recommendation ? evaluationTexts.recommendations[a.recommendation] : '',
        ),
      ),
    );
  // One line sits beside its label; a longer reasoning follows the label as paragraphs and lists.
  const lines = reasoning.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 1) out.push(labelLine(evaluationReportTexts.reasoning, lines[0]!));
  else if (lines.length > 1) out.push(labelLine(evaluationReportTexts.reasoning, ''), ...plainTextContent(reasoning, lists));
  if (entries.length > 0) out.push(indicatorTable(entries));
  return out;
}

function fieldSections(data: EvaluationData, numbers: SectionNumbers, lists: Lists): Block[] {
  const out: Block[] = [];
  for (const field of data.actionFields) {
    const rows = data.rows.filter((row) => row.actionFieldId === field.id);
    out.push(heading(1, data.fieldLabel(field.id), numbers.next(1)));
    if (field.guidingGoal.trim() !== '') out.push(para(evaluationReportTexts.guidingGoal(field.guidingGoal)));
    if (rows.length === 0) {
      out.push(para(evaluationReportTexts.noMeasures));
      continue;
    }
    const implementation = average(rows.map((row) => row.implementation.percent / 100)) ?? 0;
    out.push(para(evaluationReportTexts.fieldSummary(evaluationReportTexts.measureCount(rows.length), percent(implementation))));
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
  const out: Block[] = [
    heading(1, evaluationReportTexts.sections.summary, numbers.next(1)),
    para(evaluationReportTexts.summaryIntro(evaluationReportTexts.measureCount(total))),
  ];

  const fc = evaluationReportTexts.fieldColumns;
  const degreeOf = (list: readonly EvaluationRow[]) => average(list.flatMap((row) => (row.goal.degree === null ? [] : [row.goal.degree])));
  const fieldRow = (label: string, list: readonly EvaluationRow[]): CellValue[] => {
    const goal = degreeOf(list);
    const implementation = average(list.map((row) => row.implementation.percent / 100));
    return [
      label,
      String(list.length),
      implementation === null ? EMPTY : verbatim(percent(implementation)),
      goal === null ? EMPTY : verbatim(percent(goal)),
    ];
  };
  const totalRow = fieldRow(evaluationReportTexts.total, rows);
  out.push(
    heading(2, evaluationReportTexts.summaryFields, numbers.next(2)),
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

  if (!data.round) return [...out, para(evaluationReportTexts.introNoRound)];

  const rc = evaluationReportTexts.ratingColumns;
  const notAssessed = rows.filter((row) => row.assessment === null).length;
  out.push(
    heading(2, evaluationReportTexts.summaryRatings, numbers.next(2)),
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
          return [evaluationTexts.ratings[rating], evaluationTexts.ratingLights[rating], String(count), share(count, total)];
        }),
        [evaluationTexts.notAssessed, EMPTY, String(notAssessed), share(notAssessed, total)],
      ],
      { totalRows: [{ label: evaluationReportTexts.total, values: [String(total), share(total, total)] }] },
    ),
  );

  const ec = evaluationReportTexts.recommendationColumns;
  const without = rows.filter((row) => !row.assessment?.recommendation).length;
  out.push(
    heading(2, evaluationReportTexts.summaryRecommendations, numbers.next(2)),
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
          return [evaluationTexts.recommendations[rec], evaluationTexts.recommendationMeanings[rec], String(count), share(count, total)];
        }),
        [evaluationTexts.noRecommendation, EMPTY, String(without), share(without, total)],
      ],
      { totalRows: [{ label: evaluationReportTexts.total, values: [String(total), share(total, total)] }] },
    ),
  );
  return out;
}

function legend(data: EvaluationData, input: EvaluationExportInput, numbers: SectionNumbers, lists: Lists): Block[] {
  const d = evaluationTexts.definitions;
  const out: Block[] = [heading(1, evaluationReportTexts.sections.legend, numbers.next(1))];

  out.push(heading(2, evaluationReportTexts.legendFigures, numbers.next(2)));
  out.push(
    labelLine(evaluationTexts.umsetzungsgrad, ''),
    para(d.implementation),
    para(d.statusDefaults(statusDefaultsText(input.doc))),
    labelLine(evaluationTexts.zielerreichungsgrad, ''),
    para(d.goalIndicator(MAX_DEGREE_TEXT)),
    para(d.goalMeasure),
    para(d.notAssessable),
    para(d.separate),
  );

  const sc = evaluationReportTexts.scaleColumns;
  out.push(
    heading(2, evaluationReportTexts.legendScale, numbers.next(2)),
    dataTable(
      [
        { header: sc.level, weight: 40 },
        { header: sc.range, weight: 60 },
      ],
      goalScaleRows(),
    ),
  );

  const rc = evaluationReportTexts.ratingColumns;
  out.push(
    heading(2, evaluationReportTexts.legendRatings, numbers.next(2)),
    dataTable(
      [
        { header: rc.rating, weight: 50 },
        { header: rc.light, weight: 50 },
      ],
      RATINGS.map((rating) => [evaluationTexts.ratings[rating], evaluationTexts.ratingLights[rating]]),
    ),
  );

  const ec = evaluationReportTexts.recommendationColumns;
  out.push(
    heading(2, evaluationReportTexts.legendRecommendations, numbers.next(2)),
    dataTable(
      [
        { header: ec.recommendation, weight: 30 },
        { header: ec.meaning, weight: 70 },
      ],
      RECOMMENDATIONS.map((rec) => [evaluationTexts.recommendations[rec], evaluationTexts.recommendationMeanings[rec]]),
    ),
  );

  out.push(heading(2, evaluationReportTexts.legendSources, numbers.next(2)));
  if (data.dataSources.length === 0) out.push(para(de.evaluation.export.legend.noDataSources));
  else
    out.push(
      ...lists.list(
        'bullet',
        data.dataSources.map((s) => [{ text: s }]),
      ),
    );

  out.push(heading(2, evaluationReportTexts.legendFile, numbers.next(2)));
  out.push(para(evaluationReportTexts.sourceLine(input.doc.name, formatDate(localIsoDate(input.generatedAt)), input.appVersion)));
  out.push(para(evaluationReportTexts.registerFile(registerFileLabel(input.registerPath, false))));
  if (input.doc.isSample) out.push(para(evaluationReportTexts.sampleNote));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------------

function properties(reportTitle: string, generatedAt: Date): DocumentProperties {
  return {
    title: reportTitle,
    subject: evaluationReportTexts.subject,
    creator: de.appName,
    keywords: evaluationReportTexts.keywords,
    description: evaluationReportTexts.description(formatDate(localIsoDate(generatedAt))),
    lastModifiedBy: de.appName,
    created: generatedAt,
    modified: generatedAt,
  };
}

/** The docx Document and its properties, not yet packed. Throws UnknownRoundError. */
export function prepareEvaluationReport(input: EvaluationExportInput): { document: Document; properties: DocumentProperties } {
  const data = prepareEvaluation(input);
  const reportTitle = evaluationReportTexts.title(data.round?.name ?? null);
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
      header: { left: `${reportTitle} · ${evaluationReportTexts.runningHeader}` },
      footerLeft: evaluationReportTexts.generatedOn(formatDate(localIsoDate(input.generatedAt))),
      children,
    },
    { page: evaluationReportTexts.page, of: evaluationReportTexts.pageOf },
  );
  return { document, properties: props };
}

/** The evaluation report as .docx bytes. Throws UnknownRoundError. */
export async function buildEvaluationReportDocx(input: EvaluationExportInput): Promise<Buffer> {
  const { document, properties: props } = prepareEvaluationReport(input);
  return packDocument(document, props);
}
