// The base of importing timed text: sentences with times read from a WebVTT, SRT, Podcasting 2.0,
// sync map or EPUB file, matched to an edition's sentences and turned into a narration track that
// parseTimedTranscript accepts. Matching is by id where the file carries the edition's ids (our
// WebVTT cue ids, sync map fragment ids, EPUB fragment ids like "de-s001"), otherwise by text in
// reading order, joining cues until they say what the sentence says (SRT splits long sentences).
// Word times come from the file where it has them (a sync map: all; WebVTT: word starts) and are
// otherwise spread over the sentence by the length of each word and counted as estimated, so that
// the caller can say so (or hand them to the aligner when there is audio). Pure: no Node, no DOM.
import type { Edition, Lang } from '../edition/model';
import { splitWords } from '../text/words';
import { narratedSentences, narratedText, type NarrationTrack, type TimedSentence, type TimedSpan } from '../timing/model';

export interface ImportedSentence {
  /** An edition sentence id when the file names one, else null. */
  id: string | null;
  text: string;
  start: number;
  end: number;
  /** Per word of the text: its [start, end], its start only, or nothing known. */
  words?: ({ start: number | null; end?: number | null } | null)[];
  /** Where it came from, for messages ("talk.srt, line 12"). */
  where: string;
}

export type ImportTrackResult =
  | { ok: true; track: NarrationTrack; estimatedWords: number }
  | { ok: false; problems: string[] };

export interface TrackMedia {
  mediaId: string;
  mimeType: NarrationTrack['mimeType'];
  duration: number;
  peaksMediaId: string;
}

const compact = (text: string) => text.replace(/\s+/g, '').normalize('NFC');
const MAX_PROBLEMS = 20;

/**
 * Word times inside [start, end]: known ones kept (clamped, in order), the rest spread by length.
 * `estimated` counts the words whose start the file did not give (the first word starts with its
 * sentence, so it is never estimated).
 */
function wordTimes(text: string, start: number, end: number, known: ImportedSentence['words']): { words: [number, number][]; estimated: number } {
  const spans = splitWords(text);
  if (spans.length === 0) return { words: [], estimated: 0 };
  const starts: (number | null)[] = spans.map((_, i) => {
    const s = known?.[i]?.start;
    return typeof s === 'number' ? Math.min(Math.max(s, start), end) : null;
  });
  if (starts[0] === null) starts[0] = start;
  let estimated = 0;
  // Unknown starts between two known ones are spread by the words' lengths.
  for (let i = 1; i < spans.length; i++) {
    if (starts[i] !== null) continue;
    let j = i;
    while (j < spans.length && starts[j] === null) j++;
    const from = starts[i - 1]!;
    const to = j < spans.length ? starts[j]! : end;
    const weights = spans.slice(i - 1, j).map((s) => Math.max(1, s.text.length));
    const total = weights.reduce((a, b) => a + b, 0);
    let at = from;
    for (let k = i; k < j; k++) {
      at += ((to - from) * weights[k - i]!) / total;
      starts[k] = at;
      estimated++;
    }
    i = j - 1;
  }
  for (let i = 1; i < starts.length; i++) starts[i] = Math.max(starts[i]!, starts[i - 1]!);
  const words = spans.map((_, i): [number, number] => {
    const s = starts[i]!;
    const next = i + 1 < spans.length ? starts[i + 1]! : end;
    const e = known?.[i]?.end;
    return [s, typeof e === 'number' ? Math.min(Math.max(e, s), next) : next];
  });
  return { words, estimated };
}

function spans(groups: { id: string; sentenceIds: string[] }[], timed: Map<string, TimedSentence>): TimedSpan[] {
  return groups.flatMap((group) => {
    const inside = group.sentenceIds.map((id) => timed.get(id)).filter((s) => s !== undefined);
    return inside.length === 0 ? [] : [{ id: group.id, start: inside[0]!.start, end: inside[inside.length - 1]!.end }];
  });
}

/** Matches the imported sentences to the edition's narrated sentences of `lang` and builds the track. */
export function importTrack(edition: Edition, lang: Lang, imported: readonly ImportedSentence[], media: TrackMedia): ImportTrackResult {
  const expected = narratedSentences(edition, lang);
  const problems: string[] = [];
  const sentences: TimedSentence[] = [];
  let estimatedWords = 0;
  const byId = imported.every((s) => s.id !== null);
  let next = 0;
  for (const sentence of expected) {
    if (problems.length >= MAX_PROBLEMS) break;
    const text = narratedText(sentence, lang);
    let taken: ImportedSentence[];
    if (byId) {
      const found = imported[next];
      if (!found || found.id !== sentence.id) {
        problems.push(`${found?.where ?? 'the end of the file'}: expected sentence ${sentence.id} here, found ${found ? `"${found.id}"` : 'nothing'}`);
        break;
      }
      taken = [found];
      next++;
    } else {
      taken = [];
      const want = compact(text);
      while (compact(taken.map((t) => t.text).join('')).length < want.length && next < imported.length) taken.push(imported[next++]!);
      const got = compact(taken.map((t) => t.text).join(''));
      if (got !== want) {
        problems.push(`${taken[0]?.where ?? 'the end of the file'}: the text does not match sentence ${sentence.id} ("${text.slice(0, 60)}"), it says "${taken.map((t) => t.text).join(' ').slice(0, 60)}"`);
        break;
      }
    }
    // Matched by id: the text must still be the edition's (a file of another version is refused).
    if (compact(taken.map((t) => t.text).join('')) !== compact(text)) {
      problems.push(`${taken[0]!.where}: sentence ${sentence.id} says "${text.slice(0, 60)}" in the edition, "${taken.map((t) => t.text).join(' ').slice(0, 60)}" in the file`);
      continue;
    }
    const start = taken[0]!.start;
    const end = taken[taken.length - 1]!.end;
    // Word times are only taken from a file whose sentence is one piece (a split SRT cue has none).
    const { words, estimated } = wordTimes(text, start, end, taken.length === 1 ? taken[0]!.words : undefined);
    estimatedWords += estimated;
    sentences.push({ id: sentence.id, start, end, words });
  }
  if (problems.length === 0 && next < imported.length) problems.push(`${imported[next]!.where}: the file goes on after the edition's last sentence`);
  if (problems.length > 0) return { ok: false, problems };
  const timed = new Map(sentences.map((s) => [s.id, s]));
  return {
    ok: true,
    estimatedWords,
    track: { lang, ...media, sentences, paragraphs: spans(edition.paragraphs, timed), chapters: spans(edition.chapters, timed) },
  };
}
