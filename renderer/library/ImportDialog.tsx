// Importing into the library, as a modal dialog: a recording (one audio file, or several parts) with
// its text, which the aligner times word by word on this machine; or a text alone, which the
// built-in voice reads aloud. The text from a file (.txt, .md) or pasted, a title (from the file
// names until the user types one), the language as guessed from the text; then the progress (phase,
// percent, time left) with a Cancel, and at the end the new document in the library. Every step is
// reachable by keyboard and announced; files can be dropped anywhere on the form as well.
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { AUDIO_EXTENSIONS, BOOK_EXTENSIONS, TEXT_EXTENSIONS, TIMED_TEXT_EXTENSIONS } from '../../common/bridge/import-contract';
import { useBackend } from '../bridge/backend-context';
import { primarySubtag } from '../../common/edition/language-tags';
import { readLanguage } from '../../common/text/guess-language';
import { chosenTag, declaredChoice, LanguagePicker, type LanguageChoice } from '../ui/LanguagePicker';
import { languageName, useT, useUiLanguage } from '../i18n';
import { FileField } from '../ui/FileField';
import { useModalDialog } from '../ui/use-modal-dialog';
import { ImportProgress } from './ImportProgress';
import { useImportRun, type RunOutcome } from './use-import-run';
import { NO_TRANSLATION, TranslationFields, translationRequest, type TranslationInput } from '../translation/TranslationFields';
import { useTranslationRun, type TranslationOutcome } from '../translation/use-translation-run';
import '../ui/dialog.css';

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();
const isAudio = (file: File) => (AUDIO_EXTENSIONS as readonly string[]).includes(extensionOf(file.name));
const isText = (file: File) => (TEXT_EXTENSIONS as readonly string[]).includes(extensionOf(file.name));
const isBook = (file: File) => (BOOK_EXTENSIONS as readonly string[]).includes(extensionOf(file.name));
const isTimed = (file: File) => (TIMED_TEXT_EXTENSIONS as readonly string[]).includes(extensionOf(file.name));
/** Read in the main process: books (unpacked safely there) and timed text (its readers live there). */
const readInMain = (file: File) => isBook(file) || isTimed(file);
/** "Kapitel_02-Ende.mp3" -> "Kapitel 02 Ende". */
const titleFromName = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
/** Parts in natural name order: "Teil 2" before "Teil 10". */
const naturalOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * `onImported` gets the new document and, when a translation given with it could not be added, why
 * (the document is imported all the same; the translation can be added from it later).
 */
const GERMAN: LanguageChoice = { language: 'de', otherTag: '' };

export function ImportDialog({ open, onClose, onImported }: { open: boolean; onClose(): void; onImported(documentId: string, translationProblem: string | null): void }) {
  const t = useT();
  const ui = useUiLanguage();
  const { api, upload } = useBackend();
  const ids = useId();
  const [title, setTitle] = useState('');
  const [titleTyped, setTitleTyped] = useState(false);
  const [text, setText] = useState('');
  // The language guess reads stretches of the text: behind the typing, not on every key.
  const deferredText = useDeferredValue(text);
  const [format, setFormat] = useState<'plain' | 'markdown'>('plain');
  const [language, setLanguage] = useState<LanguageChoice>(GERMAN);
  const [audio, setAudio] = useState<File[]>([]);
  // A timed-text file whose times the import uses instead of aligning: its upload, kept until the import.
  const [timed, setTimed] = useState<{ uploadId: string; name: string; /** It brings its own recording (an EPUB with Media Overlays). */ recording: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // A translation to pair with the new document once it exists (optional).
  const [translation, setTranslation] = useState<TranslationInput>(NO_TRANSLATION);
  const pendingTranslation = useRef<Extract<ReturnType<typeof translationRequest>, { ok: true }> | null>(null);
  const translationProblem = useRef<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const { dialogRef, handleClose, close } = useModalDialog(open, onClose, (dialog) => dialog.querySelector<HTMLElement>('input, textarea'));

  // The new document is announced only once the dialog's close is handled: the close gives the
  // focus back to the opener, and the library then moves it to the new document, in that order.
  const imported = useRef<string | null>(null);
  const done = (documentId: string | null) => {
    setStatus(t('import.done'));
    imported.current = documentId;
    close();
  };
  const finished = (outcome: RunOutcome) => {
    if (outcome.kind === 'done') {
      run.forget();
      setTimed(null);
      setText('');
      setTitle('');
      setTitleTyped(false);
      setAudio([]);
      const paired = pendingTranslation.current;
      pendingTranslation.current = null;
      setTranslation(NO_TRANSLATION);
      // The document exists now: its translation is paired with it, then the dialog closes.
      if (paired && outcome.documentId) {
        imported.current = outcome.documentId;
        void pairing.start({ documentId: outcome.documentId, text: paired.text, format: paired.format, language: paired.language });
      } else done(outcome.documentId);
    } else if (outcome.kind === 'cancelled') {
      setStatus(t('import.cancelled'));
    } else {
      setProblem(outcome.message || t('import.failedUnknown'));
    }
  };
  const run = useImportRun(finished);
  const pairing = useTranslationRun((outcome: TranslationOutcome) => {
    // Imported either way; a translation not added is said where the library shows the document.
    translationProblem.current =
      outcome.kind === 'done' ? null : outcome.kind === 'cancelled' ? t('import.translationCancelled') : t('import.translationFailed', { message: outcome.message ?? t('translation.failedUnknown') });
    done(imported.current);
  });
  const progress = pairing.state.step !== 'idle' ? pairing.state : run.state;
  const running = progress.step !== 'idle';

  // Back from a run that was cancelled or failed: the Cancel button is gone, so the focus goes to
  // Import (the problem, if any, is announced as an alert).
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && !running) submitRef.current?.focus();
    wasRunning.current = running;
  }, [running]);

  const reading = useMemo(() => readLanguage(deferredText), [deferredText]);
  const chosen = chosenTag(language, t);
  // Said before a text is read or aligned in the wrong voice; silent where the guess cannot tell.
  const languageHint = !chosen.ok
    ? ''
    : !reading.couldBe(chosen.tag) && reading.likely
      ? t('import.language.looksOther', { looks: languageName(ui, reading.likely), language: languageName(ui, chosen.tag) })
      : reading.likely === primarySubtag(chosen.tag)
        ? t('import.language.looksRight', { language: languageName(ui, chosen.tag) })
        : '';

  const suggestTitle = (name: string) => {
    if (!titleTyped) setTitle(titleFromName(name));
  };

  const dropTimed = () => {
    if (timed) void api.discardUpload({ uploadId: timed.uploadId }).catch(() => undefined);
    setTimed(null);
  };

  /** A book is unpacked in the main process (safely, and its DRM checked), never in the page; timed text is read there too and kept for the import. */
  const readInMainProcess = async (file: File) => {
    setStatus(t('import.readingBook', { name: file.name }));
    const uploadId = await upload(file);
    let keep = false;
    try {
      const read = await api.readImportText({ uploadId });
      keep = read.timed !== null;
      if (keep) setTimed({ uploadId, name: file.name, recording: read.recording });
      return read;
    } finally {
      if (!keep) void api.discardUpload({ uploadId }).catch(() => undefined);
    }
  };

  const readText = async (file: File) => {
    if (!isText(file) && !readInMain(file)) {
      setProblem(t('import.notText', { name: file.name }));
      return;
    }
    dropTimed();
    try {
      if (readInMain(file)) {
        const book = await readInMainProcess(file);
        setText(book.text);
        setFormat('markdown');
        const declared = declaredChoice(book.language);
        if (declared) setLanguage(declared);
        if (!titleTyped && audio.length === 0) setTitle(book.title ?? titleFromName(file.name));
      } else {
        setText(await file.text());
        setFormat(/\.(md|markdown)$/i.test(file.name) ? 'markdown' : 'plain');
        if (audio.length === 0) suggestTitle(file.name);
      }
      setProblem(null);
      setStatus(t('import.fileRead', { name: file.name }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The main process's messages already name the file.
      setProblem(readInMain(file) ? message : t('import.fileUnreadable', { name: file.name, message }));
    }
  };

  const chooseAudio = (files: readonly File[]) => {
    const wrong = files.find((f) => !isAudio(f));
    if (wrong) {
      setProblem(t('import.notAudio', { name: wrong.name }));
      return;
    }
    const parts = [...files].sort((a, b) => naturalOrder.compare(a.name, b.name));
    run.forget(parts);
    setAudio(parts);
    if (parts[0]) suggestTitle(parts.length === 1 ? parts[0].name : parts[0].name.replace(/[\s_-]*\d+(?=\.[^.]+$)/, ''));
    setProblem(null);
    setStatus(parts.length === 1 ? t('import.audioChosen', { name: parts[0]!.name }) : t('import.partsChosen', { count: parts.length }));
  };

  const dropped = (files: File[]) => {
    const sounds = files.filter(isAudio);
    const texts = files.filter((f) => !isAudio(f));
    if (sounds.length > 0) chooseAudio(sounds);
    if (texts[0]) void readText(texts[0]);
  };

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '' || text.trim() === '') {
      setProblem(t(title.trim() === '' ? 'import.needTitle' : 'import.needText'));
      return;
    }
    if (timed && !timed.recording && audio.length === 0) {
      setProblem(t('import.timedNeedsAudio', { name: timed.name }));
      return;
    }
    if (timed?.recording && audio.length > 0) {
      setProblem(t('import.bookBringsAudio', { name: timed.name }));
      return;
    }
    const tag = chosenTag(language, t);
    if (!tag.ok) {
      setProblem(tag.problem);
      return;
    }
    if (translation.text.trim() !== '') {
      const request = translationRequest(translation, t);
      if (!request.ok) {
        setProblem(request.problem);
        return;
      }
      pendingTranslation.current = request;
    } else pendingTranslation.current = null;
    setProblem(null);
    setStatus(t('import.started'));
    await run.start({ title: title.trim(), text, format, language: tag.tag, audio, ...(timed ? { timedText: timed.uploadId } : {}) });
  };

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog import-dialog"
      aria-labelledby={`${ids}-title`}
      onClose={(event) => {
        run.forget();
        dropTimed();
        handleClose(event);
        const documentId = imported.current;
        imported.current = null;
        if (documentId && event.target === event.currentTarget) onImported(documentId, translationProblem.current);
        translationProblem.current = null;
      }}
      // A running import is stopped with its own Cancel, not by Escape closing the dialog over it.
      onCancel={(event) => running && event.preventDefault()}
    >
      <div className="dialog-header">
        <h2 id={`${ids}-title`}>{t('import.title')}</h2>
        <button type="button" onClick={close} disabled={running}>
          {t('keys.close')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {!running && problem && (
        <p className="import-problem" role="alert">
          {problem}
        </p>
      )}
      {progress.step !== 'idle' ? (
        <ImportProgress state={progress} onCancel={() => void (pairing.state.step !== 'idle' ? pairing.cancel() : run.cancel())} />
      ) : (
        <form
          className="import-form"
          onSubmit={(event) => void start(event)}
          // Files dropped anywhere on the form are taken as if chosen (the file fields are the keyboard's way).
          onDragOver={(event) => event.preventDefault()}
          onDrop={(event) => {
            const files = [...event.dataTransfer.files];
            if (files.length === 0) return;
            event.preventDefault();
            dropped(files);
          }}
        >
          <p className="help-text">{t('import.help')}</p>
          <FileField label={t('import.chooseAudio')} multiple accept={AUDIO_EXTENSIONS.map((e) => `.${e}`).join(',')} onFiles={chooseAudio} />
          {audio.length > 0 && (
            <div className="import-parts">
              <ol aria-label={t('import.parts')}>
                {audio.map((file) => (
                  <li key={`${file.name}-${file.size}-${file.lastModified}`}>
                    {file.name} ({formatBytes(file.size)})
                  </li>
                ))}
              </ol>
              <button
                type="button"
                onClick={() => {
                  run.forget();
                  setAudio([]);
                  setStatus(t('import.audioRemoved'));
                }}
              >
                {t('import.removeAudio')}
              </button>
            </div>
          )}
          <FileField
            label={t('import.chooseFile')}
            accept=".txt,.md,.markdown,.epub,.vtt,.srt,.json,text/plain,text/markdown,application/epub+zip,text/vtt"
            onFiles={([file]) => void readText(file!)}
          />
          <label htmlFor={`${ids}-text`}>{t('import.text')}</label>
          <textarea id={`${ids}-text`} rows={8} value={text} readOnly={timed !== null} aria-describedby={timed ? `${ids}-timed` : undefined} onChange={(event) => setText(event.target.value)} />
          {timed && (
            <p id={`${ids}-timed`} className="help-text">
              {t(timed.recording ? 'import.bookFrom' : 'import.timedFrom', { name: timed.name })}
            </p>
          )}
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
          <LanguagePicker label={t('import.language')} value={language} onChange={setLanguage} />
          <p aria-live="polite">{languageHint}</p>
          <details className="import-translation">
            <summary>{t('import.translation')}</summary>
            <p className="help-text">{t('import.translationHelp')}</p>
            <TranslationFields value={translation} originalTag={chosen.ok ? chosen.tag : 'de'} onChange={setTranslation} onStatus={setStatus} onProblem={setProblem} />
          </details>
          <p className="help-text">{timed ? t(timed.recording ? 'import.willUseBook' : 'import.willUseTimes') : audio.length > 0 ? t('import.willAlign') : t('import.willNarrate')}</p>
          <button ref={submitRef} type="submit">
            {t('import.start')}
          </button>
        </form>
      )}
    </dialog>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
