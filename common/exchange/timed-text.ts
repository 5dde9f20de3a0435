// What every exchange format writes, gathered once from an edition and its timed transcript: per
// narrated language the sentences in reading order with their speaker, chapter, text and word times,
// and the chapters with their titles. The writers (vtt.ts, srt.ts, podcast.ts, syncmap.ts, and the
// EPUB in main/exchange) only format this; deciding which sentences a language narrates, which
// English a German sentence is read with, and what a speaker is called lives here, so the formats
// cannot disagree about it. Pure: no Node, no DOM.
import type { Edition, Lang } from '../edition/model';
import { narratedSentences, narratedText, type TimedTranscript } from '../timing/model';
import { splitWords } from '../text/words';

export interface TimedWord {
  /** The word as written in the sentence. */
  text: string;
  /** Offsets in the sentence text, as splitWords gives them (for cutting the text at word starts). */
  from: number;
  to: number;
  start: number;
  end: number;
}

export interface TimedTextSentence {
  id: string;
  paragraphId: string;
  chapterId: string;
  /** The speaker's name in this language (the German name when the English one is empty), or null. */
  speaker: string | null;
  text: string;
  start: number;
  end: number;
  words: TimedWord[];
}

export interface TimedTextChapter {
  id: string;
  title: string;
  start: number;
  end: number;
}

export interface TimedText {
  documentId: string;
  lang: Lang;
  /** The document's title in this language (falls back to German). */
  title: string;
  /** The narration audio of this language, as the timed transcript names it. */
  mediaId: string;
  mimeType: string;
  duration: number;
  sentences: TimedTextSentence[];
  chapters: TimedTextChapter[];
}

/** Times are written to the millisecond everywhere; rounding once here keeps the formats in step. */
export function ms(seconds: number): number {
  return Math.round(seconds * 1000);
}

function inLang(text: { de: string; en: string }, lang: Lang): string {
  return (lang === 'en' ? text.en : text.de) || text.de;
}

/** The languages that can be exported with times: narrated ones, in the edition's order. */
export function timedLanguages(edition: Edition, timing: TimedTranscript | null): Lang[] {
  if (!timing) return [];
  return edition.languages.filter((lang) => timing.tracks[lang] !== undefined);
}

/**
 * The timed text of one language, or null when that language has no narration track (a German-only
 * edition has no English; a document may be narrated in one of its languages only).
 */
export function timedText(edition: Edition, timing: TimedTranscript, lang: Lang): TimedText | null {
  const track = timing.tracks[lang];
  if (!track || !edition.languages.includes(lang)) return null;
  const speakers = new Map(edition.speakers.map((s) => [s.id, inLang(s.name, lang)]));
  const byId = new Map(narratedSentences(edition, lang).map((s) => [s.id, s]));
  const sentences: TimedTextSentence[] = [];
  for (const timed of track.sentences) {
    const sentence = byId.get(timed.id);
    // parseTimedTranscript already refused a track naming sentences the edition does not narrate.
    if (!sentence) continue;
    const text = narratedText(sentence, lang);
    const spans = splitWords(text);
    sentences.push({
      id: sentence.id,
      paragraphId: sentence.paragraphId,
      chapterId: sentence.chapterId,
      speaker: sentence.speakerId ? (speakers.get(sentence.speakerId) ?? null) : null,
      text,
      start: timed.start,
      end: timed.end,
      words: spans.map((span, i) => {
        const [start, end] = timed.words[i] ?? [timed.start, timed.end];
        return { text: span.text, from: span.start, to: span.end, start, end };
      }),
    });
  }
  const titles = new Map(edition.chapters.map((c) => [c.id, inLang(c.title, lang)]));
  return {
    documentId: edition.id,
    lang,
    title: inLang(edition.title, lang),
    mediaId: track.mediaId,
    mimeType: track.mimeType,
    duration: track.duration,
    sentences,
    chapters: track.chapters.map((c) => ({ id: c.id, title: titles.get(c.id) ?? c.id, start: c.start, end: c.end })),
  };
}

/**
 * The sentence's text cut at its word starts: piece i begins with word i (the first piece also
 * carries anything before the first word, e.g. an opening quote) and runs up to word i+1. Joined,
 * the pieces are the text again; a word-timed format puts word i's time before piece i.
 */
export function wordPieces(sentence: Pick<TimedTextSentence, 'text' | 'words'>): string[] {
  const { text, words } = sentence;
  if (words.length === 0) return [text];
  return words.map((_, i) => text.slice(i === 0 ? 0 : words[i]!.from, i + 1 < words.length ? words[i + 1]!.from : text.length));
}
