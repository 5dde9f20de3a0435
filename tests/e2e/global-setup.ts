// Builds once what every end-to-end test serves: the renderer and the narration. Both are cached,
// so a second run costs seconds.
import { resolve } from 'node:path';
import { build } from 'vite';
import { ensureNarration } from '../../main/narration/ensure';

export default async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '..', '..');
  // Vitest sets NODE_ENV=test, which would give a development React build; test what users run.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve(root, 'renderer/vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  await ensureNarration({ repoRoot: root, log: (line: string) => console.log(`[narration] ${line}`) });
}
