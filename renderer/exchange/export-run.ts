// One export as the dialog runs it: the call, and for an EPUB the job it starts, followed through
// its events until it is done, failed or cancelled. Listening starts before the call, because a
// job's first events can arrive before the call's answer (they travel separately); and once the id
// is known, getJob catches a final state that came before it. No React here, so it is tested alone.
import type { Bridge } from '../../common/bridge/contract';
import type { ExportDocumentRequest, ExportedFile } from '../../common/bridge/exchange-contract';
import type { JobEvent } from '../../common/bridge/events';
import type { BridgeEventsClient } from '../bridge/backend';

export type ExportOutcome = { ok: true; files: ExportedFile[] } | { ok: false; cancelled: boolean; message: string };

export interface ExportRun {
  /** Settles once the export has finished one way or the other; never rejects. */
  done: Promise<ExportOutcome>;
  /** Asks a running job to stop (a direct export is over too fast to stop). */
  cancel(): void;
}

function filesOf(result: unknown): ExportedFile[] | null {
  const files = (result as { files?: unknown } | null)?.files;
  return Array.isArray(files) && files.every((f) => typeof (f as ExportedFile)?.fileName === 'string' && typeof (f as ExportedFile)?.path === 'string') ? (files as ExportedFile[]) : null;
}

export function startExport(
  api: Pick<Bridge, 'exportDocument' | 'cancelJob' | 'getJob'>,
  events: BridgeEventsClient,
  request: ExportDocumentRequest,
  onProgress: (fraction: number | null, message: string | null) => void,
): ExportRun {
  const early: JobEvent[] = [];
  let jobId: string | null = null;
  let settle!: (outcome: ExportOutcome) => void;
  const done = new Promise<ExportOutcome>((resolve) => (settle = resolve));
  let settled = false;
  const finish = (outcome: ExportOutcome) => {
    if (settled) return;
    settled = true;
    unsubscribe();
    settle(outcome);
  };
  const onJob = (event: JobEvent) => {
    if (event.state === 'queued' || event.state === 'running') return onProgress(event.progress, event.message ?? null);
    if (event.state === 'done') {
      const files = filesOf(event.result);
      return finish(files ? { ok: true, files } : { ok: false, cancelled: false, message: 'The export finished without naming its files.' });
    }
    finish({ ok: false, cancelled: event.state === 'cancelled', message: event.error?.message ?? event.message ?? 'Cancelled.' });
  };
  const unsubscribe = events.on('job', (event) => {
    if (jobId === null) early.push(event);
    else if (event.jobId === jobId) onJob(event);
  });

  api.exportDocument(request).then(
    async (result) => {
      if (result.jobId === null) return finish({ ok: true, files: result.files });
      jobId = result.jobId;
      for (const event of early.splice(0)) if (event.jobId === jobId) onJob(event);
      if (settled) return;
      const latest = await api.getJob({ jobId }).catch(() => null);
      if (latest) onJob(latest);
    },
    (error: unknown) => finish({ ok: false, cancelled: false, message: error instanceof Error ? error.message : String(error) }),
  );

  return {
    done,
    cancel() {
      if (jobId && !settled) void api.cancelJob({ jobId }).catch(() => undefined);
    },
  };
}
