// In the real app: from a key typed in the search box to the results for that text on screen, for a
// fast typist (a key every 60 ms). Shared by the search and the book benchmarks.
import type { Page } from 'playwright-core';

export async function keyToResults(page: Page, queries: readonly string[], { rounds, pauseMs }: { rounds: number; pauseMs: number }): Promise<number[]> {
  const box = page.getByRole('combobox', { name: 'Search the transcript and your notes' });
  await box.waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    const state = { times: [] as number[], pending: null as { value: string; at: number } | null };
    (window as unknown as { __keyBench: typeof state }).__keyBench = state;
    const input = document.querySelector<HTMLInputElement>('.search-input')!;
    input.addEventListener('input', () => (state.pending = { value: input.value, at: performance.now() }));
    const results = document.querySelector('.search-results')!;
    new MutationObserver(() => {
      const pending = state.pending;
      if (pending && results.getAttribute('data-query') === pending.value) {
        state.pending = null;
        requestAnimationFrame(() => state.times.push(performance.now() - pending.at));
      }
    }).observe(results, { attributes: true, childList: true, subtree: true, characterData: true });
  });
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      await box.fill('');
      await box.focus();
      await page.keyboard.type(query, { delay: 60 });
      await page.waitForTimeout(pauseMs);
    }
  }
  await box.fill('');
  return page.evaluate(() => (window as unknown as { __keyBench: { times: number[] } }).__keyBench.times);
}
