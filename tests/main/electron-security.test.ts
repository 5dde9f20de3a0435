// The Electron security baseline, asserted item by item against a mocked `electron` module.
import { readFile } from 'node:fs/promises';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

const electron = await import('./electron-mock');
const { APP_ENTRY_URL, createMainWindow, hardenSession, hardenWebContents, isAllowedExternalUrl } = await import('../../main/window');
const { answerAppRequest, registerAppScheme } = await import('../../main/protocol');
const { forwardEvents, registerBridge } = await import('../../main/ipc');
const { EVENT_CHANNEL } = await import('../../common/bridge/events');
const { createEventHub } = await import('../../main/bridge/events');
const { createJobRunner } = await import('../../main/jobs/runner');
const { publishJobs } = await import('../../main/jobs/handlers');
const { countJob, TEST_JOB_KIND } = await import('./jobs/support');
const { BRIDGE_METHODS, bridgeChannel } = await import('../../common/bridge/contract');
const { CONTENT_SECURITY_POLICY } = await import('../../main/security/csp');
const { createMediaCatalog } = await import('../../main/media/catalog');

beforeEach(() => {
  vi.clearAllMocks();
});

describe('window', () => {
  it('isolates the page: contextIsolation, sandbox, no Node, web security on', () => {
    createMainWindow('/app/out/preload/index.cjs');
    const options = electron.constructedWindows.at(-1)!.options as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('loads the app from its own scheme, never file://', () => {
    createMainWindow('/p.cjs');
    const { loadURL } = electron.constructedWindows.at(-1)!;
    expect(loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(APP_ENTRY_URL).toBe('app://mitlesen/index.html');
  });
});

describe('web contents', () => {
  it('denies every navigation', () => {
    const contents = new electron.FakeWebContents();
    hardenWebContents(contents as never);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://mitlesen/other.html']) {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('denies window.open and opens only allow-listed https links externally', () => {
    const contents = new electron.FakeWebContents();
    hardenWebContents(contents as never);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://apps.ankiweb.net/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://apps.ankiweb.net/');
  });

  it('prevents <webview> attachment', () => {
    const contents = new electron.FakeWebContents();
    hardenWebContents(contents as never);
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each([
    ['https://apps.ankiweb.net/', true],
    ['http://apps.ankiweb.net/', false],
    ['https://apps.ankiweb.net.evil.example/', false],
    ['https://user:pw@apps.ankiweb.net/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('openExternal allow-list: %s -> %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('permissions', () => {
  function handlers() {
    const session = electron.fakeSession();
    hardenSession(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>,
    ) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (
      wc: unknown, permission: string, origin: string, details: Record<string, unknown>,
    ) => boolean;
    return { request, check, session };
  }

  function ask(permission: string, details: Record<string, unknown>): boolean {
    let granted: boolean | null = null;
    handlers().request(null, permission, (value) => (granted = value), details);
    return granted!;
  }

  it('denies permission requests by default', () => {
    for (const permission of ['geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(ask(permission, { requestingUrl: 'app://mitlesen/index.html' })).toBe(false);
    }
    expect(handlers().check(null, 'geolocation', 'app://mitlesen', {})).toBe(false);
  });

  it('allows the microphone to the app page only, and never the camera', () => {
    expect(ask('media', { requestingUrl: 'app://mitlesen/index.html', mediaTypes: ['audio'] })).toBe(true);
    expect(ask('media', { requestingUrl: 'app://mitlesen/index.html', mediaTypes: ['video'] })).toBe(false);
    expect(ask('media', { requestingUrl: 'app://mitlesen/index.html', mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(ask('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['audio'] })).toBe(false);
  });

  it('denies device (USB/HID/serial) access', () => {
    const { session } = handlers();
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean;
    expect(device()).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it('allows no eval and no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    for (const values of directives.values()) {
      for (const value of values) expect(value).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
    }
  });

  it('is the same policy the page declares itself', async () => {
    const html = await readFile(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // A <meta> policy cannot carry frame-ancestors; everything else must match the header.
    const headerWithoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
    expect(meta).toBe(headerWithoutFrameAncestors);
  });
});

describe('app protocol', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mitlesen-protocol-'));
    await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
    await mkdir(join(dir, 'media', 'doc'), { recursive: true });
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'media', 'doc', 'de.mp3'), Buffer.alloc(500, 7));
    await writeFile(join(dir, 'outside.txt'), 'secret');
    await symlink(join(dir, 'outside.txt'), join(dir, 'renderer', 'leak.js'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const ask = (url: string, headers: Record<string, string> = {}) =>
    answerAppRequest(new Request(url, { headers }), join(dir, 'renderer'), createMediaCatalog(join(dir, 'media')));

  it('registers the scheme as standard, secure and streaming', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, stream: true }) }),
    ]);
  });

  it('serves the renderer with the CSP header', async () => {
    const response = await ask('app://mitlesen/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await (await ask('app://mitlesen/assets/app.js')).text()).toBe('console.log(1)');
  });

  it('answers media Range requests with 206 and 416', async () => {
    const partial = await ask('app://mitlesen/media/doc/de.mp3', { Range: 'bytes=0-99' });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe('bytes 0-99/500');
    expect((await partial.arrayBuffer()).byteLength).toBe(100);
    expect((await ask('app://mitlesen/media/doc/de.mp3', { Range: 'bytes=600-' })).status).toBe(416);
  });

  it.each([
    'app://mitlesen/..%2f..%2foutside.txt',
    'app://mitlesen/assets/..%2f..%2foutside.txt',
    'app://mitlesen/..%5coutside.txt',
    'app://mitlesen/leak.js',
    'app://mitlesen/index.html%00.js',
    'app://mitlesen/media/..%2foutside.txt',
    'app://other-host/index.html',
  ])('keeps %s inside the allowed folders', async (url) => {
    const response = await ask(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('secret');
  });
});

describe('IPC bridge', () => {
  function registered() {
    const handlers = Object.fromEntries(BRIDGE_METHODS.map((m) => [m, vi.fn(async () => `${m} ran`)]));
    registerBridge(electron.ipcMain as never, handlers as never);
    const byChannel = new Map(electron.ipcMain.handle.mock.calls.map(([channel, fn]) => [channel as string, fn as (event: unknown, arg: unknown) => Promise<unknown>]));
    return { handlers, byChannel };
  }
  const appFrame = { url: 'app://mitlesen/index.html', parent: null };

  it('registers exactly one handler per contract method', () => {
    const { byChannel } = registered();
    expect([...byChannel.keys()].sort()).toEqual(BRIDGE_METHODS.map(bridgeChannel).sort());
  });

  it('dispatches calls from the app frame', async () => {
    const { byChannel } = registered();
    expect(await byChannel.get('mitlesen:getAppInfo')!({ senderFrame: appFrame }, undefined)).toEqual({ ok: true, value: 'getAppInfo ran' });
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['a subframe of the app', { url: 'app://mitlesen/index.html', parent: appFrame }],
    ['a destroyed frame', null],
  ])('rejects calls from %s', async (_name, frame) => {
    const { byChannel, handlers } = registered();
    const result = await byChannel.get('mitlesen:getAppInfo')!({ senderFrame: frame }, undefined);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'This caller may not use the Mitlesen bridge.' } });
    expect(handlers.getAppInfo).not.toHaveBeenCalled();
  });

  it('answers invalid arguments with an error instead of throwing', async () => {
    const { byChannel } = registered();
    const result = await byChannel.get('mitlesen:loadDocument')!({ senderFrame: appFrame }, { documentId: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('push events to the window', () => {
  function wired() {
    const runner = createJobRunner({ progressIntervalMs: 0 });
    const hub = createEventHub();
    publishJobs(runner, hub);
    const app = new electron.FakeWebContents();
    const targets: InstanceType<typeof electron.FakeWebContents>[] = [app];
    const stop = forwardEvents(hub, () => targets as never);
    return { runner, hub, app, targets, stop };
  }
  const sentStates = (contents: InstanceType<typeof electron.FakeWebContents>) =>
    contents.send.mock.calls.map(([channel, message]) => `${channel as string} ${(message as { payload: { state: string } }).payload.state}`);

  it("sends a job's events to the app's top frame on the one event channel", async () => {
    const { runner, app } = wired();
    const jobId = runner.startJob(TEST_JOB_KIND, countJob(2, 5));
    await vi.waitFor(() => expect(runner.getJob(jobId)!.state).toBe('done'));
    expect(sentStates(app)).toEqual([
      `${EVENT_CHANNEL} queued`, `${EVENT_CHANNEL} running`, `${EVENT_CHANNEL} running`, `${EVENT_CHANNEL} running`, `${EVENT_CHANNEL} done`,
    ]);
    expect(app.send.mock.calls.at(-1)![1]).toEqual({
      name: 'job',
      payload: { jobId, kind: TEST_JOB_KIND, state: 'done', progress: 1, result: { counted: 2 } },
    });
  });

  it('reaches a cancelled job the same way', async () => {
    const { runner, app } = wired();
    const jobId = runner.startJob(TEST_JOB_KIND, countJob(100, 5));
    await vi.waitFor(() => expect(runner.getJob(jobId)!.progress).toBeGreaterThan(0));
    runner.cancelJob(jobId);
    await vi.waitFor(() => expect(runner.getJob(jobId)!.state).toBe('cancelled'));
    expect(sentStates(app).at(-1)).toBe(`${EVENT_CHANNEL} cancelled`);
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['a frame that is not the top one', { url: 'app://mitlesen/index.html', parent: { url: 'app://mitlesen/index.html', parent: null } }],
    ['a frame that is gone', null],
  ])('sends nothing to a window showing %s', (_name, frame) => {
    const { hub, app, targets } = wired();
    const other = new electron.FakeWebContents();
    other.mainFrame = frame;
    targets.push(other);
    hub.emit('library', { documentId: null });
    expect(other.send).not.toHaveBeenCalled();
    expect(app.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, { name: 'library', payload: { documentId: null } });
  });

  it('skips destroyed windows, includes windows opened later, and stops when told', () => {
    const { hub, app, targets, stop } = wired();
    app.destroyed = true;
    const later = new electron.FakeWebContents();
    targets.push(later);
    hub.emit('library', { documentId: 'a' });
    expect(app.send).not.toHaveBeenCalled();
    expect(later.send).toHaveBeenCalledOnce();
    stop();
    hub.emit('library', { documentId: 'b' });
    expect(later.send).toHaveBeenCalledOnce();
  });
});

describe('preload', () => {
  type Exposed = Record<string, (...args: unknown[]) => unknown>;
  let exposeCalls: unknown[][];
  let ipcListeners: [string, (event: unknown, message: unknown) => void][];
  let api: Exposed;
  beforeAll(async () => {
    await import('../../main/preload/index');
    // Saved now: the root beforeEach clears the mocks' records before every test.
    exposeCalls = [...electron.contextBridge.exposeInMainWorld.mock.calls] as unknown[][];
    ipcListeners = [...electron.ipcRenderer.on.mock.calls] as never;
    api = exposeCalls[0]![1] as Exposed;
  });
  const deliver = (message: unknown) => ipcListeners[0]![1]({ sender: electron.ipcRenderer }, message);

  it('exposes exactly the contract methods and the event subscription, each method one invoke on its own channel', async () => {
    expect(exposeCalls).toHaveLength(1);
    expect(exposeCalls[0]![0]).toBe('mitlesen');
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_METHODS, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.loadDocument!({ documentId: 'x' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('mitlesen:loadDocument', { documentId: 'x' });
  });

  it('listens on the one event channel only', () => {
    expect(ipcListeners.map(([channel]) => channel)).toEqual([EVENT_CHANNEL]);
  });

  it('hands a listener the payload of its own event only, never the IPC event object', () => {
    const heard = vi.fn();
    const unsubscribe = api.on!('job', heard) as () => void;
    const payload = { jobId: 'j', kind: 'import', state: 'running', progress: 0.5 };
    deliver({ name: 'job', payload });
    deliver({ name: 'library', payload: { documentId: null } });
    deliver({ name: 'toString', payload: 1 });
    deliver(null);
    deliver('job');
    expect(heard).toHaveBeenCalledExactlyOnceWith(payload);
    unsubscribe();
    deliver({ name: 'job', payload });
    expect(heard).toHaveBeenCalledOnce();
  });

  it('keeps two listeners of one event apart, and refuses events the contract does not name', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = api.on!('library', first) as () => void;
    const stopSecond = api.on!('library', second) as () => void;
    stopFirst();
    deliver({ name: 'library', payload: { documentId: 'a' } });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    stopSecond();
    for (const name of ['shell', '__proto__', 'constructor', 42]) expect(() => api.on!(name, vi.fn())).toThrow(/no bridge event/);
    expect(() => api.on!('job', 'not a function')).toThrow(/function/);
  });
});

describe('entry', () => {
  it('enables the sandbox for all renderers and hardens every web contents', async () => {
    await import('../../main/index');
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    const created = electron.app.on.mock.calls.find(([name]) => name === 'web-contents-created');
    expect(created).toBeDefined();
    const contents = new electron.FakeWebContents();
    (created![1] as (event: unknown, contents: unknown) => void)({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});
