// WebVTT (https://www.w3.org/TR/webvtt1/): one file per language with a cue per sentence, the
// speaker as a voice span and each word's start as an inline timestamp (players that know karaoke
// styling light word by word; the rest show the sentence), and a chapters track of its own (HTML
// <track kind="chapters">). Cue identifiers are the edition's sentence and chapter ids, so an import
// can tell which sentence a cue is.
import { ms, wordPieces, type TimedText, type TimedTextSentence } from './timed-text';

/** HH:MM:SS.mmm, the form WebVTT requires hours in when a file may run past an hour. */
export function vttTime(seconds: number): string {
  return clock(ms(seconds), '.');
}

/** Shared with SRT, which differs only in the decimal separator. */
export function clock(totalMs: number, separator: '.' | ','): string {
  const millis = totalMs % 1000;
  const totalSeconds = Math.floor(totalMs / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}${separator}${pad(millis, 3)}`;
}

/**
 * A cue must end after it starts (the WebVTT validator refuses an empty cue). A sentence timed as a
 * moment (an aligner's zero-length span) gets one millisecond, within what any round trip allows.
 */
export function cueEnd(start: number, end: number): number {
  return ms(end) > ms(start) ? end : (ms(start) + 1) / 1000;
}

/** Cue text may hold no markup of its own: &, < and > are escaped, line breaks become spaces. */
export function escapeCueText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What comes after WEBVTT or in a NOTE must not hold "-->" or a line break (it would end the block). */
function headerSafe(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/-->/g, '->');
}

/**
 * The sentence's cue text: its pieces with the start of each word before it. A timestamp must lie
 * strictly inside the cue and after the one before (the WebVTT validator refuses anything else), so
 * a word starting with the cue, or at the same millisecond as the word before, gets none and is
 * read back as starting with the text before it.
 */
export function timedCueText(sentence: TimedTextSentence): string {
  const pieces = wordPieces(sentence);
  const cueStart = ms(sentence.start);
  const cueEnd = ms(sentence.end);
  let last = cueStart;
  let text = '';
  pieces.forEach((piece, i) => {
    const at = sentence.words[i] ? ms(sentence.words[i]!.start) : last;
    if (at > last && at < cueEnd) {
      text += `<${clock(at, '.')}>`;
      last = at;
    }
    text += escapeCueText(piece);
  });
  return text;
}

export function toWebVtt(timed: TimedText): string {
  const blocks = [`WEBVTT - ${headerSafe(timed.title)}`, `NOTE\n${headerSafe(`${timed.title} (${timed.lang}), one cue per sentence, exported by Mitlesen`)}`];
  for (const sentence of timed.sentences) {
    const body = timedCueText(sentence);
    const voiced = sentence.speaker ? `<v ${escapeCueText(sentence.speaker)}>${body}</v>` : body;
    blocks.push(`${sentence.id}\n${vttTime(sentence.start)} --> ${vttTime(cueEnd(sentence.start, sentence.end))}\n${voiced}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * The chapters track: a cue per chapter from its start to the next chapter's start (the last to the
 * end of the audio), so that every moment belongs to a chapter, as chapter menus expect.
 */
export function toChaptersVtt(timed: TimedText): string {
  const blocks = [`WEBVTT - ${headerSafe(timed.title)}`];
  timed.chapters.forEach((chapter, i) => {
    const next = timed.chapters[i + 1];
    const end = next ? next.start : Math.max(chapter.end, timed.duration);
    blocks.push(`${chapter.id}\n${vttTime(chapter.start)} --> ${vttTime(cueEnd(chapter.start, end))}\n${escapeCueText(chapter.title)}`);
  });
  return `${blocks.join('\n\n')}\n`;
}
