// The renderer's side of push events: validation of what arrives (both transports), one shared
// stream in browser mode that reconnects, and, end to end, a real job heard through the real web
// host by the very client the page uses.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobEvent } from '../../../common/bridge/events';
import { encodeSseComment, encodeSseMessage } from '../../../common/bridge/sse';
import type { BridgeHandlers } from '../../../main/bridge/dispatch';
import { createEventHub } from '../../../main/bridge/events';
import { jobHandlers, publishJobs } from '../../../main/jobs/handlers';
import { createJobRunner } from '../../../main/jobs/runner';
import { createMediaCatalog } from '../../../main/media/catalog';
import { startWebHost, type WebHost } from '../../../main/web/server';
import { preloadEvents, streamEvents } from '../../../renderer/bridge/events';
import { countJob, TEST_JOB_KIND } from '../../main/jobs/support';

const jobId = '0b7a3c2e-1f4d-4a5b-9c6d-7e8f9a0b1c2d';
const running: JobEvent = { jobId, kind: 'import', state: 'running', progress: 0.5 };
const line = (payload: unknown, name = 'job', event = name) => encodeSseMessage(event, JSON.stringify({ name, payload }));

/** A response whose body is these chunks, then (unless held open) its end. */
function sseResponse(chunks: string[], holdOpen = false): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      if (!holdOpen) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('Electron: preload events', () => {
  it('passes on valid payloads and drops malformed ones, saying why', () => {
    let deliver!: (payload: unknown) => void;
    const on = vi.fn((_name: string, listener: (payload: unknown) => void) => {
      deliver = listener;
      return () => undefined;
    });
    const log = vi.fn();
    const heard = vi.fn();
    preloadEvents(on, log).on('job', heard);
    expect(on).toHaveBeenCalledWith('job', expect.any(Function));
    deliver(running);
    deliver({ ...running, progress: 7 });
    deliver({ ...running, state: 'done', progress: 1, result: { a: 1 } });
    deliver('<script>');
    expect(heard.mock.calls).toEqual([[running], [{ ...running, state: 'done', progress: 1, result: { a: 1 } }]]);
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[0]![0]).toMatch(/malformed "job" event: payload\.progress/);
  });

  it('hands back the preload unsubscribe', () => {
    const stop = vi.fn();
    const unsubscribe = preloadEvents(() => stop).on('library', vi.fn());
    unsubscribe();
    expect(stop).toHaveBeenCalledOnce();
  });
});

describe('browser mode: the shared stream', () => {
  it('delivers each valid message to the listeners of its name only', async () => {
    const log = vi.fn();
    const open = vi.fn(async () =>
      sseResponse([
        encodeSseComment('hello'),
        line(running),
        line({ documentId: 'a' }, 'library'),
        line({ ...running, state: 'exploded' }),
        line(running, 'job', 'library'),
        'event: job\ndata: {not json\n\n',
        line({ ...running, progress: 0.75 }).slice(0, 10),
        line({ ...running, progress: 0.75 }).slice(10),
      ], true),
    );
    const client = streamEvents({ open, log });
    const jobs = vi.fn();
    const library = vi.fn();
    const stopJobs = client.on('job', jobs);
    const stopLibrary = client.on('library', library);
    await vi.waitFor(() => expect(jobs).toHaveBeenCalledTimes(2));
    expect(jobs.mock.calls).toEqual([[running], [{ ...running, progress: 0.75 }]]);
    expect(library.mock.calls).toEqual([[{ documentId: 'a' }]]);
    // One stream for every listener, whatever their event.
    expect(open).toHaveBeenCalledOnce();
    expect(log.mock.calls.map(([message]) => message as string)).toEqual([
      expect.stringMatching(/malformed event: payload\.state/),
      expect.stringMatching(/named "library" that carried "job"/),
      expect.stringMatching(/not JSON/),
    ]);
    stopJobs();
    stopLibrary();
  });

  it('closes the stream with the last listener and opens a new one for the next', async () => {
    const signals: AbortSignal[] = [];
    const open = vi.fn(async (signal: AbortSignal) => {
      signals.push(signal);
      return sseResponse([], true);
    });
    const client = streamEvents({ open });
    const first = client.on('job', vi.fn());
    const second = client.on('job', vi.fn());
    await vi.waitFor(() => expect(open).toHaveBeenCalledOnce());
    first();
    first();
    expect(signals[0]!.aborted).toBe(false);
    second();
    expect(signals[0]!.aborted).toBe(true);
    const third = client.on('library', vi.fn());
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(2));
    expect(signals[1]!.aborted).toBe(false);
    third();
  });

  it('reconnects when the stream ends or breaks, and keeps every listener', async () => {
    const answers = [
      () => sseResponse([line({ ...running, progress: 0.1 })]),
      () => Promise.reject(new TypeError('fetch failed')),
      () => new Response('busy', { status: 503 }),
      () => sseResponse([line({ ...running, progress: 0.2 })], true),
    ];
    const open = vi.fn(async () => answers.shift()!());
    const delays: number[] = [];
    const client = streamEvents({ open, log: vi.fn(), retryDelayMs: (attempt) => (delays.push(attempt), 0) });
    const heard = vi.fn();
    const stop = client.on('job', heard);
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(2));
    expect(heard.mock.calls.map(([event]) => (event as JobEvent).progress)).toEqual([0.1, 0.2]);
    expect(open).toHaveBeenCalledTimes(4);
    // Back-off grows while it fails and starts over after a stream that was up.
    expect(delays).toEqual([0, 1, 2]);
    stop();
  });

  it('gives up when the host refuses it for good (a wrong secret)', async () => {
    const log = vi.fn();
    const open = vi.fn(async () => new Response('{}', { status: 401 }));
    const client = streamEvents({ open, log, retryDelayMs: () => 0 });
    const stop = client.on('job', vi.fn());
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('bridge: the event stream was refused (401)'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(open).toHaveBeenCalledOnce();
    stop();
  });

  it('keeps delivering when one listener throws', async () => {
    const log = vi.fn();
    const client = streamEvents({ open: async () => sseResponse([line(running), line(running)], true), log });
    const good = vi.fn();
    const stopBad = client.on('job', () => {
      throw new Error('render failed');
    });
    const stopGood = client.on('job', good);
    await vi.waitFor(() => expect(good).toHaveBeenCalledTimes(2));
    expect(log).toHaveBeenCalledWith('bridge: an event listener failed', expect.any(Error));
    stopBad();
    stopGood();
  });
});

describe('browser mode, end to end over the real web host', () => {
  let dir: string;
  let host: WebHost;
  const runner = createJobRunner({ progressIntervalMs: 0 });
  const hub = createEventHub(() => runner.listJobs().map((payload) => ({ name: 'job' as const, payload })));
  publishJobs(runner, hub);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mitlesen-renderer-events-'));
    await mkdir(join(dir, 'renderer'), { recursive: true });
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    const handlers = { ...jobHandlers(runner) } as unknown as BridgeHandlers;
    host = await startWebHost({ handlers, media: createMediaCatalog(dir), rendererDir: join(dir, 'renderer'), events: hub });
  });
  afterAll(async () => {
    await host?.close();
    await rm(dir, { recursive: true, force: true });
  });

  // What the page's fetch sends; Node's fetch has no page, so the Origin is set by hand.
  const open = (signal: AbortSignal) =>
    fetch(`${host.origin}/api/events`, { method: 'POST', headers: { Origin: host.origin, 'X-Mitlesen-Token': host.token }, signal });

  it("hears a real job's progress and result, and its cancellation", async () => {
    // A job finished before the page listens: the stream greets with it, which shows it is up.
    const earlier = runner.startJob(TEST_JOB_KIND, countJob(1, 1));
    await vi.waitFor(() => expect(runner.getJob(earlier)?.state).toBe('done'));
    const client = streamEvents({ open });
    const heard: JobEvent[] = [];
    const stop = client.on('job', (event) => heard.push(event));
    await vi.waitFor(() => expect(heard.map((e) => [e.jobId, e.state])).toEqual([[earlier, 'done']]));
    const done = runner.startJob(TEST_JOB_KIND, countJob(2, 5));
    await vi.waitFor(() => expect(heard.filter((e) => e.jobId === done).at(-1)?.state).toBe('done'));
    expect(heard.filter((e) => e.jobId === done).map((e) => e.progress)).toEqual([null, null, 0.5, 1, 1]);

    const long = runner.startJob(TEST_JOB_KIND, countJob(1000, 5));
    await vi.waitFor(() => expect(heard.some((e) => e.jobId === long && (e.progress ?? 0) > 0)).toBe(true));
    const cancel = await fetch(`${host.origin}/api/cancelJob`, {
      method: 'POST',
      headers: { Origin: host.origin, 'X-Mitlesen-Token': host.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ arg: { jobId: long } }),
    });
    expect(await cancel.json()).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(heard.filter((e) => e.jobId === long).at(-1)?.state).toBe('cancelled'));
    stop();
  });

  it('is refused with a wrong secret, and says so', async () => {
    const log = vi.fn();
    const client = streamEvents({
      open: (signal) => fetch(`${host.origin}/api/events`, { method: 'POST', headers: { Origin: host.origin, 'X-Mitlesen-Token': 'nope' }, signal }),
      log,
    });
    const heard = vi.fn();
    const stop = client.on('job', heard);
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('bridge: the event stream was refused (401)'));
    runner.startJob(TEST_JOB_KIND, countJob(1, 1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(heard).not.toHaveBeenCalled();
    stop();
  });
});
