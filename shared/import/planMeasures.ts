import { de } from '@shared/i18n/de';
import { DISTRICTS, type DistrictCode } from '@shared/register/districts';
import { type BudgetLine, MEASURE_TYPES, type MeasureFields, emptyMeasureFields, measureFieldsSchema } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { checkMeasureRules } from '@shared/register/rules';
import { normalizeHeader } from './headerRecognition';
import type { ColumnMapping, ImportField } from './importFields';
import type { ImportPlan, ImportTable } from './importPreview';
import { importTexts } from './importTexts';
import { ALL_DISTRICTS, type Lookups, findActionField, findOrgUnits, lookups } from './registerLookups';
import { DASHES, type RowReader, readCents, readDate, readYear, rowReader, splitList } from './valueReaders';
import { skipRow } from './skippedRows';

/** The planner of a measures import: each row read as the fields of a new measure and checked by the register's rules. */

const MEASURE_FIELD_OF: Record<string, ImportField> = {
  number: 'number',
  title: 'title',
  shortText: 'shortText',
  description: 'description',
  preventionGoal: 'preventionGoal',
  projectGoal: 'projectGoal',
  actionFieldId: 'actionField',
  type: 'type',
  status: 'status',
  statusReason: 'statusReason',
  leadOrgUnitId: 'leadOrgUnit',
  involvedOrgUnitIds: 'involvedOrgUnits',
  districts: 'districts',
  quarter: 'quarter',
  plannedStart: 'plannedStart',
  plannedEnd: 'plannedEnd',
  budget: 'budget',
  tags: 'tags',
  linkedMeasureId: 'status',
};

/** The row as measure fields; only usable when the row has no errors (failed fields keep their defaults). */
function readMeasure(r: RowReader, l: Lookups): MeasureFields {
  const number = r.text('number');
  const title = r.text('title');
  if (number === '') r.fail('number', importTexts.row.number);
  if (title === '') r.fail('title', de.validation.titleRequired);

  const actionFieldText = r.text('actionField');
  let actionFieldId = '';
  if (actionFieldText === '') r.fail('actionField', de.validation.unknownActionField);
  else {
    actionFieldId = findActionField(actionFieldText, l) ?? '';
    if (!actionFieldId)
      r.fail(
        'actionField',
        importTexts.row.unknownActionField(
          actionFieldText,
          l.actionFields.map((f) => f.code),
        ),
      );
  }

  const fields: MeasureFields = emptyMeasureFields(actionFieldId, number);
  fields.title = title;

  const typeText = normalizeHeader(r.text('type'));
  if (typeText !== '') {
    const type = MEASURE_TYPES.find((m) => normalizeHeader(m) === typeText);
    if (type) fields.type = type;
    else r.fail('type', importTexts.row.unknownType(r.text('type')));
  }

  const statusText = r.text('status');
  if (statusText !== '') {
    const key = normalizeHeader(statusText);
    const status = l.statuses.find((s) => s.keys.includes(key));
    if (status) fields.status = status.key;
    else
      r.fail(
        'status',
        importTexts.row.unknownStatus(
          statusText,
          l.statuses.map((s) => s.label),
        ),
      );
  }
  fields.statusReason = r.text('statusReason');

  const lead = r.text('leadOrgUnit');
  if (lead !== '') {
    const unit = l.orgUnits.get(normalizeHeader(lead));
    if (unit) fields.leadOrgUnitId = unit.id;
    else r.fail('leadOrgUnit', importTexts.row.unknownOrgUnit(lead));
  }
  const involved = r.text('involvedOrgUnits');
  if (involved !== '') fields.involvedOrgUnitIds = findOrgUnits(involved, l, r, 'involvedOrgUnits');

  const districtsText = r.text('districts');
  if (districtsText !== '' && !DASHES.has(districtsText)) {
    if (ALL_DISTRICTS.has(normalizeHeader(districtsText))) fields.districts = DISTRICTS.map((d) => d.code);
    else {
      const codes: DistrictCode[] = [];
      for (const part of splitList(districtsText, /[,;/\n\r]+/)) {
        const code = l.districts.get(normalizeHeader(part));
        if (code) codes.push(code);
        else r.fail('districts', importTexts.row.unknownDistrict(part));
      }
      fields.districts = [...new Set(codes)];
    }
  }

  fields.quarter = r.text('quarter');
  fields.plannedStart = readDate(r, 'plannedStart');
  fields.plannedEnd = readDate(r, 'plannedEnd');
  fields.shortText = r.text('shortText');
  fields.description = r.text('description');
  fields.preventionGoal = r.text('preventionGoal');
  fields.projectGoal = r.text('projectGoal');
  const tags = r.text('tags');
  if (tags !== '') fields.tags = [...new Set(splitList(tags, /[,;\n\r]+/))];

  const plannedCents = readCents(r, 'budget');
  if (plannedCents !== null) {
    const year =
      r.mapped('budgetYear') && r.text('budgetYear') !== ''
        ? readYear(r, 'budgetYear')
        : fields.plannedStart
          ? Number(fields.plannedStart.slice(0, 4))
          : null;
    if (year === null) {
      if (!r.failed('budgetYear')) r.fail('budget', importTexts.row.budgetYearMissing);
    } else {
      const line: BudgetLine = { year, plannedCents, approvedCents: null, spentCents: null, fundingSource: 'haushalt', budgetPosition: '' };
      fields.budget = [line];
    }
  }

  const parsed = measureFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = MEASURE_FIELD_OF[String(issue.path[0])] ?? null;
      if (field && r.failed(field)) continue;
      r.fail(field, issue.message);
    }
  }
  return fields;
}

export function planMeasures(
  table: ImportTable,
  headerIndex: number,
  headers: readonly string[],
  mapping: ColumnMapping,
  doc: RegisterDocument,
  plan: ImportPlan,
): void {
  const l = lookups(doc);
  const others = doc.measures.filter((m) => !m.deletedAt);
  const ctx = { measureId: null, actionFields: doc.actionFields, orgUnits: doc.orgUnits, statuses: doc.statuses, others };
  const seen = new Map<string, number>();
  for (let index = headerIndex + 1; index < table.rows.length; index++) {
    const row = table.rows[index]!;
    if (skipRow(row, index, mapping, 'measures', plan)) continue;
    const r = rowReader(row, index + 1, mapping, headers);
    const fields = readMeasure(r, l);
    const key = r.text('number').toLowerCase();
    const firstRow = key === '' ? undefined : seen.get(key);
    if (firstRow !== undefined) r.fail('number', importTexts.row.numberTwice(r.text('number'), firstRow));
    else if (key !== '') seen.set(key, r.rowNumber);
    // The rules also run for a row with errors (failed fields are not reported twice), so one look shows all.
    for (const problem of checkMeasureRules(fields, ctx)) {
      const field = MEASURE_FIELD_OF[problem.field] ?? null;
      if (field && r.failed(field)) continue;
      if (problem.field === 'number') r.fail('number', importTexts.row.numberExists(fields.number));
      else r.fail(field, problem.message);
    }
    const ok = r.errors.length === 0;
    if (ok) {
      plan.measures.push(fields);
      plan.preview.counts.newMeasures++;
    }
    plan.preview.rows.push({
      rowNumber: r.rowNumber,
      ok,
      summary: importTexts.summary.measure(r.text('number'), r.text('title')),
      errors: r.sortedErrors(),
    });
  }
}
