// The message formatter: "{name}" inserts a parameter; "{count, plural, one {# note} other {# notes}}"
// picks the plural form for the language (Intl.PluralRules) and writes the number where "#" stands.
// Arms may hold parameters of their own ("{count, plural, one {# note in {chapter}} other {…}}").
// Pure string work: no React, no DOM, so it is unit-tested in Node.

import { languageName as nameOfLanguage } from '../../common/edition/language-tags';

export type UiLang = 'de' | 'en';
export type MessageParams = Readonly<Record<string, string | number>>;

const pluralRules: Partial<Record<UiLang, Intl.PluralRules>> = {};
const numberFormats: Partial<Record<UiLang, Intl.NumberFormat>> = {};

function plural(lang: UiLang, n: number): Intl.LDMLPluralRule {
  const rules = (pluralRules[lang] ??= new Intl.PluralRules(lang));
  return rules.select(n);
}

function formatNumber(lang: UiLang, n: number): string {
  const format = (numberFormats[lang] ??= new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }));
  return format.format(n);
}

function value(lang: UiLang, params: MessageParams | undefined, name: string): string {
  const v = params?.[name];
  if (v === undefined) return `{${name}}`;
  return typeof v === 'number' ? formatNumber(lang, v) : v;
}

/** Index of the "}" that closes the "{" at `open` (nested braces counted), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Fills in a message's parameters and plural forms. A missing parameter stays visible as "{name}". */
export function formatMessage(lang: UiLang, message: string, params?: MessageParams, hash?: string): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const ch = message[i]!;
    if (ch === '#' && hash !== undefined) {
      out += hash;
      i++;
      continue;
    }
    if (ch !== '{') {
      out += ch;
      i++;
      continue;
    }
    const end = closing(message, i);
    if (end < 0) {
      out += message.slice(i);
      break;
    }
    const body = message.slice(i + 1, end);
    const comma = body.indexOf(',');
    if (comma < 0) {
      out += value(lang, params, body.trim());
    } else {
      const name = body.slice(0, comma).trim();
      const arms = parseArms(body.slice(body.indexOf(',', comma + 1) + 1));
      const raw = params?.[name];
      const n = typeof raw === 'number' ? raw : Number(raw);
      const form = Number.isFinite(n) ? plural(lang, n) : 'other';
      const arm = arms.get(`=${n}`) ?? arms.get(form) ?? arms.get('other') ?? '';
      out += formatMessage(lang, arm, params, Number.isFinite(n) ? formatNumber(lang, n) : String(raw));
    }
    i = end + 1;
  }
  return out;
}

/** "one {…} other {…}" → Map { one → "…", other → "…" }. */
function parseArms(text: string): Map<string, string> {
  const arms = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const selector = text.slice(i, open).trim();
    const end = closing(text, open);
    if (end < 0) break;
    arms.set(selector, text.slice(open + 1, end));
    i = end + 1;
  }
  return arms;
}

/** The parameter names a message uses (for the catalog test: both languages must use the same). */
export function messageParams(message: string): Set<string> {
  const names = new Set<string>();
  let i = 0;
  while (i < message.length) {
    if (message[i] !== '{') {
      i++;
      continue;
    }
    const end = closing(message, i);
    if (end < 0) break;
    const body = message.slice(i + 1, end);
    const comma = body.indexOf(',');
    if (comma < 0) names.add(body.trim());
    else {
      names.add(body.slice(0, comma).trim());
      for (const arm of parseArms(body.slice(body.indexOf(',', comma + 1) + 1)).values()) {
        for (const name of messageParams(arm)) names.add(name);
      }
    }
    i = end + 1;
  }
  return names;
}

/** The UI language for a setting: 'system' follows the system's language (German if it starts with "de"). */
export function resolveUiLanguage(setting: 'system' | 'de' | 'en', systemLanguage: string | undefined): UiLang {
  if (setting === 'de' || setting === 'en') return setting;
  return (systemLanguage ?? '').toLowerCase().startsWith('de') ? 'de' : 'en';
}

/**
 * A language's name in the UI language ("ru" → "Russian", or "Russisch" in the German UI), for
 * the messages that name a document's languages.
 */
export function languageName(lang: UiLang, tag: string): string {
  return nameOfLanguage(lang, tag);
}
