// Exposes exactly the contract's methods to the page, one invoke each; no generic send/invoke and
// no Electron objects cross into the page.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_METHODS, bridgeChannel } from '../../common/bridge/contract';

const api: Record<string, (arg?: unknown) => Promise<unknown>> = {};
for (const method of BRIDGE_METHODS) {
  api[method] = (arg?: unknown) => ipcRenderer.invoke(bridgeChannel(method), arg);
}

contextBridge.exposeInMainWorld('mitlesen', Object.freeze(api));
