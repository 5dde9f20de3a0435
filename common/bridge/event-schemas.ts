// Runtime schemas for the push events of events.ts. The renderer checks every message it receives
// with these; the job runner checks a job's result with them before sending it.
import { z } from 'zod';
import type { BridgeEventMessage, BridgeEventName, BridgeEvents } from './events';

export const jobIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a job id is 1-64 characters a-z, 0-9 or -');
const jobKindSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a job kind is a short lower-case word');
const fraction = z.number().min(0, 'progress is at least 0').max(1, 'progress is at most 1');

export const jobEventSchema = z
  .object({
    jobId: jobIdSchema,
    kind: jobKindSchema,
    state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    subject: z.string().max(500).optional(),
    progress: fraction.nullable(),
    message: z.string().max(500).optional(),
    secondsLeft: z.number().int().min(0).optional(),
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
