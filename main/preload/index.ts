// Exposes exactly the contract's methods to the page, one invoke each, and one way to hear the
// contract's events; no generic send/invoke/on and no Electron objects cross into the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_METHODS, bridgeChannel } from '../../common/bridge/contract';
import { BRIDGE_EVENTS, EVENT_CHANNEL, isBridgeEventName, type BridgeEventName } from '../../common/bridge/events';

const api: Record<string, unknown> = {};
for (const method of BRIDGE_METHODS) {
  api[method] = (arg?: unknown) => ipcRenderer.invoke(bridgeChannel(method), arg);
}

// One IPC listener for the page's lifetime, fanned out here, so the page never holds (or leaks)
// IPC listeners of its own. The payload is handed on as it came; the renderer validates it
// (renderer/bridge/backend.ts), since the zod schemas live there and not in this small bundle.
const listeners = new Map<BridgeEventName, Set<(payload: unknown) => void>>(BRIDGE_EVENTS.map((name) => [name, new Set()]));
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, message: unknown) => {
  // The IpcRendererEvent stays here: its `sender` is ipcRenderer itself.
  if (typeof message !== 'object' || message === null) return;
  const { name, payload } = message as { name?: unknown; payload?: unknown };
  if (!isBridgeEventName(name)) return;
  for (const listener of [...listeners.get(name)!]) listener(payload);
});

api.on = (name: unknown, listener: unknown): (() => void) => {
  if (!isBridgeEventName(name)) throw new Error(`There is no bridge event "${String(name).slice(0, 80)}".`);
  if (typeof listener !== 'function') throw new Error('A listener must be a function.');
  const set = listeners.get(name)!;
  const own = (payload: unknown) => (listener as (payload: unknown) => void)(payload);
  set.add(own);
  return () => void set.delete(own);
};

contextBridge.exposeInMainWorld('mitlesen', Object.freeze(api));
