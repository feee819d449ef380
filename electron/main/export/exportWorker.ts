/**
 * Worker thread that writes export workbooks, so a large export (300,000 rows take seconds) never blocks
 * the main process: windows stay responsive, progress arrives, "Abbrechen" is heard. Main keeps one worker
 * warm (exportWorkerClient.ts). The worker only computes bytes; main writes the file afterwards, so a
 * cancelled or failed export leaves no file behind.
 *
 * A separate entry of the main build (electron.vite.config.ts); under tsx it is loaded as TypeScript.
 */
import { parentPort } from 'node:worker_threads';
import { runExportJob, type FromWorker, type ToWorker } from '@main/export/exportJobs';

const port = parentPort;
const cancelled = new Set<number>();
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port?.postMessage(message, transfer);

port?.on('message', (message: ToWorker) => {
  if (message.type === 'ping') return post({ type: 'ready' });
  if (message.type === 'cancel') {
    cancelled.add(message.id);
    return;
  }
  const { id, job } = message;
  let lastProgress = -1;
  runExportJob(job, {
    cancelled: () => cancelled.has(id),
    onProgress: (done) => {
      // At most every percent: the messages cost main a little each.
      if (Math.floor(done * 100) === lastProgress) return;
      lastProgress = Math.floor(done * 100);
      post({ type: 'progress', id, done });
    },
  }).then(
    (bytes) => {
      cancelled.delete(id);
      // A copy with its own buffer: a small Buffer may sit in Node's shared pool, which must not be transferred.
      const own = new Uint8Array(bytes);
      post({ type: 'done', id, bytes: own }, [own.buffer]);
    },
    (error: unknown) => {
      cancelled.delete(id);
      const e = error instanceof Error ? error : new Error(String(error));
      post({ type: 'failed', id, name: e.name, message: e.message });
    },
  );
});
post({ type: 'ready' });
