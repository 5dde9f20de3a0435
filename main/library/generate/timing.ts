// Narration timings for a generated edition, as a narration build would write them: every
// narrated sentence and each of its words (splitWords, as the player wraps them), paragraphs and
// chapters as spans, in reading order. Word lengths follow the letters in the word, with pauses
// between words, sentences, paragraphs and chapters, scaled so the whole track speaks at the
// chosen words per minute; so a 100,000-word book at 130 words a minute lasts about 13 hours.

import type { Edition, Lang } from '../../../common/edition/model';
import { splitWords } from '../../../common/text/words';
import { narratedSentences, narratedText, type NarrationTrack, type TimedSentence, type TimedSpan, type TimedTranscript } from '../../../common/timing/model';

const WORD_GAP = 0.04;
const SENTENCE_GAP = 0.35;
const PARAGRAPH_GAP = 0.7;
const CHAPTER_GAP = 1.5;
/** Silence after the last word, as a recording ends. */
const TAIL = 1;
/** A word is heard at least this long, however fast the chosen pace. */
const MIN_WORD = 0.08;

/** Written to milliseconds, as the narration build writes them (the timing check allows for it). */
const ms = (seconds: number): number => Math.round(seconds * 1000) / 1000;

export interface GeneratedTrackMedia {
  /** The file names inside the document's media folder. */
  audio: string;
  peaks: string;
  mimeType: NarrationTrack['mimeType'];
}

function track(edition: Edition, lang: Lang, wordsPerMinute: number, media: GeneratedTrackMedia): NarrationTrack {
  const sentences = narratedSentences(edition, lang);
  const words = sentences.map((s) => splitWords(narratedText(s, lang)));
  const paragraphStart = new Set(edition.paragraphs.map((p) => p.sentenceIds[0]));
  const chapterStart = new Set(edition.chapters.map((c) => c.startSentenceId));
  const gapBefore = (i: number): number => {
    if (i === 0) return 0;
    const id = sentences[i]!.id;
    return chapterStart.has(id) ? CHAPTER_GAP : paragraphStart.has(id) ? PARAGRAPH_GAP : SENTENCE_GAP;
  };

  // First pass: how much of the time the pace allows is left for the words themselves.
  let pauses = 0;
  const weights: number[] = [];
  words.forEach((list, i) => {
    pauses += gapBefore(i) + WORD_GAP * Math.max(0, list.length - 1);
    for (const w of list) weights.push(w.text.length + 2);
  });
  const spoken = Math.max(0, (weights.length / wordsPerMinute) * 60 - pauses);
  // Words held at MIN_WORD take more than their share; a few rounds settle the rate for the rest.
  let perLetter = spoken / Math.max(1, weights.reduce((a, b) => a + b, 0));
  for (let round = 0; round < 5; round++) {
    let held = 0;
    let free = 0;
    for (const w of weights) {
      if (w * perLetter < MIN_WORD) held += MIN_WORD;
      else free += w;
    }
    if (free === 0 || spoken <= held) break;
    perLetter = (spoken - held) / free;
  }

  let clock = 0;
  const timed: TimedSentence[] = sentences.map((sentence, i) => {
    clock += gapBefore(i);
    const start = clock;
    const spans = words[i]!.map((w, j) => {
      if (j > 0) clock += WORD_GAP;
      const from = clock;
      clock += Math.max(MIN_WORD, (w.text.length + 2) * perLetter);
      return [ms(from), ms(clock)] as [number, number];
    });
    return { id: sentence.id, start: ms(start), end: ms(clock), words: spans };
  });

  const byId = new Map(timed.map((s) => [s.id, s]));
  const spans = (groups: readonly { id: string; sentenceIds: string[] }[]): TimedSpan[] =>
    groups.flatMap((group) => {
      const inside = group.sentenceIds.map((id) => byId.get(id)).filter((s) => s !== undefined);
      return inside.length === 0 ? [] : [{ id: group.id, start: inside[0]!.start, end: inside[inside.length - 1]!.end }];
    });

  return {
    lang,
    mediaId: `${edition.id}/${media.audio}`,
    mimeType: media.mimeType,
    duration: ms(clock + TAIL),
    peaksMediaId: `${edition.id}/${media.peaks}`,
    sentences: timed,
    paragraphs: spans(edition.paragraphs),
    chapters: spans(edition.chapters),
  };
}

export function generateTiming(
  edition: Edition,
  options: { wordsPerMinute: number; editionHash: string; media: (lang: Lang) => GeneratedTrackMedia },
): TimedTranscript {
  const tracks = Object.fromEntries(edition.languages.map((lang) => [lang, track(edition, lang, options.wordsPerMinute, options.media(lang))]));
  return { format: 1, documentId: edition.id, editionHash: options.editionHash, tracks };
}
