// Importing a text without audio (the built-in voice narrates it), as a modal dialog from the
// library: a file (.txt, .md) or pasted text, a title (from the file name until the user types one),
// the language as guessed from the text; then the job's progress with a Cancel, and at the end the
// new document in the library. Every step is reachable by keyboard and announced.
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { JobEvent } from '../../common/bridge/events';
import { guessLanguage } from '../../common/text/guess-language';
import { useBackend } from '../bridge/backend-context';
import { useT } from '../i18n';
import { useModalDialog } from '../ui/use-modal-dialog';
import '../ui/dialog.css';

type Phase = { step: 'form'; problem: string | null } | { step: 'running'; jobId: string | null; progress: number | null; cancelling: boolean };

export function ImportDialog({ open, onClose, onImported }: { open: boolean; onClose(): void; onImported(documentId: string): void }) {
  const t = useT();
  const { api, events } = useBackend();
  const ids = useId();
  const [title, setTitle] = useState('');
  const [titleTyped, setTitleTyped] = useState(false);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<'plain' | 'markdown'>('plain');
  const [phase, setPhase] = useState<Phase>({ step: 'form', problem: null });
  const [status, setStatus] = useState('');
  const jobRef = useRef<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const wasRunning = useRef(false);
  const { dialogRef, handleClose, close } = useModalDialog(open, onClose, (dialog) => dialog.querySelector<HTMLElement>('input, textarea'));

  const guessed = text.trim() === '' ? null : guessLanguage(text);

  // Back from a run that was cancelled or failed: the Cancel button is gone, so the focus goes to
  // Import (the problem, if any, is announced as an alert).
  useEffect(() => {
    if (wasRunning.current && phase.step === 'form') submitRef.current?.focus();
    wasRunning.current = phase.step === 'running';
  }, [phase.step]);

  // The job reports itself; only this dialog's job counts. One subscription for the dialog's life
  // (in browser mode the event stream closes with its last listener): the handler reads the latest
  // render's functions through a ref.
  const onJob = useRef<(job: JobEvent) => void>(() => undefined);
  onJob.current = (job: JobEvent) => {
    if (job.jobId !== jobRef.current) return;
    if (job.state === 'running' || job.state === 'queued') {
      setPhase((current) => (current.step === 'running' ? { ...current, progress: job.progress } : current));
      return;
    }
    jobRef.current = null;
    if (job.state === 'done') {
      const documentId = (job.result as { documentId?: string } | undefined)?.documentId;
      setPhase({ step: 'form', problem: null });
      setText('');
      setTitle('');
      setTitleTyped(false);
      setStatus(t('import.done'));
      close();
      if (documentId) onImported(documentId);
    } else if (job.state === 'cancelled') {
      setPhase({ step: 'form', problem: null });
      setStatus(t('import.cancelled'));
    } else {
      setPhase({ step: 'form', problem: job.error?.message ?? t('import.failedUnknown') });
    }
  };
  useEffect(() => events.on('job', (job) => onJob.current(job)), [events]);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await readText(file);
  };

  const readText = async (file: File) => {
    if (!/\.(txt|md|markdown)$/i.test(file.name)) {
      setPhase({ step: 'form', problem: t('import.notText', { name: file.name }) });
      return;
    }
    try {
      setText(await file.text());
      setFormat(/\.(md|markdown)$/i.test(file.name) ? 'markdown' : 'plain');
      if (!titleTyped) setTitle(file.name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim());
      setPhase({ step: 'form', problem: null });
      setStatus(t('import.fileRead', { name: file.name }));
    } catch (error) {
      setPhase({ step: 'form', problem: t('import.fileUnreadable', { name: file.name, message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '' || text.trim() === '') {
      setPhase({ step: 'form', problem: t(title.trim() === '' ? 'import.needTitle' : 'import.needText') });
      return;
    }
    setPhase({ step: 'running', jobId: null, progress: 0, cancelling: false });
    setStatus(t('import.started'));
    try {
      const { jobId } = await api.importText({ title: title.trim(), text, format, language: 'de' });
      jobRef.current = jobId;
      setPhase((current) => (current.step === 'running' ? { ...current, jobId } : current));
    } catch (error) {
      setPhase({ step: 'form', problem: error instanceof Error ? error.message : String(error) });
    }
  };

  const cancel = async () => {
    if (phase.step !== 'running' || !phase.jobId) return;
    setPhase({ ...phase, cancelling: true });
    try {
      await api.cancelJob({ jobId: phase.jobId });
    } catch {
      // The job ended meanwhile; its final event says how.
    }
  };

  const percent = phase.step === 'running' && phase.progress !== null ? Math.round(phase.progress * 100) : null;
  return (
    <dialog ref={dialogRef} className="modal-dialog import-dialog" aria-labelledby={`${ids}-title`} onClose={handleClose}>
      <div className="dialog-header">
        <h2 id={`${ids}-title`}>{t('import.title')}</h2>
        <button type="button" onClick={close} disabled={phase.step === 'running'}>
          {t('keys.close')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {phase.step === 'form' && phase.problem && (
        <p className="import-problem" role="alert">
          {phase.problem}
        </p>
      )}
      {phase.step === 'running' ? (
        <div className="import-progress">
          <label htmlFor={`${ids}-progress`}>{t('import.narrating')}</label>
          <progress id={`${ids}-progress`} max={100} value={percent ?? undefined} aria-valuetext={percent === null ? t('import.working') : t('import.percent', { percent })} />
          <span aria-hidden="true">{percent === null ? '' : ` ${percent} %`}</span>
          <button type="button" onClick={() => void cancel()} disabled={phase.cancelling || !phase.jobId}>
            {phase.cancelling ? t('import.cancelling') : t('import.cancel')}
          </button>
        </div>
      ) : (
        <form
          className="import-form"
          onSubmit={(event) => void start(event)}
          // A file dropped anywhere on the form is read as if chosen (the file field is the keyboard's way).
          onDragOver={(event) => event.preventDefault()}
          onDrop={(event) => {
            const file = event.dataTransfer.files[0];
            if (!file) return;
            event.preventDefault();
            void readText(file);
          }}
        >
          <p className="help-text">{t('import.help')}</p>
          <label className="import-file">
            {t('import.chooseFile')}
            <input type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" onChange={(event) => void readFile(event)} />
          </label>
          <label htmlFor={`${ids}-text`}>{t('import.text')}</label>
          <textarea id={`${ids}-text`} rows={8} value={text} onChange={(event) => setText(event.target.value)} />
          <label htmlFor={`${ids}-name`}>{t('import.documentTitle')}</label>
          <input
            id={`${ids}-name`}
            type="text"
            maxLength={300}
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              setTitleTyped(true);
            }}
          />
          <label htmlFor={`${ids}-format`}>{t('import.format')}</label>
          <select id={`${ids}-format`} value={format} onChange={(event) => setFormat(event.target.value === 'markdown' ? 'markdown' : 'plain')}>
            <option value="plain">{t('import.format.plain')}</option>
            <option value="markdown">{t('import.format.markdown')}</option>
          </select>
          <p aria-live="polite">
            {t('import.language')}{' '}
            {guessed === null ? t('import.language.german') : guessed === 'de' ? t('import.language.guessedGerman') : t('import.language.notGerman')}
          </p>
          <button ref={submitRef} type="submit">
            {t('import.start')}
          </button>
        </form>
      )}
    </dialog>
  );
}
