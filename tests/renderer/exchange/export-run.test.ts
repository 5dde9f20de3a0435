// The dialog's export run against a hand-driven bridge: a direct export answers with its files; an
// EPUB job is followed through its events, including events that arrive before the call's answer
// and a final state only getJob still knows; failures and cancels come back as outcomes with the
// message, never as a rejection.
import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import type { ExportDocumentResult } from '../../../common/bridge/exchange-contract';
import type { JobEvent } from '../../../common/bridge/events';
import { startExport } from '../../../renderer/exchange/export-run';

const FILE = { fileName: 'doc-2026-01-01-00-00-00.de.epub', path: '/data/exports/doc-2026-01-01-00-00-00.de.epub', mimeType: 'application/epub+zip', bytes: 10 };
const REQUEST = { documentId: 'doc', format: 'epub' as const };

function harness(answer: () => Promise<ExportDocumentResult>, jobs: Map<string, JobEvent> = new Map()) {
  const listeners = new Set<(event: JobEvent) => void>();
  const cancelled: string[] = [];
  const api = {
    exportDocument: answer,
    cancelJob: async ({ jobId }: { jobId: string }) => {
      cancelled.push(jobId);
      return jobs.get(jobId)!;
    },
    getJob: async ({ jobId }: { jobId: string }) => jobs.get(jobId) ?? null,
  };
  const events = {
    on: (_name: 'job' | 'library', listener: (payload: never) => void) => {
      listeners.add(listener as (event: JobEvent) => void);
      return () => void listeners.delete(listener as (event: JobEvent) => void);
    },
  };
  const emit = (event: JobEvent) => listeners.forEach((l) => l(event));
  return { api, events, emit, cancelled, listeners };
}

const job = (state: JobEvent['state'], extra: Partial<JobEvent> = {}): JobEvent => ({ jobId: 'j1', kind: 'export', state, progress: null, ...extra });

describe('startExport', () => {
  it('answers a direct export with its files and stops listening', async () => {
    const h = harness(async () => ({ jobId: null, files: [FILE] }));
    const run = startExport(h.api, h.events, { documentId: 'doc', format: 'srt' }, () => undefined);
    expect(await run.done).toEqual({ ok: true, files: [FILE] });
    expect(h.listeners.size).toBe(0);
  });

  it('follows the job: progress, then the files of its result; ignores other jobs', async () => {
    let answer!: (result: ExportDocumentResult) => void;
    const h = harness(() => new Promise((resolve) => (answer = resolve)));
    const progress: (number | null)[] = [];
    const run = startExport(h.api, h.events, REQUEST, (fraction) => progress.push(fraction));
    // The job's first event beats the answer of the call that started it.
    h.emit(job('running', { progress: 0.25 }));
    answer({ jobId: 'j1', files: [] });
    await Promise.resolve();
    await Promise.resolve();
    h.emit({ ...job('done', { result: { files: [] } }), jobId: 'other' });
    h.emit(job('done', { progress: 1, result: { files: [FILE] } }));
    expect(await run.done).toEqual({ ok: true, files: [FILE] });
    expect(progress).toEqual([0.25]);
  });

  it('learns a final state that came before the answer from getJob', async () => {
    const h = harness(async () => ({ jobId: 'j1', files: [] }), new Map([['j1', job('failed', { error: { code: 'failed', message: 'The disk is full.' } })]]));
    const run = startExport(h.api, h.events, REQUEST, () => undefined);
    expect(await run.done).toEqual({ ok: false, cancelled: false, message: 'The disk is full.' });
  });

  it('reports a refused call with its message, and a cancelled job as cancelled', async () => {
    const refused = harness(async () => {
      throw new BridgeError('invalid-argument', '"doc" has no English narration.');
    });
    expect(await startExport(refused.api, refused.events, REQUEST, () => undefined).done).toEqual({ ok: false, cancelled: false, message: '"doc" has no English narration.' });

    const h = harness(async () => ({ jobId: 'j1', files: [] }));
    const run = startExport(h.api, h.events, REQUEST, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    run.cancel();
    expect(h.cancelled).toEqual(['j1']);
    h.emit(job('cancelled', { message: 'Cancelled.' }));
    expect(await run.done).toEqual({ ok: false, cancelled: true, message: 'Cancelled.' });
  });

  it('refuses a done job whose result names no files', async () => {
    const h = harness(async () => ({ jobId: 'j1', files: [] }), new Map([['j1', job('done', { result: { nothing: true } })]]));
    const outcome = await startExport(h.api, h.events, REQUEST, () => undefined).done;
    expect(outcome).toEqual({ ok: false, cancelled: false, message: 'The export finished without naming its files.' });
  });
});
