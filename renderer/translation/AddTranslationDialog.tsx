// "Add translation…": the learner gives the translation of the open document (a text file, an EPUB
// or pasted text) and its language; the main process pairs its sentences with the document's
// (main/parallel/translation-service.ts) as a job, with progress and Cancel. When it is done the
// document shows side by side, playing on where it was, and the number of pairs to check is said.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AddedTranslation } from '../../common/bridge/translation-contract';
import { useT } from '../i18n';
import { ImportProgress } from '../library/ImportProgress';
import { useLanguageTag } from '../transcript/language-tags';
import { useModalDialog } from '../ui/use-modal-dialog';
import { NO_TRANSLATION, TranslationFields, translationRequest, type TranslationInput } from './TranslationFields';
import { useTranslationRun, type TranslationOutcome } from './use-translation-run';
import '../ui/dialog.css';
import '../library/library.css';

export function AddTranslationDialog({ open, onClose, documentId, onAdded }: { open: boolean; onClose(): void; documentId: string; onAdded(result: AddedTranslation): void }) {
  const t = useT();
  const ids = useId();
  const [input, setInput] = useState<TranslationInput>(NO_TRANSLATION);
  const originalTag = useLanguageTag('de');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const submitRef = useRef<HTMLButtonElement>(null);
  const added = useRef<AddedTranslation | null>(null);
  const { dialogRef, handleClose, close } = useModalDialog(
    open,
    () => {
      onClose();
      // Told only once the close has given the focus back, so the document can take it.
      if (added.current) onAdded(added.current);
      added.current = null;
    },
    (dialog) => dialog.querySelector<HTMLElement>('input'),
  );

  const run = useTranslationRun((outcome: TranslationOutcome) => {
    if (outcome.kind === 'done') {
      added.current = outcome.added;
      setInput(NO_TRANSLATION);
      close();
    } else if (outcome.kind === 'cancelled') setStatus(t('translation.cancelled'));
    else setProblem(outcome.message ?? t('translation.failedUnknown'));
  });

  // Back from a cancelled or failed run: the focus goes to the button that started it.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && run.state.step === 'idle') submitRef.current?.focus();
    wasRunning.current = run.state.step !== 'idle';
  }, [run.state.step]);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const request = translationRequest(input, t);
    if (!request.ok) {
      setProblem(request.problem);
      return;
    }
    setProblem(null);
    setStatus('');
    await run.start({ documentId, text: request.text, format: request.format, language: request.language });
  };

  return (
    <dialog ref={dialogRef} className="modal-dialog import-dialog" aria-labelledby={`${ids}-title`} onClose={handleClose}>
      <div className="dialog-header">
        <h2 id={`${ids}-title`}>{t('translation.title')}</h2>
        <button type="button" onClick={close}>
          {t('keys.close')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {run.state.step === 'idle' && problem && (
        <p className="import-problem" role="alert">
          {problem}
        </p>
      )}
      {run.state.step !== 'idle' ? (
        <ImportProgress state={run.state} onCancel={() => void run.cancel()} />
      ) : (
        <form className="import-form" onSubmit={(event) => void start(event)}>
          <p className="help-text">{t('translation.help')}</p>
          <TranslationFields value={input} originalTag={originalTag} onChange={setInput} onStatus={setStatus} onProblem={setProblem} />
          <button ref={submitRef} type="submit">
            {t('translation.start')}
          </button>
        </form>
      )}
    </dialog>
  );
}
