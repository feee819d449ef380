/**
 * Benchmark module (not a test): can the register hold a 10-year audit trail of a busy office without
 * slowing saves (issue 18, point 4)? Assumption of a busy office: 5 clerks × 20 recorded changes per
 * working day × 220 working days = 22,000 audit entries a year, 220,000 in ten years (1–3 field changes
 * each, texts as the generated register has them). The same register of 1,000 measures with and without
 * that trail, each in its own temp folder:
 *
 *  - file size; RegisterStore.open (read, parse, validate);
 *  - one title change through dispatch (median of SAVES, after one warm-up): appended to the journal, so
 *    the trail is not rewritten;
 *  - the housekeeping that does rewrite it: folding the journal into the snapshot (compactNow), which
 *    happens after ~2,000 saves or when the journal passes max(4 MB, half the snapshot);
 *  - the first page of one measure's history (getHistory, 50 entries), which scans the trail.
 * Prints nothing.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditEntry } from '@shared/audit/audit';
import type { RegisterDocument } from '@shared/register/register';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { RegisterStore } from '@main/store/registerStore';
import { createRandom, generateRegister } from './generate';

export const AUDIT_MEASURES = 1_000;
export const AUDIT_YEARS = 10;
export const AUDIT_PER_YEAR = 5 * 20 * 220;
const SAVES = 9;
const MB = 1024 * 1024;

export interface AuditCapacityFigures {
  entries: number;
  bytes: number;
  bytesWithout: number;
  openMs: number;
  openWithoutMs: number;
  saveMs: number;
  saveWithoutMs: number;
  compactMs: number;
  compactWithoutMs: number;
  historyMs: number;
  historyWithoutMs: number;
  /** Heap held by the open register (after gc), MB; null when gc is not exposed (`node --expose-gc`). */
  heapMb: number | null;
  heapWithoutMb: number | null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time(job: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await job();
  return performance.now() - start;
}

const FIELDS = ['title', 'status', 'description', 'plannedEnd', 'leadOrgUnitId', 'budget'] as const;

/** Ten years of a busy office's trail on the measures of `doc`, oldest first. */
function tenYearTrail(doc: RegisterDocument): AuditEntry[] {
  const r = createRandom(2026);
  const users = ['Petra Schulte', 'Mehmet Yilmaz', 'Anja Kowalski', 'Thomas Brinkmann', 'Sabine Nowak'];
  const measures = doc.measures;
  const start = Date.parse('2016-01-04T08:00:00.000Z');
  const span = AUDIT_YEARS * 365 * 24 * 3600 * 1000;
  const total = AUDIT_YEARS * AUDIT_PER_YEAR;
  const entries: AuditEntry[] = [];
  for (let i = 0; i < total; i++) {
    const m = r.pick(measures);
    const changes = r.sample(FIELDS, r.int(1, 3)).map((field) => ({
      field,
      old: field === 'description' ? `${m.description.slice(0, 120)} (Stand ${r.int(2016, 2025)})` : `${field}-alt-${r.int(1, 999)}`,
      new: field === 'description' ? `${m.description.slice(0, 120)} (ergänzt ${r.int(2016, 2025)})` : `${field}-neu-${r.int(1, 999)}`,
    }));
    entries.push({
      id: r.uuid(),
      at: new Date(start + Math.floor((i / total) * span)).toISOString(),
      user: r.pick(users),
      entityType: 'measure',
      entityId: m.id,
      entityLabel: `${m.number} ${m.title}`.slice(0, 300),
      action: 'update',
      changes,
    });
  }
  return entries;
}

async function measure(dir: string, doc: RegisterDocument) {
  const file = path.join(dir, 'register.json');
  const text = JSON.stringify(doc);
  await fs.writeFile(file, text);
  const gc = (globalThis as { gc?: () => void }).gc;
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) opens.push(await time(() => RegisterStore.open(file)));
  const settings = await SettingsFile.load(path.join(dir, 'einstellungen.json'));
  const session = new RegisterSession({ settings, samplePath: '' });
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const described = await session.open(file, 'none');
  if (described.state !== 'open' || described.readOnly) throw new Error(`Register nicht beschreibbar: ${JSON.stringify(described)}`);
  gc?.();
  // Without gc the difference is mostly garbage of the reads before (or negative): not reported then.
  const heap = gc ? (process.memoryUsage().heapUsed - heapBefore) / MB : null;
  try {
    const api = createApi(session, NO_DESKTOP);
    const saves: number[] = [];
    const ids = doc.measures.filter((m) => !m.deletedAt).map((m) => m.id);
    for (let k = 0; k <= SAVES; k++) {
      const id = ids[(k * 97) % ids.length]!;
      const current = session.requireOpen().store.doc.measures.find((m) => m.id === id)!;
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { id: _id, version, createdAt, updatedAt, deletedAt, ...fields } = current;
      const ms = await time(async () => {
        const result = await dispatch(api, 'updateMeasure', {
          id,
          version,
          fields: { ...fields, title: `Geändert ${k}: ${fields.title}`.slice(0, 200) },
        });
        if (!result.ok) throw new Error(result.error.message);
      });
      if (k > 0) saves.push(ms);
    }
    const compactMs = await time(() => session.requireOpen().store.compactNow());
    const busiest = ids[0]!;
    const history: number[] = [];
    for (let i = 0; i < 5; i++) history.push(await time(async () => api.getHistory({ entityId: busiest, limit: 50 })));
    return {
      bytes: Buffer.byteLength(text),
      openMs: median(opens),
      saveMs: median(saves),
      compactMs,
      historyMs: median(history),
      heapMb: heap,
    };
  } finally {
    await session.close();
  }
}

export async function benchAuditCapacity(progress: (m: string) => void): Promise<AuditCapacityFigures> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-bench-audit-'));
  try {
    const base = generateRegister(AUDIT_MEASURES);
    const trail = tenYearTrail(base);
    const withTrail: RegisterDocument = { ...base, audit: [...trail, ...base.audit].sort((a, b) => a.at.localeCompare(b.at)) };
    await fs.mkdir(path.join(root, 'ohne'));
    await fs.mkdir(path.join(root, 'mit'));
    progress(`Prüfpfad: ${AUDIT_MEASURES} Maßnahmen ohne langen Prüfpfad`);
    const without = await measure(path.join(root, 'ohne'), base);
    progress(`Prüfpfad: mit ${trail.length.toLocaleString('de-DE')} Einträgen (10 Jahre)`);
    const withIt = await measure(path.join(root, 'mit'), withTrail);
    return {
      entries: withTrail.audit.length,
      bytes: withIt.bytes,
      bytesWithout: without.bytes,
      openMs: withIt.openMs,
      openWithoutMs: without.openMs,
      saveMs: withIt.saveMs,
      saveWithoutMs: without.saveMs,
      compactMs: withIt.compactMs,
      compactWithoutMs: without.compactMs,
      historyMs: withIt.historyMs,
      historyWithoutMs: without.historyMs,
      heapMb: withIt.heapMb,
      heapWithoutMb: without.heapMb,
    };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

// Run alone: `npx tsx --expose-gc tests/bench/auditCapacity.ts` prints the figures as JSON.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(JSON.stringify(await benchAuditCapacity((m) => process.stderr.write(`  … ${m}\n`)), null, 2));
}
