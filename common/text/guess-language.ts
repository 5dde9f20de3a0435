// Which language a text is in, guessed from its commonest short words, so the import dialog can show
// its guess and warn before a text is narrated in the wrong voice. Only tells the languages it
// knows the words of; anything else is 'unknown', never a wrong certainty.
import type { Lang } from '../edition/model';

const COMMON: Readonly<Record<Lang, ReadonlySet<string>>> = {
  de: new Set('der die das und ist nicht ein eine zu den mit von sich auch auf es im dem für wird sind als wie aber noch nach bei oder ich sie wir er'.split(' ')),
  en: new Set('the and is not a an to of in that it with for as was on be by are this have from or at but which you he she we they'.split(' ')),
};

export function guessLanguage(text: string): Lang | 'unknown' {
  const words = (text.slice(0, 20_000).toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 3000);
  if (words.length < 5) return 'unknown';
  const score = (lang: Lang) => words.filter((w) => COMMON[lang].has(w)).length / words.length;
  const de = score('de');
  const en = score('en');
  // Function words are a fifth or more of running text; well below that, it is neither.
  if (Math.max(de, en) < 0.08) return 'unknown';
  if (de > en * 1.5) return 'de';
  if (en > de * 1.5) return 'en';
  return 'unknown';
}
