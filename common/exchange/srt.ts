// SubRip (SRT): what video platforms and subtitle editors take. A cue per sentence, wrapped to at
// most two lines of at most 42 characters (the usual subtitle guideline, readable at a glance); a
// sentence too long for that is cut into several cues at word boundaries, each timed by its own
// words, so that no cue shows text before it is spoken. SRT has no markup that every player
// understands, so the text is plain (no speaker, no word times).
import { clock, cueEnd } from './vtt';
import { ms, wordPieces, type TimedText, type TimedTextSentence } from './timed-text';

export const SRT_LINE_CHARS = 42;
export const SRT_LINES = 2;

export interface SrtCue {
  start: number;
  end: number;
  lines: string[];
}

export function srtTime(seconds: number): string {
  return clock(ms(seconds), ',');
}

/** Pieces longer than a line (a very long compound or URL) are cut, or no line could hold them. */
function fitPiece(piece: string, width: number): string[] {
  const chars = Array.from(piece);
  if (chars.length <= width) return [piece];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

const length = (text: string) => Array.from(text).length;

/**
 * The cues of one sentence. Words are packed into lines of at most `width`, lines into cues of
 * `maxLines`; a cue runs from its first word's start (the sentence's start for the first cue) to its
 * last word's end (the sentence's end for the last), so the cues of a sentence never overlap.
 */
export function sentenceCues(sentence: TimedTextSentence, width = SRT_LINE_CHARS, maxLines = SRT_LINES): SrtCue[] {
  // Each token remembers its word, for the times.
  const tokens = wordPieces(sentence)
    .map((piece, word) => ({ word, parts: fitPiece(piece.replace(/\s+/g, ' ').trim(), width) }))
    .flatMap(({ word, parts }) => parts.map((text) => ({ word, text })))
    .filter((token) => token.text !== '');
  const pack = (limit: number) => {
    const lines: { text: string; first: number; last: number }[] = [];
    for (const token of tokens) {
      const line = lines[lines.length - 1];
      if (line && length(line.text) + 1 + length(token.text) <= limit) {
        line.text += ` ${token.text}`;
        line.last = token.word;
      } else {
        lines.push({ text: token.text, first: token.word, last: token.word });
      }
    }
    return lines;
  };
  // Greedy packing leaves a short last line ("… Geschenk der" / "Geschichte erwiesen."). A text
  // that needs more than one line is packed instead at the narrowest width that needs no more cues,
  // so its lines (and its cues) come out about even. One line stays one line.
  let lines = pack(width);
  if (lines.length > 1) {
    const room = Math.ceil(lines.length / maxLines) * maxLines;
    const longest = Math.max(...tokens.map((t) => length(t.text)));
    for (let narrower = Math.max(longest, Math.ceil(length(tokens.map((t) => t.text).join(' ')) / room)); narrower < width; narrower++) {
      const candidate = pack(narrower);
      if (candidate.length <= room) {
        lines = candidate;
        break;
      }
    }
  }
  const cues: SrtCue[] = [];
  for (let i = 0; i < lines.length; i += maxLines) {
    const group = lines.slice(i, i + maxLines);
    const firstWord = sentence.words[group[0]!.first];
    const lastWord = sentence.words[group[group.length - 1]!.last];
    const isFirst = i === 0;
    const isLast = i + maxLines >= lines.length;
    cues.push({
      start: isFirst || !firstWord ? sentence.start : firstWord.start,
      end: isLast || !lastWord ? sentence.end : lastWord.end,
      lines: group.map((line) => line.text),
    });
  }
  // A word cut in two by fitPiece lands in two cues; they share its times rather than overlap.
  for (let i = 1; i < cues.length; i++) cues[i]!.start = Math.max(cues[i]!.start, cues[i - 1]!.end);
  return cues;
}

export function toSrt(timed: TimedText): string {
  const cues = timed.sentences.flatMap((sentence) => sentenceCues(sentence));
  return cues.map((cue, i) => `${i + 1}\n${srtTime(cue.start)} --> ${srtTime(cueEnd(cue.start, cue.end))}\n${cue.lines.join('\n')}`).join('\n\n') + '\n';
}
