// The layer rules themselves are tested: each deliberately wrong import in tests/fixtures/layers
// must be reported, and the allowed ones must not. Without this a rule that silently stopped
// matching (as an electron import once did) would let every wrong import through.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const config = createRequire(import.meta.url)(resolve(root, '.dependency-cruiser.cjs')) as {
  forbidden: unknown[];
  options: Record<string, unknown>;
};

describe('layer rules', () => {
  it('reports every wrong import and nothing else', async () => {
    const result = await cruise(['renderer', 'common', 'main'], {
      ...config.options,
      exclude: { path: '^(out|dist)/' },
      baseDir: resolve(root, 'tests/fixtures/layers'),
      ruleSet: { forbidden: config.forbidden },
      validate: true,
    } as never);
    const output = result.output as { summary: { violations: { from: string; to: string; rule: { name: string } }[] } };
    const found = output.summary.violations.map((v) => `${v.from} -> ${v.to}`).sort();
    expect([...new Set(found)]).toEqual([
      'common/imports-electron.ts -> electron',
      'common/imports-react.ts -> ../../../node_modules/react/index.js',
      'renderer/app/imports-electron.ts -> electron',
      'renderer/app/imports-howler.ts -> ../../../node_modules/howler/dist/howler.js',
      'renderer/app/imports-main.ts -> main/service.ts',
      'renderer/app/imports-node.ts -> fs',
      'renderer/notes/imports-app.ts -> renderer/app/root.ts',
      'renderer/session/imports-view.ts -> renderer/notes/Panel.tsx',
    ]);
  });
});
