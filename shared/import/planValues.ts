import { type Indicator, type IndicatorValue, indicatorValueSchema } from '@shared/evaluation/evaluation';
import type { Measure } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { cellText, normalizeHeader } from './headerRecognition';
import type { ColumnMapping } from './importFields';
import type { ImportPlan, ImportTable, PreviewRow } from './importPreview';
import { importTexts } from './importTexts';
import { DASHES, parseGermanNumber, parsePercent, PERCENT_UNITS, readYear, rowReader, valueText } from './valueReaders';
import { skipRow } from './skippedRows';

/** The planner of a Kennzahl values import: each row adds or replaces one value of a Kennzahl of a measure. */

function sortValues(values: IndicatorValue[]): IndicatorValue[] {
  return values.sort((a, b) => a.year - b.year || a.period.localeCompare(b.period, 'de'));
}

export function planValues(
  table: ImportTable,
  headerIndex: number,
  headers: readonly string[],
  mapping: ColumnMapping,
  doc: RegisterDocument,
  plan: ImportPlan,
): void {
  const editionOf = new Map(doc.actionFields.map((f) => [f.id, f.editionId]));
  const measuresByNumber = new Map<string, Measure[]>();
  for (const m of doc.measures) {
    const key = m.number.toLowerCase();
    const list = measuresByNumber.get(key);
    if (list) list.push(m);
    else measuresByNumber.set(key, [m]);
  }
  const indicatorsByMeasure = new Map<string, Indicator[]>();
  for (const i of doc.indicators) {
    if (i.deletedAt) continue;
    const list = indicatorsByMeasure.get(i.measureId);
    if (list) list.push(i);
    else indicatorsByMeasure.set(i.measureId, [i]);
  }
  /** Working copy of the values per Kennzahl, as the import leaves them. */
  const working = new Map<string, { indicator: Indicator; values: Map<string, IndicatorValue>; rows: PreviewRow[]; added: number }>();
  const seen = new Map<string, number>();

  for (let index = headerIndex + 1; index < table.rows.length; index++) {
    const row = table.rows[index]!;
    if (skipRow(row, index, mapping, 'values', plan)) continue;
    const r = rowReader(row, index + 1, mapping, headers);
    const numberText = r.text('measureNumber');
    const name = r.text('indicatorName');
    let indicator: Indicator | null = null;
    let measureNumber = numberText;
    if (numberText === '') r.fail('measureNumber', importTexts.row.number);
    else {
      const candidates = measuresByNumber.get(numberText.toLowerCase()) ?? [];
      // The same number may exist in several Fassungen: the current one counts.
      const active = candidates.filter((m) => !m.deletedAt);
      const measure = active.find((m) => editionOf.get(m.actionFieldId) === doc.currentEditionId) ?? active[0] ?? null;
      if (!measure)
        r.fail(
          'measureNumber',
          candidates.length > 0 ? importTexts.row.measureDeleted(numberText) : importTexts.row.measureNotFound(numberText),
        );
      else {
        measureNumber = measure.number;
        const own = indicatorsByMeasure.get(measure.id) ?? [];
        if (name === '') r.fail('indicatorName', importTexts.row.required(importTexts.fields.indicatorName));
        else {
          const wanted = name.toLowerCase().replace(/\s+/g, ' ');
          indicator =
            own.find((i) => i.name.toLowerCase().replace(/\s+/g, ' ') === wanted) ??
            own.find((i) => normalizeHeader(i.name) === normalizeHeader(name)) ??
            null;
          if (!indicator)
            r.fail(
              'indicatorName',
              importTexts.row.indicatorNotFound(
                name,
                measure.number,
                own.map((i) => i.name),
              ),
            );
        }
      }
    }
    if (name === '' && numberText === '') r.fail('indicatorName', importTexts.row.required(importTexts.fields.indicatorName));

    if (r.text('year') === '') r.fail('year', importTexts.row.year);
    const year = readYear(r, 'year');
    const cell = r.cell('value');
    const text = cellText(cell);
    let value: number | null = null;
    if (text === '' || DASHES.has(text)) r.fail('value', importTexts.row.valueRequired);
    else {
      value = typeof cell === 'number' ? cell : parseGermanNumber(text);
      const percent = value === null ? parsePercent(text) : null;
      if (percent !== null) {
        // "74 %" is read only where the Kennzahl counts in percent; elsewhere it is a mistake worth a message.
        if (indicator && PERCENT_UNITS.has(indicator.unit.trim().toLowerCase())) value = percent;
        else r.fail('value', importTexts.row.percentNotUnit(text, indicator?.unit ?? ''));
      } else if (value === null) r.fail('value', importTexts.row.numberValue);
    }
    const period = r.text('period');
    const noteMapped = r.mapped('note');
    const note = r.text('note');

    let summary = `${numberText}${name ? ` · ${name}` : ''}`;
    if (indicator && year !== null && value !== null) {
      const entry = working.get(indicator.id) ?? {
        indicator,
        values: new Map(indicator.values.map((v) => [`${v.year}|${v.period.trim()}`, v])),
        rows: [],
        added: 0,
      };
      working.set(indicator.id, entry);
      const key = `${year}|${period}`;
      const seenKey = `${indicator.id}|${key}`;
      const before = indicator.values.find((v) => v.year === year && v.period.trim() === period);
      const candidate: IndicatorValue = { year, period, value, note: noteMapped ? note : (before?.note ?? '') };
      const checked = indicatorValueSchema.safeParse(candidate);
      if (!checked.success)
        for (const issue of checked.error.issues) {
          const field =
            ({ year: 'year', period: 'period', value: 'value', note: 'note' } as const)[String(issue.path[0]) as 'year'] ?? null;
          r.fail(field, issue.message);
        }
      const firstRow = seen.get(seenKey);
      if (firstRow !== undefined) r.fail('year', importTexts.row.valueTwice(firstRow));
      else seen.set(seenKey, r.rowNumber);
      const what = importTexts.summary.valueTarget(measureNumber, indicator.name, year, period);
      if (!before) summary = importTexts.summary.valueNew(what, valueText(value));
      else if (before.value === value && before.note === candidate.note)
        summary = importTexts.summary.valueUnchanged(what, valueText(value));
      else summary = importTexts.summary.valueReplaced(what, valueText(before.value), valueText(value));
      if (r.errors.length === 0) {
        if (!entry.values.has(key)) entry.added++;
        entry.values.set(key, candidate);
        if (!before) plan.preview.counts.newValues++;
        else if (before.value === value && before.note === candidate.note) plan.preview.counts.unchangedValues++;
        else plan.preview.counts.replacedValues++;
      }
    }
    const previewRow: PreviewRow = { rowNumber: r.rowNumber, ok: r.errors.length === 0, summary, errors: r.sortedErrors() };
    if (indicator) working.get(indicator.id)?.rows.push(previewRow);
    plan.preview.rows.push(previewRow);
  }

  for (const { indicator, values, rows } of working.values()) {
    const after = sortValues([...values.values()]);
    if (after.length > 200) {
      for (const row of rows)
        if (row.ok) {
          row.ok = false;
          row.errors.push({ column: null, message: importTexts.row.tooManyValues });
        }
      continue;
    }
    if (JSON.stringify(after) !== JSON.stringify(sortValues([...indicator.values])))
      plan.valueChanges.push({ indicatorId: indicator.id, before: indicator.values, after });
  }
}
