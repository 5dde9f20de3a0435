// Which language a text is in, so the import dialogs can say what they see and the main process can
// refuse a text that is plainly not in the language it is imported as (read or aligned in the wrong
// voice, or "translated" into the language it already is in). franc's trigram models compare the
// text with some 160 languages; a few stretches of the text are judged apart and vote, so that one
// quotation in another language, or a short stretch where two close languages look alike (English
// and Scots, Danish and Norwegian), decides nothing.
//
// The guess errs towards silence: a language it has no model of, a text too short, stretches that
// disagree, all mean "cannot tell", never a wrong certainty.
import { francAll } from 'franc';
import { iso6393To1 } from 'iso-639-3';
import { data as trigramModels } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { primarySubtag } from '../edition/language-tags';

/** Each stretch judged: long enough for trigrams to tell close languages apart, within franc's 2048. */
const STRETCH = 600;
const STRETCHES = 12;
/** Of the text's start, where the stretches are taken from (a book's first chapters say enough). */
const SAMPLE = 200_000;
/** Less than this many letters is too little to tell. */
const MIN_LETTERS = 40;
/** A language among a stretch's best few is one the stretch could be in. */
const NEAR_RANK = 3;
/** The language a text is in wins more than half its stretches; one it could be in is near the top in a quarter. */
const WIN_SHARE = 0.5;
const NEAR_SHARE = 0.25;

/**
 * franc names individual languages (ISO 639-3); people and BCP 47 name the macrolanguage where it has a
 * two-letter code: Standard Arabic is 'ar', Mandarin 'zh', Iranian Persian 'fa'.
 */
const MACROLANGUAGE: Readonly<Record<string, string>> = {
  arb: 'ar', cmn: 'zh', pes: 'fa', prs: 'fa', swh: 'sw', uzn: 'uz', azj: 'az', zlm: 'ms', plt: 'mg',
  als: 'sq', lvs: 'lv', ekk: 'et', khk: 'mn', npi: 'ne', ydd: 'yi', pbu: 'ps', ckb: 'ku', ayr: 'ay',
  quy: 'qu', quz: 'qu', qug: 'qu', fuv: 'ff', fuf: 'ff', knc: 'kr', kng: 'kg', koi: 'kv', src: 'sc',
};

function bcp47(iso6393: string): string {
  return MACROLANGUAGE[iso6393] ?? iso6393To1[iso6393] ?? iso6393;
}

/** Norwegian is written in two standards, which franc tells apart: a text in either is Norwegian. */
const SAME_LANGUAGE: Readonly<Record<string, readonly string[]>> = { no: ['nb', 'nn'] };

/** The languages franc has a model of, and those it tells by a script of their own (named in lower case). */
const KNOWN: ReadonlySet<string> = new Set(
  [...Object.values(trigramModels).flatMap((models) => Object.keys(models)), ...Object.keys(expressions).filter((name) => /^[a-z]{3}$/.test(name))].map(bcp47),
);

export interface LanguageReading {
  /** The language (a primary subtag: 'de', 'fr', 'zh') most of the text is plainly in, or null. */
  likely: string | null;
  /** False only where the text is plainly in another language: a language the guess has no model of, or a text it cannot read, could always be. */
  couldBe(tag: string): boolean;
}

const CANNOT_TELL: LanguageReading = { likely: null, couldBe: () => true };

/** Stretches spread over the sample, each cut at a space so that no word is halved. */
function stretchesOf(text: string): string[] {
  const sample = text.slice(0, SAMPLE);
  if (sample.length <= STRETCH * 1.5) return [sample];
  const count = Math.min(STRETCHES, Math.floor(sample.length / STRETCH));
  const step = (sample.length - STRETCH) / Math.max(1, count - 1);
  const stretches: string[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.round(i * step);
    const start = i === 0 ? 0 : sample.indexOf(' ', from) + 1 || from;
    stretches.push(sample.slice(start, start + STRETCH));
  }
  return stretches;
}

function letters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

export function readLanguage(text: string): LanguageReading {
  const wins = new Map<string, number>();
  const near = new Map<string, number>();
  let judged = 0;
  for (const stretch of stretchesOf(text)) {
    if (letters(stretch) < MIN_LETTERS) continue;
    const ranked = francAll(stretch, { minLength: MIN_LETTERS });
    if (ranked[0]![0] === 'und') continue;
    judged += 1;
    const best = bcp47(ranked[0]![0]);
    wins.set(best, (wins.get(best) ?? 0) + 1);
    for (const language of new Set(ranked.slice(0, NEAR_RANK).map(([code]) => bcp47(code)))) near.set(language, (near.get(language) ?? 0) + 1);
  }
  if (judged === 0) return CANNOT_TELL;
  const [winner, won] = [...wins].sort((a, b) => b[1] - a[1])[0]!;
  if (won / judged <= WIN_SHARE) return CANNOT_TELL;
  return {
    likely: winner,
    couldBe(tag) {
      const language = primarySubtag(tag);
      const names = [language, ...(SAME_LANGUAGE[language] ?? [])];
      if (!names.some((name) => KNOWN.has(name))) return true;
      return names.some((name) => name === winner || (near.get(name) ?? 0) / judged >= NEAR_SHARE);
    },
  };
}
