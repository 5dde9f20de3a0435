// Every message catalog, merged. To add a feature's catalog: create messages/<feature>.ts with
// `export default { en: {...}, de: {...} } as const` (keys namespaced "<feature>.…"), then add one
// import line and one line to CATALOGS below. tests/renderer/i18n-catalog.test.ts checks that every
// key exists in both languages with the same {params}, and that no key is defined twice.
import app from './app';
import cards from './cards';
import display from './display';
import importing from './import';
import exchange from './exchange';
import keys from './keys';
import learning from './learning';
import library from './library';
import notes from './notes';
import player from './player';
import search from './search';
import settings from './settings';
import timingCheck from './timing-check';
import translation from './translation';

export const CATALOGS = [
  app,
  cards,
  display,
  importing,
  exchange,
  keys,
  learning,
  library,
  notes,
  player,
  search,
  settings,
  timingCheck,
  translation,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Catalog = (typeof CATALOGS)[number];
type EnglishMessages = UnionToIntersection<Catalog['en']>;

/** Every message key of the app ('player.play', 'notes.delete', …). */
export type MessageKey = keyof EnglishMessages & string;

function merge(lang: 'en' | 'de'): Readonly<Record<string, string>> {
  const all: Record<string, string> = {};
  for (const catalog of CATALOGS) Object.assign(all, catalog[lang]);
  return all;
}

export const MESSAGES: Readonly<Record<'en' | 'de', Readonly<Record<string, string>>>> = {
  en: merge('en'),
  de: merge('de'),
};
