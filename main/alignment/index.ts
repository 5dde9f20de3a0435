// alignRecording: the aligner's one entry point for the main process and the command. It runs the
// job in a child process (worker.ts) and turns its messages back into a promise with progress.
// Aborting kills the child; whatever windows it finished stay in the work folder, and the next call
// with the same inputs and work folder goes on from there.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchNodeWorker, type LaunchWorker } from './launch';
import { AlignInputError, type AlignmentResult, type AlignOptions } from './types';
import type { FromWorker, ToWorker } from './worker';

export { nodeWorkerLauncher, type LaunchWorker, type WorkerProcess } from './launch';
export type { AlignedSentence, AlignedWord, AlignmentIssue, AlignmentResult, AlignOptions, AlignProgress, SentenceInput } from './types';
export { AlignInputError } from './types';

export interface AlignRunOptions extends AlignOptions {
  /** Folder standing in for the aligner's home, where echogarden keeps its eSpeak package. */
  engineHome?: string;
  textName?: string;
  windowSeconds?: number;
  /** Called once at the end with the aligning process's peak resident memory. */
  onPeakMemory?: (bytes: number) => void;
  /** Starts the aligning process (default: a Node child; the desktop app passes a utility process). */
  launch?: LaunchWorker;
}

export function alignRecording(options: AlignRunOptions): Promise<AlignmentResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(options.signal.reason ?? new DOMException('Aborted', 'AbortError'));
      return;
    }
    const child = (options.launch ?? launchNodeWorker)();
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      child.kill();
      finish(() => reject(options.signal?.reason ?? new DOMException('Aborted', 'AbortError')));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.onMessage((message: FromWorker) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'result') {
        options.onPeakMemory?.(message.peakRssBytes);
        finish(() => resolve(message.result));
      } else {
        const error = message.name === 'AlignInputError' ? new AlignInputError(message.message, message.file) : new Error(message.message);
        finish(() => reject(error));
      }
      // A utility process does not end by itself (its port keeps it alive); its work is done.
      if (message.type !== 'progress') child.kill();
    });
    child.onExit((detail) => finish(() => reject(new Error(`the aligning process stopped unexpectedly (${detail})`))));
    const start: ToWorker = {
      type: 'start',
      engineHome: options.engineHome ?? join(tmpdir(), 'mitlesen-aligner'),
      input: { audioFiles: options.audioFiles, sentences: options.sentences, language: options.language, workDir: options.workDir, textName: options.textName, windowSeconds: options.windowSeconds },
    };
    child.send(start);
  });
}
