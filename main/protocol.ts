// The app's own scheme, app://mitlesen/: the built renderer and the narration media, both answered
// here so the page never loads from file:// and <audio> gets real Range answers (Electron's
// net.fetch of file:// ignores Range).
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { protocol, type Session } from 'electron';
import type { MediaCatalog } from './media/catalog';
import { resolveInside } from './media/contain';
import { planMediaAnswer } from './media/range';
import { SECURITY_HEADERS } from './security/csp';
import { APP_HOST, APP_SCHEME } from './window';

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
}

export async function answerAppRequest(request: Request, rendererDir: string, media: MediaCatalog): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
  if (url.pathname.startsWith('/media/')) {
    const found = await media.resolve(url.pathname.slice('/media/'.length));
    if (!found.ok) return new Response(found.reason, { status: found.status, headers: SECURITY_HEADERS });
    const answer = planMediaAnswer(found.file.size, found.file.mimeType, request.headers.get('range'));
    const headers = { ...SECURITY_HEADERS, ...answer.headers };
    if (answer.status === 416 || request.method === 'HEAD') return new Response(null, { status: answer.status, headers });
    const stream = Readable.toWeb(createReadStream(found.file.path, { start: answer.start, end: answer.end }));
    return new Response(stream as ReadableStream, { status: answer.status, headers });
  }
  const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const file = await resolveInside(rendererDir, relative);
  if (!file) return notFound();
  const type = STATIC_TYPES[extname(file.path)] ?? 'application/octet-stream';
  const body = Readable.toWeb(createReadStream(file.path));
  return new Response(body as ReadableStream, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': type } });
}

export function handleAppProtocol(session: Session, rendererDir: string, media: MediaCatalog): void {
  session.protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, rendererDir, media));
}
