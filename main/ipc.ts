// Electron host of the bridge: one ipcMain.handle per contract method, each call checked to come
// from the app's own top-level frame before it is dispatched; and push events sent back on one
// channel, to that same kind of frame only.
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { BRIDGE_METHODS, bridgeChannel, type BridgeEnvelope } from '../common/bridge/contract';
import { EVENT_CHANNEL } from '../common/bridge/events';
import { dispatch, type BridgeHandlers } from './bridge/dispatch';
import type { BridgeEventFeed } from './bridge/events';
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

/**
 * Sends every event to the given web contents, but only while its top frame is the app's own page:
 * a contents that was navigated elsewhere (navigation is denied, but this does not rely on it)
 * must not hear about the user's jobs. `targets` is asked on every event, so windows opened later
 * are included and closed ones drop out.
 */
export function forwardEvents(feed: BridgeEventFeed, targets: () => readonly WebContents[]): () => void {
  return feed.subscribe((message) => {
    for (const contents of targets()) {
      if (contents.isDestroyed() || !isTrustedSender(contents.mainFrame)) continue;
      contents.send(EVENT_CHANNEL, message);
    }
  });
}
