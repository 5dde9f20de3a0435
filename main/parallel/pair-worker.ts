// The pairing of a document with its translation, in a worker thread: for a book it is seconds of
// computing (two sweeps over a band of millions of cells), which on the main process's thread would
// hold up every other request, the job's progress and its Cancel. Input in workerData; posts
// `progress` messages, then one `result` (or `error`).
import { parentPort, workerData } from 'node:worker_threads';
import { alignSentences, type AlignProgress, type Alignment, type AlignUnit } from '../../common/parallel/align';

export interface PairingInput {
  a: AlignUnit[];
  b: AlignUnit[];
}

export type FromPairing = { type: 'progress'; progress: AlignProgress } | { type: 'result'; alignment: Alignment } | { type: 'error'; message: string };

const port = parentPort!;
const { a, b } = workerData as PairingInput;
let last = 0;
try {
  const alignment = alignSentences(a, b, {
    onProgress: (progress) => {
      // A few updates a second are plenty for a progress bar; the ends always go.
      const now = performance.now();
      if (now - last < 100 && progress.fraction > 0 && progress.fraction < 1) return;
      last = now;
      port.postMessage({ type: 'progress', progress } satisfies FromPairing);
    },
  });
  port.postMessage({ type: 'result', alignment } satisfies FromPairing);
} catch (error) {
  port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FromPairing);
}
