// The documents the user can open, as a modal dialog from the header ("Documents"): each with its
// title and languages; the open one is marked. Choosing one closes the open document (its session
// is destroyed) and opens the other. The full library view (import, rename, remove) builds on this.
import { useState } from 'react';
import type { DocumentSummary } from '../../common/bridge/contract';
import { useT, useUiLanguage } from '../i18n';
import { useModalDialog } from '../ui/use-modal-dialog';
import '../ui/dialog.css';
import './library.css';

export interface LibraryChoice {
  documents: readonly DocumentSummary[];
  currentId: string | null;
  open(documentId: string): void;
  /** Reads the list again (another window may have added a document). */
  refresh(): Promise<void>;
}

/** Shown once there is another document to open (a header with one document has no use for it). */
export function DocumentsButton({ library }: { library: LibraryChoice }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (library.documents.length < 2 && !open) return null;
  return (
    <>
      <button
        type="button"
        className="documents-button"
        aria-haspopup="dialog"
        onClick={() => {
          void library.refresh();
          setOpen(true);
        }}
      >
        {t('library.button')}
      </button>
      <DocumentsDialog open={open} onClose={() => setOpen(false)} library={library} />
    </>
  );
}

function DocumentsDialog({ open, onClose, library }: { open: boolean; onClose(): void; library: LibraryChoice }) {
  const t = useT();
  const uiLang = useUiLanguage();
  const { dialogRef, handleClose, close } = useModalDialog(open, onClose, (dialog) => dialog.querySelector<HTMLElement>('[aria-current="true"], li button') ?? dialog.querySelector('button'));
  const title = (doc: DocumentSummary) => (uiLang === 'en' && doc.title.en ? doc.title.en : doc.title.de || doc.title.en || doc.id);
  return (
    <dialog ref={dialogRef} className="modal-dialog documents-dialog" aria-labelledby="documents-title" onClose={handleClose}>
      <div className="dialog-header">
        <h2 id="documents-title">{t('library.title')}</h2>
        <button type="button" onClick={close}>
          {t('keys.close')}
        </button>
      </div>
      {library.documents.length === 0 ? (
        <p>{t('library.empty')}</p>
      ) : (
        <ul className="documents-list">
          {library.documents.map((doc) => (
            <li key={doc.id}>
              <button
                type="button"
                aria-current={doc.id === library.currentId ? 'true' : undefined}
                onClick={() => {
                  close();
                  if (doc.id !== library.currentId) library.open(doc.id);
                }}
              >
                <span className="document-name" lang={doc.title.de && !(uiLang === 'en' && doc.title.en) ? 'de' : 'en'}>
                  {title(doc)}
                </span>
                {doc.id === library.currentId && <span className="document-open"> ({t('library.isOpen')})</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </dialog>
  );
}
