// The job runner on its own: ids at once, states in order, throttled progress with the last value
// kept, cancellation (running and queued), failures with clear messages, and forgetting.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import { createJobRunner, type JobRunnerOptions } from '../../../main/jobs/runner';
import { countJob, record, TEST_JOB_KIND } from './support';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Long enough for every job here to end; far shorter than the 10 minutes finished jobs are kept. */
const settle = () => vi.advanceTimersByTimeAsync(30_000);

function setup(options: JobRunnerOptions = {}) {
  const log = vi.fn();
  const runner = createJobRunner({ log, ...options });
  return { runner, log, recorded: record(runner) };
}

describe('job runner', () => {
  it('returns the id at once and reports queued, running, progress and done with the result', async () => {
    const { runner, recorded } = setup();
    const jobId = runner.startJob(TEST_JOB_KIND, countJob(3, 200));
    expect(jobId).toMatch(/^[a-z0-9-]{36}$/);
    // Nothing yet: the caller holds the id before any event can arrive.
    expect(recorded.events).toEqual([]);
    expect(runner.getJob(jobId)).toEqual({ jobId, kind: TEST_JOB_KIND, state: 'queued', progress: null });
    await settle();
    expect(recorded.of(jobId).map((e) => [e.state, e.progress, e.message])).toEqual([
      ['queued', null, undefined],
      ['running', null, undefined],
      ['running', 1 / 3, 'step 1 of 3'],
      ['running', 2 / 3, 'step 2 of 3'],
      ['running', 1, 'step 3 of 3'],
      ['done', 1, undefined],
    ]);
    expect(recorded.events.at(-1)).toEqual({ jobId, kind: TEST_JOB_KIND, state: 'done', progress: 1, result: { counted: 3 } });
    expect(runner.getJob(jobId)).toEqual(recorded.events.at(-1));
    expect(recorded.problems).toEqual([]);
  });

  it('sends at most one progress event per interval, the latest value, and always the final state', async () => {
    const { runner, recorded } = setup({ progressIntervalMs: 100 });
    // 1000 steps of 1 ms each: 1000 progress calls in one second.
    const jobId = runner.startJob(TEST_JOB_KIND, countJob(1000, 1));
    await settle();
    const events = recorded.of(jobId);
    const progress = events.filter((e) => e.state === 'running' && e.progress !== null);
    expect(progress.length).toBeGreaterThanOrEqual(8);
    expect(progress.length).toBeLessThanOrEqual(11);
    expect(events.at(-1)).toMatchObject({ state: 'done', progress: 1 });
    // The values only grow, and each is a value the job really reported.
    const values = progress.map((e) => e.progress!);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    for (const value of values) expect(Math.abs(value * 1000 - Math.round(value * 1000))).toBeLessThan(1e-9);
  });

  it('does not lose the last progress when the job goes quiet (trailing edge)', async () => {
    const { runner, recorded } = setup({ progressIntervalMs: 100 });
    let release!: () => void;
    const jobId = runner.startJob(TEST_JOB_KIND, async ({ progress }) => {
      progress(0.1);
      progress(0.2);
      progress(0.3, 'quiet now');
      await new Promise<void>((resolve) => (release = resolve));
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(recorded.of(jobId).map((e) => e.progress)).toEqual([null, null]);
    await vi.advanceTimersByTimeAsync(100);
    expect(recorded.of(jobId).at(-1)).toMatchObject({ state: 'running', progress: 0.3, message: 'quiet now' });
    expect(recorded.of(jobId)).toHaveLength(3);
    release();
    await settle();
    expect(recorded.of(jobId).at(-1)).toMatchObject({ state: 'done', progress: 1, result: null });
  });

  it('cancels a running job through its signal and reports cancelled', async () => {
    const { runner, recorded } = setup();
    const jobId = runner.startJob(TEST_JOB_KIND, countJob(10, 100));
    await vi.advanceTimersByTimeAsync(250);
    const now = runner.cancelJob(jobId);
    // Asked, not yet stopped: cancellation is the job's to carry out.
    expect(now.state).toBe('running');
    await settle();
    const last = recorded.of(jobId).at(-1)!;
    expect(last).toEqual({ jobId, kind: TEST_JOB_KIND, state: 'cancelled', progress: 0.2, message: 'Cancelled.' });
    expect(recorded.of(jobId).filter((e) => e.state === 'cancelled')).toHaveLength(1);
    // A second cancel changes nothing and says how it ended.
    expect(runner.cancelJob(jobId)).toEqual(last);
    expect(recorded.problems).toEqual([]);
  });

  it('queues beyond its concurrency, and a queued job cancelled never runs', async () => {
    const { runner, recorded } = setup({ concurrency: 1 });
    const first = runner.startJob(TEST_JOB_KIND, countJob(2, 100));
    const neverRun = vi.fn(async () => 'ran');
    const second = runner.startJob(TEST_JOB_KIND, neverRun);
    const third = runner.startJob(TEST_JOB_KIND, countJob(1, 10));
    await vi.advanceTimersByTimeAsync(50);
    expect(runner.getJob(first)!.state).toBe('running');
    expect(runner.getJob(second)!.state).toBe('queued');
    expect(runner.cancelJob(second)).toMatchObject({ state: 'cancelled', message: 'Cancelled before it started.', progress: null });
    await settle();
    expect(neverRun).not.toHaveBeenCalled();
    expect(runner.getJob(third)!.state).toBe('done');
    // The third started only after the first had finished.
    const order = recorded.events.map((e) => `${e.jobId === first ? 1 : e.jobId === second ? 2 : 3}:${e.state}`);
    expect(order.indexOf('3:running')).toBeGreaterThan(order.indexOf('1:done'));
    expect(recorded.problems).toEqual([]);
  });

  it('reports a job that throws as failed, with a message that names the job and the cause', async () => {
    const { runner, recorded, log } = setup();
    const async = runner.startJob(TEST_JOB_KIND, async ({ progress }) => {
      progress(0.5, 'halfway');
      throw new Error('disk on fire');
    });
    const sync = runner.startJob(TEST_JOB_KIND, (() => {
      throw new TypeError('not even started');
    }) as never);
    const known = runner.startJob(TEST_JOB_KIND, async () => {
      throw new BridgeError('not-found', 'No document "x".');
    });
    await settle();
    expect(runner.getJob(async)).toEqual({
      jobId: async, kind: TEST_JOB_KIND, state: 'failed', progress: 0.5, message: 'halfway',
      error: { code: 'failed', message: 'The test-count job failed: disk on fire' },
    });
    expect(runner.getJob(sync)).toMatchObject({ state: 'failed', error: { code: 'failed', message: 'The test-count job failed: not even started' } });
    expect(runner.getJob(known)).toMatchObject({ state: 'failed', error: { code: 'not-found', message: 'No document "x".' } });
    expect(log).toHaveBeenCalledTimes(3);
    expect(recorded.problems).toEqual([]);
  });

  it('fails a job whose result is not plain JSON, and one that reports progress out of range', async () => {
    const { runner } = setup();
    const dated = runner.startJob(TEST_JOB_KIND, async () => ({ when: new Date(0) }));
    const wild = runner.startJob(TEST_JOB_KIND, async ({ progress }) => progress(1.4));
    const nan = runner.startJob(TEST_JOB_KIND, async ({ progress }) => progress(Number.NaN));
    await settle();
    expect(runner.getJob(dated)).toMatchObject({ state: 'failed', error: { message: 'The test-count job returned a result that is not plain JSON.' } });
    expect(runner.getJob(wild)).toMatchObject({ state: 'failed', error: { message: expect.stringContaining('not 1.4') } });
    expect(runner.getJob(nan)).toMatchObject({ state: 'failed', error: { message: expect.stringContaining('not NaN') } });
  });

  it('reports done when the job finished although a cancel came too late', async () => {
    const { runner } = setup();
    const jobId = runner.startJob(TEST_JOB_KIND, async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return 'written';
    });
    await vi.advanceTimersByTimeAsync(50);
    runner.cancelJob(jobId);
    await settle();
    expect(runner.getJob(jobId)).toMatchObject({ state: 'done', result: 'written' });
  });

  it('ignores progress after a cancel was asked for, so a stopping job cannot look alive', async () => {
    const { runner, recorded } = setup({ progressIntervalMs: 0 });
    const jobId = runner.startJob(TEST_JOB_KIND, async ({ signal, progress }) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      progress(0.9);
      signal.throwIfAborted();
    });
    await vi.advanceTimersByTimeAsync(50);
    runner.cancelJob(jobId);
    await settle();
    expect(recorded.of(jobId).map((e) => e.state)).toEqual(['queued', 'running', 'cancelled']);
  });

  it('keeps a finished job for late listeners, then forgets it', async () => {
    const { runner } = setup({ keepFinishedMs: 60_000, keepFinishedCount: 2 });
    const jobId = runner.startJob(TEST_JOB_KIND, countJob(1, 10));
    await vi.advanceTimersByTimeAsync(20);
    expect(runner.getJob(jobId)!.state).toBe('done');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(runner.getJob(jobId)!.state).toBe('done');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runner.getJob(jobId)).toBeNull();
    expect(() => runner.cancelJob(jobId)).toThrow(BridgeError);
    // And no more than keepFinishedCount, however fast they finish.
    const ids = [1, 2, 3].map(() => runner.startJob(TEST_JOB_KIND, countJob(1, 1)));
    await vi.advanceTimersByTimeAsync(10);
    expect(ids.map((id) => runner.getJob(id)?.state ?? null)).toEqual([null, 'done', 'done']);
  });

  it('refuses an unknown job id and a kind that is not a short word', () => {
    const { runner } = setup();
    expect(() => runner.cancelJob('nope')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(runner.getJob('nope')).toBeNull();
    expect(() => runner.startJob('Bad Kind', async () => null)).toThrow(/short lower-case word/);
  });

  it('keeps telling other listeners when one of them throws', async () => {
    const { runner, recorded, log } = setup();
    runner.subscribe(() => {
      throw new Error('window gone');
    });
    const jobId = runner.startJob(TEST_JOB_KIND, countJob(1, 10));
    await settle();
    expect(recorded.of(jobId).at(-1)!.state).toBe('done');
    expect(log).toHaveBeenCalledWith('jobs: a listener failed', expect.any(Error));
  });

  it('stops listening when unsubscribed', async () => {
    const { runner } = setup();
    const heard = vi.fn();
    const unsubscribe = runner.subscribe(heard);
    unsubscribe();
    runner.startJob(TEST_JOB_KIND, countJob(1, 10));
    await settle();
    expect(heard).not.toHaveBeenCalled();
  });

  it('cancels everything on close, waits for running jobs, and starts no new ones', async () => {
    const { runner } = setup({ concurrency: 1 });
    const running = runner.startJob(TEST_JOB_KIND, countJob(100, 100));
    const queued = runner.startJob(TEST_JOB_KIND, countJob(1, 1));
    await vi.advanceTimersByTimeAsync(10);
    const closing = runner.close();
    await vi.advanceTimersByTimeAsync(0);
    await closing;
    expect(runner.getJob(running)).toMatchObject({ state: 'cancelled', message: 'The app is closing.' });
    expect(runner.getJob(queued)).toMatchObject({ state: 'cancelled', message: 'The app is closing.' });
    expect(() => runner.startJob(TEST_JOB_KIND, countJob(1, 1))).toThrow(/closing/);
  });

  it('does not wait for ever on a job that ignores its signal', async () => {
    const { runner } = setup();
    runner.startJob(TEST_JOB_KIND, () => new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(0);
    let closed = false;
    void runner.close(1000).then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(closed).toBe(true);
  });
});
