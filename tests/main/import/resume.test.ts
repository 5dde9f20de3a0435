// An import the app was killed in the middle of: the process running it is killed (SIGKILL) once
// the aligner has finished a window; the next start of the import service starts it again, and it
// goes on from that window instead of starting over, then adds the document.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecordingRequest } from '../../../common/bridge/import-contract';
import type { JobEvent } from '../../../common/bridge/events';
import { createEventHub } from '../../../main/bridge/events';
import { importKey } from '../../../main/import/recording-import';
import { createImportService, importWorkDir } from '../../../main/import/service';
import { createUploads } from '../../../main/import/uploads';
import { createJobRunner } from '../../../main/jobs/runner';
import { FIXTURE, truth } from '../alignment/helpers';
import { repoLibrary, tempDir } from '../notes/helpers';

let temp: ReturnType<typeof tempDir>;
beforeAll(() => {
  temp = tempDir('mitlesen-resume-');
});
afterAll(() => temp.remove());

async function waitFor<T>(check: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('an import killed halfway', () => {
  it('is started again at the next start and goes on from its last finished window', { timeout: 180_000 }, async () => {
    const dataDir = join(temp.dir, 'data');
    const engineHome = join(temp.dir, 'home');
    const uploads = createUploads(dataDir);
    const bytes = await readFile(join(FIXTURE, 'speech.mp3'));
    const { uploadId } = await uploads.begin('speech.mp3', bytes.length);
    await uploads.append(uploadId, 0, new Uint8Array(bytes));
    const request: ImportRecordingRequest = { title: 'Zehn Sätze', audio: [uploadId], text: truth.sentences.map((s) => s.text).join(' '), format: 'plain', language: 'de' };

    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'run-import.ts'), dataDir, engineHome, JSON.stringify(request)], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const chunks = join(importWorkDir(dataDir), importKey(request), 'align', 'chunks');
    const first = await waitFor(async () => (await readdir(chunks).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort()[0] ?? null, 120_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const firstWritten = (await stat(join(chunks, first))).mtimeMs;
    const library = repoLibrary(dataDir);
    expect((await library.list()).filter((d) => d.kind === 'own')).toEqual([]);

    // The next start.
    const jobs = createJobRunner({ progressIntervalMs: 0 });
    // Read while the resumed job runs (synchronously in its event, before the folder goes at the end).
    let firstChunkAtFirstAlign: number | null = null;
    const phases: string[] = [];
    const done = new Promise<JobEvent>((resolve) =>
      jobs.subscribe((event) => {
        if (event.state === 'running' && event.message) {
          phases.push(`${event.message}:${event.progress === 0 ? 0 : '>0'}`);
          if (event.message === 'aligning' && firstChunkAtFirstAlign === null) firstChunkAtFirstAlign = statSync(join(chunks, first)).mtimeMs;
        }
        if (event.state !== 'running' && event.state !== 'queued') resolve(event);
      }),
    );
    const service = createImportService({ dataDir, library, jobs, events: createEventHub(() => []), aligner: { engineHome, windowSeconds: 10 } });
    const started = await service.resumeInterrupted();
    expect(started).toHaveLength(1);
    expect(jobs.getJob(started[0]!)).toMatchObject({ kind: 'import-recording', subject: 'Zehn Sätze' });
    const final = await done;
    expect(final).toMatchObject({ state: 'done' });
    // The window finished before the kill was not aligned again, and the audio not decoded again.
    expect(firstChunkAtFirstAlign).toBe(firstWritten);
    expect(phases.filter((p) => p === 'decoding:>0')).toEqual([]);
    expect(phases).toContain('adding:>0');
    // Done: the work folder is gone.
    expect(await readdir(chunks).catch(() => null)).toBeNull();
    const own = (await library.list()).filter((d) => d.kind === 'own');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ title: { de: 'Zehn Sätze' }, status: 'ready' });
    // A second start finds nothing to resume.
    expect(await service.resumeInterrupted()).toEqual([]);
    await jobs.close();
  });
});
