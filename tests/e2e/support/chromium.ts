// Real Chromium for end-to-end tests and benchmarks: Debian's build when present (Playwright's own
// browsers cannot be downloaded on our machines), otherwise whatever Playwright has installed.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

export function chromiumPath(): string | undefined {
  const candidates = [process.env.MITLESEN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

export function launchChromium(extraArgs: string[] = [], options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS, ...extraArgs],
    ...options,
  });
}
