// Push events: the one list of messages the main process may send to the renderer unasked.
// Calls (contract.ts) go renderer -> main and are answered; events go main -> renderer and are not.
// Both hosts carry the same messages: Electron on one IPC channel (EVENT_CHANNEL), browser mode as
// server-sent events (EVENT_STREAM_PATH). The renderer validates every message with the schemas
// below, because to it the main process is outside too (a stale build, a bug, a different version).
import { z } from 'zod';
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
  /** 0..1, or null when the job cannot say how far it is (and always null while queued). */
  progress: number | null;
  /** A short line about the current step, for a status bar or a log; not translated. */
  message?: string;
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

export const jobIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a job id is 1-64 characters a-z, 0-9 or -');
const jobKindSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a job kind is a short lower-case word');
const fraction = z.number().min(0, 'progress is at least 0').max(1, 'progress is at most 1');

export const jobEventSchema = z
  .object({
    jobId: jobIdSchema,
    kind: jobKindSchema,
    state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    progress: fraction.nullable(),
    message: z.string().max(500).optional(),
    // JSON only: a result must survive both structured clone (IPC) and JSON (the web stream) alike.
    result: z.json().optional(),
    error: z
      .object({
        code: z.enum(['invalid-argument', 'not-found', 'forbidden', 'failed']),
        message: z.string().max(2000),
      })
      .strict()
      .optional(),
  })
  .strict()
  // The fields that belong to one state only must not appear in another: a listener can then
  // trust `result` to mean "done" and `error` to mean "failed".
  .refine((event) => event.state === 'done' || event.result === undefined, { message: 'only a done job has a result', path: ['result'] })
  .refine((event) => (event.state === 'failed') === (event.error !== undefined), { message: 'a failed job, and only a failed job, has an error', path: ['error'] })
  .refine((event) => event.state !== 'done' || event.progress === 1, { message: 'a done job is at progress 1', path: ['progress'] })
  .refine((event) => event.state !== 'queued' || event.progress === null, { message: 'a queued job has no progress', path: ['progress'] });

export const libraryEventSchema = z
  .object({ documentId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'a document id is 1-64 characters a-z, 0-9 or -').nullable() })
  .strict();

export const EVENT_SCHEMAS = {
  job: jobEventSchema,
  library: libraryEventSchema,
} satisfies { [N in BridgeEventName]: z.ZodType<BridgeEvents[N]> };

export const bridgeEventMessageSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('job'), payload: jobEventSchema }).strict(),
  z.object({ name: z.literal('library'), payload: libraryEventSchema }).strict(),
]);

/** The message if it is one the contract knows and well-formed, else why not. */
export function parseEventMessage(raw: unknown): { ok: true; message: BridgeEventMessage } | { ok: false; problem: string } {
  const parsed = bridgeEventMessageSchema.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data as BridgeEventMessage };
  const problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`).join('; ');
  return { ok: false, problem };
}
