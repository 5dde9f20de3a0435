// How the aligning process is started, so the same aligner runs in both hosts. From source (tests,
// browser mode, `npm run align`): a Node child through child_process.fork, with tsx to load the
// TypeScript. In the desktop app: an Electron utility process (main/utility-worker.ts), because the
// app's Electron cannot be started as plain Node (its runAsNode fuse is off, electron-builder.yml),
// which is what child_process.fork would do there.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromWorker, ToWorker } from './worker';

/** The parent's end of one aligning process. */
export interface WorkerProcess {
  send(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** The process failed to start or stopped; `detail` says how ("exit code 1", "SIGKILL"). */
  onExit(listener: (detail: string) => void): void;
  kill(): void;
}

export type LaunchWorker = () => WorkerProcess;

/** A Node child running `modulePath` (TypeScript through tsx); by default this folder's worker. */
export function nodeWorkerLauncher(modulePath?: string): LaunchWorker {
  return () => {
    const here = fileURLToPath(import.meta.url);
    const path = modulePath ?? join(here, '..', here.endsWith('.ts') ? 'worker.ts' : 'worker.js');
    const child = fork(path, [], { execArgv: path.endsWith('.ts') ? ['--import', 'tsx'] : [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return {
      send: (message) => child.send(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        child.on('error', (error) => listener(error.message));
        child.on('exit', (code, signal) => listener(signal ?? `exit code ${code}`));
      },
      kill: () => child.kill('SIGKILL'),
    };
  };
}

export const launchNodeWorker = nodeWorkerLauncher();
