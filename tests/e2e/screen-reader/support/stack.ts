// A real screen reader for one test file: Xvfb on a private display, a session D-Bus, the AT-SPI
// bus, Chromium (not headless, with renderer accessibility) showing the app in browser mode, and Orca
// with its own preferences folder whose orca-customizations.py writes every utterance to a transcript
// file instead of speaking it. The user's keys go through X (xdotool), so Orca sees them as a blind
// user's keystrokes; Playwright over CDP is only for setting up. Every process is stopped by its PID.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Settings } from '../../../../common/settings';
import type { Services } from '../../../../main/services';
import type { WebHost } from '../../../../main/web/server';
import { startServer } from '../../support/app';
import { chromiumPath } from '../../support/chromium';

const run = promisify(execFile);
const HERE = import.meta.dirname;
/** Orca and pyatspi are Debian's: the python3 on PATH may be another one without gi/pyatspi. */
export const SYSTEM_PYTHON = '/usr/bin/python3';
const REQUIRED = ['/usr/bin/orca', '/usr/bin/Xvfb', '/usr/bin/xdotool', '/usr/bin/dbus-daemon', '/usr/libexec/at-spi-bus-launcher', SYSTEM_PYTHON];

/** What is missing for the screen-reader tests (`.ci/run` installs it), or null when all is there. */
export function missingStack(): string | null {
  const missing = REQUIRED.filter((path) => !existsSync(path));
  if (!chromiumPath()) missing.push('chromium');
  if (missing.length === 0 && !existsSync('/usr/lib/python3/dist-packages/pyatspi')) missing.push('python3-pyatspi');
  return missing.length ? missing.join(', ') : null;
}

export interface Utterance {
  /** Seconds since the epoch, when Orca generated it. */
  t: number;
  kind: 'speech' | 'sayall';
  /** The language Orca chose for it (from the page's lang attributes), when it chose one. */
  lang: string | null;
  text: string;
}

export interface WaitOptions {
  /** Only utterances after this mark (see Transcript.mark). */
  since?: number;
  timeoutMs?: number;
}

export class Transcript {
  constructor(readonly path: string) {}

  all(): Utterance[] {
    if (!existsSync(this.path)) return [];
    return readFileSync(this.path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Utterance);
  }

  /** A mark: the number of utterances so far. */
  mark(): number {
    return this.all().length;
  }

  since(mark: number): Utterance[] {
    return this.all().slice(mark);
  }

  /** The texts after a mark, for messages and reports. */
  text(mark = 0): string[] {
    return this.since(mark).map((u) => (u.lang ? `[${u.lang}] ${u.text}` : u.text));
  }

  /** Waits until an utterance after the mark matches; returns it. Orca's wording is exact, so match loosely. */
  async waitFor(pattern: RegExp, options: WaitOptions = {}): Promise<Utterance> {
    const since = options.since ?? 0;
    const deadline = Date.now() + (options.timeoutMs ?? 8000);
    for (;;) {
      const found = this.since(since).find((u) => pattern.test(u.text));
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`Orca did not say ${pattern} within ${options.timeoutMs ?? 8000} ms; it said:\n  ${this.text(since).join('\n  ') || '(nothing)'}`);
      }
      await sleep(100);
    }
  }

  /** Waits until Orca has said nothing for `quietMs` (or `timeoutMs` passed); returns what it said after the mark. */
  async settle(since: number, quietMs = 700, timeoutMs = 6000): Promise<Utterance[]> {
    const deadline = Date.now() + timeoutMs;
    let count = this.since(since).length;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      await sleep(100);
      const now = this.since(since).length;
      if (now !== count) {
        count = now;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs) break;
    }
    return this.since(since);
  }
}

export interface AtspiNode {
  role: string;
  name: string;
  description?: string;
  states: string[];
  attributes: Record<string, string>;
  children: AtspiNode[];
  /** Text of leaf-ish nodes (up to 200 characters). */
  text?: string;
}

export interface AtspiEventCount {
  seconds: number;
  total: number;
  perSecond: number;
  /** "event type (source role)" → count, most first. */
  byKind: Record<string, number>;
}

export interface ScreenReaderStack {
  page: Page;
  host: WebHost;
  services: Services;
  transcript: Transcript;
  display: string;
  /** Presses keys through X the way a user does (xdotool names: Tab, shift+Tab, space, Escape, question…). */
  keys(...keys: string[]): Promise<void>;
  /** Types text through X. */
  type(text: string): Promise<void>;
  /** The AT-SPI tree of the page (the document and below), as Orca sees it. */
  accessibilityTree(): Promise<AtspiNode>;
  /** The accessibility events Chromium sends during `seconds` (each is work for Orca), counted by kind. */
  accessibilityEvents(seconds: number): Promise<AtspiEventCount>;
  /** Seconds from start to Orca ready, for the report. */
  startedInMs: number;
  close(): Promise<void>;
}

export interface StartStackOptions {
  dataDir?: string;
  /** Settings saved before the app opens (as if the user had chosen them earlier). */
  settings?: Partial<Omit<Settings, 'version'>>;
  width?: number;
  height?: number;
  /** Runs on the app's services before the page opens (a document of the user's own to add, say). */
  beforeOpen?(services: Services): Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The PIDs below a process (read from /proc), deepest first, so a tree can be stopped by PID. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // gone already
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const child of children.get(p) ?? []) {
      walk(child);
      out.push(child);
    }
  };
  walk(pid);
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already
  }
}

/** Stops a process and everything it started, by PID: SIGTERM, then SIGKILL (or SIGKILL at once). */
async function stopTree(pid: number | undefined, { hard = false, graceMs = 1500 } = {}): Promise<void> {
  if (!pid) return;
  const pids = [...descendants(pid), pid];
  for (const p of pids) signal(p, hard ? 'SIGKILL' : 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (pids.some(alive) && Date.now() < deadline) await sleep(50);
  for (const p of pids) if (alive(p)) signal(p, 'SIGKILL');
}

function waitForLine(stream: NodeJS.ReadableStream, pattern: RegExp, what: string, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      stream.off('data', onData);
      reject(new Error(`${what} did not start within ${timeoutMs} ms: ${buffer.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(pattern);
      if (match) {
        clearTimeout(timer);
        stream.off('data', onData);
        resolve(match);
      }
    };
    stream.on('data', onData);
  });
}

export async function startScreenReader(options: StartStackOptions = {}): Promise<ScreenReaderStack> {
  const started = Date.now();
  const width = options.width ?? 1280;
  const height = options.height ?? 860;
  const work = await mkdtemp(join(tmpdir(), 'mitlesen-sr-'));
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? join(work, 'data');
  await mkdir(dataDir, { recursive: true });
  const transcript = new Transcript(join(work, 'orca-transcript.jsonl'));
  const pids: { xvfb?: number; dbus?: number; atspi?: number; chromium?: number; orca?: number } = {};
  const children: ChildProcess[] = [];
  let server: { host: WebHost; services: Services } | undefined;
  let browser: Browser | undefined;

  const close = async () => {
    await browser?.close().catch(() => undefined);
    // Orca ignores SIGTERM while idle: SIGKILL. The rest get a chance to leave cleanly.
    await stopTree(pids.orca, { hard: true });
    await stopTree(pids.chromium);
    await stopTree(pids.atspi);
    await stopTree(pids.dbus);
    await stopTree(pids.xvfb);
    for (const child of children) child.stdout?.destroy(), child.stderr?.destroy();
    await server?.host.close().catch(() => undefined);
    await server?.services.close().catch(() => undefined);
    if (process.env.MITLESEN_KEEP_TRANSCRIPT) console.log(`[screen reader] transcript kept in ${transcript.path}`);
    else await rm(work, { recursive: true, force: true });
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    // 1. Xvfb picks a free display and tells us on fd 3.
    const xvfb = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    children.push(xvfb);
    pids.xvfb = xvfb.pid;
    const [, displayNumber] = await waitForLine(xvfb.stdio[3] as NodeJS.ReadableStream, /^(\d+)\n/, 'Xvfb');
    const display = `:${displayNumber}`;

    // 2. A session bus of our own.
    const dbus = await run('/usr/bin/dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], { env: { ...process.env, DISPLAY: display } });
    const [address, dbusPid] = dbus.stdout.trim().split('\n');
    pids.dbus = Number(dbusPid);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DISPLAY: display,
      DBUS_SESSION_BUS_ADDRESS: address,
      XDG_RUNTIME_DIR: join(work, 'run'),
      XDG_CONFIG_HOME: join(work, 'config'),
      XDG_DATA_HOME: join(work, 'share'),
      XDG_CACHE_HOME: join(work, 'cache'),
      GSETTINGS_BACKEND: 'memory',
      NO_AT_BRIDGE: '0',
      GTK_A11Y: 'atspi',
      ACCESSIBILITY_ENABLED: '1',
      LANG: 'C.UTF-8',
      MITLESEN_ORCA_TRANSCRIPT: transcript.path,
    };
    await mkdir(env.XDG_RUNTIME_DIR!, { recursive: true, mode: 0o700 });

    // 3. The accessibility bus.
    const atspi = spawn('/usr/libexec/at-spi-bus-launcher', ['--launch-immediately'], { env, stdio: 'ignore' });
    children.push(atspi);
    pids.atspi = atspi.pid;

    // 4. Orca with its own preferences and the transcript writer, running before the app opens, as a
    //    blind user's is.
    const prefs = join(work, 'orca');
    await mkdir(prefs, { recursive: true });
    await copyFile(join(HERE, 'orca-customizations.py'), join(prefs, 'orca-customizations.py'));
    // MITLESEN_ORCA_DEBUG=<file> keeps Orca's own debug log there (why it said what it said).
    const debug = process.env.MITLESEN_ORCA_DEBUG ? ['--debug-file', process.env.MITLESEN_ORCA_DEBUG] : [];
    const orca = spawn(SYSTEM_PYTHON, ['/usr/bin/orca', '-u', prefs, ...debug], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(orca);
    pids.orca = orca.pid;
    let orcaErr = '';
    orca.stderr!.on('data', (chunk: Buffer) => (orcaErr = (orcaErr + chunk.toString()).slice(-4000)));
    try {
      await transcript.waitFor(/screen reader on/i, { timeoutMs: 20_000 });
    } catch (error) {
      throw new Error(`Orca did not start: ${(error as Error).message}\n${orcaErr}`);
    }

    // 5. The app's host in this process, and Chromium showing it as an app window.
    server = await startServer(dataDir);
    if (options.settings) await server.services.handlers.updateSettings({ patch: options.settings });
    if (options.beforeOpen) await options.beforeOpen(server.services);
    const executable = existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : chromiumPath()!;
    const chrome = spawn(
      executable,
      [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--disable-features=Translate,MediaRouter',
        '--password-store=basic',
        '--autoplay-policy=no-user-gesture-required',
        '--force-renderer-accessibility',
        `--user-data-dir=${join(work, 'chromium')}`,
        '--remote-debugging-port=0',
        '--window-position=0,0',
        `--window-size=${width},${height}`,
        `--app=${server.host.url}`,
      ],
      { env, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    children.push(chrome);
    pids.chromium = chrome.pid;
    const [, ws] = await waitForLine(chrome.stderr!, /DevTools listening on (ws:\/\/\S+)/, 'Chromium');
    chrome.stderr!.resume();
    // Now and then (about one start in ten here) the first CDP attach never completes: try again.
    for (let attempt = 1; !browser; attempt++) {
      try {
        browser = await chromium.connectOverCDP(ws!, { timeout: 8000 });
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    const page = await findAppPage(browser, server.host.origin);

    const xdotool = (args: string[]) => run('/usr/bin/xdotool', args, { env });
    // No window manager: give the app window the input focus ourselves.
    await focusWindow(xdotool, chrome.pid!);

    const stack: ScreenReaderStack = {
      page,
      host: server.host,
      services: server.services,
      transcript,
      display,
      startedInMs: 0,
      keys: async (...keys) => {
        for (const key of keys) {
          await xdotool(['key', '--clearmodifiers', key]);
          await sleep(60);
        }
      },
      type: async (text) => {
        await xdotool(['type', '--delay', '40', text]);
      },
      accessibilityTree: async () => {
        const { stdout } = await run(SYSTEM_PYTHON, [join(HERE, 'atspi-tree.py'), String(chrome.pid)], { env, maxBuffer: 64 * 1024 * 1024 });
        return JSON.parse(stdout) as AtspiNode;
      },
      accessibilityEvents: async (seconds) => {
        const { stdout } = await run(SYSTEM_PYTHON, [join(HERE, 'atspi-events.py'), String(seconds)], { env, maxBuffer: 16 * 1024 * 1024 });
        return JSON.parse(stdout) as AtspiEventCount;
      },
      close,
    };
    // With no window manager the first key after start is not spoken: a warm-up key Orca ignores.
    await stack.keys('shift');
    stack.startedInMs = Date.now() - started;
    return stack;
  } catch (error) {
    await close();
    throw error;
  }
}

async function findAppPage(browser: Browser, origin: string): Promise<Page> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const context of browser.contexts()) {
      const page = context.pages().find((p) => p.url().startsWith(origin));
      if (page) return page;
    }
    await sleep(100);
  }
  throw new Error('the app page did not open in Chromium');
}

async function focusWindow(xdotool: (args: string[]) => Promise<{ stdout: string }>, pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const ids = await xdotool(['search', '--onlyvisible', '--class', 'chromium']).then(
      (r) => r.stdout.trim().split('\n').filter(Boolean),
      () => [] as string[],
    );
    if (ids.length) {
      const id = ids[ids.length - 1]!;
      await xdotool(['windowfocus', '--sync', id]).catch(() => undefined);
      await xdotool(['mousemove', '--window', id, '10', '10']).catch(() => undefined);
      return;
    }
    await sleep(100);
  }
  throw new Error(`no Chromium window on the display (pid ${pid})`);
}


/** The tests need the stack: without it a test file fails at once and says what to install. */
export function requireStack(): void {
  const missing = missingStack();
  if (missing) {
    throw new Error(`the screen-reader stack is missing: ${missing} (on Debian: apt-get install orca xvfb dbus-x11 at-spi2-core python3-pyatspi xdotool; .ci/run installs it)`);
  }
}
