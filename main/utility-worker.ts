// The desktop app's way to start the aligning process: an Electron utility process running the
// built worker (out/main/alignment-worker.js, an entry of electron.vite.config.ts). Electron's
// child_process.fork would start the app itself again, as its runAsNode fuse is off.
import { utilityProcess } from 'electron';
import type { LaunchWorker } from './alignment/index';

export function utilityWorkerLauncher(modulePath: string): LaunchWorker {
  return () => {
    const child = utilityProcess.fork(modulePath, [], { serviceName: 'Mitlesen aligner', stdio: 'inherit' });
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(`exit code ${code}`)),
      kill: () => void child.kill(),
    };
  };
}
