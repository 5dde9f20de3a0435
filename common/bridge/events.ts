// Push events: the one list of messages the main process may send to the renderer unasked.
// Calls (contract.ts) go renderer -> main and are answered; events go main -> renderer and are not.
// Both hosts carry the same messages: Electron on one IPC channel (EVENT_CHANNEL), browser mode as
// server-sent events (EVENT_STREAM_PATH). The renderer validates every message with the schemas in
// event-schemas.ts, because to it the main process is outside too (a stale build, a bug). Like
// contract.ts, this file holds no zod, so the small preload bundle can import it.
import type { BridgeErrorInfo } from './contract';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** States a job never leaves. */
export const FINAL_JOB_STATES: readonly JobState[] = ['done', 'failed', 'cancelled'];

/**
 * A job's whole state, sent on every change: a listener never has to add events up, and one that
 * receives the same state twice (a reconnect replays the current jobs) can simply overwrite.
 */
export interface JobEvent {
  jobId: string;
  /** What the job does ("import", "alignment", "export"... as they arrive). */
  kind: string;
  state: JobState;
  /** What the job works on, for people (an import: the new document's title). */
  subject?: string;
  /** 0..1, or null when the job cannot say how far it is (and always null while queued). */
  progress: number | null;
  /** A short line about the current step, for a status bar or a log; not translated. */
  message?: string;
  /** While running: the job's estimate of the seconds still to go, when it can make one. */
  secondsLeft?: number;
  /** Only when done: the job's result, JSON-shaped (each kind documents its own). */
  result?: unknown;
  /** Only when failed. */
  error?: JobErrorInfo;
}

export interface JobErrorInfo {
  code: Exclude<BridgeErrorInfo['code'], 'unknown-method'>;
  message: string;
}

/** The document list changed (a document was added, removed, or changed status). */
export interface LibraryEvent {
  /** The document that changed, or null when the whole list should be read again. */
  documentId: string | null;
}

export interface BridgeEvents {
  job: JobEvent;
  library: LibraryEvent;
}

export type BridgeEventName = keyof BridgeEvents;

export const BRIDGE_EVENTS = ['job', 'library'] as const satisfies readonly BridgeEventName[];

// Compile-time check that the list names every event (a missing one is an error here).
type MissingEvent = Exclude<BridgeEventName, (typeof BRIDGE_EVENTS)[number]>;
const everyEventListed: [MissingEvent] extends [never] ? true : MissingEvent = true;
void everyEventListed;

/** What travels on the wire: the event's name with its payload. */
export type BridgeEventMessage = { [N in BridgeEventName]: { name: N; payload: BridgeEvents[N] } }[BridgeEventName];

/** The one Electron IPC channel all events travel on (main -> renderer only). */
export const EVENT_CHANNEL = 'mitlesen:event';

/** Browser mode: the stream of events (see main/web/server.ts for how it is authenticated). */
export const EVENT_STREAM_PATH = '/api/events';

export function isBridgeEventName(name: unknown): name is BridgeEventName {
  return typeof name === 'string' && (BRIDGE_EVENTS as readonly string[]).includes(name);
}
