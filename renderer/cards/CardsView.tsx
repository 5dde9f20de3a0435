// Study cards: the toolbar button (with the count) that opens the cards dialog, the save-card key
// (Shift+C: the current sentence, or the selected words with their sentence), and the dialog itself:
// export for Anki first (so the keyboard reaches it in a few Tabs), then the cards (./CardsList.tsx:
// only those in view are rendered), each edited in place (saved when a field is left), played from,
// deleted with undo.
import { useCallback, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { CardsExportResult } from '../../common/bridge/cards-contract';
import type { Card, CardExportFormat } from '../../common/learning/cards';
import { keysFor } from '../../common/keymap';
import { useBackend } from '../bridge/backend-context';
import { useCommand } from '../shell/shortcuts';
import { useT, type Translate } from '../i18n';
import { keyLabel } from '../i18n/key-names';
import { transcriptSelection } from '../learning/selection';
import { useAnnouncer } from '../learning/ui';
import { usePlayer } from '../player/player-context';
import { useModalDialog } from '../ui/use-modal-dialog';
import type { CardsController } from './cards-controller';
import { CardsList, excerpt } from './CardsList';
import { useSession } from '../session/context';
import '../ui/dialog.css';
import './cards.css';
import { blobFromBase64, downloadBlob } from '../ui/files';

export function useCardsController(): CardsController {
  return useSession().cards;
}

function useCardsSnapshot(controller: CardsController) {
  return useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
}

function keysText(command: Parameters<typeof keysFor>[0], t: Translate): string {
  return keysFor(command)
    .map((k) => keyLabel(k, t))
    .join(` ${t('keys.or')} `);
}

/** The toolbar's cards button and dialog, and the keys Shift+C (save a card) and Shift+K (open). */
export function CardsButton() {
  const t = useT();
  const player = usePlayer();
  const controller = useCardsController();
  const snapshot = useCardsSnapshot(controller);
  const [open, setOpen] = useState(false);
  const [announcer, announce] = useAnnouncer('cards-announcer');

  const saveCard = useCallback(async () => {
    const selection = transcriptSelection();
    const here = player.getPosition();
    const source = selection ? { sentenceIds: selection.sentenceIds, lang: selection.lang, text: selection.text } : { sentenceIds: [here.sentenceId], lang: here.lang };
    const result = await controller.save(source);
    if ('error' in result) {
      announce(t('cards.problem.save', { reason: result.error }));
      return;
    }
    if (selection) window.getSelection()?.removeAllRanges();
    announce(t(result.duplicate ? 'cards.announce.duplicate' : 'cards.announce.saved', { german: excerpt(result.card.german) }));
  }, [controller, player, announce, t]);

  useCommand('saveCard', () => void saveCard());
  useCommand('showCards', () => setOpen(true));

  const count = snapshot.cards.length;
  return (
    <>
      <button
        type="button"
        className="cards-button"
        aria-keyshortcuts="Shift+K"
        aria-haspopup="dialog"
        title={`${t('cards.buttonLabel', { count })} (${keysText('showCards', t)})`}
        onClick={() => setOpen(true)}
      >
        {t('cards.button', { count })}
      </button>
      <button type="button" className="cards-save" aria-label={t('cards.saveCurrentLabel')} aria-keyshortcuts="Shift+C" title={`${t('cards.saveCurrentLabel')} (${keysText('saveCard', t)})`} onClick={() => void saveCard()}>
        {t('cards.saveCurrent')}
      </button>
      {announcer}
      <CardsDialog open={open} onClose={() => setOpen(false)} controller={controller} />
    </>
  );
}

function CardsDialog({ open, onClose, controller }: { open: boolean; onClose(): void; controller: CardsController }) {
  const t = useT();
  const { host } = useBackend();
  const player = usePlayer();
  const snapshot = useCardsSnapshot(controller);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const [format, setFormat] = useState<CardExportFormat>('anki-tsv');
  const [withAudio, setWithAudio] = useState(true);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<CardsExportResult | null>(null);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [announcer, announce] = useAnnouncer('cards-dialog-announcer');
  const id = useId();

  // The focus starts on Close, as in the other dialogs: on a focused heading Orca reads the heading
  // alone and never says that a dialog opened.
  const { dialogRef, handleClose, close } = useModalDialog(open, onClose, (dialog) => dialog.querySelector<HTMLElement>('.cards-head button'));

  const runExport = async () => {
    if (exporting) return;
    setExporting(true);
    setExportProblem(null);
    const result = await controller.exportCards(format, withAudio);
    setExporting(false);
    if ('error' in result) {
      setExported(null);
      setExportProblem(t('cards.problem.export', { reason: result.error }));
      return;
    }
    setExported(result);
    // Browser mode: the files live on the machine running the server; offer them as a download too.
    if (host === 'web') {
      if (result.zip) downloadBlob(result.zip.fileName, blobFromBase64(result.zip.base64, 'application/zip'));
      else downloadBlob(result.fileName, new Blob([result.content], { type: `${result.mimeType};charset=utf-8` }));
    }
  };

  const onDelete = useCallback(
    async (card: Card) => {
      if (await controller.remove(card.id)) {
        announce(t('cards.announce.deleted'));
        // The card's controls are gone: keep the focus in the dialog, on Undo.
        requestAnimationFrame(() => undoRef.current?.focus());
      }
    },
    [controller, announce, t],
  );
  const onPlay = useCallback((card: Card) => card.sentenceIds[0] && player.playFromSentence(card.sentenceIds[0]), [player]);

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog cards-dialog"
      aria-labelledby={`${id}-title`}
      onClose={handleClose}
    >
      <div className="dialog-header cards-head">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          {t('cards.title')} <span className="cards-count">({t('cards.count', { count: snapshot.cards.length })})</span>
        </h2>
        <button type="button" onClick={close}>
          {t('cards.close')}
        </button>
      </div>

      {snapshot.problem && (
        <div className="cards-problem" role="alert">
          <p>{snapshot.status === 'failed' ? t('cards.problem.unavailable', { reason: snapshot.problem }) : snapshot.problem}</p>
          <button type="button" onClick={() => controller.dismissProblem()}>
            {t('cards.dismiss')}
          </button>
        </div>
      )}

      <section className="cards-export" aria-labelledby={`${id}-export`}>
        <h3 id={`${id}-export`}>{t('cards.export')}</h3>
        <div className="cards-export-row">
          <label htmlFor={`${id}-format`}>{t('cards.exportFormat')}</label>
          <select id={`${id}-format`} value={format} onChange={(event) => setFormat(event.target.value as CardExportFormat)}>
            <option value="anki-tsv">{t('cards.formatTsv')}</option>
            <option value="csv">{t('cards.formatCsv')}</option>
          </select>
          <label className="cards-check">
            <input type="checkbox" checked={withAudio} onChange={(event) => setWithAudio(event.target.checked)} />
            {t('cards.withAudio')}
          </label>
          {/* Busy is aria-disabled, not disabled: disabling the focused button would drop the focus on the page. */}
          <button type="button" className="cards-export-button" disabled={snapshot.cards.length === 0} aria-disabled={exporting || undefined} aria-describedby={`${id}-export-help`} onClick={() => void runExport()}>
            {exporting ? t('cards.exporting') : t('cards.exportButton')}
          </button>
        </div>
        <p id={`${id}-export-help`} className="help-text">
          {t('cards.exportHelp')}
        </p>
        <p className="cards-export-result" role="status" data-testid="cards-export-result">
          {exported
            ? exported.folder
              ? t('cards.exportDoneAudio', { count: exported.count, files: exported.audioFiles, path: exported.folder })
              : t('cards.exportDone', { count: exported.count, path: exported.path })
            : ''}
        </p>
        {exportProblem && (
          <p className="cards-problem" role="alert">
            {exportProblem}
          </p>
        )}
      </section>

      {snapshot.lastDeleted && (
        <div className="cards-undo">
          <span>{t('cards.deleted')}</span>
          <button
            type="button"
            ref={undoRef}
            onClick={async () => {
              if (await controller.undoDelete()) announce(t('cards.announce.restored'));
            }}
          >
            {t('cards.undo')}
          </button>
          <button type="button" aria-label={t('cards.dismissUndo')} onClick={() => controller.dismissUndo()}>
            ×
          </button>
        </div>
      )}

      {snapshot.status === 'ready' && snapshot.cards.length === 0 && <p className="cards-empty">{t('cards.empty')}</p>}
      <CardsList cards={snapshot.cards} saveStates={snapshot.saveStates} scrollElement={dialogRef} controller={controller} onPlay={onPlay} onDelete={onDelete} />
      {announcer}
    </dialog>
  );
}
