// The checks of an edition file, section by section (top level and languages here; speakers,
// paragraphs with their sentences and shared English, chapters in ./check-*.ts), in the words an
// editor needs to fix each mistake. Every check runs even after others failed, so that one pass
// reports every problem it can. The sections collect checked plain data as they go; when nothing
// is wrong, that data is what ./build.ts turns into the model. Format: transcripts/README.md.

import { isMap, isSeq, type YAMLMap } from 'yaml';
import { LANGUAGE_TAG } from './language-tags';
import { LANGS, type Bilingual, type Lang } from './model';
import type { EditionInput } from './build';
import { checkChapters } from './check-chapters';
import { checkParagraphs, checkSharedEnglish } from './check-paragraphs';
import { checkSpeakers } from './check-speakers';
import { newCheckState, textShape, type CheckState } from './check-state';
import { readText, describe, type Field, type NodeReader } from './yaml-nodes';

const TOP_KEYS = ['id', 'languages', 'language_tags', 'title', 'speakers', 'chapters', 'paragraphs'] as const;
const DOCUMENT_ID = /^[a-z0-9-]+$/;

/** The checked data of the edition, or null when a problem was reported (or a value is unusable). */
export function checkEdition(read: NodeReader, root: YAMLMap): EditionInput | null {
  const state = newCheckState(read);
  const top = state.read.fields(root, 'the edition', TOP_KEYS);

  let id: string | null = null;
  const idField = top.get('id');
  if (!idField) state.read.add(0, 'the edition has no "id" (the document id, e.g. china-sieht-alles)');
  else {
    const value = readText(idField.value);
    if (value.kind === 'text') {
      id = value.text;
      if (!DOCUMENT_ID.test(id)) {
        state.read.add(idField.keyLine, `document id "${id}" must be lowercase letters, digits and hyphens ([a-z0-9-]+)`);
      }
    } else if (value.kind === 'empty') state.read.add(idField.keyLine, 'the document id is empty (e.g. china-sieht-alles)');
    else state.read.add(idField.keyLine, `the document id must be text like china-sieht-alles (found ${value.found})`);
  }

  // Read first: whether English is required or refused depends on it everywhere below.
  const languages = readLanguages(state, top.get('languages'));
  state.english = languages.includes('en');
  const languageTags = readLanguageTags(state, top.get('language_tags'), languages);

  let title: Bilingual | null = null;
  const titleField = top.get('title');
  if (!titleField) state.read.add(0, `the edition has no "title" (title: ${textShape(state)})`);
  else title = state.read.bilingual(titleField, 'the edition title', state.english);

  const speakersField = top.get('speakers');
  if (!speakersField) {
    state.read.add(0, 'the edition has no "speakers" (a mapping from speaker id to name and role; "speakers: {}" if nobody speaks)');
  } else checkSpeakers(state, speakersField);

  // Chapters are read after the paragraphs because they point at sentences.
  const chaptersField = top.get('chapters');
  if (!chaptersField) {
    state.read.add(0, 'the edition has no "chapters" (a list of chapters in reading order, the first starting at the first sentence)');
  }

  const paragraphsField = top.get('paragraphs');
  if (!paragraphsField) state.read.add(0, 'the edition has no "paragraphs" (the list of paragraphs in reading order)');
  else checkParagraphs(state, paragraphsField);

  checkSharedEnglish(state);
  if (chaptersField) checkChapters(state, chaptersField);

  if (state.read.problemCount > 0 || id === null || title === null) return null;
  const input = toInput(state, id, languages, title);
  return input && languageTags ? { ...input, languageTags } : input;
}

/**
 * `languages`: absent means German and English (every edition written before the key existed);
 * otherwise a list with German and optionally English. After a problem, the languages it did
 * recognise (and German) are used, so the rest is checked as the editor most likely meant it.
 */
function readLanguages(state: CheckState, field: Field | undefined): Lang[] {
  if (!field) return [...LANGS];
  const shape = 'a list: [de] for German only, [de, en] for German and English';
  if (!isSeq(field.value)) {
    state.read.add(field.keyLine, `"languages" must be ${shape} (found ${describe(field.value)})`);
    return [...LANGS];
  }
  const found = new Set<Lang>();
  const listLine = state.read.lineOf(field.value, field.keyLine);
  for (const item of field.value.items) {
    const line = state.read.lineOf(item, listLine);
    const value = readText(item);
    if (value.kind !== 'text') {
      state.read.add(line, `"languages" must be ${shape} (found ${value.kind === 'empty' ? 'nothing' : value.found} in it)`);
      continue;
    }
    const lang = value.text;
    if (!(LANGS as readonly string[]).includes(lang)) {
      state.read.add(line, `"languages" names unknown language "${lang}" (known: ${LANGS.join(', ')})`);
    } else if (found.has(lang as Lang)) {
      state.read.add(line, `"languages" names ${lang} twice`);
    } else found.add(lang as Lang);
  }
  if (!found.has('de')) {
    state.read.add(field.keyLine, '"languages" must include de (an edition is a German text, with or without English)');
  }
  found.add('de');
  return LANGS.filter((lang) => found.has(lang));
}

/**
 * `language_tags`: which language each slot's text is in, where it is not the slot's name (a
 * French text in de: `{ de: fr }`). Absent: German, and English.
 */
function readLanguageTags(state: CheckState, field: Field | undefined, languages: readonly Lang[]): Partial<Record<Lang, string>> | null {
  if (!field) return null;
  if (!isMap(field.value)) {
    state.read.add(field.keyLine, `"language_tags" must be a mapping from de or en to a language tag, e.g. { de: fr } (found ${describe(field.value)})`);
    return null;
  }
  const tags: Partial<Record<Lang, string>> = {};
  for (const [lang, tagField] of state.read.fields(field.value, '"language_tags"', languages)) {
    const value = readText(tagField.value);
    if (value.kind !== 'text' || !LANGUAGE_TAG.test(value.text)) {
      const found = value.kind === 'text' ? `"${value.text}"` : value.kind === 'empty' ? 'nothing' : value.found;
      state.read.add(tagField.keyLine, `the language of ${lang} must be a BCP 47 tag such as fr, ru or pt-BR (found ${found})`);
    } else tags[lang as Lang] = value.text;
  }
  return Object.keys(tags).length > 0 ? tags : null;
}

/** The records as plain data; null if any value the model needs is missing. */
function toInput(state: CheckState, id: string, languages: Lang[], title: Bilingual): EditionInput | null {
  const speakers: EditionInput['speakers'][number][] = [];
  for (const record of state.speakers.values()) {
    if (record.name === null || record.role === null) return null;
    speakers.push({ id: record.id, name: record.name, role: record.role });
  }
  const chapters: EditionInput['chapters'][number][] = [];
  for (const record of state.chapters) {
    if (record.id === null || record.title === null || record.start === null) return null;
    chapters.push({ id: record.id, title: record.title, start: record.start });
  }
  const paragraphs: EditionInput['paragraphs'][number][] = [];
  for (const record of state.paragraphs) {
    if (record.id === null || record.kind === null) return null;
    const sentences: EditionInput['paragraphs'][number]['sentences'][number][] = [];
    for (const s of record.sentences) {
      if (s.id === null) return null;
      sentences.push({ id: s.id, de: s.de, en: s.en, enWith: s.enWith });
    }
    paragraphs.push({
      id: record.id,
      kind: record.kind,
      speakerId: record.speakerId,
      label: record.printedLabel,
      note: record.note,
      sentences,
    });
  }
  return { id, languages, title, speakers, chapters, paragraphs };
}
