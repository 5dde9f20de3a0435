// How the shell's pieces reach the notes of the open document: the session's one NotesController
// (so the panel, the transcript markers, the waveform marks and the search box share it), and the
// small bits of player glue (where a note plays from, where a new note is anchored).
import { useT } from '../i18n';
import { useMemo, useSyncExternalStore } from 'react';
import type { Lang } from '../../common/edition/model';
import { formatTime, type Note } from '../../common/notes/model';
import { narratedSentenceFrom, startOf, unitAt } from '../../common/timing/navigate';
import type { PlayerController } from '../player/controller';
import { usePlayer, usePlayerState } from '../player/player-context';
import { useSession } from '../session/context';
import type { SentenceDecorations } from '../transcript/TranscriptView';
import type { WaveformMark } from '../waveform/Waveform';
import type { NotesController, NotesSnapshot } from './notes-controller';

export function useNotesController(): NotesController {
  return useSession().notes;
}

export function useNotesSnapshot(): NotesSnapshot {
  const controller = useNotesController();
  return useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
}

/**
 * Where a note plays from in the current narration language: its own time when that time falls in
 * its sentence (it was made in this language), else the start of its first sentence.
 */
export function noteStart(player: PlayerController, note: Pick<Note, 'time' | 'sentenceIds'>, lang: Lang): number | null {
  const index = player.index(lang);
  const first = note.sentenceIds[0];
  if (!first) return note.time;
  const narrated = narratedSentenceFrom(player.edition, index, first, lang);
  if (!narrated) return null;
  if (unitAt(index, 'sentence', note.time) === narrated) return note.time;
  return startOf(index, 'sentence', narrated);
}

export function playNote(player: PlayerController, note: Pick<Note, 'time' | 'sentenceIds'>): void {
  const start = noteStart(player, note, player.getSnapshot().lang);
  if (start !== null) player.playFromTime(start);
  else if (note.sentenceIds[0]) player.playFromSentence(note.sentenceIds[0]);
}

/** The sentences (and exact words) selected in the transcript, if the selection lies in it. */
export function transcriptSelection(): { sentenceIds: string[]; quote: string; lang: Lang } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const root = start?.closest('#main') ?? null;
  if (!root) return null;
  const sentences = [...root.querySelectorAll<HTMLElement>('.sentence[data-sentence]')].filter((el) => range.intersectsNode(el));
  if (sentences.length === 0) return null;
  const ids = [...new Set(sentences.map((el) => el.dataset.sentence!))].slice(0, 500);
  const quote = selection.toString().replace(/\s+/g, ' ').trim().slice(0, 10_000);
  if (quote === '') return null;
  return { sentenceIds: ids, quote, lang: sentences[0]!.dataset.lang === 'en' ? 'en' : 'de' };
}

/** Creates a note at the selection (if any) or at the current place, and focuses its editor. */
export function createNoteHere(player: PlayerController, controller: NotesController): Promise<Note | null> {
  const selected = transcriptSelection();
  const lang = player.getSnapshot().lang;
  if (selected) {
    const time = noteStart(player, { time: -1, sentenceIds: selected.sentenceIds }, lang) ?? player.getPosition().time;
    window.getSelection()?.removeAllRanges();
    return controller.create({ sentenceIds: selected.sentenceIds, quote: selected.quote, quoteLang: selected.lang, time, text: '', tags: [] });
  }
  const position = player.getPosition();
  return controller.create({ sentenceIds: [position.sentenceId], time: Math.max(0, position.time), text: '', tags: [] });
}

/** A short excerpt of a note for labels. */
export function noteExcerpt(note: Note, max = 60): string {
  const text = (note.text.trim() || note.quote || '').replace(/\s+/g, ' ');
  if (text === '') return 'empty note';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Note counts beside sentences: activating one moves the focus to the note in the panel. */
export function useNoteDecorations(): SentenceDecorations {
  const controller = useNotesController();
  const { notes } = useNotesSnapshot();
  const t = useT();
  return useMemo(() => {
    const bySentence = new Map<string, Note[]>();
    for (const note of notes) {
      const first = note.sentenceIds[0];
      if (!first) continue;
      bySentence.set(first, [...(bySentence.get(first) ?? []), note]);
    }
    const decorations = new Map<string, { count: number; label: string; onActivate(): void }>();
    for (const [sentenceId, list] of bySentence) {
      decorations.set(sentenceId, {
        count: list.length,
        label: list.length === 1 ? t('notes.decorationOne', { excerpt: noteExcerpt(list[0]!) }) : t('notes.decorationMany', { count: list.length }),
        onActivate: () => controller.requestFocus(list[0]!.id),
      });
    }
    return decorations;
  }, [notes, controller, t]);
}

/** Where the notes are, as marks on the waveform, in the current narration language. */
export function useNoteMarks(): readonly WaveformMark[] {
  const player = usePlayer();
  const lang = usePlayerState((s) => s.lang);
  const { notes } = useNotesSnapshot();
  const t = useT();
  return useMemo(() => {
    // One mark per place, not per note: thousands of notes would otherwise mean thousands of
    // waveform markers (each costs a layout) for the same few hundred sentence starts.
    const byTime = new Map<number, Note[]>();
    for (const note of notes) {
      const time = noteStart(player, note, lang);
      if (time === null) continue;
      const list = byTime.get(time);
      if (list) list.push(note);
      else byTime.set(time, [note]);
    }
    return [...byTime].map(([time, list]) => ({
      time,
      label:
        list.length === 1
          ? t('notes.mark', { time: formatTime(time), excerpt: noteExcerpt(list[0]!) })
          : t('notes.markMany', { time: formatTime(time), count: list.length }),
    }));
  }, [notes, player, lang, t]);
}
