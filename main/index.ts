// Electron entry: wiring only. Every piece is built elsewhere and passed in here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { forwardEvents, registerBridge } from './ipc';
import { pathsFromRoot } from './paths';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createServices, type Services } from './services';
import { utilityWorkerLauncher } from './utility-worker';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

registerAppScheme();
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

let services: Services | null = null;

async function start(): Promise<void> {
  const root = app.getAppPath();
  const paths = pathsFromRoot(root, app.getPath('userData'));
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  // Long work runs off this thread, from the built workers beside this file: the aligner in a
  // utility process, the sentence pairing in a worker thread.
  const aligner = { launch: utilityWorkerLauncher(join(import.meta.dirname, 'alignment-worker.js')), engineHome: join(app.getPath('userData'), 'aligner') };
  const pairingWorker = join(import.meta.dirname, 'pairing-worker.js');
  services = await createServices({ paths, host: 'electron', version, aligner, pairingWorker });
  registerBridge(ipcMain, services.handlers);
  forwardEvents(services.events, () => BrowserWindow.getAllWindows().map((window) => window.webContents));
  hardenSession(session.defaultSession);
  handleAppProtocol(session.defaultSession, paths.rendererDir, services.media);
  createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
}

app.whenReady().then(start, (error: unknown) => {
  console.error('Mitlesen could not start', error);
  app.exit(1);
});

app.on('activate', () => {
  if (services && BrowserWindow.getAllWindows().length === 0) createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void services?.close();
});
