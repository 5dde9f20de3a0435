// `npm run export` as a script runs it: the file written where --out says, argument errors exit 2
// with the usage, an unknown document exits 1 with the reason.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSyncMap } from '../../../common/exchange/syncmap-read';
import { REPO, tempDir } from '../notes/helpers';

const run = promisify(execFile);
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO, 'main', 'exchange', 'cli.ts');

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir('mitlesen-export-cli-')));
afterEach(() => temp.remove());

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args, '--data-dir', join(temp.dir, 'data')], { cwd: REPO });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run export', () => {
  it('writes a single-file export to the file --out names', async () => {
    const out = join(temp.dir, 'map.json');
    const result = await cli('china-sieht-alles', '--format', 'syncmap', '--language', 'de', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(out);
    const map = readSyncMap(readFileSync(out, 'utf8'), 'map.json');
    expect(map.ok && map.value.fragments.length).toBe(188);
  }, 60_000);

  it('exits 2 with the usage on a bad argument, and 1 for an unknown document', async () => {
    for (const args of [[], ['china-sieht-alles', '--format', 'docx', '--out', temp.dir], ['china-sieht-alles', '--format', 'srt'], ['china-sieht-alles', '--format', 'srt', '--out', temp.dir, '--language', 'fr'], ['a', 'b', '--format', 'srt', '--out', temp.dir], ['china-sieht-alles', '--bogus']]) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: npm run export');
    }
    const unknown = await cli('no-such-document', '--format', 'srt', '--out', temp.dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no document "no-such-document".');
  }, 120_000);
});
