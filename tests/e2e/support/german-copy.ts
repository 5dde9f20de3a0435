// A document of the user's own made from the bundled interview: its German text only (the edition
// without its English) and its German narration only, as an import of the German would have it.
// Tests add a translation to it, through the dialog or as the interview's own hand pairing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument, type YAMLMap } from 'yaml';
import type { Edition } from '../../../common/edition/model';
import { pairingOf } from '../../../common/edition/pairing';
import { parseEdition } from '../../../common/edition/parse';
import type { Translation, TranslationPair } from '../../../common/parallel/translation';
import type { Services } from '../../../main/services';
import { DOCUMENT_ID } from '../player-helpers';
import { REPO_ROOT } from './app';

/** The bundled edition's YAML with every English text taken out: the interview as a German-only text. */
export function germanOnly(source: string): string {
  const yaml = parseDocument(source);
  yaml.set('languages', ['de']);
  const strip = (node: unknown): void => {
    if (node && typeof node === 'object' && 'items' in node) {
      const map = node as YAMLMap;
      if (map.has?.('en')) map.delete('en');
      if (map.has?.('en_with')) map.delete('en_with');
      for (const item of (node as { items: unknown[] }).items) strip((item as { value?: unknown }).value ?? item);
    }
  };
  strip(yaml.contents);
  return yaml.toString({ lineWidth: 0 });
}

/** Adds the German copy to the library; `interview` is the bundled (bilingual) edition it was made from. */
export async function addGermanCopy(services: Pick<Services, 'library'>): Promise<{ documentId: string; interview: Edition }> {
  const source = await readFile(join(REPO_ROOT, 'transcripts', DOCUMENT_ID, 'edition.yaml'), 'utf8');
  const parsed = parseEdition(source, 'edition.yaml');
  if (!parsed.ok) throw new Error('the bundled edition does not parse');
  const narration = join(REPO_ROOT, 'assets', 'narration', DOCUMENT_ID);
  const timing = JSON.parse(await readFile(join(narration, 'timing.json'), 'utf8')) as { tracks: Record<string, unknown> };
  delete timing.tracks.en;
  const added = await services.library.createOwnDocument({
    editionSource: germanOnly(source),
    timing,
    media: [
      { name: 'de.mp3', path: join(narration, 'de.mp3') },
      { name: 'de.peaks.json', path: join(narration, 'de.peaks.json') },
    ],
  });
  return { documentId: added.id, interview: parsed.edition };
}

/**
 * The interview's English as a translation of the German copy, paired as we paired it by hand: a
 * run of sentences sharing one English is one pair, a sentence without English is untranslated.
 */
export function handPaired(interview: Edition, confidence = 0.9): Translation {
  const pairing = pairingOf(interview);
  const sentences: string[] = [];
  const pairs: TranslationPair[] = [];
  let carrier: string | null = null;
  for (const sentence of interview.sentences) {
    const english = pairing.englishOf(sentence.id);
    const own = pairing.carrierOf(sentence.id);
    const last = pairs.at(-1);
    if (last && english !== '' && own === carrier) {
      last.a.push(sentence.id);
      continue;
    }
    carrier = english === '' ? null : own;
    if (english !== '') sentences.push(english);
    pairs.push({ a: [sentence.id], b: english === '' ? [] : [sentences.length - 1], confidence });
  }
  return { lang: 'en', sentences, pairs };
}
