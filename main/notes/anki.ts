// The Anki export: one card per note, front the German sentence(s), back the English sentence(s)
// and the note, tags in a third column. Anki reads the "#" header lines (Anki 2.1.55 and later)
// to set the separator, HTML and the tags column; fields are HTML, so text is escaped and line
// breaks become <br>. Quoting is left to csv-stringify.
import { stringify } from 'csv-stringify/sync';
import type { Edition } from '../../common/edition/model';
import { escapeHtml } from '../../common/learning/cards';
import { noteContext } from '../../common/notes/markdown';
import { sortNotesByPosition, type Note } from '../../common/notes/model';

// Only CRLF and LF become <br>: a lone CR stays as it is, as it always has in this export (the
// study cards' export in common/learning/cards.ts also breaks on a lone CR).
function html(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/** Anki tags are space-separated words: spaces inside a tag become underscores. */
function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_');
}

export function notesToAnkiCsv(notes: readonly Note[], edition: Edition): string {
  const rows = sortNotesByPosition(notes, edition).map((note) => {
    const context = noteContext(note, edition);
    const front = html(context.de || note.quote || '');
    const backParts = [context.en ? html(context.en) : '', note.quote && note.quote !== context.de ? `<i>«${html(note.quote)}»</i>` : '', html(note.text)];
    const back = backParts.filter((part) => part !== '').join('<br><br>');
    const tags = ['mitlesen', ...note.tags.map(ankiTag)].join(' ');
    return [front, back, tags];
  });
  const header = '#separator:Comma\n#html:true\n#columns:Front,Back,Tags\n#tags column:3\n';
  return header + stringify(rows, { quoted: true, record_delimiter: '\n' });
}
