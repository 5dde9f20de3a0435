// Timed text made elsewhere (WebVTT, SRT, Podcasting 2.0, a sync map) as a document of Mitlesen:
// the cues' text becomes the document's text, and every sentence of it gets its time from the cues,
// so a recording with such a file opens without being aligned. Cues and sentences rarely coincide
// (a subtitle splits a sentence in two lines' worth, a podcast segment holds several), so times are
// carried by character: each character of a cue is placed linearly between the cue's start and end,
// or at the word start the file gives (WebVTT inline timestamps, a sync map's words); a sentence
// starts at its first character's time and ends at its last one's. Words without a time of their own
// in the file are estimated from those positions, and counted. Pure: no Node, no DOM.
import type { Edition, Lang } from '../edition/model';
import { splitWords } from '../text/words';
import { narratedSentences, narratedText } from '../timing/model';
import type { ImportedSentence } from './import-timing';
import { escapeMarkdown } from './markdown';

/** A new paragraph where the speaker changes or the cues pause this long. */
const PARAGRAPH_GAP = 1.5;

const isSpace = (ch: string) => /\s/u.test(ch);
const SEPARATOR = '\u0000';

/** A chapter heading the file gives (an EPUB's chapter titles): it opens the chapter at cue `before`. */
export interface CueHeading {
  before: number;
  title: string;
}

/**
 * The cues' text as Markdown the app's text import reads back exactly (every line escaped, so no
 * cue is taken for a heading): cues joined by spaces, paragraphs at pauses and speaker changes,
 * and the file's chapter headings as headings (which are chapter titles, not sentences to time).
 */
export function cuesToText(cues: readonly ImportedSentence[], speakers: readonly (string | null)[] = [], headings: readonly CueHeading[] = []): string {
  const blocks: ({ heading: string } | { texts: string[] })[] = [];
  const headingBefore = new Map(headings.map((h) => [h.before, h.title.replace(/\s+/g, ' ').trim()]));
  cues.forEach((cue, i) => {
    const heading = headingBefore.get(i);
    if (heading) blocks.push({ heading });
    const text = cue.text.replace(/\s+/g, ' ').trim();
    if (text === '') return;
    const previous = cues[i - 1];
    const last = blocks.at(-1);
    const fresh = !previous || cue.start - previous.end >= PARAGRAPH_GAP || (speakers[i] ?? null) !== (speakers[i - 1] ?? null);
    if (fresh || !last || 'heading' in last) blocks.push({ texts: [text] });
    else last.texts.push(text);
  });
  return blocks.map((block) => ('heading' in block ? `# ${escapeMarkdown(block.heading)}` : escapeMarkdown(block.texts.join(' ')))).join('\n\n');
}

interface CharTime {
  time: number;
  /** The file gave this time (a word start), rather than it being placed within its cue. */
  given: boolean;
}

/** Every non-space character of the cues, in order, with its time; a separator after each cue holds its end. */
function characterTimes(cues: readonly ImportedSentence[]): { chars: string[]; times: CharTime[] } {
  const chars: string[] = [];
  const times: CharTime[] = [];
  for (const cue of cues) {
    const text = cue.text.normalize('NFC');
    const count = [...text].filter((ch) => !isSpace(ch)).length;
    const wordStarts = new Map<number, number>();
    splitWords(text).forEach((word, i) => {
      const start = cue.words?.[i]?.start;
      if (typeof start === 'number') wordStarts.set(word.start, start);
    });
    let k = 0;
    let offset = 0;
    for (const ch of text) {
      if (!isSpace(ch)) {
        const given = wordStarts.get(offset);
        const time = given ?? cue.start + ((cue.end - cue.start) * k) / Math.max(1, count);
        chars.push(ch);
        times.push({ time: Math.min(Math.max(time, cue.start), cue.end), given: given !== undefined });
        k++;
      }
      offset += ch.length;
    }
    chars.push(SEPARATOR);
    times.push({ time: cue.end, given: true });
  }
  return { chars, times };
}

export type CueTimesResult = { ok: true; sentences: ImportedSentence[] } | { ok: false; problems: string[] };

/** The edition's sentences of `lang`, each timed from the cues it was made from. */
export function timesFromCues(edition: Edition, lang: Lang, cues: readonly ImportedSentence[], file: string): CueTimesResult {
  const { chars, times } = characterTimes(cues);
  let at = 0;
  const out: ImportedSentence[] = [];
  for (const sentence of narratedSentences(edition, lang)) {
    const text = narratedText(sentence, lang).normalize('NFC');
    const wanted = [...text].filter((ch) => !isSpace(ch));
    const first = skipSeparators(chars, at);
    let pos = first;
    const positions: number[] = [];
    for (const ch of wanted) {
      pos = skipSeparators(chars, pos);
      if (chars[pos] !== ch) {
        return { ok: false, problems: [`${file}: the text of sentence ${sentence.id} ("${text.slice(0, 60)}") is not the file's text at that point`] };
      }
      positions.push(pos);
      pos += 1;
    }
    at = pos;
    const lastChar = positions.at(-1) ?? first;
    const start = times[first]!.time;
    // Said by the time the next character starts (within its cue), or the cue ends.
    const end = Math.max(start, times[lastChar + 1]!.time);
    // Word starts: a word whose first character the file timed keeps that time; the rest are left
    // for the track builder to spread (and count as estimated).
    const words = splitWords(text).map((word) => {
      const nonSpaceBefore = [...text.slice(0, word.start)].filter((ch) => !isSpace(ch)).length;
      const p = positions[nonSpaceBefore];
      const t = p === undefined ? null : times[p]!;
      return { start: t && t.given ? t.time : null };
    });
    out.push({ id: sentence.id, text, start, end, words, where: `${file}, sentence ${sentence.id}` });
  }
  if (skipSeparators(chars, at) < chars.length) return { ok: false, problems: [`${file}: the file goes on after the text's last sentence`] };
  return { ok: true, sentences: out };
}

/** Cue boundaries are not text. */
function skipSeparators(chars: readonly string[], pos: number): number {
  while (chars[pos] === SEPARATOR) pos++;
  return pos;
}
