// Takes docs/screenshot-contrast-200.png from the real app: the high-contrast theme (light on dark)
// at 200% text, playing mid-sentence so the word and sentence highlight show.
//   npm run build:renderer && npx tsx tests/e2e/support/screenshot-contrast.ts
import { resolve } from 'node:path';
import { openPlayer, waitForPlaying, waitUntilReady } from '../player-helpers';
import { REPO_ROOT } from './app';

const app = await openPlayer({
  context: { viewport: { width: 1280, height: 860 } },
  beforeOpen: async (running) => running.services.handlers.updateSettings({ patch: { theme: 'contrast-dark', fontScale: 2 } }),
});
try {
  const { page } = app;
  await waitUntilReady(page);
  await page.locator('[data-sentence="s006"][data-lang="de"]').click();
  await waitForPlaying(page, true);
  await page.waitForFunction(() => {
    const word = document.querySelector<HTMLElement>('.w.is-current-word');
    return word !== null && Number(word.dataset.w) >= 4;
  });
  await page.keyboard.press('Space');
  await waitForPlaying(page, false);
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(400);
  const file = resolve(REPO_ROOT, 'docs/screenshot-contrast-200.png');
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
} finally {
  await app.close();
}
