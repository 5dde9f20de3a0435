// Fixing the pairs of a translation the learner added: each edit (common/parallel/translation.ts)
// makes a new translation, which is saved and then shown at once in the open player (nothing stops
// or reloads: the original's sentences, which everything timed hangs on, stay); Ctrl+Z and
// Ctrl+Shift+Z step back and forth through the edits of this visit.
import { createContext, useContext } from 'react';
import type { Bridge } from '../../common/bridge/contract';
import type { Edition } from '../../common/edition/model';
import { applyTranslation, editPairs, type EditResult, type PairEdit, type Translation } from '../../common/parallel/translation';

export type PairEditorApi = Pick<Bridge, 'saveTranslation'>;

export type EditOutcome =
  | { kind: 'done'; edit: PairEdit | 'undo' | 'redo' }
  | { kind: 'refused'; reason: Exclude<EditResult, { ok: true }>['reason'] | 'nothing-to-undo' | 'nothing-to-redo' }
  | { kind: 'failed'; message: string };

export interface PairEditorOptions {
  documentId: string;
  edition: Edition;
  translation: Translation;
  api: PairEditorApi;
  /** Shows the new edition (the same text with the new pairs) in the open player. */
  show(edition: Edition, translation: Translation, focusSentenceId: string): void;
  /** Hears how each edit, undo and redo ended (for the status line and the screen reader). */
  report?(outcome: EditOutcome): void;
}

export class PairEditor {
  private translation: Translation;
  private readonly undoStack: { translation: Translation; sentenceId: string }[] = [];
  private readonly redoStack: { translation: Translation; sentenceId: string }[] = [];
  /** The sentence to give the focus back to once the transcript shows the new pairs. */
  private focusAfterShow: string | null = null;
  /** Saves run one after another, so that the last edit is the one kept. */
  private saving: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PairEditorOptions) {
    this.translation = options.translation;
  }

  get current(): Translation {
    return this.translation;
  }

  /** The sentence the transcript should focus when it opens, once. */
  takeFocus(): string | null {
    const id = this.focusAfterShow;
    this.focusAfterShow = null;
    return id;
  }

  async edit(edit: PairEdit, sentenceId: string): Promise<EditOutcome> {
    return this.reported(this.editNow(edit, sentenceId));
  }

  async undo(): Promise<EditOutcome> {
    return this.reported(this.undoNow());
  }

  async redo(): Promise<EditOutcome> {
    return this.reported(this.redoNow());
  }

  private async reported(outcome: Promise<EditOutcome>): Promise<EditOutcome> {
    const result = await outcome;
    this.options.report?.(result);
    return result;
  }

  private async editNow(edit: PairEdit, sentenceId: string): Promise<EditOutcome> {
    const result = editPairs(this.options.edition, this.translation, edit, sentenceId);
    if (!result.ok) return { kind: 'refused', reason: result.reason };
    const redo = [...this.redoStack];
    this.undoStack.push({ translation: this.translation, sentenceId });
    this.redoStack.length = 0;
    return this.commit(result.translation, sentenceId, edit, () => {
      this.undoStack.pop();
      this.redoStack.push(...redo);
    });
  }

  private async undoNow(): Promise<EditOutcome> {
    const step = this.undoStack.pop();
    if (!step) return { kind: 'refused', reason: 'nothing-to-undo' };
    this.redoStack.push({ translation: this.translation, sentenceId: step.sentenceId });
    return this.commit(step.translation, step.sentenceId, 'undo', () => {
      this.redoStack.pop();
      this.undoStack.push(step);
    });
  }

  private async redoNow(): Promise<EditOutcome> {
    const step = this.redoStack.pop();
    if (!step) return { kind: 'refused', reason: 'nothing-to-redo' };
    this.undoStack.push({ translation: this.translation, sentenceId: step.sentenceId });
    return this.commit(step.translation, step.sentenceId, 'redo', () => {
      this.undoStack.pop();
      this.redoStack.push(step);
    });
  }

  private async commit(next: Translation, sentenceId: string, edit: PairEdit | 'undo' | 'redo', rollback: () => void): Promise<EditOutcome> {
    const previous = this.translation;
    this.translation = next;
    const save = this.saving.then(() => this.options.api.saveTranslation({ documentId: this.options.documentId, translation: next }));
    this.saving = save.catch(() => undefined);
    try {
      await save;
    } catch (error) {
      // Not saved: the shown pairs stay as they were, so what is seen is what is kept.
      this.translation = previous;
      rollback();
      return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    this.focusAfterShow = sentenceId;
    this.options.show(applyTranslation(this.options.edition, next), next, sentenceId);
    return { kind: 'done', edit };
  }
}

export const PairEditorContext = createContext<PairEditor | null>(null);

export function usePairEditor(): PairEditor | null {
  return useContext(PairEditorContext);
}

/**
 * The pair fix a key asks for in the transcript (common/keymap.ts lists them): u joins with the pair
 * above, d with the one below, x splits, Shift+X marks untranslated, y says the pair is right as it
 * is; Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y does again (Cmd on macOS).
 */
export function pairCommand(event: { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): PairEdit | 'undo' | 'redo' | null {
  if (event.altKey) return null;
  const key = event.key.toLowerCase();
  if (event.ctrlKey || event.metaKey) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    return key === 'y' && !event.shiftKey ? 'redo' : null;
  }
  if (key === 'x') return event.shiftKey ? 'untranslated' : 'split';
  if (event.shiftKey) return null;
  return key === 'u' ? 'joinAbove' : key === 'd' ? 'joinBelow' : key === 'y' ? 'confirm' : null;
}

/** Sentences whose pair is uncertain (document sentences and the carriers of their translation), for the transcript's mark. */
export const UncertainPairsContext = createContext<ReadonlySet<string>>(new Set());

export function useUncertainPair(sentenceId: string): boolean {
  return useContext(UncertainPairsContext).has(sentenceId);
}
