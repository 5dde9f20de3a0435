// The renderer's one door to the main process. Which transport carries the calls (Electron IPC
// through the preload, or HTTP in browser mode) is decided once at start; nothing else in the
// renderer knows or cares.
import { BRIDGE_METHODS, unwrapEnvelope, type Bridge, type BridgeEnvelope, type BridgeMethod } from '../../common/bridge/contract';
import { EVENT_STREAM_PATH } from '../../common/bridge/events';
import { preloadEvents, streamEvents, type BridgeEventsClient, type PreloadOn } from './events';

export type { BridgeEventsClient } from './events';

export interface Backend {
  api: Bridge;
  /** Push events from the main process (job progress, library changes), validated. */
  events: BridgeEventsClient;
  /** A URL the page can load the media with this id from (an <audio> src, a fetch). */
  mediaUrl(mediaId: string): string;
  host: 'electron' | 'web';
}

type RawInvoke = (method: string, arg: unknown) => Promise<BridgeEnvelope<unknown>>;

function buildApi(invoke: RawInvoke): Bridge {
  const api: Record<string, (arg?: unknown) => Promise<unknown>> = {};
  for (const method of BRIDGE_METHODS) {
    api[method] = async (arg?: unknown) => unwrapEnvelope(await invoke(method, arg));
  }
  return api as unknown as Bridge;
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    mitlesen?: { [M in BridgeMethod]: (arg?: unknown) => Promise<BridgeEnvelope<unknown>> } & { on: PreloadOn };
  }
}

const TOKEN_KEY = 'mitlesen.token';

/** Browser mode: the secret arrives in the URL fragment once; keep it for this tab, then hide it. */
export function takeWebToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    storage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1]!;
  }
  return storage.getItem(TOKEN_KEY);
}

export function createBackend(): Backend {
  const preload = window.mitlesen;
  if (preload) {
    return {
      host: 'electron',
      api: buildApi((method, arg) => preload[method as BridgeMethod](arg)),
      events: preloadEvents(preload.on),
      mediaUrl: (mediaId) => `app://mitlesen/media/${mediaId}`,
    };
  }
  const token = takeWebToken(window.location, window.sessionStorage, window.history) ?? '';
  return {
    host: 'web',
    api: buildApi(async (method, arg) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Mitlesen-Token': token },
        body: JSON.stringify({ arg }),
      });
      return (await response.json()) as BridgeEnvelope<unknown>;
    }),
    // The secret goes in a header, never the URL; see main/web/server.ts (handleEvents) for why.
    events: streamEvents({
      open: (signal) => fetch(EVENT_STREAM_PATH, { method: 'POST', headers: { 'X-Mitlesen-Token': token }, signal, cache: 'no-store' }),
    }),
    mediaUrl: (mediaId) => `/media/${mediaId}?t=${encodeURIComponent(token)}`,
  };
}
