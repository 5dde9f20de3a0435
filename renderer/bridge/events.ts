// Push events on the renderer side, for both transports. Whatever carries them, every message is
// checked against the contract (common/bridge/event-schemas.ts) before a listener sees it: to the
// page, the main process is outside too (a stale build, a bug), and a listener must be able to
// trust the types it is given.
import { parseEventMessage } from '../../common/bridge/event-schemas';
import type { BridgeEventMessage, BridgeEventName, BridgeEvents } from '../../common/bridge/events';
import { SseDecoder } from '../../common/bridge/sse';

export type BridgeEventListener<N extends BridgeEventName> = (payload: BridgeEvents[N]) => void;

export interface BridgeEventsClient {
  /** Calls the listener with each event of this name, validated; returns the unsubscribe. */
  on<N extends BridgeEventName>(name: N, listener: BridgeEventListener<N>): () => void;
}

export type Log = (message: string, detail?: unknown) => void;
const defaultLog: Log = (message, detail) => console.error(message, detail);

/** What the Electron preload offers (main/preload/index.ts): raw payloads, one event name each. */
export type PreloadOn = (name: BridgeEventName, listener: (payload: unknown) => void) => () => void;

/** Electron: the preload delivers; this validates. */
export function preloadEvents(on: PreloadOn, log: Log = defaultLog): BridgeEventsClient {
  return {
    on(name, listener) {
      return on(name, (payload) => {
        const parsed = parseEventMessage({ name, payload });
        if (!parsed.ok) return log(`bridge: dropped a malformed "${name}" event: ${parsed.problem}`);
        callSafely(listener as (payload: unknown) => void, parsed.message.payload, log);
      });
    },
  };
}

function callSafely(listener: (payload: unknown) => void, payload: unknown, log: Log): void {
  // One failing listener must not keep the event from the others (or kill the stream).
  try {
    listener(payload);
  } catch (error) {
    log('bridge: an event listener failed', error);
  }
}

export interface EventStreamOptions {
  /** Opens the stream (browser mode: a POST to /api/events with the secret). */
  open(signal: AbortSignal): Promise<Response>;
  /** The wait before reconnect attempt n (0, 1, ...). */
  retryDelayMs?: (attempt: number) => number;
  log?: Log;
}

/** Statuses that another attempt cannot mend: a wrong secret, a foreign page, no such route. */
const HOPELESS = new Set([400, 401, 403, 404, 405, 421]);

/**
 * Browser mode: one stream for all listeners, opened with the first and closed with the last. When
 * it ends or breaks (the host restarted, the laptop slept) it is opened again, waiting a little
 * longer each time; on connecting, the host sends the current jobs, so what was missed is made up.
 */
export function streamEvents(options: EventStreamOptions): BridgeEventsClient {
  const log = options.log ?? defaultLog;
  const retryDelayMs = options.retryDelayMs ?? ((attempt) => Math.min(1000 * 2 ** attempt, 15_000));
  const listeners = new Map<BridgeEventName, Set<(payload: unknown) => void>>();
  let controller: AbortController | null = null;
  let count = 0;

  function deliver(message: BridgeEventMessage): void {
    for (const listener of [...(listeners.get(message.name) ?? [])]) callSafely(listener, message.payload, log);
  }

  function receive(event: string, data: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return log(`bridge: dropped an event that is not JSON (${data.slice(0, 80)})`);
    }
    const parsed = parseEventMessage(raw);
    if (!parsed.ok) return log(`bridge: dropped a malformed event: ${parsed.problem}`);
    if (parsed.message.name !== event) return log(`bridge: dropped an event named "${event.slice(0, 40)}" that carried "${parsed.message.name}"`);
    deliver(parsed.message);
  }

  /** Reads one connection to its end; `state.connected` says whether the host accepted it. */
  async function readOnce(signal: AbortSignal, state: { connected: boolean }): Promise<'again' | 'stop'> {
    const response = await options.open(signal);
    if (!response.ok || !response.body) {
      log(`bridge: the event stream was refused (${response.status})`);
      await response.body?.cancel();
      return HOPELESS.has(response.status) ? 'stop' : 'again';
    }
    state.connected = true;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const decoder = new SseDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'again';
      for (const message of decoder.push(value)) receive(message.event, message.data);
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    let attempt = 0;
    while (!signal.aborted) {
      const state = { connected: false };
      try {
        if ((await readOnce(signal, state)) === 'stop') return;
      } catch (error) {
        if (signal.aborted) return;
        log('bridge: the event stream broke; reconnecting', error);
      }
      // A stream that was up counts as a success: the next outage starts from the short wait.
      if (state.connected) attempt = 0;
      await sleep(retryDelayMs(attempt), signal);
      attempt += 1;
    }
  }

  return {
    on(name, listener) {
      const own = (payload: unknown) => (listener as (payload: unknown) => void)(payload);
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(own);
      count += 1;
      if (count === 1) {
        controller = new AbortController();
        void run(controller.signal);
      }
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(own);
        count -= 1;
        // Nobody listens any more: the stream is closed, not kept open for nothing.
        if (count === 0) {
          controller?.abort();
          controller = null;
        }
      };
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
