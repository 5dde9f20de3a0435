// Cancelling kills the aligning process; a run that was killed goes on from its last finished
// window instead of starting over.
import { readdir, readFile, stat, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignRecording } from '../../../main/alignment/index';
import { FIXTURE, fixtureSentences, startErrors, truth } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mitlesen-align-resume-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Short windows, so the 50 s fixture takes several and a kill can fall between them.
const base = () => ({ audioFiles: [join(FIXTURE, 'speech.mp3')], sentences: fixtureSentences, language: 'de', engineHome: join(dir, 'home'), windowSeconds: 15 });

describe('cancel and resume', () => {
  it('rejects with an AbortError and stops at once when aborted', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    const started = performance.now();
    const run = alignRecording({
      ...base(),
      workDir: join(dir, 'cancel'),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'decode') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('goes on from the last finished window after the process was killed', { timeout: 90_000 }, async () => {
    const workDir = join(dir, 'resume');
    const controller = new AbortController();
    // Kill the child as soon as the first window is written (the first 'align' progress).
    await expect(
      alignRecording({
        ...base(),
        workDir,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'align') controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    const chunks = join(workDir, 'chunks');
    const before = (await readdir(chunks)).filter((n) => n.endsWith('.json')).sort();
    expect(before.length).toBeGreaterThanOrEqual(1);
    const first = join(chunks, before[0]!);
    const firstText = await readFile(first, 'utf8');
    const firstTime = (await stat(first)).mtimeMs;

    const phases: string[] = [];
    const result = await alignRecording({ ...base(), workDir, onProgress: (p) => phases.push(p.phase) });
    // Decoded audio was reused, the finished window was not redone, and more windows followed.
    expect(phases).not.toContain('decode');
    expect(await readFile(first, 'utf8')).toBe(firstText);
    expect((await stat(first)).mtimeMs).toBe(firstTime);
    expect((await readdir(chunks)).filter((n) => n.endsWith('.json')).length).toBeGreaterThan(before.length);
    const errors = startErrors(result.sentences.map((s) => s.start), truth.sentences.map((s) => s.start));
    expect(Math.max(...errors)).toBeLessThan(0.15);
  });
});
