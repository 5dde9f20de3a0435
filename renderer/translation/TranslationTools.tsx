// The header's translation tools for a document of the user's own: "Add translation…" (or
// "Replace translation…") and, when some pairs were uncertain, "Check pairs (N)" with the list of
// them, each one step from its place in the transcript, where the keys fix it. The uncertain
// pairs are also marked in the transcript (UncertainPairsProvider).
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { LibraryEntry } from '../../common/bridge/contract';
import type { AddedTranslation } from '../../common/bridge/translation-contract';
import { uncertainPairs, type PairEdit, type Translation } from '../../common/parallel/translation';
import { useT } from '../i18n';
import { useLanguageTag } from '../transcript/language-tags';
import { usePlayer } from '../player/player-context';
import { useModalDialog } from '../ui/use-modal-dialog';
import { AddTranslationDialog } from './AddTranslationDialog';
import { UncertainPairsContext, usePairEditor } from './pair-editor';
import '../ui/dialog.css';
import '../timing-check/timing-check.css';

export function TranslationButton({ documentId, kind, hasTranslation, onAdded }: { documentId: string; kind: LibraryEntry['kind']; hasTranslation: boolean; onAdded(message: string): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (kind !== 'own') return null;
  const added = (result: AddedTranslation) => onAdded(t('translation.added', { pairs: result.pairs, uncertain: result.uncertain }));
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {hasTranslation ? t('translation.replace') : t('translation.add')}
      </button>
      <AddTranslationDialog open={open} onClose={() => setOpen(false)} documentId={documentId} onAdded={added} />
      {hasTranslation && <CheckPairsButton />}
    </>
  );
}

/** The document's sentences in uncertain pairs, for the transcript's marks. */
export function UncertainPairsProvider({ translation, children }: { translation: Translation | null; children: ReactNode }) {
  const marked = useMemo(() => new Set(translation ? uncertainPairs(translation).flatMap((k) => translation.pairs[k]!.a) : []), [translation]);
  return <UncertainPairsContext.Provider value={marked}>{children}</UncertainPairsContext.Provider>;
}

function CheckPairsButton() {
  const t = useT();
  const editor = usePairEditor();
  const [open, setOpen] = useState(false);
  const translation = editor?.current ?? null;
  const list = useMemo(() => (translation ? uncertainPairs(translation) : []), [translation]);
  // Kept while the dialog is open, even once its last pair is fixed (it then says so).
  if (!translation || (list.length === 0 && !open)) return null;
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('pairs.check.button', { count: list.length })}
      </button>
      <CheckPairsDialog open={open} onClose={() => setOpen(false)} translation={translation} list={list} />
    </>
  );
}

/**
 * Gives the focus to `target()` once it is there, and for a moment gives it again should it fall to
 * the page: the element may not be rendered yet (a chapter of the transcript), and the list a fix
 * changes is drawn anew, which on a busy machine can replace its elements a few frames later,
 * taking a focus given at once with them. Once given, a focus the reader moved is left alone.
 */
function settleFocus(target: () => HTMLElement | null, ms = 1500): void {
  const until = performance.now() + ms;
  let given = false;
  const step = () => {
    const active = document.activeElement;
    if (!given || !active || active === document.body || !active.isConnected) {
      const element = target();
      element?.focus();
      given ||= element !== null && document.activeElement === element;
    }
    if (performance.now() < until) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

const sentenceUnit = (sentenceId: string) => () => document.querySelector<HTMLElement>(`[data-sentence="${sentenceId}"]`)?.closest<HTMLElement>('[data-unit]') ?? null;

function CheckPairsDialog({ open, onClose, translation, list }: { open: boolean; onClose(): void; translation: Translation; list: readonly number[] }) {
  const deTag = useLanguageTag('de');
  const t = useT();
  const editor = usePairEditor();
  const player = usePlayer();
  const id = useId();
  const { dialogRef, handleClose, close, closeAndFocus } = useModalDialog(open, onClose, (dialog) => dialog.querySelector<HTMLElement>('.timing-check-list button'));
  const byId = useMemo(() => new Map(player.edition.sentences.map((s) => [s.id, s.de])), [player.edition]);
  return (
    <dialog ref={dialogRef} className="modal-dialog timing-check-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`} onClose={handleClose}>
      <div className="dialog-header">
        <h2 id={`${id}-title`}>{t('pairs.check.title', { count: list.length })}</h2>
        <button type="button" onClick={close}>
          {t('keys.close')}
        </button>
      </div>
      <p id={`${id}-help`} className="help-text">
        {t('pairs.check.help')}
      </p>
      {list.length === 0 && <p>{t('pairs.allChecked')}</p>}
      <ol className="timing-check-list pair-check-list">
        {list.map((k, position) => {
          const pair = translation.pairs[k]!;
          const first = pair.a[0]!;
          const fix = (edit: PairEdit) => {
            // The fixed pair leaves the list: the focus goes on to the next one, or to Close.
            void editor?.edit(edit, first).then(() =>
              settleFocus(() => {
                const dialog = dialogRef.current;
                if (!dialog?.open) return null;
                const items = dialog.querySelectorAll<HTMLElement>('.pair-check-list > li');
                return items[Math.min(position, items.length - 1)]?.querySelector<HTMLElement>('button') ?? dialog.querySelector<HTMLElement>('.dialog-header button');
              }),
            );
          };
          return (
            <li key={first} aria-labelledby={`${id}-pair-${first}`}>
              <p id={`${id}-pair-${first}`}>
                <span lang={deTag}>{pair.a.map((s) => byId.get(s)).join(' ')}</span>
                {' — '}
                <span lang={translation.lang}>{pair.b.map((i) => translation.sentences[i]).join(' ') || '…'}</span>{' '}
                <span className="timing-check-reason">{t('pairs.check.confidence', { percent: Math.round(pair.confidence * 100) })}</span>
              </p>
              <div className="pair-check-actions" role="group" aria-labelledby={`${id}-pair-${first}`}>
                <button
                  type="button"
                  onClick={() => {
                    player.playFromSentence(first);
                    player.pause();
                    closeAndFocus(() => settleFocus(sentenceUnit(first)));
                  }}
                >
                  {t('pairs.action.go')}
                </button>
                <button type="button" onClick={() => fix('confirm')}>
                  {t('pairs.action.confirm')}
                </button>
                <button type="button" onClick={() => fix('joinAbove')} disabled={k === 0}>
                  {t('pairs.action.joinAbove')}
                </button>
                <button type="button" onClick={() => fix('joinBelow')} disabled={k === translation.pairs.length - 1}>
                  {t('pairs.action.joinBelow')}
                </button>
                {pair.a.length > 1 && (
                  <button type="button" onClick={() => fix('split')}>
                    {t('pairs.action.split')}
                  </button>
                )}
                {pair.b.length > 0 && (
                  <button type="button" onClick={() => fix('untranslated')}>
                    {t('pairs.action.untranslated')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </dialog>
  );
}
