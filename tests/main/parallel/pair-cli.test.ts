// `npm run pair` as a learner runs it: a child process on small files.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGLISH, GERMAN, GREEK, plain } from '../../common/parallel/texts';

const REPO = resolve(import.meta.dirname, '../../..');

const run = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'main/parallel/pair-cli.ts', ...args], { cwd: REPO })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

interface Output {
  pairs: { a: number[]; b: number[]; confidence: number }[];
  a: string[];
  b: string[];
  uncertain: number[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mitlesen-pair-'));
  writeFileSync(join(dir, 'de.txt'), plain(GERMAN));
  writeFileSync(join(dir, 'en.txt'), plain(ENGLISH));
  writeFileSync(join(dir, 'el.txt'), plain(GREEK));
  // One sentence per line, as given: the second line holds two sentences and stays one.
  writeFileSync(join(dir, 'de-lines.txt'), 'Guten Tag.\nWie geht es? Gut.\nAuf Wiedersehen.\n');
  writeFileSync(join(dir, 'en-lines.txt'), 'Good day.\nHow are you? Fine.\nGoodbye.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run pair', () => {
  it('prints the pairs and both sentence lists as JSON on stdout, progress on stderr', async () => {
    const r = await run([join(dir, 'de.txt'), join(dir, 'en.txt'), '--lang-a', 'de', '--lang-b', 'en']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.a).toHaveLength(16);
    expect(out.b).toHaveLength(16);
    expect(out.a[7]).toBe('Am 3. Oktober 1990 wurde Deutschland wiedervereinigt.');
    expect(out.pairs.map((p) => `${p.a}>${p.b}`)).toEqual(Array.from({ length: 16 }, (_, k) => `${k}>${k}`));
    for (const p of out.pairs) expect(p.confidence).toBeGreaterThan(0.5);
    expect(out.uncertain).toEqual([]);
    expect(r.stderr).toMatch(/16 sentences in .*de\.txt, 16 in .*en\.txt/);
    expect(r.stderr).toMatch(/pairing 100%/);
    expect(r.stderr).toMatch(/16 pairs in \d+\.\d s, 0 uncertain/);
  }, 30_000);

  it('writes to the file named by --json and pairs German with Greek', async () => {
    const file = join(dir, 'out.json');
    const r = await run([join(dir, 'de.txt'), join(dir, 'el.txt'), '--json', file, '--lang-b', 'el']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const out = JSON.parse(readFileSync(file, 'utf8')) as Output;
    expect(out.b[4]).toBe('Γιατί συνέβη τόσο ξαφνικά;');
    expect(out.pairs.map((p) => `${p.a}>${p.b}`)).toEqual(Array.from({ length: 16 }, (_, k) => `${k}>${k}`));
  }, 30_000);

  it('takes one sentence per line with --lines', async () => {
    const r = await run([join(dir, 'de-lines.txt'), join(dir, 'en-lines.txt'), '--lines']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.a).toEqual(['Guten Tag.', 'Wie geht es? Gut.', 'Auf Wiedersehen.']);
    expect(out.pairs.map((p) => `${p.a}>${p.b}`)).toEqual(['0>0', '1>1', '2>2']);
  }, 30_000);

  it('exits 2 with the usage for bad arguments', async () => {
    const one = await run([join(dir, 'de.txt')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/expected two files/);
    expect(one.stderr).toMatch(/Usage: npm run pair -- <original> <translation>/);
    const unknown = await run([join(dir, 'de.txt'), join(dir, 'en.txt'), '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/frobnicate/);
  }, 30_000);

  it('names the file it cannot read', async () => {
    const missing = join(dir, 'missing.txt');
    const r = await run([join(dir, 'de.txt'), missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot read the translation ${missing}: no such file`);
    expect(r.stdout).toBe('');
  }, 30_000);
});
