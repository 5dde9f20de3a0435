// Long jobs (import, alignment, export) run here, outside any bridge call: a call that started one
// returns its id at once, and the job reports on its own through events (common/bridge/events.ts).
// Plain Node, no Electron, so both hosts and the tests use the very same runner.
//
// What a job gets is a context: an AbortSignal it must watch (cancellation is a request; only the
// job knows where it can stop without leaving half-written files), and progress(), which it may
// call as often as it likes: listeners see at most one progress event per job per
// `progressIntervalMs`, always the latest value, and always the final state.
import { randomUUID } from 'node:crypto';
import { BridgeError } from '../../common/bridge/contract';
import { jobEventSchema } from '../../common/bridge/event-schemas';
import { FINAL_JOB_STATES, type JobErrorInfo, type JobEvent } from '../../common/bridge/events';

export interface JobContext {
  signal: AbortSignal;
  /** fraction 0..1, or null for "working, but cannot say how far". */
  progress(fraction: number | null, message?: string, secondsLeft?: number | null): void;
}

export type JobFunction<R> = (context: JobContext) => Promise<R>;

export type JobListener = (event: JobEvent) => void;

export interface JobRunnerOptions {
  /** How many jobs run at once; the rest wait as "queued". Alignment is CPU-bound, so keep it low. */
  concurrency?: number;
  /** At most one progress event per job per this many milliseconds (100 = 10 per second). */
  progressIntervalMs?: number;
  /** How long a finished job stays answerable by getJob, for listeners that arrive late. */
  keepFinishedMs?: number;
  /** And at most this many finished jobs, so a burst of short jobs cannot grow memory. */
  keepFinishedCount?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface JobRunner {
  /** Queues the job and returns its id at once; its events follow. */
  startJob<R>(kind: string, run: JobFunction<R>, options?: { subject?: string }): string;
  /**
   * Asks the job to stop and returns its state as it is now (usually still running). The final
   * event says what came of it: cancelled, or done when the job finished before it could stop.
   */
  cancelJob(jobId: string): JobEvent;
  /** The job's latest state, or null when it is unknown or was forgotten. */
  getJob(jobId: string): JobEvent | null;
  /** Every job still known (running, queued, recently finished), in the order they started. */
  listJobs(): JobEvent[];
  subscribe(listener: JobListener): () => void;
  /** Cancels every job and waits (up to `waitMs`) for them to stop, for a clean shutdown. */
  close(waitMs?: number): Promise<void>;
}

interface Job {
  event: JobEvent;
  controller: AbortController;
  run: JobFunction<unknown>;
  lastEmitAt: number;
  pendingProgress: ReturnType<typeof setTimeout> | null;
  settled: Promise<void>;
  resolveSettled: () => void;
}

const JOB_KIND = /^[a-z][a-z0-9-]{0,39}$/;
const MAX_MESSAGE = 500;
const MAX_ERROR = 2000;

export function createJobRunner(options: JobRunnerOptions = {}): JobRunner {
  const concurrency = options.concurrency ?? 2;
  const interval = options.progressIntervalMs ?? 100;
  const keepMs = options.keepFinishedMs ?? 10 * 60_000;
  const keepCount = options.keepFinishedCount ?? 100;
  const log = options.log ?? ((message, error) => console.error(message, error));

  const jobs = new Map<string, Job>();
  const queue: Job[] = [];
  const finished: string[] = [];
  const listeners = new Set<JobListener>();
  let running = 0;
  let closed = false;

  function emit(job: Job): void {
    for (const listener of [...listeners]) {
      // Each listener gets its own copy, and one broken listener (a closed window, a dead HTTP
      // stream) must not silence the others or the job.
      try {
        listener({ ...job.event });
      } catch (error) {
        log('jobs: a listener failed', error);
      }
    }
  }

  /** Applies the patch; a key set to undefined is removed (a snapshot never carries `key: undefined`). */
  function update(job: Job, patch: Partial<JobEvent>): void {
    const next: JobEvent = { ...job.event, ...patch };
    for (const key of Object.keys(patch) as (keyof JobEvent)[]) {
      if (patch[key] === undefined) delete next[key];
    }
    job.event = next;
  }

  function isFinal(job: Job): boolean {
    return FINAL_JOB_STATES.includes(job.event.state);
  }

  function forgetLater(job: Job): void {
    const { jobId } = job.event;
    finished.push(jobId);
    while (finished.length > keepCount) jobs.delete(finished.shift()!);
    const timer = setTimeout(() => {
      jobs.delete(jobId);
      const index = finished.indexOf(jobId);
      if (index !== -1) finished.splice(index, 1);
    }, keepMs);
    // Forgetting a job is housekeeping: it must never keep the process alive.
    timer.unref?.();
  }

  function finish(job: Job, patch: Partial<JobEvent>): void {
    if (job.pendingProgress) clearTimeout(job.pendingProgress);
    job.pendingProgress = null;
    // An ended job has nothing left to go.
    update(job, { ...patch, secondsLeft: undefined });
    emit(job);
    forgetLater(job);
    job.resolveSettled();
  }

  function errorInfo(kind: string, error: unknown): JobErrorInfo {
    if (error instanceof BridgeError && error.code !== 'unknown-method') return { code: error.code, message: error.message.slice(0, MAX_ERROR) };
    const detail = error instanceof Error ? error.message : String(error);
    return { code: 'failed', message: `The ${kind} job failed: ${detail}`.slice(0, MAX_ERROR) };
  }

  function cancelledMessage(job: Job): string {
    const reason: unknown = job.controller.signal.reason;
    return reason instanceof Error && reason.name !== 'AbortError' ? reason.message.slice(0, MAX_MESSAGE) : 'Cancelled.';
  }

  function sendProgress(job: Job): void {
    job.lastEmitAt = Date.now();
    emit(job);
  }

  function context(job: Job): JobContext {
    return {
      signal: job.controller.signal,
      progress(fraction, message, secondsLeft) {
        if (fraction !== null && !(Number.isFinite(fraction) && fraction >= 0 && fraction <= 1)) {
          // A bug in the job, said loudly where it happens rather than shown as a bar at 140%.
          throw new RangeError(`progress must be a fraction from 0 to 1 or null, not ${String(fraction)}`);
        }
        // Late calls (after the job ended, or once it was asked to stop) change nothing anyone sees.
        if (job.event.state !== 'running' || job.controller.signal.aborted) return;
        const left = typeof secondsLeft === 'number' && Number.isFinite(secondsLeft) && secondsLeft >= 0 ? Math.round(secondsLeft) : undefined;
        update(job, { progress: fraction, message: message === undefined ? undefined : message.slice(0, MAX_MESSAGE), secondsLeft: left });
        const wait = job.lastEmitAt + interval - Date.now();
        if (wait <= 0) {
          sendProgress(job);
        } else if (!job.pendingProgress) {
          // Trailing edge: the latest value goes out when the interval is up, it is never lost.
          job.pendingProgress = setTimeout(() => {
            job.pendingProgress = null;
            if (job.event.state === 'running' && !job.controller.signal.aborted) sendProgress(job);
          }, wait);
        }
      },
    };
  }

  async function execute(job: Job): Promise<void> {
    running += 1;
    update(job, { state: 'running', progress: null });
    sendProgress(job);
    try {
      // Through a promise, so a job that throws before its first await fails like any other.
      const value = await Promise.resolve().then(() => job.run(context(job)));
      // A job that returns has finished its work, even if a cancel arrived meanwhile: what it did
      // is done, so that is what it reports. A job stops early by throwing (signal.throwIfAborted()).
      const result = value === undefined ? null : value;
      const done: JobEvent = { jobId: job.event.jobId, kind: job.event.kind, state: 'done', progress: 1, result };
      if (!jobEventSchema.safeParse(done).success) {
        // A result the renderer could not receive is a bug in the job, reported as its failure.
        log(`jobs: ${job.event.kind} ${job.event.jobId} returned a result that is not plain JSON`);
        finish(job, { state: 'failed', error: { code: 'failed', message: `The ${job.event.kind} job returned a result that is not plain JSON.` } });
        return;
      }
      // The step it was on is over; a stale "writing file 3 of 4" would only confuse.
      finish(job, { state: 'done', progress: 1, result, message: undefined });
    } catch (error) {
      if (job.controller.signal.aborted) {
        finish(job, { state: 'cancelled', message: cancelledMessage(job) });
      } else {
        log(`jobs: ${job.event.kind} ${job.event.jobId} failed`, error);
        finish(job, { state: 'failed', error: errorInfo(job.event.kind, error) });
      }
    } finally {
      running -= 1;
      pump();
    }
  }

  function pump(): void {
    while (running < concurrency && queue.length > 0) void execute(queue.shift()!);
  }

  /** Stops a job that has not started yet: there is nothing to wait for. */
  function dropQueued(job: Job, message: string): boolean {
    const index = queue.indexOf(job);
    if (index === -1) return false;
    queue.splice(index, 1);
    finish(job, { state: 'cancelled', message });
    return true;
  }

  return {
    startJob(kind, run, options = {}) {
      if (!JOB_KIND.test(kind)) throw new Error(`a job kind is a short lower-case word, not "${kind.slice(0, 60)}"`);
      if (closed) throw new BridgeError('failed', 'The app is closing; no new jobs start.');
      const jobId = randomUUID();
      let resolveSettled!: () => void;
      const settled = new Promise<void>((resolvePromise) => (resolveSettled = resolvePromise));
      const job: Job = {
        event: { jobId, kind, state: 'queued', progress: null, ...(options.subject ? { subject: options.subject.slice(0, MAX_MESSAGE) } : {}) },
        controller: new AbortController(),
        run: run as JobFunction<unknown>,
        lastEmitAt: 0,
        pendingProgress: null,
        settled,
        resolveSettled,
      };
      jobs.set(jobId, job);
      queue.push(job);
      // Events start a moment later, so the caller holds the id before the first one arrives.
      queueMicrotask(() => {
        if (job.event.state !== 'queued') return;
        emit(job);
        pump();
      });
      return jobId;
    },

    cancelJob(jobId) {
      const job = jobs.get(jobId);
      if (!job) throw new BridgeError('not-found', `There is no job "${jobId}" (or it finished a while ago).`);
      if (!isFinal(job)) {
        job.controller.abort();
        dropQueued(job, 'Cancelled before it started.');
      }
      return { ...job.event };
    },

    getJob(jobId) {
      const job = jobs.get(jobId);
      return job ? { ...job.event } : null;
    },

    listJobs() {
      return [...jobs.values()].map((job) => ({ ...job.event }));
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    async close(waitMs = 5000) {
      closed = true;
      const open = [...jobs.values()].filter((job) => !isFinal(job));
      for (const job of open) {
        job.controller.abort(new Error('The app is closing.'));
        dropQueued(job, 'The app is closing.');
      }
      // A job that ignores its signal must not hold the app open for ever.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolvePromise) => (timer = setTimeout(resolvePromise, waitMs)));
      await Promise.race([Promise.all(open.map((job) => job.settled)), timeout]);
      clearTimeout(timer);
    },
  };
}
