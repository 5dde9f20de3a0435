// The main process's side of push events: producers (the job runner now; the library when
// documents come and go) emit here, and each host (Electron IPC, the web host's event stream)
// subscribes once and carries the messages to its pages. Producers never know which host runs.
import type { BridgeEventMessage, BridgeEventName, BridgeEvents } from '../../common/bridge/events';

export type BridgeEventListener = (message: BridgeEventMessage) => void;

/** What a host needs: messages as they happen, and what is current for a page that just connected. */
export interface BridgeEventFeed {
  subscribe(listener: BridgeEventListener): () => void;
  /** Messages that bring a newly connected page up to date (the state of every known job). */
  current(): BridgeEventMessage[];
}

export interface BridgeEventHub extends BridgeEventFeed {
  emit<N extends BridgeEventName>(name: N, payload: BridgeEvents[N]): void;
}

export function createEventHub(
  current: () => BridgeEventMessage[] = () => [],
  log: (message: string, error?: unknown) => void = (message, error) => console.error(message, error),
): BridgeEventHub {
  const listeners = new Set<BridgeEventListener>();
  return {
    emit(name, payload) {
      const message = { name, payload } as BridgeEventMessage;
      for (const listener of [...listeners]) {
        // A host whose page went away must not stop the others hearing of it.
        try {
          listener(message);
        } catch (error) {
          log(`events: a listener of "${name}" failed`, error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    current,
  };
}
