// The library: every document the user can open (the bundled interview and their own), each with its
// title, languages, length, how far they have listened and when they last opened it. Their own can be
// renamed and removed; a removal can be undone (the files stay on disk until the undo time passes).
// Everything works by keyboard, and the focus always lands somewhere sensible after an action.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DocumentSummary, RemovedDocument } from '../../common/bridge/contract';
import type { Lang } from '../../common/edition/model';
import { languageTag } from '../../common/edition/language-tags';
import { languageName, useT, useUiLanguage, type Translate } from '../i18n';
import { Notice } from '../ui/Notice';
import { formatTime } from '../ui/format';
import { ImportDialog } from './ImportDialog';
import { RunningImports } from './RunningImports';
import './library.css';

export interface LibraryChoice {
  documents: readonly DocumentSummary[];
  /** The document open before the library was shown, if any. */
  currentId: string | null;
  open(documentId: string): void;
  /** Reads the list again. */
  refresh(): Promise<void>;
  rename(documentId: string, title: string): Promise<void>;
  remove(documentId: string): Promise<RemovedDocument>;
  restore(undoToken: string): Promise<DocumentSummary>;
}

/** The title to show in the UI language, and the language it is written in. */
export function shownTitle(doc: Pick<DocumentSummary, 'id' | 'title'>, uiLang: Lang): { text: string; lang: Lang } {
  if (uiLang === 'en' && doc.title.en) return { text: doc.title.en, lang: 'en' };
  if (doc.title.de) return { text: doc.title.de, lang: 'de' };
  return { text: doc.title.en || doc.id, lang: 'en' };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function LibraryView({ library }: { library: LibraryChoice }) {
  const t = useT();
  const headingId = useId();
  const [removed, setRemoved] = useState<{ removal: RemovedDocument; title: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Said after an import whose translation could not be added (the document is there all the same).
  const [importNote, setImportNote] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const undoRef = useRef<HTMLDivElement>(null);
  const focusAfter = useRef<string | null>(null);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    void library.refresh();
    // Once, when the library is shown; later changes are the user's own actions here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // After an action the focus goes where the user expects it: the undo offer, or the document.
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    // The element may come a render later (a restored document once the list is read again).
    const element =
      target === 'undo'
        ? undoRef.current?.querySelector<HTMLButtonElement>('button')
        : listRef.current?.querySelector<HTMLElement>(`[data-document="${CSS.escape(target)}"] .document-open-button`);
    if (!element) return;
    focusAfter.current = null;
    element.focus();
  });

  const remove = async (doc: DocumentSummary) => {
    try {
      const removal = await library.remove(doc.id);
      focusAfter.current = 'undo';
      setRemoved({ removal, title: shownTitle(doc, 'de').text });
      setProblem(null);
      await library.refresh();
    } catch (error) {
      setProblem(t('library.removeFailed', { message: messageOf(error) }));
    }
  };

  const undo = async () => {
    if (!removed) return;
    try {
      const restored = await library.restore(removed.removal.undoToken);
      focusAfter.current = restored.id;
      setRemoved(null);
      await library.refresh();
    } catch (error) {
      setRemoved(null);
      setProblem(t('library.undoFailed', { message: messageOf(error) }));
    }
  };

  return (
    <section className="library" aria-labelledby={headingId}>
      <div className="library-header">
        <h2 id={headingId}>{t('library.title')}</h2>
        <button type="button" aria-haspopup="dialog" onClick={() => setImporting(true)}>
          {t('import.button')}
        </button>
      </div>
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(documentId, translationProblem) => {
          focusAfter.current = documentId;
          setImportNote(translationProblem);
          void library.refresh();
        }}
      />
      <RunningImports />
      {problem && <Notice tone="error" title={problem} actions={[{ label: t('app.dismiss'), onClick: () => setProblem(null) }]} />}
      {importNote && <Notice tone="warning" title={importNote} actions={[{ label: t('app.dismiss'), onClick: () => setImportNote(null) }]} />}
      {removed && (
        <div ref={undoRef}>
          <Notice
            tone="info"
            title={t('library.removed', { title: removed.title })}
            actions={[
              { label: t('library.undo'), onClick: () => void undo() },
              { label: t('app.dismiss'), onClick: () => setRemoved(null) },
            ]}
          />
        </div>
      )}
      <ul ref={listRef} className="library-list">
        {library.documents.map((doc) => (
          <DocumentRow
            key={doc.id}
            doc={doc}
            isCurrent={doc.id === library.currentId}
            renaming={renaming === doc.id}
            onOpen={() => library.open(doc.id)}
            onRename={() => setRenaming(doc.id)}
            onRenameDone={async (title) => {
              if (title !== null) {
                try {
                  await library.rename(doc.id, title);
                  await library.refresh();
                } catch (error) {
                  setProblem(t('library.renameFailed', { message: messageOf(error) }));
                  return;
                }
              }
              setRenaming(null);
            }}
            onRemove={() => void remove(doc)}
          />
        ))}
      </ul>
    </section>
  );
}

/** What the row says of a document: languages, length, how far, last opened. */
function details(doc: DocumentSummary, t: Translate, uiLang: Lang): string[] {
  const parts = [doc.languages.map((lang) => languageName(uiLang, languageTag(doc, lang))).join(', ')];
  if (doc.duration !== null) parts.push(t('library.length', { time: formatTime(doc.duration) }));
  if (doc.listenedTo !== null && doc.duration) {
    parts.push(t('library.listened', { percent: Math.min(100, Math.round((doc.listenedTo / doc.duration) * 100)) }));
  } else {
    parts.push(t('library.notStarted'));
  }
  if (doc.lastOpenedAt) {
    const when = new Date(doc.lastOpenedAt).toLocaleDateString(uiLang, { day: 'numeric', month: 'long', year: 'numeric' });
    parts.push(t('library.lastOpened', { when }));
  }
  return parts;
}

interface RowProps {
  doc: DocumentSummary;
  isCurrent: boolean;
  renaming: boolean;
  onOpen(): void;
  onRename(): void;
  onRenameDone(title: string | null): Promise<void>;
  onRemove(): void;
}

function DocumentRow({ doc, isCurrent, renaming, onOpen, onRename, onRenameDone, onRemove }: RowProps) {
  const t = useT();
  const uiLang = useUiLanguage();
  const titled = shownTitle(doc, uiLang);
  const title = { ...titled, lang: languageTag(doc, titled.lang) };
  const shown = details(doc, t, uiLang);
  const titleId = useId();
  const inputId = useId();
  const [draft, setDraft] = useState(doc.title.de);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);

  useEffect(() => {
    // Back from the rename form: the focus returns to the Rename button.
    if (wasRenaming.current && !renaming) renameButton.current?.focus();
    wasRenaming.current = renaming;
    if (renaming) setDraft(doc.title.de);
  }, [renaming, doc.title.de]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    void onRenameDone(next === '' || next === doc.title.de ? null : next);
  };

  const ready = doc.status === 'ready';
  return (
    <li className="library-document" data-document={doc.id} aria-labelledby={titleId} aria-current={isCurrent ? 'true' : undefined}>
      <h3 id={titleId} lang={title.lang}>
        {title.text}
      </h3>
      <p className="library-details">{shown.join(' · ')}</p>
      {doc.status !== 'ready' && <p className="library-problem">{doc.status === 'importing' ? t('library.importing') : (doc.problem ?? t('library.failed'))}</p>}
      {renaming ? (
        <form className="library-rename" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && (event.preventDefault(), void onRenameDone(null))}>
          <label htmlFor={inputId}>{t('library.newTitle')}</label>
          <input id={inputId} type="text" value={draft} maxLength={300} autoFocus onChange={(event) => setDraft(event.target.value)} />
          <button type="submit">{t('library.save')}</button>
          <button type="button" onClick={() => void onRenameDone(null)}>
            {t('library.cancel')}
          </button>
        </form>
      ) : (
        <div className="library-actions">
          {/* Each name starts with its visible word and says which document: "Open China sieht alles". */}
          <button type="button" className="document-open-button" onClick={onOpen} disabled={!ready}>
            {isCurrent ? t('library.backTo') : t('library.open')}
            <span className="visually-hidden" lang={title.lang}> {title.text}</span>
          </button>
          {doc.kind === 'own' && (
            <>
              <button ref={renameButton} type="button" onClick={onRename}>
                {t('library.rename')}
                <span className="visually-hidden" lang={title.lang}> {title.text}</span>
              </button>
              <button type="button" className="danger" onClick={onRemove}>
                {t('library.remove')}
                <span className="visually-hidden" lang={title.lang}> {title.text}</span>
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
