// Loads the pronunciation lexicon (lexicon.yaml beside this file; format described there).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Lang } from '../../common/edition/model';

export interface LexiconEntry {
  words: string[];
  say: string;
  ipa: string;
}

export type Lexicon = Record<Lang, LexiconEntry[]>;

export const LEXICON_FILE = fileURLToPath(new URL('./lexicon.yaml', import.meta.url));

const entry = z.object({ words: z.array(z.string().min(1)).min(1), say: z.string().min(1), ipa: z.string().min(1) }).strict();
const schema = z.object({ de: z.array(entry).default([]), en: z.array(entry).default([]) }).strict();

export function parseLexicon(source: string, file = LEXICON_FILE): Lexicon {
  const result = schema.safeParse(parse(source));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: invalid pronunciation lexicon at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }
  for (const lang of ['de', 'en'] as const) {
    const seen = new Set<string>();
    for (const e of result.data[lang]) {
      for (const w of e.words) {
        if (seen.has(w)) throw new Error(`${file}: "${w}" is listed twice for ${lang}`);
        seen.add(w);
      }
    }
  }
  return result.data;
}

/** The lexicon and its source text (the text goes into the narration's cache key). */
export function loadLexicon(file = LEXICON_FILE): { lexicon: Lexicon; source: string } {
  const source = readFileSync(file, 'utf8');
  return { lexicon: parseLexicon(source, file), source };
}

/** Spelling → respelling, per language, for quick lookup. */
export function lexiconLookup(lexicon: Lexicon, lang: Lang): Map<string, string> {
  return new Map(lexicon[lang].flatMap((e) => e.words.map((w) => [w, e.say] as const)));
}
