// Exports that read the edition: the Markdown export of a document's notes (each with its time,
// chapter, the quoted German and English sentences and the note), and the sentence texts a note
// covers, shared with the Anki export. Pure: no Node, no DOM.
import type { Edition } from '../edition/model';
import { pairingOf } from '../edition/pairing';
import { formatTime, sortNotesByPosition, type Note } from './model';

export interface NoteContext {
  /** German text of the covered sentences, in order. */
  de: string;
  /** English text of the covered sentences (a shared English sentence appears once). */
  en: string;
  chapter: { index: number; title: { de: string; en: string } } | null;
  /** Sentence ids the edition does not know (an edition changed under the note). */
  missing: string[];
}

export function noteContext(note: Note, edition: Edition): NoteContext {
  // The edition's one index, not a map per note: an export asks this for every note.
  const pairing = pairingOf(edition);
  const de: string[] = [];
  const en: string[] = [];
  const missing: string[] = [];
  for (const id of note.sentenceIds) {
    const sentence = pairing.sentence(id);
    if (!sentence) {
      missing.push(id);
      continue;
    }
    de.push(sentence.de);
    const english = pairing.englishOf(id);
    if (english !== '' && !en.includes(english)) en.push(english);
  }
  const first = pairing.sentence(note.sentenceIds[0] ?? '');
  const chapter = first ? edition.chapters.find((c) => c.id === first.chapterId) : undefined;
  return {
    de: de.join(' '),
    en: en.join(' '),
    chapter: chapter ? { index: chapter.index, title: chapter.title } : null,
    missing,
  };
}

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** The note text as Markdown: kept verbatim, but a line that would start a heading or a rule is escaped. */
function noteBody(text: string): string {
  return text
    .split('\n')
    .map((line) => (/^\s{0,3}(#|---|===|\*\*\*)/.test(line) ? `\\${line}` : line))
    .join('\n');
}

export function notesToMarkdown(notes: readonly Note[], edition: Edition, exportedAt: Date): string {
  const sorted = sortNotesByPosition(notes, edition);
  const lines: string[] = [];
  lines.push(`# Notes: ${edition.title.de}`, '');
  lines.push(
    `*${edition.title.en}* — ${sorted.length} ${sorted.length === 1 ? 'note' : 'notes'}, exported ${exportedAt.toISOString().slice(0, 10)} from Mitlesen.`,
  );
  let currentChapter: number | null | undefined;
  for (const note of sorted) {
    const context = noteContext(note, edition);
    const chapterIndex = context.chapter?.index ?? null;
    if (chapterIndex !== currentChapter) {
      currentChapter = chapterIndex;
      lines.push('');
      lines.push(
        context.chapter
          ? `## ${context.chapter.index + 1}. ${context.chapter.title.de} (${context.chapter.title.en})`
          : '## Sentences no longer in this document',
      );
    }
    lines.push('');
    lines.push(`### ${formatTime(note.time)} · ${note.sentenceIds.join(', ')}`);
    lines.push('');
    if (context.de) lines.push(quoteBlock(context.de));
    if (context.de && context.en) lines.push('>');
    if (context.en) lines.push(quoteBlock(`*${context.en}*`));
    if (context.missing.length > 0) lines.push(`(Sentence${context.missing.length > 1 ? 's' : ''} ${context.missing.join(', ')} not found in this edition.)`);
    if (note.quote) {
      lines.push('');
      lines.push(`Selected: «${note.quote}»`);
    }
    if (note.text.trim() !== '') {
      lines.push('');
      lines.push(noteBody(note.text));
    }
    if (note.tags.length > 0) {
      lines.push('');
      lines.push(`Tags: ${note.tags.map((tag) => `\`${tag.replace(/`/g, "'")}\``).join(', ')}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

/** A file name for an export: the document id, the date and the format's extension. */
export function exportFileName(documentId: string, extension: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `${documentId}-notes-${stamp}.${extension}`;
}
