// The aligning process: a child of the main process (or of the command), so decoding and DTW never
// block the UI thread, its memory is its own and is returned when it exits, and cancelling is a kill.
// Protocol over the IPC channel (a Node child's, or a utility process's port; see ./launch.ts):
// parent sends one `start`; child sends `progress`, then `result` or `error`, and is done.
import { provideEspeakPackage, useEngineHome } from './espeak-package';
import type { JobInput } from './job';
import type { AlignmentResult, AlignProgress } from './types';

export type ToWorker = { type: 'start'; input: JobInput; engineHome: string };
export type FromWorker =
  | { type: 'progress'; progress: AlignProgress }
  | { type: 'result'; result: AlignmentResult; peakRssBytes: number }
  | { type: 'error'; name: string; message: string; file?: string };

/** The port of an Electron utility process (the desktop app); absent in a Node child (tests, browser mode). */
interface ParentPort {
  once(event: 'message', listener: (event: { data: ToWorker }) => void): void;
  postMessage(message: FromWorker): void;
}
const parentPort = (process as { parentPort?: ParentPort }).parentPort;

function send(message: FromWorker): Promise<void> {
  if (parentPort) {
    parentPort.postMessage(message);
    return Promise.resolve();
  }
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

async function run(message: ToWorker): Promise<void> {
  try {
    // Before echogarden is first imported: it reads the home folder to find its packages.
    useEngineHome(message.engineHome);
    await provideEspeakPackage();
    const { runJob } = await import('./job');
    let last = 0;
    const result = await runJob(message.input, (progress) => {
      // Decoding reports every 256 KB; a few updates a second are plenty for a progress bar.
      const now = performance.now();
      if (progress.phase === 'decode' && now - last < 200) return;
      last = now;
      void send({ type: 'progress', progress });
    });
    await send({ type: 'result', result, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    await send({ type: 'error', name: e.name, message: e.message, file: (e as { file?: string }).file });
  }
  // A Node child ends when its channel closes; a utility process is ended by its parent.
  if (!parentPort) process.disconnect();
}

if (parentPort) parentPort.once('message', (event) => void run(event.data));
else process.once('message', (message: ToWorker) => void run(message));
