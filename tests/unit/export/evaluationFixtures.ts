/**
 * Inputs for the evaluation exports: the sample register with its round "Evaluationsbericht 2024", and a
 * hostile variant whose texts try formula injection (`=`, `+`, `-`, `@`, tab, CR at the start) and break
 * COUNTIFS criteria (quotes, wildcards, a label starting with "="). Every builder returns fresh objects.
 */
import type { EvaluationExportInput } from '@main/evaluation/evaluationData';
import type { RegisterDocument } from '@shared/register/register';
import { GENERATED_AT, sampleRegister } from './submissionFixtures';

export { GENERATED_AT, sampleRegister };

export const REGISTER_PATH = '/home/petra.schulte/Dokumente/Masterplan/register.json';

/** The sample's only round. */
export function sampleRoundId(doc: RegisterDocument): string {
  return doc.evaluationRounds[0]!.id;
}

export function exportInput(doc: RegisterDocument, extra: Partial<EvaluationExportInput> = {}): EvaluationExportInput {
  return {
    doc,
    roundId: doc.evaluationRounds[0]?.id ?? null,
    filters: {},
    registerPath: REGISTER_PATH,
    appVersion: '0.1.0-test',
    generatedAt: GENERATED_AT,
    ...extra,
  };
}

/** Texts a spreadsheet program could take for a formula, by measure number. */
export const INJECTED_TITLES: Record<string, string> = {
  'HF1-01': '=HYPERLINK("http://x","y")',
  'HF1-02': '+1+1',
  'HF1-03': '-2',
  'HF1-04': '@SUM(A1)',
  'HF1-05': '\t=1+2',
  'HF1-06': '\r=3+4',
};
export const INJECTED_REASONING = '=HYPERLINK("http://x","Begründung")';
export const INJECTED_ASSESSOR = '@Erika Mustermann';
export const HOSTILE_FIELD_NAME = 'Sichere "Räume" *?~ <>';
export const HOSTILE_STATUS_LABEL = '=in Umsetzung*';

/** The sample register with hostile texts in titles, reasoning, assessor, a Handlungsfeld name and a status label. */
export function hostileRegister(): RegisterDocument {
  const doc = sampleRegister();
  for (const m of doc.measures) if (INJECTED_TITLES[m.number] !== undefined) m.title = INJECTED_TITLES[m.number]!;
  const hf2 = doc.measures.find((m) => m.number === 'HF2-01')!;
  for (const a of doc.assessments) {
    a.assessor = INJECTED_ASSESSOR;
    if (a.measureId === hf2.id) a.reasoning = INJECTED_REASONING;
  }
  currentFields(doc).find((f) => f.code === 'HF2')!.name = HOSTILE_FIELD_NAME;
  doc.statuses.find((s) => s.key === 'in_umsetzung')!.label = HOSTILE_STATUS_LABEL;
  return doc;
}

/** Handlungsfelder of the current edition (an export covers these; older editions' stay out). */
export function currentFields(doc: RegisterDocument) {
  return doc.actionFields.filter((f) => f.editionId === doc.currentEditionId);
}

/** Active measures of the current edition, the independent basis of expected counts. */
export function activeMeasures(doc: RegisterDocument) {
  const current = new Set(currentFields(doc).map((f) => f.id));
  return doc.measures.filter((m) => !m.deletedAt && current.has(m.actionFieldId));
}
