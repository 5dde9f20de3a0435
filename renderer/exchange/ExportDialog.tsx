// The export dialog: the document's text and timings in a format other tools read (see
// common/bridge/exchange-contract.ts). A radio group of formats, each with a line on what it is for,
// a language, Export; while it runs a progress bar and Cancel (an EPUB runs as a job), then the
// files written, or the error. In browser mode the files are also offered as downloads, since they
// were written on the machine serving the page. Modal like the other dialogs (use-modal-dialog).
import { useEffect, useId, useRef, useState } from 'react';
import { DOCUMENT_EXPORT_FORMATS, type DocumentExportFormat, type ExportedFile } from '../../common/bridge/exchange-contract';
import type { Lang } from '../../common/edition/model';
import { useBackend } from '../bridge/backend-context';
import { useT } from '../i18n';
import { useSession } from '../session/context';
import { blobFromBase64, downloadBlob } from '../ui/files';
import { useModalDialog } from '../ui/use-modal-dialog';
import { startExport, type ExportRun } from './export-run';
import '../ui/dialog.css';
import './exchange.css';

type Phase = { kind: 'idle' } | { kind: 'running'; progress: number | null } | { kind: 'done'; files: ExportedFile[] } | { kind: 'failed'; message: string } | { kind: 'cancelled' };

/** The toolbar button and its dialog. */
export function ExportButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="export-button" aria-haspopup="dialog" title={t('exchange.buttonLabel')} onClick={() => setOpen(true)}>
        {t('exchange.button')}
      </button>
      <ExportDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

export function ExportDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { api, events, host } = useBackend();
  const session = useSession();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const runRef = useRef<ExportRun | null>(null);
  const [format, setFormat] = useState<DocumentExportFormat>('vtt');
  const [language, setLanguage] = useState<Lang | 'all'>('all');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const { dialogRef, handleClose, close } = useModalDialog(open, onClose, () => headingRef.current);
  const languages = session.edition.languages;

  // A run outlives nothing: closing the document drops its listener (the files are written anyway).
  useEffect(() => () => runRef.current?.cancel(), []);

  const run = async () => {
    if (phase.kind === 'running') return;
    setPhase({ kind: 'running', progress: null });
    const request = { documentId: session.documentId, format, ...(language === 'all' ? {} : { language }) };
    const started = startExport(api, events, request, (progress) => setPhase({ kind: 'running', progress }));
    runRef.current = started;
    const outcome = await started.done;
    runRef.current = null;
    if (!outcome.ok) {
      setPhase(outcome.cancelled ? { kind: 'cancelled' } : { kind: 'failed', message: outcome.message });
      return;
    }
    setPhase({ kind: 'done', files: outcome.files });
    if (host === 'web') {
      for (const file of outcome.files) {
        try {
          const read = await api.readExportFile({ fileName: file.fileName });
          downloadBlob(read.fileName, blobFromBase64(read.base64, read.mimeType));
        } catch (error) {
          setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
          return;
        }
      }
    }
  };

  const running = phase.kind === 'running';
  return (
    <dialog ref={dialogRef} className="modal-dialog export-dialog" aria-labelledby={`${id}-title`} onClose={handleClose}>
      <div className="dialog-header">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          {t('exchange.title')}
        </h2>
        <button type="button" onClick={close}>
          {t('exchange.close')}
        </button>
      </div>
      <fieldset className="export-formats">
        <legend>{t('exchange.format')}</legend>
        {DOCUMENT_EXPORT_FORMATS.map((value) => (
          <div key={value} className="export-format">
            <input
              type="radio"
              id={`${id}-${value}`}
              name={`${id}-format`}
              value={value}
              checked={format === value}
              aria-describedby={`${id}-${value}-help`}
              onChange={() => setFormat(value)}
            />
            <label htmlFor={`${id}-${value}`}>{t(`exchange.format.${value}`)}</label>
            <p id={`${id}-${value}-help`} className="help-text">
              {t(`exchange.format.${value}Help`)}
            </p>
          </div>
        ))}
      </fieldset>
      <div className="export-row">
        <label htmlFor={`${id}-language`}>{t('exchange.language')}</label>
        <select id={`${id}-language`} value={language} aria-describedby={`${id}-language-help`} onChange={(event) => setLanguage(event.target.value as Lang | 'all')}>
          <option value="all">{t('exchange.language.all')}</option>
          {languages.map((lang) => (
            <option key={lang} value={lang}>
              {t(`exchange.language.${lang}`)}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-language-help`} className="help-text">
        {t('exchange.languageHelp')}
      </p>
      <div className="export-row">
        {/* Busy is aria-disabled, not disabled: disabling the focused button would drop the focus on the page. */}
        <button type="button" className="export-run" aria-disabled={running || undefined} onClick={() => void run()}>
          {running ? t('exchange.exporting') : t('exchange.export')}
        </button>
        {running && (
          <>
            <progress aria-label={t('exchange.progress')} {...(phase.progress === null ? {} : { value: phase.progress, max: 1 })} />
            <button type="button" onClick={() => runRef.current?.cancel()}>
              {t('exchange.cancel')}
            </button>
          </>
        )}
      </div>
      <div role="status" className="export-result" data-testid="export-result">
        {phase.kind === 'running' && t('exchange.exporting')}
        {phase.kind === 'cancelled' && t('exchange.cancelled')}
        {phase.kind === 'done' && (
          <>
            <p>{t('exchange.done', { count: phase.files.length })}</p>
            <ul>
              {phase.files.map((file) => (
                <li key={file.path}>
                  <code>{file.path}</code>
                </li>
              ))}
            </ul>
            {host === 'web' && <p>{t('exchange.downloaded')}</p>}
          </>
        )}
      </div>
      {phase.kind === 'failed' && (
        <p className="export-problem" role="alert">
          {t('exchange.problem', { reason: phase.message })}
        </p>
      )}
    </dialog>
  );
}
