// A document's translation as the learner added it: the translation's sentences, and which of them
// say what each run of the document's sentences says. This is what is saved (translation.json beside
// the document) and edited; the edition's English (`en`, `enWith`) is derived from it by
// `applyTranslation`, so the two can never disagree. Pairs name the document's sentences by id,
// the anchors notes and cards already point at, so fixing a pair never detaches a note. Pure.

import type { Edition, Sentence } from '../edition/model';
import type { TextSentence } from '../text/segment';
import type { AlignedPair, AlignUnit } from './align';

export interface TranslationPair {
  /** Ids of the document's sentences in this pair, consecutive, at least one. */
  a: string[];
  /** Indexes into `Translation.sentences`, consecutive; empty: these sentences are untranslated. */
  b: number[];
  /** 0 to 1: the aligner's confidence; 1 once the learner has made or confirmed the pair. */
  confidence: number;
}

export interface Translation {
  /** The translation's language, a BCP 47 tag such as "en", "ru" or "pt-BR". */
  lang: string;
  /** The translation's sentences, in its order. */
  sentences: string[];
  /** Every sentence of the document once, in reading order; every translation sentence once. */
  pairs: TranslationPair[];
  /** Chapter titles from the translation's headings, by chapter id (headings are not sentences). */
  titles?: Record<string, string>;
}

/** A heading of the translation: its text, and the translation sentence it stands before. */
export interface TranslationHeading {
  text: string;
  before: number;
}

/** A pair with less confidence is listed and marked for the learner to check. */
export const UNCERTAIN_PAIR_BELOW = 0.5;

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * A segmented translation's sentences and its headings apart: a document's headings title its
 * chapters and are not sentences, so a translation's are not paired but kept as titles; its
 * sentences keep their chapter numbers, which still mark where the translation's chapters begin.
 */
export function splitHeadings(segmented: readonly TextSentence[]): { sentences: TextSentence[]; headings: TranslationHeading[] } {
  const sentences: TextSentence[] = [];
  const headings: TranslationHeading[] = [];
  for (const s of segmented) {
    if (s.heading) headings.push({ text: s.text, before: sentences.length });
    else sentences.push(s);
  }
  return { sentences, headings };
}

/** The document's sentences as the aligner takes them: text, paragraph and chapter numbers. */
export function alignUnitsOf(edition: Edition): AlignUnit[] {
  const paragraphIndex = new Map(edition.paragraphs.map((p) => [p.id, p.index]));
  const chapterIndex = new Map(edition.chapters.map((c) => [c.id, c.index]));
  return edition.sentences.map((s) => ({ text: s.de, paragraph: paragraphIndex.get(s.paragraphId) ?? 0, chapter: chapterIndex.get(s.chapterId) ?? 0 }));
}

/**
 * The aligner's pairs as a translation of `edition`. A translation sentence paired with nothing
 * (0-1) cannot be shown on its own beside the document, so it joins the pair before it (the one
 * after, at the start) and lowers that pair's confidence to its own: no text of the translation is
 * dropped, and the learner is pointed at it.
 */
export function translationFromAlignment(
  edition: Edition,
  lang: string,
  sentences: readonly string[],
  aligned: readonly AlignedPair[],
  headings: readonly TranslationHeading[] = [],
): Translation {
  const ids = edition.sentences.map((s) => s.id);
  const pairs: TranslationPair[] = [];
  // Translation sentences met before any of the document's: they go to the first pair.
  let orphans = null as { b: number[]; confidence: number } | null;
  for (const pair of aligned) {
    if (pair.a.length === 0) {
      const last = pairs[pairs.length - 1];
      if (last) {
        last.b.push(...pair.b);
        last.confidence = Math.min(last.confidence, pair.confidence);
      } else {
        orphans = { b: [...(orphans?.b ?? []), ...pair.b], confidence: Math.min(orphans?.confidence ?? 1, pair.confidence) };
      }
      continue;
    }
    const next: TranslationPair = { a: pair.a.map((i) => ids[i]!), b: [...pair.b], confidence: pair.confidence };
    if (orphans) {
      next.b = [...orphans.b, ...next.b];
      next.confidence = Math.min(next.confidence, orphans.confidence);
      orphans = null;
    }
    pairs.push(next);
  }
  const titles = titlesOf(edition, pairs, headings);
  return { lang, sentences: [...sentences], pairs, ...(Object.keys(titles).length > 0 ? { titles } : {}) };
}

/**
 * A heading titles the chapter whose first sentence the sentence after it was paired with; a
 * heading inside a chapter (the translation has more of them) is left out rather than guessed.
 */
function titlesOf(edition: Edition, pairs: readonly TranslationPair[], headings: readonly TranslationHeading[]): Record<string, string> {
  const chapterStarting = new Map(edition.chapters.map((c) => [c.startSentenceId, c.id]));
  const pairStarting = new Map(pairs.filter((p) => p.b.length > 0).map((p) => [p.b[0]!, p]));
  const titles: Record<string, string> = {};
  for (const heading of headings) {
    const chapter = chapterStarting.get(pairStarting.get(heading.before)?.a[0] ?? '');
    if (chapter && !(chapter in titles)) titles[chapter] = heading.text;
  }
  return titles;
}

/** Why `translation` does not fit `edition` (or is not well formed), or null when it does. */
export function translationProblem(edition: Edition, translation: Translation): string | null {
  if (!LANGUAGE_TAG.test(translation.lang)) return `lang: "${String(translation.lang).slice(0, 40)}" is not a language tag such as "en" or "pt-BR"`;
  if (edition.sentences.length === 0) return 'the document has no sentences to pair';
  let nextSentence = 0;
  let nextTranslated = 0;
  for (const [k, pair] of translation.pairs.entries()) {
    const where = `pair ${k + 1}`;
    if (pair.a.length === 0) return `${where} has none of the document's sentences`;
    if (!(pair.confidence >= 0 && pair.confidence <= 1)) return `${where}: confidence must be between 0 and 1`;
    for (const id of pair.a) {
      const expected = edition.sentences[nextSentence]?.id;
      if (id !== expected) return `${where}: expected sentence ${expected ?? '(none: the document has ended)'}, found ${id}`;
      nextSentence++;
    }
    for (const index of pair.b) {
      if (index !== nextTranslated) return `${where}: expected translation sentence ${nextTranslated + 1}, found ${index + 1}`;
      if (index >= translation.sentences.length) return `${where}: the translation has only ${translation.sentences.length} sentences`;
      nextTranslated++;
    }
  }
  if (nextSentence !== edition.sentences.length) return `sentence ${edition.sentences[nextSentence]!.id} and those after it are in no pair`;
  if (nextTranslated !== translation.sentences.length) return `translation sentence ${nextTranslated + 1} and those after it are in no pair`;
  const chapters = new Set(edition.chapters.map((c) => c.id));
  const stray = Object.keys(translation.titles ?? {}).find((id) => !chapters.has(id));
  if (stray !== undefined) return `titles: "${stray.slice(0, 40)}" is not a chapter of the document`;
  return null;
}

/**
 * The edition with the translation in its second language: each pair's translation on its first
 * sentence, shared (`enWith`) by the others of the same paragraph. The edition model shares a
 * translation only within a paragraph, so a pair that runs over a paragraph's end keeps its
 * translation in the first paragraph and leaves the rest untranslated (the pair is still one pair
 * here, and is marked). Titles without a translation of their own take their sentence's, if the
 * title is that sentence, and otherwise stay in the original.
 */
export function applyTranslation(edition: Edition, translation: Translation): Edition {
  const english = new Map<string, { en: string; enWith: string | null }>();
  const sentenceById = new Map(edition.sentences.map((s) => [s.id, s]));
  for (const pair of translation.pairs) {
    const text = pair.b.map((i) => translation.sentences[i]!).join(' ');
    const carrier = sentenceById.get(pair.a[0]!)!;
    for (const id of pair.a) {
      const sentence = sentenceById.get(id)!;
      if (id === carrier.id) english.set(id, { en: text, enWith: null });
      else if (text !== '' && sentence.paragraphId === carrier.paragraphId) english.set(id, { en: '', enWith: carrier.id });
      else english.set(id, { en: '', enWith: null });
    }
  }
  const sentences: Sentence[] = edition.sentences.map((s) => ({ ...s, ...(english.get(s.id) ?? { en: '', enWith: null }) }));
  const translated = new Map(sentences.map((s) => [s.id, s.enWith ? '' : s.en]));
  const byText = (de: string, sentenceId: string | undefined): string => {
    const sentence = sentenceId ? sentenceById.get(sentenceId) : undefined;
    return sentence && sentence.de.trim() === de.trim() ? translated.get(sentence.id) || de : de;
  };
  const titleSentence = edition.paragraphs.find((p) => p.kind === 'title')?.sentenceIds[0] ?? edition.sentences[0]?.id;
  return {
    ...edition,
    languages: ['de', 'en'],
    languageTags: { ...edition.languageTags, en: translation.lang },
    title: { de: edition.title.de, en: byText(edition.title.de, titleSentence) },
    chapters: edition.chapters.map((c) => ({ ...c, title: { de: c.title.de, en: translation.titles?.[c.id] ?? byText(c.title.de, c.startSentenceId) } })),
    speakers: edition.speakers.map((s) => ({ ...s, name: { de: s.name.de, en: s.name.en || s.name.de } })),
    paragraphs: edition.paragraphs.map((p) => (p.note ? { ...p, note: { de: p.note.de, en: p.note.en || p.note.de } } : p)),
    sentences,
  };
}

/**
 * Whether `after` is `before` with other pairs or another translation only: the same document,
 * sentences (ids, text, places) and chapters. Such a change can be shown in the open player, whose
 * timings, notes and place all hang on the original's sentences.
 */
export function keepsOriginal(before: Edition, after: Edition): boolean {
  if (before.id !== after.id || before.sentences.length !== after.sentences.length || before.chapters.length !== after.chapters.length) return false;
  const sameSentences = before.sentences.every((s, i) => {
    const t = after.sentences[i]!;
    return s.id === t.id && s.de === t.de && s.paragraphId === t.paragraphId && s.chapterId === t.chapterId;
  });
  return sameSentences && before.chapters.every((c, i) => c.id === after.chapters[i]!.id && c.startSentenceId === after.chapters[i]!.startSentenceId);
}

/** The pairs to check: their positions in `translation.pairs`, in order. */
export function uncertainPairs(translation: Translation, below = UNCERTAIN_PAIR_BELOW): number[] {
  return translation.pairs.flatMap((pair, k) => (pair.confidence < below ? [k] : []));
}

// --- Fixing pairs ------------------------------------------------------------------------------
// Each edit names a sentence of the document and returns a new translation, or a reason the edit
// cannot be made there. Pairs an edit makes get confidence 1: the learner made them.

/** `confirm`: the learner checked the pair and it is right (its confidence becomes 1). */
export type PairEdit = 'joinAbove' | 'joinBelow' | 'split' | 'untranslated' | 'confirm';

export type EditResult = { ok: true; translation: Translation; sentenceId: string } | { ok: false; reason: 'first' | 'last' | 'single' | 'already-untranslated' | 'unknown' };

/** The position of the pair holding sentence `id`, or -1. */
export function pairIndexOf(translation: Translation, id: string): number {
  return translation.pairs.findIndex((pair) => pair.a.includes(id));
}

function replaced(translation: Translation, from: number, count: number, pairs: TranslationPair[]): Translation {
  const next = [...translation.pairs];
  next.splice(from, count, ...pairs);
  return { ...translation, pairs: next };
}

function merge(first: TranslationPair, second: TranslationPair): TranslationPair {
  return { a: [...first.a, ...second.a], b: [...first.b, ...second.b], confidence: 1 };
}

/**
 * Where to cut a run of translation sentences so that the first part's share of its characters is
 * nearest `share`: the cut most likely to follow the original's.
 */
function cutAt(translation: Translation, b: readonly number[], share: number): number {
  const lengths = b.map((i) => translation.sentences[i]!.length);
  const total = lengths.reduce((sum, n) => sum + n, 0) || 1;
  let best = 0;
  let bestError = Infinity;
  let sum = 0;
  for (let cut = 0; cut <= b.length; cut++) {
    const error = Math.abs(sum / total - share);
    if (error < bestError) [best, bestError] = [cut, error];
    sum += lengths[cut] ?? 0;
  }
  return best;
}

function lengthOf(edition: Edition, ids: readonly string[]): number {
  const byId = new Map(edition.sentences.map((s) => [s.id, s.de.length]));
  return ids.reduce((sum, id) => sum + (byId.get(id) ?? 0), 0);
}

/** Two pairs from one, cut before `at` (an index into `pair.a`), the translation cut by length. */
function splitBefore(edition: Edition, translation: Translation, pair: TranslationPair, at: number): [TranslationPair, TranslationPair] {
  const first = pair.a.slice(0, at);
  const cut = cutAt(translation, pair.b, lengthOf(edition, first) / (lengthOf(edition, pair.a) || 1));
  return [
    { a: first, b: pair.b.slice(0, cut), confidence: 1 },
    { a: pair.a.slice(at), b: pair.b.slice(cut), confidence: 1 },
  ];
}

export function editPairs(edition: Edition, translation: Translation, edit: PairEdit, sentenceId: string): EditResult {
  const k = pairIndexOf(translation, sentenceId);
  if (k < 0) return { ok: false, reason: 'unknown' };
  const pair = translation.pairs[k]!;
  const done = (next: Translation): EditResult => ({ ok: true, translation: next, sentenceId });
  switch (edit) {
    case 'confirm':
      return done(replaced(translation, k, 1, [{ ...pair, confidence: 1 }]));
    case 'joinAbove': {
      if (k === 0) return { ok: false, reason: 'first' };
      return done(replaced(translation, k - 1, 2, [merge(translation.pairs[k - 1]!, pair)]));
    }
    case 'joinBelow': {
      if (k === translation.pairs.length - 1) return { ok: false, reason: 'last' };
      return done(replaced(translation, k, 2, [merge(pair, translation.pairs[k + 1]!)]));
    }
    case 'split': {
      if (pair.a.length < 2) return { ok: false, reason: 'single' };
      // Cut before the sentence named, or after it when it is the pair's first.
      const at = Math.max(1, pair.a.indexOf(sentenceId));
      return done(replaced(translation, k, 1, splitBefore(edition, translation, pair, at)));
    }
    case 'untranslated': {
      if (pair.b.length === 0) return { ok: false, reason: 'already-untranslated' };
      const at = pair.a.indexOf(sentenceId);
      const alone: TranslationPair = { a: [sentenceId], b: [], confidence: 1 };
      if (pair.a.length === 1) {
        // Its translation was someone's: it goes to the pair before (after, at the start), where
        // the learner can split it off again.
        if (k > 0) {
          const before = translation.pairs[k - 1]!;
          return done(replaced(translation, k - 1, 2, [{ a: before.a, b: [...before.b, ...pair.b], confidence: 1 }, alone]));
        }
        const after = translation.pairs[k + 1];
        if (!after) return { ok: false, reason: 'single' };
        return done(replaced(translation, k, 2, [alone, { a: after.a, b: [...pair.b, ...after.b], confidence: 1 }]));
      }
      const rest = pair.a.filter((id) => id !== sentenceId);
      if (at === 0 || at === pair.a.length - 1) {
        const others: TranslationPair = { a: rest, b: pair.b, confidence: 1 };
        return done(replaced(translation, k, 1, at === 0 ? [alone, others] : [others, alone]));
      }
      // In the middle: the sentences before and after keep the translation, cut by length.
      const [before, after] = splitBefore(edition, translation, { ...pair, a: rest }, at);
      return done(replaced(translation, k, 1, [before, alone, after]));
    }
  }
}
