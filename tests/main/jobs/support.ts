// A test-only job kind: none of the real long jobs (import, alignment, export) exist yet, and the
// product must not ship a fake one, so the tests drive the runner with this small genuine job. It
// counts to `steps`, one step per `stepMs`, reports each step, and stops when asked to.
import type { JobEvent } from '../../../common/bridge/events';
import { jobEventSchema } from '../../../common/bridge/event-schemas';
import type { JobContext, JobRunner } from '../../../main/jobs/runner';

export const TEST_JOB_KIND = 'test-count';

export function countJob(steps: number, stepMs: number) {
  return async ({ signal, progress }: JobContext): Promise<{ counted: number }> => {
    for (let step = 1; step <= steps; step += 1) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, stepMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        }, { once: true });
      });
      signal.throwIfAborted();
      progress(step / steps, `step ${step} of ${steps}`);
    }
    return { counted: steps };
  };
}

/** Every event the runner sends, each checked against the contract's schema as it arrives. */
export function record(runner: JobRunner): { events: JobEvent[]; of(jobId: string): JobEvent[]; problems: string[] } {
  const events: JobEvent[] = [];
  const problems: string[] = [];
  runner.subscribe((event) => {
    const parsed = jobEventSchema.safeParse(event);
    if (!parsed.success) problems.push(`${event.state}: ${parsed.error.message}`);
    events.push(event);
  });
  return { events, problems, of: (jobId) => events.filter((event) => event.jobId === jobId) };
}
