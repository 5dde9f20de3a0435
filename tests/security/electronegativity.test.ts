// Electronegativity (Doyensec's Electron security scanner) over what we ship: the built main
// process and preload, and the renderer page. Any finding above LOW severity fails unless it is
// justified in electronegativity-allowlist.yaml; an allow-list entry that no longer matches fails
// too, so the list never rots into a blanket pass.
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'electron-vite';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

interface Finding {
  id: string;
  file: string;
  sample: string;
  severity: { name: string; value: number };
  confidence: { name: string; value: number };
  location: { line: number; column: number };
}

interface AllowEntry {
  check: string;
  file: string;
  sample: string;
  reason: string;
}

const LOW = 1;
let scanDir: string;
let findings: Finding[];
let parseErrors: { file: string; message: string; tolerable: boolean }[];
let allowList: AllowEntry[];

beforeAll(async () => {
  scanDir = await mkdtemp(join(tmpdir(), 'mitlesen-eneg-'));
  // Build main and preload exactly as `npm run build` does, then scan them with the page.
  await build({ configFile: join(root, 'electron.vite.config.ts'), logLevel: 'silent' });
  await mkdir(join(scanDir, 'renderer'), { recursive: true });
  await cp(join(root, 'out', 'main'), join(scanDir, 'main'), { recursive: true });
  await cp(join(root, 'out', 'preload'), join(scanDir, 'preload'), { recursive: true });
  await cp(join(root, 'renderer', 'index.html'), join(scanDir, 'renderer', 'index.html'));
  await writeFile(join(scanDir, 'package.json'), await readFile(join(root, 'package.json')));

  // Electronegativity fetches translations of its messages at every run (with got), and there is no
  // internet here: the failed request's retry surfaced as an unhandled rejection, which fails the
  // run. Its English messages ship with it, so that one fetch is answered "offline" without a request.
  const gotPath = require.resolve('got', { paths: [dirname(require.resolve('@doyensec/electronegativity/package.json'))] });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: () => Promise.reject(new Error('offline')) } as unknown as NodeJS.Module;
  const electronVersion = (JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<{ issues: Finding[]; errors: typeof parseErrors }>;
  const result = await run({
    input: scanDir,
    output: join(scanDir, 'electronegativity.csv'),
    isSarif: false,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    severitySet: 'INFORMATIONAL',
    confidenceSet: 'TENTATIVE',
    isRelative: true,
    electronVersionOverride: electronVersion,
  });
  findings = result.issues;
  parseErrors = result.errors;
  allowList = (parse(await readFile(join(import.meta.dirname, 'electronegativity-allowlist.yaml'), 'utf8')) as AllowEntry[] | null) ?? [];
}, 120_000);

afterAll(async () => {
  await rm(scanDir, { recursive: true, force: true });
});

const matches = (entry: AllowEntry, finding: Finding) =>
  entry.check === finding.id && finding.file.endsWith(entry.file) && finding.sample.includes(entry.sample);

describe('electronegativity', () => {
  it('scanned the shipped code without parse errors', () => {
    expect(parseErrors.filter((e) => !e.tolerable)).toEqual([]);
    const scanned = new Set(findings.map((f) => f.file));
    // The scan saw the main process: a scan that silently skipped it would find nothing and pass.
    expect([...scanned].some((file) => file.includes('main'))).toBe(true);
  });

  it('has no finding above LOW severity that the allow-list does not justify', () => {
    const unjustified = findings
      .filter((f) => f.severity.value > LOW)
      .filter((f) => !allowList.some((entry) => matches(entry, f)))
      .map((f) => `${f.id} ${f.severity.name}/${f.confidence.name} at ${f.file}:${f.location.line}: ${f.sample.slice(0, 120)}`);
    expect(unjustified).toEqual([]);
  });

  it('allow-list entries are all still needed and explained', () => {
    for (const entry of allowList) {
      expect(entry.reason.length, `${entry.check} needs a reason`).toBeGreaterThan(40);
      expect(findings.some((f) => matches(entry, f)), `allow-list entry ${entry.check} (${entry.sample}) matches nothing any more`).toBe(true);
    }
  });
});
