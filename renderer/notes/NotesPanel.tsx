// The notes panel: the open document's notes in reading order, each edited in place (autosaved),
// played from with one click, deleted with undo (button or Ctrl+Z). Export (Markdown, JSON, Anki
// CSV) and import (JSON). Registers the `n` command: a new note at the selection or current place.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type CSSProperties, type Ref } from 'react';
import type { SaveState } from '../../common/notes/autosave';
import { formatTime, type ExportFormat, type Note } from '../../common/notes/model';
import { useCommand } from '../shell/shortcuts';
import { usePlayer } from '../player/player-context';
import type { NotesController } from './notes-controller';
import { createNoteHere, playNote, useNotesController, useNotesSnapshot } from './use-notes';
import { useT } from '../i18n';
import { useLanguageTag } from '../transcript/language-tags';
import { useRevealPanel } from '../shell/panels';
import './notes.css';
import { downloadBlob } from '../ui/files';

const EXPORTS: { format: ExportFormat; label: string }[] = [
  { format: 'markdown', label: 'Markdown' },
  { format: 'json', label: 'JSON' },
  { format: 'anki-csv', label: 'Anki CSV' },
];

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file'].includes(target.type)) ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

export function NotesPanel() {
  const t = useT();
  const player = usePlayer();
  const controller = useNotesController();
  const snapshot = useNotesSnapshot();
  const headingId = useId();
  const undoRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const notes = snapshot.notes;
  // Only the notes in view are rendered: a document may carry thousands.
  const virtualizer = useVirtualizer({
    count: notes.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => 200,
    gap: 12,
    overscan: 4,
    getItemKey: (index) => notes[index]?.id ?? index,
  });
  const [busy, setBusy] = useState(false);

  // Keys typed between `n` and the new note's editor taking the focus (a round trip to the main
  // process) belong to the note, not to the shortcuts: hold them and put them into the note.
  const typeAhead = useRef<{ text: string; stop(): void } | null>(null);
  const newNote = useCallback(() => {
    if (typeAhead.current) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (event.key.length === 1) buffer.text += event.key;
      else if (event.key === 'Enter') buffer.text += '\n';
      else if (event.key === 'Backspace') buffer.text = buffer.text.slice(0, -1);
      else return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const buffer = {
      text: '',
      stop: () => {
        window.removeEventListener('keydown', onKeyDown, true);
        clearTimeout(timer);
        if (typeAhead.current === buffer) typeAhead.current = null;
      },
    };
    // Never hold the keyboard for long, whatever happens to the note.
    const timer = setTimeout(() => buffer.stop(), 3000);
    typeAhead.current = buffer;
    window.addEventListener('keydown', onKeyDown, true);
    void createNoteHere(player, controller).then((note) => {
      if (!note) buffer.stop();
    });
  }, [player, controller]);
  useCommand('newNote', newNote);

  // Ctrl+Z (Cmd+Z) undoes the last deletion, unless a text field wants it for its own undo.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      if (isTextField(event.target) || !controller.getSnapshot().lastDeleted) return;
      event.preventDefault();
      void controller.undoDelete();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controller]);

  // A new, restored or pointed-at note takes the focus (its editor), once, because the user asked.
  const virtualItems = virtualizer.getVirtualItems();
  const revealPanel = useRevealPanel();
  useEffect(() => {
    const id = snapshot.focusRequest;
    if (!id) return;
    // On a small window the panel may be folded away: show it, so the editor can take the focus.
    revealPanel('sidebar');
    const editor = listRef.current?.querySelector<HTMLTextAreaElement>(`[data-note-id="${CSS.escape(id)}"] textarea`);
    if (!editor) {
      // Not rendered yet: bring it into view; this effect runs again once it is.
      const index = notes.findIndex((n) => n.id === id);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
      return;
    }
    editor.scrollIntoView({ block: 'nearest' });
    editor.focus();
    // Hand over what was typed while the note was being made; from now on keys reach the editor.
    const held = typeAhead.current;
    if (held) {
      held.stop();
      if (held.text !== '') controller.edit(id, { text: editor.value + held.text });
    }
    controller.focusHandled();
    requestAnimationFrame(() => editor.setSelectionRange(editor.value.length, editor.value.length));
  }, [snapshot.focusRequest, notes, controller, virtualizer, virtualItems, revealPanel]);

  const onDelete = useCallback(
    async (note: Note) => {
      await controller.remove(note.id);
      // The deleted note's controls are gone: keep the focus in the panel, on Undo.
      requestAnimationFrame(() => undoRef.current?.focus());
    },
    [controller],
  );
  const onPlay = useCallback((note: Note) => playNote(player, note), [player]);
  const sentenceText = useMemo(() => new Map(controller.edition.sentences.map((s) => [s.id, s.de])), [controller]);

  const exportAs = async (format: ExportFormat) => {
    setBusy(true);
    const result = await controller.exportAs(format);
    setBusy(false);
    if (result) downloadBlob(result.fileName, new Blob([result.content], { type: `${result.mimeType};charset=utf-8` }));
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    await controller.importJson(await file.text());
    setBusy(false);
  };

  return (
    <section className="notes-panel" aria-labelledby={headingId} aria-busy={snapshot.status === 'loading' || busy}>
      <div className="notes-head">
        <h2 id={headingId}>
          {t('notes.heading')} <span className="notes-count">({snapshot.notes.length})</span>
        </h2>
        <button type="button" aria-keyshortcuts="n" onClick={newNote}>
          {t('notes.new')} <kbd aria-hidden="true">n</kbd>
        </button>
      </div>

      {snapshot.problem && (
        <div className="notes-problem" role="alert">
          <p>{snapshot.problem}</p>
          <button type="button" onClick={() => controller.dismissProblem()}>
            {t('notes.dismiss')}
          </button>
        </div>
      )}

      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {snapshot.announcement?.text}
      </p>

      {snapshot.lastDeleted && (
        <div className="notes-undo">
          <span>{t('notes.deleted')}</span>
          <button type="button" ref={undoRef} aria-keyshortcuts="Control+Z" onClick={() => void controller.undoDelete()}>
            {t('notes.undo')}
          </button>
          <button type="button" aria-label={t('notes.dismissUndo')} onClick={() => controller.dismissUndo()}>
            ×
          </button>
        </div>
      )}

      {snapshot.status === 'ready' && snapshot.notes.length === 0 && (
        <p className="notes-empty">{t('notes.empty')}</p>
      )}

      <div className="notes-scroller" ref={scrollerRef}>
        <ol className="notes-list" ref={listRef} style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((item) => {
            const note = notes[item.index]!;
            return (
              <NoteItem
                key={note.id}
                ref={virtualizer.measureElement}
                index={item.index}
                count={notes.length}
                style={{ transform: `translateY(${item.start}px)` }}
                note={note}
                controller={controller}
                sentence={sentenceText.get(note.sentenceIds[0] ?? '') ?? null}
                saveState={snapshot.saveStates.get(note.id) ?? 'saved'}
                onPlay={onPlay}
                onDelete={onDelete}
              />
            );
          })}
        </ol>
      </div>

      <div className="notes-transfer">
        <div role="group" aria-label={t('notes.exportGroup')}>
          <span className="notes-transfer-label">{t('notes.exportLabel')}</span>
          {EXPORTS.map(({ format, label }) => (
            <button key={format} type="button" disabled={busy} onClick={() => void exportAs(format)}>
              {label}
            </button>
          ))}
        </div>
        <label className="notes-import">
          {t('notes.import')}
          <input type="file" accept=".json,application/json" disabled={busy} onChange={(event) => void importFile(event)} />
        </label>
      </div>
    </section>
  );
}


interface NoteItemProps {
  ref: Ref<HTMLLIElement>;
  index: number;
  count: number;
  style: CSSProperties;
  note: Note;
  controller: NotesController;
  sentence: string | null;
  saveState: SaveState;
  onPlay(note: Note): void;
  onDelete(note: Note): Promise<void>;
}

const NoteItem = memo(function NoteItem({ ref, index, count, style, note, controller, sentence, saveState, onPlay, onDelete }: NoteItemProps) {
  const deTag = useLanguageTag('de');
  const enTag = useLanguageTag('en');
  const t = useT();
  const textId = useId();
  const tagsId = useId();
  const time = formatTime(note.time);
  // The tags field keeps what is typed ("a, b, "); the note gets the parsed list.
  const [tagsText, setTagsText] = useState(note.tags.join(', '));
  const tagsFocused = useRef(false);
  useEffect(() => {
    if (!tagsFocused.current) setTagsText(note.tags.join(', '));
  }, [note.tags]);

  return (
    <li className="note" data-note-id={note.id} ref={ref} data-index={index} aria-setsize={count} aria-posinset={index + 1} style={style}>
      <div className="note-anchor">
        <button type="button" className="note-play" onClick={() => onPlay(note)} aria-label={t('notes.playFrom', { time })}>
          ▶ {time}
        </button>
        {sentence && (
          <span className="note-sentence" lang={deTag} title={sentence}>
            {sentence}
          </span>
        )}
      </div>
      {note.quote && (
        <blockquote className="note-quote" lang={note.quoteLang === 'en' ? enTag : deTag}>
          «{note.quote}»
        </blockquote>
      )}
      <label className="visually-hidden" htmlFor={textId}>
        {t('notes.noteAt', { time })}
      </label>
      <textarea
        id={textId}
        className="note-text"
        value={note.text}
        rows={Math.min(12, Math.max(3, note.text.split('\n').length))}
        maxLength={100_000}
        placeholder={t('notes.placeholder')}
        onChange={(event) => controller.edit(note.id, { text: event.target.value })}
        onBlur={() => void controller.flush(note.id)}
      />
      <div className="note-foot">
        <label htmlFor={tagsId}>{t('notes.tags')}</label>
        <input
          id={tagsId}
          className="note-tags"
          type="text"
          value={tagsText}
          placeholder={t('notes.tagsPlaceholder')}
          onFocus={() => (tagsFocused.current = true)}
          onChange={(event) => {
            setTagsText(event.target.value);
            const tags = event.target.value.split(',').map((tag) => tag.trim().slice(0, 64)).filter(Boolean).slice(0, 32);
            controller.edit(note.id, { tags });
          }}
          onBlur={() => {
            tagsFocused.current = false;
            void controller.flush(note.id);
          }}
        />
        <span className={`note-save note-save-${saveState}`}>{t(`notes.save.${saveState}`)}</span>
        <button type="button" className="note-delete" onClick={() => void onDelete(note)} aria-label={t('notes.deleteLabel', { time })}>
          {t('notes.delete')}
        </button>
      </div>
    </li>
  );
});
