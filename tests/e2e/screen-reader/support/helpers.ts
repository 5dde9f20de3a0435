// Shared by the screen-reader tests: waiting for the player, walking the AT-SPI tree, and one step
// of a blind user's session (keys through X, then what Orca said until it went quiet).
import type { Page } from 'playwright-core';
import { startScreenReader, type AtspiNode, type ScreenReaderStack, type StartStackOptions, type Utterance } from './stack';

export async function waitUntilReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-player-status="ready"]', { timeout: 30_000 });
}

export function* nodes(root: AtspiNode): Generator<AtspiNode> {
  yield root;
  for (const child of root.children) yield* nodes(child);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface Heard {
  said: Utterance[];
  /** All texts joined by spaces, for matching across Orca's utterance boundaries. */
  text: string;
}

/** Presses keys, waits until Orca is quiet (or `quietMs`), logs and returns what it said. */
export async function press(sr: ScreenReaderStack, keys: string | string[], { quietMs = 600, timeoutMs = 5000, until }: { quietMs?: number; timeoutMs?: number; until?: RegExp } = {}): Promise<Heard> {
  const mark = sr.transcript.mark();
  await sr.keys(...(Array.isArray(keys) ? keys : [keys]));
  if (until) await sr.transcript.waitFor(until, { since: mark, timeoutMs });
  const said = await sr.transcript.settle(mark, quietMs, timeoutMs);
  const lines = sr.transcript.text(mark);
  console.log(`[orca] ${Array.isArray(keys) ? keys.join(' ') : keys} →${lines.length ? '\n    ' + lines.join('\n    ') : ' (nothing)'}`);
  return { said, text: said.map((u) => u.text.trim()).join(' ') };
}

/** The stack started and the app ready, with Orca done saying so: where most tests begin. */
export async function startReady(options: StartStackOptions = {}): Promise<ScreenReaderStack> {
  const sr = await startScreenReader(options);
  await waitUntilReady(sr.page);
  await sr.transcript.waitFor(/is ready/, { timeoutMs: 10_000 });
  await sr.transcript.settle(0, 800, 6000);
  return sr;
}
