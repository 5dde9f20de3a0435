// Sentences of a paragraph, for imported text. Intl.Segmenter knows sentence ends in many languages;
// German writes a point after ordinals and many abbreviations, where a sentence does not end, so a
// split before a lowercase word or after a known abbreviation or a number is joined again.
import type { Lang } from '../../common/edition/model';

const ABBREVIATIONS = new Set(['z', 'b', 'd', 'h', 'u', 'a', 'dr', 'prof', 'nr', 'bzw', 'ca', 'usw', 'vgl', 'evtl', 'etc', 'bspw', 'ggf', 'inkl', 'jh', 'mr', 'mrs', 'ms', 'st', 'vs', 'e.g', 'i.e']);

function endsWithAbbreviationOrNumber(sentence: string): boolean {
  const last = /(\S+)\.\s*$/.exec(sentence)?.[1];
  if (!last) return false;
  const word = last.replace(/^[(«»„“"']+/, '').toLowerCase();
  return /^\d+$/.test(word) || ABBREVIATIONS.has(word) || /^([a-zäöü]\.)+[a-zäöü]$/.test(word);
}

export function segmentSentences(paragraph: string, language: Lang): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const parts = [...segmenter.segment(paragraph)].map((s) => s.segment);
  const sentences: string[] = [];
  for (const part of parts) {
    const previous = sentences.at(-1);
    const startsLower = /^\s*[a-zäöüß]/.test(part);
    if (previous !== undefined && (startsLower || endsWithAbbreviationOrNumber(previous))) sentences[sentences.length - 1] = previous + part;
    else sentences.push(part);
  }
  return sentences.map((s) => s.trim()).filter((s) => s !== '');
}
