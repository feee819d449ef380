/**
 * Benchmark module (not a test) for the comparison of two Fassungen (issue 6: two Fassungen of 10,000
 * measures each compared in ≤ 1 s); tests/bench/run.ts puts the result into its table. Prints nothing.
 *
 * Set-up: generateRegister(10,000) is the old Fassung; a real Fortschreibung (applyFortschreibung) makes
 * the new one – most measures carried over, about 2 % merged, 1 % superseded (half by new measures), 1 %
 * ended, one Handlungsfeld renamed – and then every tenth new measure is edited, so "changed" has work.
 *
 * Measured: compareEditions (median of RUNS after WARM_UP). Floor: the unavoidable part of the same job
 * done plainly – a Map of all measures and, for each link of the Fortschreibung, JSON.stringify of both
 * measures compared – i.e. one lookup and one full serialisation per pair, nothing categorised or sorted.
 */
import { compareEditions } from '@shared/editions/editionCompare';
import { applyFortschreibung, createFortschreibungDraft } from '@shared/editions/fortschreibung';
import type { RegisterDocument } from '@shared/register/register';
import { generateRegister } from './generate';

const SIZE = 10_000;
const RUNS = 7;
const WARM_UP = 2;
export const EDITION_COMPARE_TARGET_MS = 1000;

export interface EditionsBenchResult {
  label: string;
  /** Measures per Fassung. */
  size: number;
  /** Median of compareEditions, in ms. */
  ms: number;
  /** Median of the floor (Map + JSON.stringify comparison of the same pairs), in ms. */
  floorMs: number;
  ratio: number;
  /** Target in ms. */
  target: number;
  met: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(job: () => unknown): number {
  const start = performance.now();
  job();
  return performance.now() - start;
}

/** Two Fassungen of SIZE measures each, the second made from the first by a Fortschreibung. */
export function benchEditions(size = SIZE): { doc: RegisterDocument; fromId: string; toId: string } {
  const base = generateRegister(size);
  const fromId = base.currentEditionId;
  const draft = createFortschreibungDraft(base, fromId, { id: 'bench-draft', now: '2026-01-01T00:00:00.000Z', user: 'bench' })!;
  draft.edition.name = 'Fortschreibung (Benchmark)';
  draft.fields[0] = { ...draft.fields[0]!, name: `${draft.fields[0]!.name} (neu)` };
  // Measures other decisions lead to (the generator's "zusammengeführt mit" links) are never ended here.
  const targets = new Set(draft.decisions.map((d) => d.targetMeasureId).filter((id) => id !== null));
  const carried = draft.decisions.filter((d) => d.action === 'carry');
  carried.forEach((d, i) => {
    if (targets.has(d.measureId)) return;
    if (i % 50 === 1) Object.assign(d, { action: 'merge', targetMeasureId: carried[i - 1]!.measureId, targetFieldKey: null });
    else if (i % 100 === 3) Object.assign(d, { action: 'supersede', targetMeasureId: null, newMeasureTitle: `Neue Maßnahme ${i}` });
    else if (i % 200 === 5) Object.assign(d, { action: 'supersede', targetMeasureId: carried[i - 2]!.measureId, targetFieldKey: null });
    else if (i % 100 === 7) Object.assign(d, { action: 'end', reason: 'Ziel erreicht', targetFieldKey: null });
  });
  let n = 0;
  const outcome = applyFortschreibung(base, draft, { newId: (kind) => `${kind[0]}-${++n}` }, '2026-01-01T00:00:00.000Z', 'bench');
  if ('problems' in outcome) throw new Error(`Fortschreibung failed: ${outcome.problems[0]?.message}`);
  const toId = outcome.applied.editionId;
  const created = new Set(outcome.applied.measures.map((m) => m.id));
  let k = 0;
  const measures = outcome.doc.measures.map((m) =>
    created.has(m.id) && k++ % 10 === 0 ? { ...m, title: `${m.title} (fortgeschrieben)`, status: 'in_umsetzung', version: 2 } : m,
  );
  return { doc: { ...outcome.doc, measures }, fromId, toId };
}

export function benchEditionCompare(): EditionsBenchResult {
  const { doc, fromId, toId } = benchEditions(SIZE);
  const record = doc.fortschreibungen.find((r) => r.toEditionId === toId)!;
  const floor = () => {
    const byId = new Map(doc.measures.map((m) => [m.id, m]));
    let same = 0;
    for (const link of record.links)
      if (JSON.stringify(byId.get(link.fromMeasureId)) === JSON.stringify(byId.get(link.toMeasureId))) same++;
    return same;
  };
  const measured: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const ms = time(() => compareEditions(doc, fromId, toId));
    const floorMs = time(floor);
    if (i >= WARM_UP) {
      measured.push(ms);
      floors.push(floorMs);
    }
  }
  const ms = median(measured);
  const floorMs = median(floors);
  return {
    label: 'Vergleich zweier Fassungen (compareEditions)',
    size: SIZE,
    ms,
    floorMs,
    ratio: ms / floorMs,
    target: EDITION_COMPARE_TARGET_MS,
    met: ms <= EDITION_COMPARE_TARGET_MS,
  };
}
