// Electron host of the bridge: one ipcMain.handle per contract method, each call checked to come
// from the app's own top-level frame before it is dispatched.
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { BRIDGE_METHODS, bridgeChannel, type BridgeEnvelope } from '../common/bridge/contract';
import { dispatch, type BridgeHandlers } from './bridge/dispatch';
import { isAppUrl } from './window';

export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  if (!frame) return false;
  // Only the top frame of our own page: an embedded frame never gets the bridge.
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerBridge(ipcMain: IpcMain, handlers: BridgeHandlers): void {
  for (const method of BRIDGE_METHODS) {
    ipcMain.handle(bridgeChannel(method), async (event: IpcMainInvokeEvent, arg: unknown): Promise<BridgeEnvelope<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', message: 'This caller may not use the Mitlesen bridge.' } };
      }
      return dispatch(handlers, method, arg);
    });
  }
}
