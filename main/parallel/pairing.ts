// pairInWorker: the sentence pairing (common/parallel/align.ts) run in a worker thread
// (./pair-worker.ts), as a promise with progress; an abort ends the thread at once. From source
// (tests, browser mode) the worker is the TypeScript file, loaded through tsx; the desktop app passes
// its built one (out/main/pairing-worker.js, an entry of electron.vite.config.ts).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AlignProgress, Alignment, AlignUnit } from '../../common/parallel/align';
import type { FromPairing, PairingInput } from './pair-worker';

export interface PairingOptions {
  onProgress?: (progress: AlignProgress) => void;
  signal?: AbortSignal;
  /** The worker's file (default: ./pair-worker.ts beside this one). */
  workerPath?: string;
}

export function pairInWorker(a: AlignUnit[], b: AlignUnit[], options: PairingOptions = {}): Promise<Alignment> {
  const path = options.workerPath ?? join(fileURLToPath(import.meta.url), '..', 'pair-worker.ts');
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) return reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const worker = new Worker(path, { workerData: { a, b } satisfies PairingInput, execArgv: path.endsWith('.ts') ? ['--import', 'tsx'] : [] });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError')));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: FromPairing) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'result') finish(() => resolve(message.alignment));
      else finish(() => reject(new Error(`pairing failed: ${message.message}`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the pairing stopped unexpectedly (exit code ${code})`))));
  });
}
