// The workers as the desktop app ships them: main built as `npm run build` builds it, then run from
// the built files with plain Node, no tsx: the aligning process (out/main/alignment-worker.js, which
// the app starts as a utility process) on the human fixture, and the sentence pairing
// (out/main/pairing-worker.js, a worker thread) on the interview's two languages.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'electron-vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignRecording, nodeWorkerLauncher } from '../../../main/alignment/index';
import { pairInWorker } from '../../../main/parallel/pairing';
import { parallelTexts } from '../../fixtures/parallel/parallel';
import { segmentText } from '../../../common/text/segment';
import { parseEdition } from '../../../common/edition/parse';
import { FIXTURE, fixtureSentences, startErrors, truth } from './helpers';

const root = resolve(import.meta.dirname, '..', '..', '..');
let outDir: string;
let scratch: string;

beforeAll(async () => {
  // Inside the checkout, so the built files find the dependencies the package ships with them.
  await mkdir(join(root, 'out'), { recursive: true });
  outDir = await mkdtemp(join(root, 'out', 'test-build-'));
  scratch = await mkdtemp(join(tmpdir(), 'mitlesen-desktop-aligner-'));
  await build({ configFile: join(root, 'electron.vite.config.ts'), logLevel: 'silent', build: { outDir } });
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

describe('the desktop build of the aligner', () => {
  it('aligns the human fixture from out/main/alignment-worker.js', { timeout: 90_000 }, async () => {
    const worker = join(outDir, 'main', 'alignment-worker.js');
    expect(existsSync(worker)).toBe(true);
    const result = await alignRecording({
      launch: nodeWorkerLauncher(worker),
      audioFiles: [join(FIXTURE, 'speech.mp3')],
      sentences: fixtureSentences,
      language: 'de',
      workDir: join(scratch, 'work'),
      engineHome: join(scratch, 'home'),
    });
    const errors = startErrors(result.sentences.map((s) => s.start), truth.sentences.map((s) => s.start));
    expect(Math.max(...errors)).toBeLessThan(0.15);
  });

  it('pairs the interview from out/main/pairing-worker.js', async () => {
    const parsed = parseEdition(readFileSync(join(root, 'transcripts', 'china-sieht-alles', 'edition.yaml'), 'utf8'), 'edition.yaml');
    if (!parsed.ok) throw new Error('the bundled edition does not parse');
    const texts = parallelTexts(parsed.edition);
    const a = segmentText(texts.a, 'de');
    const b = segmentText(texts.b, 'en');
    const fractions: number[] = [];
    const alignment = await pairInWorker(a, b, { workerPath: join(outDir, 'main', 'pairing-worker.js'), onProgress: (p) => fractions.push(p.fraction) });
    // Every sentence of both sides in exactly one pair, and the progress reached the end.
    expect(alignment.pairs.flatMap((p) => p.a)).toEqual(a.map((_, i) => i));
    expect(alignment.pairs.flatMap((p) => p.b)).toEqual(b.map((_, i) => i));
    expect(fractions.at(-1)).toBe(1);
  });
});
