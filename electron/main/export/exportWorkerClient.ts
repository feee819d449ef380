/**
 * Main's side of the export worker (exportWorker.ts): one worker thread, started on first use (or by
 * `warm()`) and kept for the next export, so an export does not pay for loading exceljs and the builders.
 * `run` sends a job and resolves with the bytes; progress comes through `onProgress`; an AbortSignal
 * cancels (the worker stops at its next slice, `run` rejects with ExportCancelledError). If the worker
 * dies, its jobs fail with the reason and the next job starts a fresh one.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UnknownRoundError } from '@main/evaluation/evaluationData';
import type { ExportJob, FromWorker, RegisterSource, ToWorker } from '@main/export/exportJobs';
import type { RegisterDocument } from '@shared/register/register';
import { ExportCancelledError } from '@main/export/houseWorkbook';

export interface RunOptions {
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
  /**
   * The document the job's `{ path, revision }` stands for: handed over only if the worker finds the
   * files moved past that revision (another instance compacted meanwhile), so the export still shows
   * exactly the state the user saw.
   */
  fallback?: RegisterDocument;
}

/** An open register as the export worker should read it: its path and the revision this instance shows. */
export function committedState(store: { path: string; revision: number; doc: RegisterDocument }): {
  register: RegisterSource;
  fallback: RegisterDocument;
} {
  // Read together, synchronously: doc and revision change together when this instance commits.
  return { register: { path: store.path, revision: store.revision }, fallback: store.doc };
}

interface Pending {
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number) => void;
  roundId: string | null;
}

/** The built .js beside the main bundle, else the TypeScript source (tsx: tests, CLI, bench). */
function workerEntry(): { kind: 'js' | 'ts'; url: URL } {
  for (const candidate of ['./exportWorker.js', '../exportWorker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return { kind: 'js', url };
  }
  return { kind: 'ts', url: new URL('./exportWorker.ts', import.meta.url) };
}

function startWorker(): Worker {
  const entry = workerEntry();
  if (entry.kind === 'js') return new Worker(entry.url);
  // Under tsx the worker has no TypeScript loader of its own: load the entry through tsx's API.
  const tsxCjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  const tsx = pathToFileURL(tsxCjs.replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry.url.href)}, ${JSON.stringify(entry.url.href)})).catch(() => process.exit(70));`;
  return new Worker(bootstrap, { eval: true });
}

export class ExportWorkerClient {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** Starts the worker (if it is not running) and waits until it has loaded. */
  warm(): Promise<void> {
    if (this.worker && this.ready) return this.ready;
    const worker = startWorker();
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      const onReady = (message: FromWorker) => {
        if (message.type !== 'ready') return;
        worker.off('message', onReady);
        // A warm, idle worker must not keep a CLI process alive.
        if (this.pending.size === 0) worker.unref();
        resolve();
      };
      worker.on('message', onReady);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`export worker exited with ${code}`)));
    });
    worker.on('message', (message: FromWorker) => this.answer(message));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = null;
        this.ready = null;
      }
      this.failAll(new Error(`export worker exited with ${code}`));
    });
    return this.ready;
  }

  /** Writes the workbook of `job` in the worker. Rejects with ExportCancelledError when `signal` aborts. */
  async run(job: ExportJob, options: RunOptions = {}): Promise<Buffer> {
    try {
      return await this.runOnce(job, options);
    } catch (error) {
      const unreadable = error instanceof Error && (error.name === 'RevisionGoneError' || error.name === 'RegisterUnreadableError');
      if (!unreadable || !options.fallback) throw error;
      return this.runOnce({ ...job, register: { doc: options.fallback } }, options);
    }
  }

  private async runOnce(job: ExportJob, options: RunOptions): Promise<Buffer> {
    if (options.signal?.aborted) throw new ExportCancelledError();
    await this.warm();
    const worker = this.worker!;
    const id = this.nextId++;
    const roundId = job.kind === 'evaluation' ? job.input.roundId : null;
    return new Promise<Buffer>((resolve, reject) => {
      const onAbort = () => worker.postMessage({ type: 'cancel', id } satisfies ToWorker);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => options.signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (bytes) => (done(), resolve(bytes)),
        reject: (error) => (done(), reject(error)),
        onProgress: options.onProgress,
        roundId,
      });
      worker.ref();
      worker.postMessage({ type: 'run', id, job } satisfies ToWorker);
    });
  }

  /** Stops the worker; pending jobs fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker) await worker.terminate();
  }

  private answer(message: FromWorker): void {
    if (message.type === 'ready') return;
    const job = this.pending.get(message.id);
    if (!job) return;
    if (message.type === 'progress') {
      job.onProgress?.(message.done);
      return;
    }
    this.pending.delete(message.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (message.type === 'done') return job.resolve(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
    if (message.name === 'ExportCancelledError') return job.reject(new ExportCancelledError());
    if (message.name === 'UnknownRoundError' && job.roundId !== null) return job.reject(new UnknownRoundError(job.roundId));
    const error = new Error(message.message);
    error.name = message.name;
    job.reject(error);
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}

let shared: ExportWorkerClient | null = null;

/** The app's and the CLI's export worker (one per process). */
export function exportWorker(): ExportWorkerClient {
  shared ??= new ExportWorkerClient();
  return shared;
}
