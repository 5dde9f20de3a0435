// Sentences of one paragraph of plain text, in any language: Intl.Segmenter (ICU's sentence rules,
// in Node and in Chromium alike) does the work, and a few rules correct it where it is known to be
// wrong: after abbreviations and initials ("z. B.", "Dr.", "Mr.", "J. R. R."), after ordinals
// ("am 3. Oktober", "im 19. Jahrhundert"), before a lowercase word (after „Kommst du?“ fragte sie),
// and at the Greek question mark ";", which ICU takes for a semicolon. Pure: no Node, no DOM.

import { abbreviationsFor, followsOrdinal, hasOrdinalPoint, precedesOrdinal } from './abbreviations';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string | undefined): Intl.Segmenter {
  const key = lang ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' });
    } catch {
      // An eSpeak voice name that is no BCP 47 tag ("de+f2"): the rules are the same for every
      // locale in ICU's root, so the default locale loses nothing.
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

// The word written just before the final point of a piece: "Dr", "z", "e.g", "U.S", "π.χ".
const LAST_TOKEN = /(?:^|[\s(\[{„"«»‚‘'“”‹›–—-])([\p{L}\p{M}.°]+)\.$/u;
const LOWERCASE_INITIALS = /^(?:\p{Ll}\.)+\p{Ll}$/u;
const SINGLE_LETTER = /^\p{L}$/u;
const ORDINAL_END = /(?:^|\s)\p{Nd}{1,4}\.$/u;
const WORD_BEFORE_NUMBER = /(\p{L}+)\s+\p{Nd}{1,4}\.$/u;
const FIRST_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{M}]+)/u;
// Opening punctuation and spaces, then a lowercase letter: no sentence starts this way.
const STARTS_LOWERCASE = /^[\p{Ps}\p{Pi}\p{Pf}\p{Po}\s]*\p{Ll}/u;
// A Greek question mark: ";" after Greek text (U+037E is normalised to ";" by NFC, so both count).
const GREEK_QUESTION = /(?<=\p{Script=Greek}[\p{Pf}\p{Pe}"']*)[;\u037e](?=\s+\S)/u;

function endsWithAbbreviation(piece: string, abbreviations: ReadonlySet<string>): boolean {
  const token = LAST_TOKEN.exec(piece)?.[1];
  if (token === undefined) return false;
  // A single letter is an initial ("J. R. R. Tolkien", "Sebastian H. Heilmann") or part of "z. B.",
  // "d. h.", "т. е."; lowercase letters joined by points are "e.g.", "i.e.", "π.χ.". Capitals
  // joined by points ("U.S.") often end a sentence, so they are left to ICU.
  // At the start of a sentence a lowercase abbreviation is capitalised ("Vgl. S. 12").
  const uncapitalised = token.charAt(0).toLowerCase() + token.slice(1);
  return abbreviations.has(token) || abbreviations.has(uncapitalised) || SINGLE_LETTER.test(token) || LOWERCASE_INITIALS.test(token);
}

function endsWithOrdinal(piece: string, next: string, lang: string | undefined): boolean {
  if (!hasOrdinalPoint(lang) || !ORDINAL_END.test(piece)) return false;
  const following = FIRST_WORD.exec(next)?.[1];
  if (following !== undefined && followsOrdinal(following)) return true;
  const before = WORD_BEFORE_NUMBER.exec(piece)?.[1];
  return before !== undefined && precedesOrdinal(before);
}

/** Whether the break ICU put between `piece` and `next` is wrong. */
function joins(piece: string, next: string, lang: string | undefined, abbreviations: ReadonlySet<string>): boolean {
  return endsWithAbbreviation(piece, abbreviations) || endsWithOrdinal(piece, next, lang) || STARTS_LOWERCASE.test(next);
}

function splitGreekQuestions(piece: string): string[] {
  const parts: string[] = [];
  let rest = piece;
  for (let m = GREEK_QUESTION.exec(rest); m; m = GREEK_QUESTION.exec(rest)) {
    parts.push(rest.slice(0, m.index + 1));
    rest = rest.slice(m.index + 1).trimStart();
  }
  parts.push(rest);
  return parts;
}

/**
 * The sentences of a paragraph, trimmed, in order, none empty. Runs of whitespace (line breaks of
 * hard-wrapped text included) become one space. `lang` is a BCP 47 tag or eSpeak voice name
 * ("de", "en-GB", "el"); it picks the abbreviation list and whether "3." may be an ordinal.
 */
export function splitSentences(paragraph: string, lang?: string): string[] {
  const text = paragraph.replace(/\s+/gu, ' ').trim();
  if (text === '') return [];
  const pieces: string[] = [];
  for (const { segment } of segmenterFor(lang).segment(text)) {
    const trimmed = segment.trim();
    if (trimmed !== '') pieces.push(...splitGreekQuestions(trimmed));
  }
  const abbreviations = abbreviationsFor(lang);
  const sentences: string[] = [];
  let current = pieces[0]!;
  for (const next of pieces.slice(1)) {
    if (joins(current, next, lang, abbreviations)) {
      current = `${current} ${next}`;
    } else {
      sentences.push(current);
      current = next;
    }
  }
  sentences.push(current);
  return sentences;
}
