// The browser-mode event stream over real HTTP: the same gates as bridge calls, a job's events
// reaching the page, cancel through the bridge, keep-alives, replay on connect, clean close.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseEventMessage } from '../../../common/bridge/event-schemas';
import type { BridgeEventMessage, JobEvent } from '../../../common/bridge/events';
import { SseDecoder } from '../../../common/bridge/sse';
import type { BridgeHandlers } from '../../../main/bridge/dispatch';
import { createEventHub, type BridgeEventFeed } from '../../../main/bridge/events';
import { jobHandlers, publishJobs } from '../../../main/jobs/handlers';
import { createJobRunner } from '../../../main/jobs/runner';
import { createMediaCatalog } from '../../../main/media/catalog';
import { startWebHost, type WebHost } from '../../../main/web/server';
import { countJob, TEST_JOB_KIND } from '../jobs/support';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mitlesen-webevents-'));
  await mkdir(join(dir, 'renderer'), { recursive: true });
  await mkdir(join(dir, 'media'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Mitlesen</title>');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A host wired as the services wire it: a runner publishing into a hub, its calls in the handlers. */
async function startHost(keepAliveMs = 15_000) {
  const runner = createJobRunner({ progressIntervalMs: 0 });
  const hub = createEventHub(() => runner.listJobs().map((payload) => ({ name: 'job' as const, payload })));
  publishJobs(runner, hub);
  let subscribers = 0;
  // Counts subscriptions, to see a stream let go of the feed when its page goes away.
  const feed: BridgeEventFeed = {
    current: hub.current,
    subscribe(listener) {
      subscribers += 1;
      const stop = hub.subscribe(listener);
      return () => {
        subscribers -= 1;
        stop();
      };
    },
  };
  const handlers = { ...jobHandlers(runner) } as unknown as BridgeHandlers;
  const host = await startWebHost({ handlers, media: createMediaCatalog(join(dir, 'media')), rendererDir: join(dir, 'renderer'), events: feed, keepAliveMs });
  return { runner, hub, host, subscribers: () => subscribers };
}

interface Stream {
  status: number;
  contentType: string | undefined;
  messages: BridgeEventMessage[];
  /** Messages that did not pass the contract, or whose SSE event name disagreed with the data. */
  problems: string[];
  raw: () => string;
  ended: Promise<'end' | 'aborted'>;
  jobEvents(jobId: string): JobEvent[];
  close(): void;
}

function openStream(host: WebHost, headers: Record<string, string>, method = 'POST', path = '/api/events'): Promise<Stream> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest;
    const messages: BridgeEventMessage[] = [];
    const problems: string[] = [];
    let raw = '';
    const decoder = new SseDecoder();
    req = request(
      { host: '127.0.0.1', port: host.port, path, method, headers: { Host: `127.0.0.1:${host.port}`, ...headers } },
      (res: IncomingMessage) => {
        res.setEncoding('utf8');
        const ended = new Promise<'end' | 'aborted'>((done) => {
          res.on('end', () => done('end'));
          res.on('aborted', () => done('aborted'));
          res.on('error', () => done('aborted'));
        });
        res.on('data', (chunk: string) => {
          raw += chunk;
          for (const { event, data } of decoder.push(chunk)) {
            const parsed = parseEventMessage(JSON.parse(data));
            if (!parsed.ok) problems.push(parsed.problem);
            else if (parsed.message.name !== event) problems.push(`event ${event} carried ${parsed.message.name}`);
            else messages.push(parsed.message);
          }
        });
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          messages,
          problems,
          raw: () => raw,
          ended,
          jobEvents: (jobId) => messages.flatMap((m) => (m.name === 'job' && m.payload.jobId === jobId ? [m.payload] : [])),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function call(host: WebHost, method: string, arg: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1', port: host.port, path: `/api/${method}`, method: 'POST',
        headers: { Host: `127.0.0.1:${host.port}`, Origin: host.origin, 'X-Mitlesen-Token': host.token, 'Content-Type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body)));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ arg }));
  });
}

const good = (host: WebHost) => ({ Origin: host.origin, 'X-Mitlesen-Token': host.token });

describe('event stream gates', () => {
  let wired: Awaited<ReturnType<typeof startHost>>;
  beforeAll(async () => {
    wired = await startHost();
  });
  afterAll(async () => {
    await wired.host.close();
  });

  it.each([
    ['without the secret', (host: WebHost) => ({ Origin: host.origin }), 'POST', '', 401],
    ['with a wrong secret', (host: WebHost) => ({ Origin: host.origin, 'X-Mitlesen-Token': 'x'.repeat(43) }), 'POST', '', 401],
    ['with the secret in the query instead of the header', (host: WebHost) => ({ Origin: host.origin }), 'POST', 'token', 401],
    ['from another origin', (host: WebHost) => ({ Origin: 'http://evil.example', 'X-Mitlesen-Token': host.token }), 'POST', '', 403],
    ['without an Origin', (host: WebHost) => ({ 'X-Mitlesen-Token': host.token }), 'POST', '', 403],
    ['for a foreign Host name (DNS rebinding)', (host: WebHost) => ({ ...good(host), Host: `attacker.example:${host.port}`, Origin: `http://attacker.example:${host.port}` }), 'POST', '', 421],
    ['as a GET (what EventSource sends)', (host: WebHost) => good(host), 'GET', '', 405],
    ['as a GET with the secret in the query', (host: WebHost) => ({}), 'GET', 't', 405],
  ])('refuses a stream %s', async (_name, headers, method, query, status) => {
    const path = query ? `/api/events?${query}=${wired.host.token}` : '/api/events';
    const stream = await openStream(wired.host, headers(wired.host), method, path);
    expect(stream.status).toBe(status);
    expect(stream.contentType).toContain('application/json');
    expect(await stream.ended).toBe('end');
    expect(stream.raw()).toContain('"forbidden"');
    expect(wired.subscribers()).toBe(0);
  });
});

describe('event stream', () => {
  let wired: Awaited<ReturnType<typeof startHost>>;
  beforeAll(async () => {
    wired = await startHost(50);
  });
  afterAll(async () => {
    await wired.host.close();
  });

  it("carries a job's progress and its result to the page", async () => {
    const stream = await openStream(wired.host, good(wired.host));
    expect(stream.status).toBe(200);
    expect(stream.contentType).toBe('text/event-stream; charset=utf-8');
    const jobId = wired.runner.startJob(TEST_JOB_KIND, countJob(4, 10));
    await vi.waitFor(() => expect(stream.jobEvents(jobId).at(-1)?.state).toBe('done'));
    expect(stream.jobEvents(jobId).map((e) => [e.state, e.progress])).toEqual([
      ['queued', null], ['running', null], ['running', 0.25], ['running', 0.5], ['running', 0.75], ['running', 1], ['done', 1],
    ]);
    expect(stream.jobEvents(jobId).at(-1)).toEqual({ jobId, kind: TEST_JOB_KIND, state: 'done', progress: 1, result: { counted: 4 } });
    expect(stream.problems).toEqual([]);
    stream.close();
  });

  it('cancels a job through the bridge, and the stream hears it stop', async () => {
    const stream = await openStream(wired.host, good(wired.host));
    const jobId = wired.runner.startJob(TEST_JOB_KIND, countJob(1000, 10));
    await vi.waitFor(() => expect(stream.jobEvents(jobId).some((e) => (e.progress ?? 0) > 0)).toBe(true));
    const answer = await call(wired.host, 'cancelJob', { jobId });
    expect(answer).toMatchObject({ ok: true, value: { jobId, state: 'running' } });
    await vi.waitFor(() => expect(stream.jobEvents(jobId).at(-1)?.state).toBe('cancelled'));
    expect(await call(wired.host, 'getJob', { jobId })).toMatchObject({ ok: true, value: { jobId, state: 'cancelled', message: 'Cancelled.' } });
    expect(await call(wired.host, 'cancelJob', { jobId: '../etc' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call(wired.host, 'cancelJob', { jobId: 'gone' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call(wired.host, 'getJob', { jobId: 'gone' })).toEqual({ ok: true, value: null });
    stream.close();
  });

  it('brings a page that connects late up to date with the jobs it missed', async () => {
    const jobId = wired.runner.startJob(TEST_JOB_KIND, countJob(1, 1));
    await vi.waitFor(() => expect(wired.runner.getJob(jobId)?.state).toBe('done'));
    const stream = await openStream(wired.host, good(wired.host));
    await vi.waitFor(() => expect(stream.jobEvents(jobId)).toEqual([wired.runner.getJob(jobId)]));
    stream.close();
  });

  it('sends keep-alive comments while idle, which readers skip', async () => {
    const stream = await openStream(wired.host, good(wired.host));
    await vi.waitFor(() => expect(stream.raw().match(/^: keep-alive$/gm)?.length ?? 0).toBeGreaterThanOrEqual(2));
    expect(stream.problems).toEqual([]);
    stream.close();
  });

  it('lets go of the feed when the page goes away', async () => {
    // The earlier tests' streams were closed by their pages: none may still hold on.
    await vi.waitFor(() => expect(wired.subscribers()).toBe(0));
    const stream = await openStream(wired.host, good(wired.host));
    await vi.waitFor(() => expect(wired.subscribers()).toBe(1));
    stream.close();
    await vi.waitFor(() => expect(wired.subscribers()).toBe(0));
    // And events after that go nowhere, without error.
    wired.hub.emit('library', { documentId: null });
  });
});

describe('event stream on server close', () => {
  it('ends the stream cleanly instead of resetting it', async () => {
    const wired = await startHost();
    const stream = await openStream(wired.host, good(wired.host));
    expect(stream.status).toBe(200);
    const started = Date.now();
    await wired.host.close();
    expect(await stream.ended).toBe('end');
    expect(Date.now() - started).toBeLessThan(900);
    expect(wired.subscribers()).toBe(0);
  });
});
