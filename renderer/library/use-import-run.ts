// The running half of the import dialog: send the recording (if any), start the job, follow its
// events, cancel. A recording's uploads are kept while the dialog stays open, keyed by the files
// the user chose, so Import after a Cancel sends nothing again and the aligner goes on where it
// stopped (main/import/recording-import.ts); they are dropped when the dialog closes, when the
// user chooses other files, and by the main process once the import is done.
import { useEffect, useRef, useState } from 'react';
import type { Bridge } from '../../common/bridge/contract';
import type { JobEvent } from '../../common/bridge/events';
import { useBackend } from '../bridge/backend-context';

/** What the progress bar shows: sending the files, or one of the job's phases. */
/** `pairing`: a translation's sentences being paired with the document's (renderer/translation/). */
export type RunStep = 'uploading' | 'narrating' | 'decoding' | 'aligning' | 'adding' | 'pairing';

export type RunState =
  | { step: 'idle' }
  | { step: RunStep; progress: number | null; secondsLeft: number | null; cancelling: boolean; jobId: string | null };

export type RunOutcome = { kind: 'done'; documentId: string | null } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export interface ImportWork {
  title: string;
  text: string;
  format: 'plain' | 'markdown';
  /** The text's language (and the recording's), a BCP 47 tag. */
  language: string;
  /** The recording's parts in playing order; empty: the built-in voice reads the text. */
  audio: readonly File[];
  /** An uploaded timed-text file whose times are used instead of aligning. */
  timedText?: string;
}

/** The job's progress message names its phase (main/import/recording-import.ts). */
export const JOB_STEPS: Record<string, RunStep> = { decoding: 'decoding', aligning: 'aligning', adding: 'adding', narrating: 'narrating' };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One job a dialog started, followed through the job events: its progress (and phase, by
 * `stepOf` its message) into `state`, and its end (done, cancelled or failed) to `onEnd`. One
 * subscription for the dialog's life (in browser mode the event stream closes with its last
 * listener); only the job in `job` counts.
 */
export function useFollowedJob(onEnd: (event: JobEvent) => void, stepOf: (message: string | undefined) => RunStep | undefined = () => undefined) {
  const { events } = useBackend();
  const [state, setState] = useState<RunState>({ step: 'idle' });
  const job = useRef<string | null>(null);
  const end = useRef(onEnd);
  end.current = onEnd;
  const step = useRef(stepOf);
  step.current = stepOf;
  useEffect(
    () =>
      events.on('job', (event: JobEvent) => {
        if (event.jobId !== job.current) return;
        if (event.state === 'running' || event.state === 'queued') {
          const phase = step.current(event.message);
          setState((s) => (s.step === 'idle' ? s : { ...s, step: phase ?? s.step, progress: event.progress, secondsLeft: event.secondsLeft ?? null }));
          return;
        }
        job.current = null;
        setState({ step: 'idle' });
        end.current(event);
      }),
    [events],
  );
  return { state, setState, job };
}

export function useImportRun(onOutcome: (outcome: RunOutcome) => void) {
  const { api, upload } = useBackend();
  // useFollowedJob calls the newest of these callbacks, so they may use this render's onOutcome.
  const { state, setState, job } = useFollowedJob((event) => {
    if (event.state === 'done') onOutcome({ kind: 'done', documentId: (event.result as { documentId?: string } | undefined)?.documentId ?? null });
    else if (event.state === 'cancelled') onOutcome({ kind: 'cancelled' });
    else onOutcome({ kind: 'failed', message: event.error?.message ?? '' });
  }, (message) => JOB_STEPS[message ?? '']);
  const uploadAbort = useRef<AbortController | null>(null);
  // Cancel pressed before the job had its id: it is cancelled as soon as the id arrives.
  const cancelAsked = useRef(false);
  // File -> upload id, for files already sent in this dialog's life.
  const sent = useRef(new Map<File, string>());

  async function sendAll(files: readonly File[], signal: AbortSignal): Promise<string[]> {
    const total = files.reduce((n, f) => n + f.size, 0);
    let before = 0;
    const ids: string[] = [];
    for (const file of files) {
      let id = sent.current.get(file);
      if (!id) {
        id = await upload(file, {
          signal,
          onProgress: (done) => setState((s) => (s.step === 'uploading' ? { ...s, progress: total > 0 ? (before + done) / total : null } : s)),
        });
        sent.current.set(file, id);
      }
      before += file.size;
      ids.push(id);
    }
    return ids;
  }

  async function start(work: ImportWork): Promise<void> {
    // Timed text always times a recording: the one chosen, or the one it brings (an EPUB with Media Overlays).
    const recording = work.audio.length > 0 || work.timedText !== undefined;
    setState({ step: recording ? 'uploading' : 'narrating', progress: 0, secondsLeft: null, cancelling: false, jobId: null });
    cancelAsked.current = false;
    const abort = new AbortController();
    uploadAbort.current = abort;
    try {
      const { jobId } = recording
        ? await api.importRecording({
            title: work.title,
            text: work.text,
            format: work.format,
            language: work.language,
            audio: await sendAll(work.audio, abort.signal),
            ...(work.timedText ? { timedText: work.timedText } : {}),
          })
        : await api.importText({ title: work.title, text: work.text, format: work.format, language: work.language });
      uploadAbort.current = null;
      job.current = jobId;
      setState((s) => (s.step === 'idle' ? s : { ...s, step: recording ? 'decoding' : 'narrating', jobId }));
      if (cancelAsked.current) await cancelJob(jobId);
    } catch (error) {
      uploadAbort.current = null;
      setState({ step: 'idle' });
      onOutcome(abort.signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', message: messageOf(error) });
    }
  }

  async function cancelJob(jobId: string): Promise<void> {
    try {
      await api.cancelJob({ jobId });
    } catch {
      // The job ended meanwhile; its final event says how.
    }
  }

  async function cancel(): Promise<void> {
    if (state.step === 'idle' || state.cancelling) return;
    setState({ ...state, cancelling: true });
    cancelAsked.current = true;
    if (job.current) await cancelJob(job.current);
    else uploadAbort.current?.abort();
  }

  /** Drops what was sent for files no longer chosen (or all, when the dialog closes). */
  function forget(keep: readonly File[] = []): void {
    for (const [file, uploadId] of sent.current) {
      if (keep.includes(file)) continue;
      sent.current.delete(file);
      void discard(api, uploadId);
    }
  }

  return { state, start, cancel, forget };
}

async function discard(api: Bridge, uploadId: string): Promise<void> {
  // Gone already (imported, or swept): nothing to do.
  await api.discardUpload({ uploadId }).catch(() => undefined);
}
