// The pairing job of a translation, as a dialog runs it: start it, follow its events (progress,
// then done, cancelled or failed), cancel it. "Add translation…" and the import dialog (whose
// translation is paired once the new document exists) both run it.
import type { AddedTranslation } from '../../common/bridge/translation-contract';
import { useBackend } from '../bridge/backend-context';
import { useFollowedJob } from '../library/use-import-run';

export type TranslationOutcome = { kind: 'done'; added: AddedTranslation } | { kind: 'cancelled' } | { kind: 'failed'; message: string | null };

export function useTranslationRun(onOutcome: (outcome: TranslationOutcome) => void) {
  const { api } = useBackend();
  const { state, setState, job } = useFollowedJob((event) => {
    if (event.state === 'done') onOutcome({ kind: 'done', added: event.result as AddedTranslation });
    else if (event.state === 'cancelled') onOutcome({ kind: 'cancelled' });
    else onOutcome({ kind: 'failed', message: event.error?.message ?? null });
  });

  async function start(request: { documentId: string; text: string; format: 'plain' | 'markdown'; language: string }): Promise<void> {
    setState({ step: 'pairing', progress: 0, secondsLeft: null, cancelling: false, jobId: null });
    try {
      const { jobId } = await api.addTranslation(request);
      job.current = jobId;
      setState((s) => (s.step === 'idle' ? s : { ...s, jobId }));
    } catch (error) {
      setState({ step: 'idle' });
      onOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function cancel(): Promise<void> {
    if (state.step === 'idle' || state.cancelling || !job.current) return;
    setState({ ...state, cancelling: true });
    await api.cancelJob({ jobId: job.current }).catch(() => undefined);
  }

  return { state, start, cancel };
}
