import { de } from '@shared/i18n/de';
import {
  type Lab,
  PROPOSAL_STATES,
  type ProposalFields,
  type ProposalSource,
  type ProposalState,
  proposalFieldsSchema,
} from '@shared/participation/labs';
import { checkProposal, suggestProposalNumber } from '@shared/participation/participationRules';
import type { DistrictCode } from '@shared/register/districts';
import type { RegisterDocument } from '@shared/register/register';
import { normalizeHeader } from './headerRecognition';
import type { ColumnMapping, ImportField } from './importFields';
import type { ImportPlan, ImportTable } from './importPreview';
import { importTexts } from './importTexts';
import { ALL_DISTRICTS, type Lookups, lookups } from './registerLookups';
import { DASHES, type RowReader, readDate, rowReader } from './valueReaders';
import { skipRow } from './skippedRows';

/** The planner of an Anregungen import: each row read as a new Anregung, numbered per year of receipt. */

const PROPOSAL_FIELD_OF: Record<string, ImportField> = {
  number: 'number',
  source: 'source',
  labId: 'lab',
  receivedOn: 'receivedOn',
  text: 'text',
  category: 'category',
  district: 'district',
  area: 'area',
  assignedOrgUnitId: 'assignedOrgUnit',
  state: 'state',
  stateReason: 'stateReason',
  measureId: 'measure',
  feedbackText: 'feedbackText',
  feedbackOn: 'feedbackOn',
};

/** Status words of a list → state: the labels ("in Prüfung", "übernommen in Maßnahme") and the short forms. */
const PROPOSAL_STATE_WORDS: Record<string, ProposalState> = Object.fromEntries(
  PROPOSAL_STATES.flatMap((state) => [
    [normalizeHeader(state), state],
    [normalizeHeader(de.participation.proposalStates[state]), state],
  ]).concat([
    ['uebernommen', 'uebernommen'],
    ['pruefung', 'in_pruefung'],
    ['inbearbeitung', 'in_pruefung'],
    ['neu', 'eingegangen'],
  ]),
) as Record<string, ProposalState>;

function readProposalSource(text: string, hasLab: boolean): ProposalSource {
  const key = normalizeHeader(text);
  if (key === '') return hasLab ? 'quartierslabor' : 'sonstige';
  if (key.startsWith('quartierslabor') || key.startsWith('labor')) return 'quartierslabor';
  if (key.startsWith('vollversammlung')) return 'vollversammlung';
  if (key.startsWith('eingabe') || /^24(gonrw|go)?$/.test(key) || key.includes('24gonrw') || /§\s*24\b/.test(text)) return 'eingabe';
  return 'sonstige';
}

/** Keys a Quartierslabor is found by: its name, also without the word "Quartierslabor" in front. */
function labKeys(name: string): string[] {
  const key = normalizeHeader(name);
  const short = key.replace(/^quartierslabor/, '');
  return short && short !== key ? [key, short] : [key];
}

interface ProposalLookups {
  labs: Map<string, Lab>;
  labNames: string[];
  /** Live measures of the current Fassung by lower-case number. */
  measures: Map<string, string>;
  /** Numbers of measures in the Papierkorb or only in older Fassungen. */
  otherMeasures: Set<string>;
}

function proposalLookups(doc: RegisterDocument): ProposalLookups {
  const labs = new Map<string, Lab>();
  const live = doc.labs.filter((lab) => lab.deletedAt === null);
  for (const lab of live) for (const key of labKeys(lab.name)) if (key !== '' && !labs.has(key)) labs.set(key, lab);
  const editionOf = new Map(doc.actionFields.map((f) => [f.id, f.editionId]));
  const measures = new Map<string, string>();
  const otherMeasures = new Set<string>();
  for (const m of doc.measures) {
    const key = m.number.trim().toLowerCase();
    if (m.deletedAt === null && editionOf.get(m.actionFieldId) === doc.currentEditionId) measures.set(key, m.id);
    else otherMeasures.add(key);
  }
  return { labs, labNames: live.map((lab) => lab.name).sort((a, b) => a.localeCompare(b, 'de')), measures, otherMeasures };
}

/** The row as the fields of an Anregung; the number may still be empty (numbered after all rows are read). */
function readProposal(r: RowReader, l: Lookups, pl: ProposalLookups): ProposalFields {
  const text = r.text('text');
  if (text === '') r.fail('text', de.participation.validation.textRequired);
  let receivedOn = '';
  if (r.text('receivedOn') === '' || DASHES.has(r.text('receivedOn'))) r.fail('receivedOn', importTexts.row.receivedOnRequired);
  else receivedOn = readDate(r, 'receivedOn') ?? '';

  let labId: string | null = null;
  const labText = r.text('lab');
  if (labText !== '' && !DASHES.has(labText)) {
    const lab = labKeys(labText)
      .map((key) => pl.labs.get(key))
      .find((x) => x !== undefined);
    if (lab) labId = lab.id;
    else r.fail('lab', importTexts.row.unknownLab(labText, pl.labNames));
  }

  let district: DistrictCode | null = null;
  const districtText = r.text('district');
  if (districtText !== '' && !DASHES.has(districtText) && !ALL_DISTRICTS.has(normalizeHeader(districtText))) {
    const code = l.districts.get(normalizeHeader(districtText));
    if (code) district = code;
    else r.fail('district', importTexts.row.unknownDistrict(districtText));
  }

  let assignedOrgUnitId: string | null = null;
  const unitText = r.text('assignedOrgUnit');
  if (unitText !== '' && !DASHES.has(unitText)) {
    const unit = l.orgUnits.get(normalizeHeader(unitText));
    if (unit) assignedOrgUnitId = unit.id;
    else r.fail('assignedOrgUnit', importTexts.row.unknownOrgUnit(unitText));
  }

  let state: ProposalState = 'eingegangen';
  const stateText = r.text('state');
  if (stateText !== '') {
    const found = PROPOSAL_STATE_WORDS[normalizeHeader(stateText)];
    if (found) state = found;
    else r.fail('state', importTexts.row.unknownProposalState(stateText));
  }

  let measureId: string | null = null;
  const measureText = r.text('measure');
  if (measureText !== '' && !DASHES.has(measureText)) {
    const key = measureText.toLowerCase();
    measureId = pl.measures.get(key) ?? null;
    if (!measureId)
      r.fail(
        'measure',
        pl.otherMeasures.has(key)
          ? importTexts.row.proposalMeasureElsewhere(measureText)
          : importTexts.row.proposalMeasureNotFound(measureText),
      );
  }

  return {
    number: r.text('number'),
    source: readProposalSource(r.text('source'), labId !== null || r.failed('lab')),
    labId,
    meetingId: null,
    receivedOn,
    text,
    category: r.text('category'),
    district,
    area: r.text('area'),
    assignedOrgUnitId,
    state,
    stateReason: r.text('stateReason'),
    measureId,
    feedbackText: r.text('feedbackText'),
    feedbackOn: readDate(r, 'feedbackOn'),
  };
}

function excerptOf(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

export function planProposals(
  table: ImportTable,
  headerIndex: number,
  headers: readonly string[],
  mapping: ColumnMapping,
  doc: RegisterDocument,
  plan: ImportPlan,
): void {
  const l = lookups(doc);
  const pl = proposalLookups(doc);
  const read: { r: RowReader; fields: ProposalFields }[] = [];
  for (let index = headerIndex + 1; index < table.rows.length; index++) {
    const row = table.rows[index]!;
    if (skipRow(row, index, mapping, 'proposals', plan)) continue;
    const r = rowReader(row, index + 1, mapping, headers);
    read.push({ r, fields: readProposal(r, l, pl) });
  }

  // Empty numbers continue after the highest of the register and of the file, per year of receipt.
  const taken = [...doc.proposals.map((p) => p.number), ...read.map((x) => x.fields.number).filter((n) => n !== '')];
  const lastOfYear = new Map<number, string>();
  const nextNumber = (year: number) => {
    const last = lastOfYear.get(year);
    const next = suggestProposalNumber(year, last ? [last] : taken);
    lastOfYear.set(year, next);
    return next;
  };

  const seen = new Map<string, number>();
  for (const { r, fields } of read) {
    const generated = fields.number === '';
    if (generated && fields.receivedOn !== '') fields.number = nextNumber(Number(fields.receivedOn.slice(0, 4)));
    const key = fields.number.trim().toLowerCase();
    const firstRow = key === '' ? undefined : seen.get(key);
    if (firstRow !== undefined) r.fail('number', importTexts.row.numberTwice(fields.number, firstRow));
    else if (key !== '') seen.set(key, r.rowNumber);

    const parsed = proposalFieldsSchema.safeParse(fields);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = PROPOSAL_FIELD_OF[String(issue.path[0])] ?? null;
        // Without a date of receipt no number can be given; that row already says why.
        if (field === 'number' && fields.number === '') continue;
        if (field && r.failed(field)) continue;
        r.fail(field, issue.message);
      }
    // The rules also run for a row with errors (failed fields are not reported twice), so one look shows all.
    for (const problem of checkProposal(fields, null, doc)) {
      const field = PROPOSAL_FIELD_OF[problem.field] ?? null;
      if (field && r.failed(field)) continue;
      if (problem.field === 'number') r.fail('number', importTexts.row.numberExists(fields.number));
      else r.fail(field, problem.message);
    }

    const ok = r.errors.length === 0;
    if (ok) {
      plan.proposals.push(fields);
      plan.preview.counts.newProposals++;
    }
    plan.preview.rows.push({
      rowNumber: r.rowNumber,
      ok,
      summary: importTexts.summary.proposal(fields.number, excerptOf(fields.text), generated && fields.number !== ''),
      errors: r.sortedErrors(),
    });
  }
}
