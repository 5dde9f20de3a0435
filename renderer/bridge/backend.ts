// The renderer's one door to the main process. Which transport carries the calls (Electron IPC
// through the preload, or HTTP in browser mode) is decided once at start; nothing else in the
// renderer knows or cares.
import { UPLOAD_CHUNK_MAX_BYTES } from '../../common/bridge/import-contract';
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
  /**
   * Sends a file the user chose to the main process for an import and returns its upload id.
   * Progress is in bytes; aborting stops the transfer and drops what arrived.
   */
  upload(file: File, options?: { onProgress?(sent: number, total: number): void; signal?: AbortSignal }): Promise<string>;
  host: 'electron' | 'web';
}

type UploadOptions = Parameters<Backend['upload']>[1];

/** Electron: the file in chunks over IPC, each read from disk only when it is sent. */
async function uploadInChunks(api: Bridge, file: File, options: UploadOptions = {}): Promise<string> {
  const { uploadId } = await api.beginUpload({ name: file.name, size: file.size });
  try {
    for (let offset = 0; offset < file.size; ) {
      options.signal?.throwIfAborted();
      const data = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer());
      const state = await api.appendUpload({ uploadId, offset, data });
      offset = state.received;
      options.onProgress?.(offset, file.size);
    }
  } catch (error) {
    await api.discardUpload({ uploadId }).catch(() => undefined);
    throw error;
  }
  return uploadId;
}

/** Browser mode: the File itself as one POST (the browser streams it), with XHR for upload progress. */
async function uploadWhole(api: Bridge, token: string, file: File, options: UploadOptions = {}): Promise<string> {
  const { uploadId } = await api.beginUpload({ name: file.name, size: file.size });
  try {
    const envelope = await new Promise<BridgeEnvelope<unknown>>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/upload/${uploadId}`);
      xhr.setRequestHeader('X-Mitlesen-Token', token);
      xhr.responseType = 'json';
      xhr.upload.onprogress = (event) => options.onProgress?.(event.loaded, file.size);
      xhr.onload = () => resolve(xhr.response as BridgeEnvelope<unknown>);
      xhr.onerror = () => reject(new Error(`${file.name}: the upload to Mitlesen failed.`));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      if (options.signal?.aborted) xhr.abort();
      else xhr.send(file);
    });
    unwrapEnvelope(envelope);
    options.onProgress?.(file.size, file.size);
  } catch (error) {
    await api.discardUpload({ uploadId }).catch(() => undefined);
    throw error;
  }
  return uploadId;
}

const UPLOAD_CHUNK_BYTES = Math.min(UPLOAD_CHUNK_MAX_BYTES, 8 * 1024 * 1024);

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
    const api = buildApi((method, arg) => preload[method as BridgeMethod](arg));
    return {
      host: 'electron',
      api,
      events: preloadEvents(preload.on),
      mediaUrl: (mediaId) => `app://mitlesen/media/${mediaId}`,
      upload: (file, options) => uploadInChunks(api, file, options),
    };
  }
  const token = takeWebToken(window.location, window.sessionStorage, window.history) ?? '';
  const api = buildApi(async (method, arg) => {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Mitlesen-Token': token },
      body: JSON.stringify({ arg }),
    });
    return (await response.json()) as BridgeEnvelope<unknown>;
  });
  return {
    host: 'web',
    api,
    upload: (file, options) => uploadWhole(api, token, file, options),
    // The secret goes in a header, never the URL; see main/web/server.ts (handleEvents) for why.
    events: streamEvents({
      open: (signal) => fetch(EVENT_STREAM_PATH, { method: 'POST', headers: { 'X-Mitlesen-Token': token }, signal, cache: 'no-store' }),
    }),
    mediaUrl: (mediaId) => `/media/${mediaId}?t=${encodeURIComponent(token)}`,
  };
}
