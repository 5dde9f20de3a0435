// Browser mode: the same renderer and the same bridge, served over HTTP on loopback.
// It must not become a hole in the user's machine, so every request passes these gates:
// - bound to 127.0.0.1 only (unless the user asks otherwise), on a random port by default;
// - the Host header must name this loopback address (defeats DNS rebinding);
// - API calls must come from this origin (Origin header) and carry the per-launch secret;
// - media requests carry the secret too, and name media by id, never by path;
// - the event stream passes the very gates of the API calls (see handleEvents for why it is a POST).
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { BridgeError, type BridgeEnvelope } from '../../common/bridge/contract';
import { EVENT_STREAM_PATH } from '../../common/bridge/events';
import { encodeSseComment, encodeSseMessage } from '../../common/bridge/sse';
import { dispatch, type BridgeHandlers } from '../bridge/dispatch';
import type { BridgeEventFeed } from '../bridge/events';
import type { Uploads } from '../import/uploads';
import type { MediaCatalog } from '../media/catalog';
import { planMediaAnswer } from '../media/range';
import { SECURITY_HEADERS } from '../security/csp';

export const TOKEN_HEADER = 'x-mitlesen-token';
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** A page that stops reading its event stream is cut off past this, rather than grow our memory. */
const MAX_STREAM_BACKLOG_BYTES = 1024 * 1024;

export interface WebHostOptions {
  handlers: BridgeHandlers;
  media: MediaCatalog;
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  hostname?: string;
  token?: string;
  /** Push events for the pages; without it the event stream answers 404. */
  events?: BridgeEventFeed;
  /** Where files for an import go (POST /upload/<id>, the body is the file); without it that answers 404. */
  uploads?: Pick<Uploads, 'receive'>;
  /** How often an idle event stream gets a comment, so nothing between us and the page drops it. */
  keepAliveMs?: number;
}

export interface WebHost {
  /** The address to open: includes the secret in the fragment, which never reaches the server logs. */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** An upload's outcome as a bridge envelope, so the page reads it like any call's. */
async function dispatchUpload(receive: () => Promise<unknown>): Promise<BridgeEnvelope<unknown>> {
  try {
    return { ok: true, value: await receive() };
  } catch (error) {
    if (error instanceof BridgeError) return { ok: false, error: { code: error.code === 'unknown-method' ? 'failed' : error.code, message: error.message } };
    console.error('web host: upload failed', error);
    return { ok: false, error: { code: 'failed', message: `The upload failed: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const hostname = options.hostname ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const serveStatic = sirv(options.rendererDir, { dev: false, etag: true, single: false, dotfiles: false });
  let allowedHosts = new Set<string>();

  function hasToken(presented: string | null | undefined): boolean {
    if (!presented) return false;
    const bytes = Buffer.from(presented);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  }

  function send(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(text);
  }

  function refuse(res: ServerResponse, status: number, message: string): void {
    const envelope: BridgeEnvelope<never> = { ok: false, error: { code: 'forbidden', message } };
    send(res, status, envelope);
  }

  async function readBody(req: IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of req) {
      total += (chunk as Buffer).length;
      if (total > MAX_BODY_BYTES) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** The gates of every API request (calls and the event stream); false when it was refused. */
  function admitApi(req: IncomingMessage, res: ServerResponse, what: string): boolean {
    if (req.method !== 'POST') {
      refuse(res, 405, `${what} must be POST requests.`);
      return false;
    }
    const origin = req.headers.origin;
    if (!origin || !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      refuse(res, 403, `${what} are accepted from the app page only.`);
      return false;
    }
    const presented = req.headers[TOKEN_HEADER];
    if (!hasToken(Array.isArray(presented) ? presented[0] : presented)) {
      refuse(res, 401, 'The secret of this session is missing or wrong. Open the address printed by "npm run web".');
      return false;
    }
    return true;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (!admitApi(req, res, 'Bridge calls')) return;
    const body = await readBody(req);
    if (body === null) return refuse(res, 413, 'The request is too large.');
    let arg: unknown;
    try {
      arg = body.trim() === '' ? undefined : (JSON.parse(body) as { arg?: unknown }).arg;
    } catch {
      return send(res, 400, { ok: false, error: { code: 'invalid-argument', message: 'The request body is not valid JSON.' } });
    }
    send(res, 200, await dispatch(options.handlers, decodeURIComponent(method), arg));
  }

  /**
   * A file for an import, as the request body (the page posts the File itself, so the browser
   * streams it from disk): the bridge call beginUpload announced its name and size and gave the id.
   * Same gates as a bridge call; the size limit is the upload's own, checked as the bytes arrive.
   */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, uploadId: string): Promise<void> {
    if (!admitApi(req, res, 'Uploads')) return;
    if (!options.uploads) return send(res, 404, { ok: false, error: { code: 'not-found', message: 'This host takes no uploads.' } });
    send(res, 200, await dispatchUpload(() => options.uploads!.receive(uploadId, req)));
  }

  const streams = new Set<ServerResponse>();

  /**
   * The event stream: server-sent events (text/event-stream) answering a POST, read by the page
   * with fetch(), not EventSource. EventSource can only GET and cannot send a header, so it would
   * need the secret in the URL (where URLs end up: logs, history, exported network traces), and a
   * same-origin GET carries no Origin header, so the Origin check would have to let "no Origin"
   * pass. A POST with the header passes exactly the gates of every bridge call: Host, Origin
   * (browsers always send it on POST), and the secret, never in a URL. The cost: the page
   * reconnects by itself (renderer/bridge/backend.ts), which it has to do anyway.
   */
  async function handleEvents(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!admitApi(req, res, 'Event streams')) return;
    const feed = options.events;
    if (!feed) return send(res, 404, { ok: false, error: { code: 'not-found', message: 'This host sends no events.' } });
    if ((await readBody(req)) === null) return refuse(res, 413, 'The request is too large.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    streams.add(res);
    const write = (text: string) => {
      if (res.writableEnded || res.destroyed) return;
      res.write(text);
      if (res.writableLength > MAX_STREAM_BACKLOG_BYTES) res.destroy();
    };
    write(encodeSseComment('mitlesen events'));
    // A page that connects (or reconnects after a gap) learns the current state of every job,
    // so an event it missed meanwhile leaves nothing stale: each job event is a whole snapshot.
    for (const message of feed.current()) write(encodeSseMessage(message.name, JSON.stringify(message)));
    const unsubscribe = feed.subscribe((message) => write(encodeSseMessage(message.name, JSON.stringify(message))));
    const keepAlive = setInterval(() => write(encodeSseComment('keep-alive')), options.keepAliveMs ?? 15_000);
    res.on('close', () => {
      unsubscribe();
      clearInterval(keepAlive);
      streams.delete(res);
    });
  }

  async function handleMedia(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Media are read with GET.');
    if (!hasToken(url.searchParams.get('t'))) return refuse(res, 401, 'The secret of this session is missing or wrong.');
    // The raw path is used on purpose: decoding first would let "%2f" smuggle in a separator.
    const id = url.pathname.slice('/media/'.length);
    const found = await options.media.resolve(id);
    if (!found.ok) return send(res, found.status, { ok: false, error: { code: 'not-found', message: `No media "${id.slice(0, 100)}": ${found.reason}.` } });
    const answer = planMediaAnswer(found.file.size, found.file.mimeType, req.headers.range);
    res.writeHead(answer.status, { ...SECURITY_HEADERS, ...answer.headers });
    if (answer.status === 416 || req.method === 'HEAD') return void res.end();
    createReadStream(found.file.path, { start: answer.start, end: answer.end }).on('error', () => res.destroy()).pipe(res);
  }

  const server: Server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      return refuse(res, 421, 'This server answers on its loopback address only.');
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const apiMatch = /^\/api\/([^/]+)$/.exec(url.pathname);
    const uploadMatch = /^\/upload\/([^/]+)$/.exec(url.pathname);
    const task = url.pathname === EVENT_STREAM_PATH
      ? handleEvents(req, res)
      : uploadMatch
      ? handleUpload(req, res, uploadMatch[1]!)
      : apiMatch
      ? handleApi(req, res, apiMatch[1]!)
      : url.pathname.startsWith('/media/')
        ? handleMedia(req, res, url)
        : Promise.resolve(
            serveStatic(req, res, () => {
              send(res, 404, { ok: false, error: { code: 'not-found', message: 'Not found.' } });
            }),
          );
    task.catch((error: unknown) => {
      console.error('web host: request failed', error);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'failed', message: 'The request failed.' } });
      else res.destroy();
    });
  });
  // Static files get the same security headers as everything else.
  server.prependListener('request', (_req, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  if (hostname !== '127.0.0.1' && hostname !== 'localhost' && hostname !== '::1') allowedHosts.add(`${hostname}:${port}`);
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    close: async () => {
      // Event streams end properly first, so a page sees the end of the stream (and reconnects
      // later) rather than a reset connection; a page too slow to take the end is cut off.
      await Promise.all(
        [...streams].map(
          (res) =>
            new Promise<void>((resolvePromise) => {
              const timer = setTimeout(() => (res.destroy(), resolvePromise()), 1000);
              res.once('close', () => (clearTimeout(timer), resolvePromise()));
              res.end();
            }),
        ),
      );
      await new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      });
    },
  };
}
