// The desktop app's aligning process is an Electron utility process; Electron cannot run here, so
// the glue is checked against the mock: it starts the built worker, passes messages both ways,
// reports an exit, and a cancel kills it. (tests/main/alignment/desktop-build.test.ts runs that
// built worker for real.)
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

const electron = await import('./electron-mock');
const { utilityWorkerLauncher } = await import('../../main/utility-worker');
const { alignRecording } = await import('../../main/alignment/index');

const sentences = [{ id: 's1', text: 'Guten Tag.' }];

describe('the aligner in a utility process', () => {
  it('runs the built worker, sends it the job, and hands back its progress and result', async () => {
    const progress: string[] = [];
    const run = alignRecording({ launch: utilityWorkerLauncher('/app/out/main/alignment-worker.js'), audioFiles: ['/a.mp3'], sentences, language: 'de', workDir: '/w', engineHome: '/home', onProgress: (p) => progress.push(p.phase) });
    const forked = electron.forkedUtilities.at(-1)!;
    expect(forked.modulePath).toBe('/app/out/main/alignment-worker.js');
    expect(forked.options.serviceName).toBe('Mitlesen aligner');
    expect(forked.child.posted).toEqual([expect.objectContaining({ type: 'start', engineHome: '/home', input: expect.objectContaining({ audioFiles: ['/a.mp3'], sentences, language: 'de' }) })]);
    forked.child.emit('message', { type: 'progress', progress: { phase: 'decode', fraction: 0.5 } });
    const result = { duration: 1, sentences: [], issues: [] };
    forked.child.emit('message', { type: 'result', result, peakRssBytes: 1 });
    await expect(run).resolves.toEqual(result);
    expect(progress).toEqual(['decode']);
    // A utility process stays up until it is ended; the aligner ends it once the job is done.
    expect(forked.child.kill).toHaveBeenCalled();
  });

  it('says so when the process stops before it answered', async () => {
    const run = alignRecording({ launch: utilityWorkerLauncher('/w.js'), audioFiles: ['/a.mp3'], sentences, language: 'de', workDir: '/w' });
    electron.forkedUtilities.at(-1)!.child.emit('exit', 9);
    await expect(run).rejects.toThrow('the aligning process stopped unexpectedly (exit code 9)');
  });

  it('kills the process on cancel', async () => {
    const controller = new AbortController();
    const run = alignRecording({ launch: utilityWorkerLauncher('/w.js'), audioFiles: ['/a.mp3'], sentences, language: 'de', workDir: '/w', signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(electron.forkedUtilities.at(-1)!.child.kill).toHaveBeenCalled();
  });
});
