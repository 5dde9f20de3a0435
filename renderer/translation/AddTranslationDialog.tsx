// "Add translation…": the learner gives the translation of the open document (a text file, an EPUB
// or pasted text) and its language; the main process pairs its sentences with the document's
// (main/parallel/translation-service.ts) as a job, with progress and Cancel. When it is done the
// document reopens side by side, and the number of pairs to check is said.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { BOOK_EXTENSIONS } from '../../common/bridge/import-contract';
import type { AddedTranslation } from '../../common/bridge/translation-contract';
import type { JobEvent } from '../../common/bridge/events';
import { guessLanguage } from '../../common/text/guess-language';
import { useBackend } from '../bridge/backend-context';
import { useT, useUiLanguage } from '../i18n';
import { ImportProgress } from '../library/ImportProgress';
import type { RunState } from '../library/use-import-run';
import { FileField } from '../ui/FileField';
import { useModalDialog } from '../ui/use-modal-dialog';
import '../ui/dialog.css';
import '../library/library.css';

/** Languages offered first; any other can be typed as a tag. */
const COMMON_LANGUAGES = ['en', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'sv', 'da', 'nb', 'fi', 'hu', 'ro', 'el', 'ru', 'uk', 'tr', 'ar', 'he', 'zh', 'ja', 'ko'] as const;
const OTHER = 'other';
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function isBook(file: File): boolean {
  return (BOOK_EXTENSIONS as readonly string[]).includes(file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase());
}

export function AddTranslationDialog({ open, onClose, documentId, onAdded }: { open: boolean; onClose(): void; documentId: string; onAdded(result: AddedTranslation): void }) {
  const t = useT();
  const ui = useUiLanguage();
  const ids = useId();
  const { api, events, upload } = useBackend();
  const [text, setText] = useState('');
  const [format, setFormat] = useState<'plain' | 'markdown'>('plain');
  const [language, setLanguage] = useState<string>('en');
  const [otherTag, setOtherTag] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [run, setRun] = useState<RunState>({ step: 'idle' });
  const job = useRef<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const added = useRef<AddedTranslation | null>(null);
  const { dialogRef, handleClose, close } = useModalDialog(
    open,
    () => {
      onClose();
      // Told only once the close has given the focus back, so the reopened document can take it.
      if (added.current) onAdded(added.current);
      added.current = null;
    },
    (dialog) => dialog.querySelector<HTMLElement>('input'),
  );
  const names = useMemo(() => new Intl.DisplayNames([ui], { type: 'language' }), [ui]);

  useEffect(
    () =>
      events.on('job', (event: JobEvent) => {
        if (event.jobId !== job.current) return;
        if (event.state === 'queued' || event.state === 'running') {
          setRun((s) => (s.step === 'idle' ? s : { ...s, progress: event.progress, secondsLeft: event.secondsLeft ?? null }));
          return;
        }
        job.current = null;
        setRun({ step: 'idle' });
        if (event.state === 'done') {
          added.current = event.result as AddedTranslation;
          setText('');
          close();
        } else if (event.state === 'cancelled') {
          setStatus(t('translation.cancelled'));
        } else {
          setProblem(event.error?.message ?? t('translation.failedUnknown'));
        }
      }),
    [events, close, t],
  );

  // Back from a cancelled or failed run: the focus goes to the button that started it.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && run.step === 'idle') submitRef.current?.focus();
    wasRunning.current = run.step !== 'idle';
  }, [run.step]);

  const readFile = async (file: File) => {
    setProblem(null);
    try {
      if (isBook(file)) {
        // An EPUB is unpacked in the main process (safely, its DRM checked), never in the page.
        setStatus(t('translation.readingFile', { name: file.name }));
        const uploadId = await upload(file);
        try {
          const book = await api.readImportText({ uploadId });
          setText(book.text);
          setFormat('markdown');
          if (book.language && LANGUAGE_TAG.test(book.language.toLowerCase())) pickLanguage(book.language.toLowerCase());
        } finally {
          void api.discardUpload({ uploadId }).catch(() => undefined);
        }
      } else {
        setText(await file.text());
        setFormat(/\.(md|markdown)$/i.test(file.name) ? 'markdown' : 'plain');
      }
      setStatus(t('translation.fileRead', { name: file.name }));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const pickLanguage = (tag: string) => {
    if ((COMMON_LANGUAGES as readonly string[]).includes(tag)) setLanguage(tag);
    else {
      setLanguage(OTHER);
      setOtherTag(tag);
    }
  };

  const chosenTag = language === OTHER ? otherTag.trim() : language;
  const guessed = text.trim() === '' ? null : guessLanguage(text);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setProblem(t('translation.noText'));
      return;
    }
    if (!LANGUAGE_TAG.test(chosenTag)) {
      setProblem(t('translation.badTag', { tag: chosenTag }));
      return;
    }
    setProblem(null);
    setStatus('');
    setRun({ step: 'pairing', progress: 0, secondsLeft: null, cancelling: false, jobId: null });
    try {
      const { jobId } = await api.addTranslation({ documentId, text, format, language: chosenTag });
      job.current = jobId;
      setRun((s) => (s.step === 'idle' ? s : { ...s, jobId }));
    } catch (error) {
      setRun({ step: 'idle' });
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const cancel = async () => {
    if (run.step === 'idle' || run.cancelling || !job.current) return;
    setRun({ ...run, cancelling: true });
    await api.cancelJob({ jobId: job.current }).catch(() => undefined);
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
      {run.step === 'idle' && problem && (
        <p className="import-problem" role="alert">
          {problem}
        </p>
      )}
      {run.step !== 'idle' ? (
        <ImportProgress state={run} onCancel={() => void cancel()} />
      ) : (
        <form className="import-form" onSubmit={(event) => void start(event)}>
          <p className="help-text">{t('translation.help')}</p>
          <FileField label={t('translation.chooseFile')} accept=".txt,.md,.markdown,.epub,text/plain,text/markdown,application/epub+zip" onFiles={([file]) => void readFile(file!)} />
          <label htmlFor={`${ids}-text`}>{t('translation.text')}</label>
          <textarea id={`${ids}-text`} rows={8} value={text} onChange={(event) => setText(event.target.value)} />
          <label htmlFor={`${ids}-lang`}>{t('translation.language')}</label>
          <select id={`${ids}-lang`} value={language} onChange={(event) => setLanguage(event.target.value)}>
            {COMMON_LANGUAGES.map((tag) => (
              <option key={tag} value={tag}>
                {names.of(tag) ?? tag}
              </option>
            ))}
            <option value={OTHER}>{t('translation.otherLanguage')}</option>
          </select>
          {language === OTHER && (
            <>
              <label htmlFor={`${ids}-tag`}>{t('translation.tag')}</label>
              <input id={`${ids}-tag`} type="text" value={otherTag} maxLength={35} onChange={(event) => setOtherTag(event.target.value)} />
            </>
          )}
          {guessed === 'de' && <p aria-live="polite">{t('translation.looksGerman')}</p>}
          <button ref={submitRef} type="submit">
            {t('translation.start')}
          </button>
        </form>
      )}
    </dialog>
  );
}
