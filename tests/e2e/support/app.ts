// Starts the real app for one test file: the browser-mode host in this process (real services,
// real SQLite, real media route) on a fresh data folder, and a real Chromium page pointed at it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { pathsFromRoot } from '../../../main/paths';
import { createServices, type ServiceOptions, type Services } from '../../../main/services';
import { startWebHost, type WebHost } from '../../../main/web/server';
import { launchChromium } from './chromium';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface StartAppOptions {
  /** Reuse a data folder (to test what survives a restart); a fresh one by default. */
  dataDir?: string;
  /** Extra Chromium flags, e.g. '--use-fake-device-for-media-stream'. */
  chromiumArgs?: string[];
  context?: BrowserContextOptions;
  /** Open the app page right away (default true). */
  open?: boolean;
  /** Aligner settings for recordings imported in the test (short windows make a cancel land between two). */
  aligner?: ServiceOptions['aligner'];
}

export interface RunningApp {
  browser: Browser;
  page: Page;
  host: WebHost;
  services: Services;
  dataDir: string;
  /** Reloads the page the way a user reopening the app would (the secret is kept by the tab). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(dataDir: string, aligner?: ServiceOptions['aligner']): Promise<{ host: WebHost; services: Services }> {
  const paths = pathsFromRoot(REPO_ROOT, dataDir);
  const services = await createServices({ paths, host: 'web', version: 'test', ...(aligner ? { aligner } : {}) });
  const host = await startWebHost({
    handlers: services.handlers,
    events: services.events,
    uploads: services.uploads,
    media: services.media,
    rendererDir: paths.rendererDir,
  });
  return { host, services };
}

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'mitlesen-e2e-')));
  const { host, services } = await startServer(dataDir, options.aligner);
  const browser = await launchChromium(options.chromiumArgs ?? []);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options.context });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  if (options.open !== false) await page.goto(host.url);
  return {
    browser,
    page,
    host,
    services,
    dataDir,
    reload: async () => {
      await page.reload();
    },
    close: async () => {
      await browser.close();
      await host.close();
      await services.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
