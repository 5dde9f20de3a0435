// A stand-in for the parts of the `electron` module our glue touches. The Electron binary cannot
// run on our build machines, so the glue is tested against this and kept thin.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  /** The top frame as Electron describes it; null once it is gone. */
  mainFrame: { url: string; parent: unknown } | null = { url: 'app://mitlesen/index.html', parent: null };
  destroyed = false;
  isDestroyed = vi.fn(() => this.destroyed);
  send = vi.fn();
}

export const constructedWindows: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[] = [];

export class BrowserWindow extends EventEmitter {
  static getAllWindows = vi.fn(() => constructedWindows);
  webContents = new FakeWebContents();
  loadURL = vi.fn(async () => undefined);
  show = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    constructedWindows.push({ options, loadURL: this.loadURL });
  }
}

/** One utility process as the glue sees it: messages both ways, an exit, a kill. */
export class FakeUtilityProcess extends EventEmitter {
  posted: unknown[] = [];
  postMessage = vi.fn((message: unknown) => void this.posted.push(message));
  kill = vi.fn(() => true);
}

export const forkedUtilities: { modulePath: string; args: string[]; options: Record<string, unknown>; child: FakeUtilityProcess }[] = [];

export const utilityProcess = {
  fork: vi.fn((modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => {
    const child = new FakeUtilityProcess();
    forkedUtilities.push({ modulePath, args, options, child });
    return child;
  }),
};

export const shell = { openExternal: vi.fn(async () => undefined) };

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };

export const ipcMain = { handle: vi.fn() };

export const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn() };

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const app = {
  enableSandbox: vi.fn(),
  on: vi.fn(),
  whenReady: vi.fn(() => new Promise(() => undefined)),
  getAppPath: vi.fn(() => '/nonexistent'),
  getPath: vi.fn(() => '/nonexistent-user-data'),
  quit: vi.fn(),
  exit: vi.fn(),
};

export function fakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    protocol: { handle: vi.fn() },
  };
}

export const session = { defaultSession: fakeSession() };

export default { BrowserWindow, shell, protocol, ipcMain, ipcRenderer, contextBridge, app, session };
