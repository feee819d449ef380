/**
 * Benchmark module (not a test) for the Word export of a council submission; tests/bench/run.ts puts its
 * result into the table. Prints nothing.
 *
 * The document: about 20 pages (LibreOffice: Sachverhalt of 5 chapters with sub-chapters, paragraphs of
 * real measure descriptions, bullet and numbered lists and a table, plus the table of 200 linked measures
 * from generateRegister(200)). It times buildSubmissionDocx (building the docx object tree from the
 * register data, then packing) next to the floor: Packer.toBuffer of the same, already constructed
 * Document, i.e. the docx library's serialising and zipping alone.
 */
import { Packer } from 'docx';
import { buildSubmissionDocx, createSubmissionDocument, type SubmissionDocxInput } from '@main/submissions/submissionDocx';
import type { Block } from '@shared/core/richText';
import type { Submission } from '@shared/submissions/submission';
import { emptySubmissionFields } from '@shared/submissions/submissionTemplates';
import { generateRegister } from './generate';

const RUNS = 7;
const WARM_UP = 2;
export const DOCX_TARGET_MS = 1000;

export interface DocxBenchResult {
  /** What was measured, for the table. */
  label: string;
  measures: number;
  statementBlocks: number;
  bytes: number;
  /** Median of RUNS calls of buildSubmissionDocx, in ms. */
  exportMs: number;
  /** Median of RUNS calls of Packer.toBuffer on the prebuilt Document, in ms. */
  floorMs: number;
  ratio: number;
  targetMs: number;
  met: boolean;
  runs: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

const run = (text: string, bold = false, italic = false) => ({ text, bold, italic });

/** Sachverhalt of about five pages, written from the generated measures' own texts. */
function statement(descriptions: readonly string[], titles: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let d = 0;
  const nextText = () => descriptions[d++ % descriptions.length]!;
  for (let chapter = 1; chapter <= 5; chapter++) {
    blocks.push({ type: 'heading', level: 1, text: `Handlungsfeld ${chapter}: Stand und Bewertung` });
    blocks.push({ type: 'paragraph', runs: [run('Ausgangslage: ', true), run(nextText()), run(' (Quelle: Fachbereiche)', false, true)] });
    for (let section = 1; section <= 2; section++) {
      blocks.push({ type: 'heading', level: 2, text: `Maßnahmenbündel ${chapter}.${section}` });
      blocks.push({ type: 'paragraph', runs: [run(nextText())] });
      blocks.push({ type: 'bulletList', items: titles.slice(chapter * 4 + section, chapter * 4 + section + 4).map((t) => [run(t)]) });
    }
    blocks.push({ type: 'heading', level: 3, text: 'Nächste Schritte' });
    blocks.push({
      type: 'numberedList',
      items: [[run('Abstimmung im Lenkungskreis')], [run('Beteiligung der Bezirksvertretung')], [run('Bericht an den Ausschuss', true)]],
    });
    if (chapter === 3)
      blocks.push({
        type: 'table',
        rows: [
          ['Jahr', 'Maßnahmen', 'umgesetzt', 'in Umsetzung'],
          ...Array.from({ length: 12 }, (_, k) => [String(2019 + k), String(20 + k), String(5 + k), String(10 - (k % 5))]),
        ],
      });
  }
  return blocks;
}

/** The benchmark's submission input: ~20 pages, all 200 measures of generateRegister(200) linked. */
export function benchSubmissionInput(): SubmissionDocxInput {
  const register = generateRegister(200);
  // All 200 linked and shown: the few the generator puts into the Papierkorb are taken out again.
  const active = register.measures.map((m) => ({ ...m, deletedAt: null }));
  const submission: Submission = {
    ...emptySubmissionFields(),
    printNumberBase: '26093-22',
    printNumberSuffix: 'E1',
    date: '2025-03-04',
    kind: 'bericht',
    isPublic: false,
    subject: 'Masterplan Kommunale Sicherheit – Evaluationsbericht über die Projekte und Maßnahmen',
    departmentOrgUnitId: register.orgUnits[0]!.id,
    leadOrgUnitId: register.orgUnits[1]!.id,
    involvedOrgUnitIds: register.orgUnits.slice(2, 8).map((u) => u.id),
    author: 'Sicherheitskoordination',
    fileReference: '32/SK-2025-001',
    consultations: register.bodies.slice(0, 5).map((b, i) => ({
      id: `c${i}`,
      bodyId: b.id,
      sessionDate: `2025-0${4 + i}-1${i}`,
      role: i === 4 ? 'beschluss' : 'empfehlung',
      result: 'offen',
      resultNote: '',
    })),
    resolutions: [
      {
        bodyId: null,
        text: 'Der Rat der Stadt nimmt den Evaluationsbericht zur Kenntnis und beauftragt die Verwaltung:\n1. die Maßnahmen fortzuführen,\n2. im Herbst 2026 erneut zu berichten.',
      },
    ],
    statement: statement(
      active.map((m) => m.description).filter((t) => t.length > 200),
      active.map((m) => m.title),
    ),
    finances: {
      hasImpact: true,
      rows: [2025, 2026, 2027].map((year) => ({ year, investiveCents: 25_000_000, consumptiveCents: 4_000_000 })),
      coverage: 'Deckung ist gegeben.',
    },
    personnel: 'Keine zusätzlichen Stellen.',
    climateImpact: 'keine',
    climateReason: 'Der Bericht dient der Information.',
    cosignatures: register.orgUnits
      .slice(2, 6)
      .map((u, i) => ({ id: `k${i}`, orgUnitId: u.id, person: `Person ${i + 1}`, date: '2025-02-20', vote: 'einverstanden', note: '' })),
    linkedMeasureIds: active.map((m) => m.id),
    status: 'freigegeben',
    id: 'bench-vorlage',
    baseSubmissionId: null,
    version: 1,
    createdAt: '2025-01-15T09:30:00.000Z',
    updatedAt: '2025-03-04T09:30:00.000Z',
    deletedAt: null,
  };
  return {
    submission,
    bodies: register.bodies,
    orgUnits: register.orgUnits,
    statuses: register.statuses,
    actionFields: register.actionFields,
    measures: active,
    logo: null,
    generatedAt: new Date('2025-03-04T10:00:00.000Z'),
  };
}

/** Times the export of the ~20-page submission with 200 measures against the docx packing floor. */
export async function benchSubmissionExport(): Promise<DocxBenchResult> {
  const input = benchSubmissionInput();
  let bytes = 0;
  for (let i = 0; i < WARM_UP; i++) bytes = (await buildSubmissionDocx(input)).length;
  const exportTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) exportTimes.push(await time(() => buildSubmissionDocx(input)));

  const document = createSubmissionDocument(input);
  for (let i = 0; i < WARM_UP; i++) await Packer.toBuffer(document);
  const floorTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) floorTimes.push(await time(() => Packer.toBuffer(document)));

  const exportMs = median(exportTimes);
  const floorMs = median(floorTimes);
  return {
    label: 'Word-Export Ratsvorlage (~20 Seiten, 200 Maßnahmen)',
    measures: input.submission.linkedMeasureIds.length,
    statementBlocks: input.submission.statement.length,
    bytes,
    exportMs,
    floorMs,
    ratio: exportMs / floorMs,
    targetMs: DOCX_TARGET_MS,
    met: exportMs <= DOCX_TARGET_MS,
    runs: RUNS,
  };
}
