// Building the Edition model (./model.ts) from checked plain data. The YAML parser builds through
// here once its checks pass, and so can an importer that has segmented plain text itself: it
// supplies what an editor writes (ids, texts, speakers, where chapters start), and everything
// derived (positions, which chapter a paragraph belongs to, each chapter's sentences) is worked out
// here, in one place, so the two ways in cannot disagree about what an edition means.

import { LANGS, type Bilingual, type Chapter, type Edition, type Lang, type Paragraph, type ParagraphKind, type Sentence, type Speaker } from './model';

export interface SentenceInput {
  id: string;
  de: string;
  /** Its own English; ignored (the model keeps '') when `enWith` is set. */
  en?: string;
  /** The earlier sentence of the same paragraph whose English this one shares. */
  enWith?: string | null;
}

export interface ParagraphInput {
  id: string;
  kind: ParagraphKind;
  speakerId?: string | null;
  /** Speaker label as printed in the received text. */
  label?: string | null;
  /** Note shown in place of missing text (gaps). */
  note?: Bilingual | null;
  sentences: readonly SentenceInput[];
}

export interface ChapterInput {
  id: string;
  title: Bilingual;
  /** Id of the chapter's first sentence, which must be the first sentence of a paragraph. */
  start: string;
}

/** An edition as plain data, in reading order: what an editor (or an importer) decides. */
export interface EditionInput {
  id: string;
  /** ['de'] for German only, ['de', 'en'] (the default) for a bilingual edition. */
  languages?: readonly Lang[];
  /** The language of a slot's text where it is not the slot's name (see Edition.languageTags). */
  languageTags?: Partial<Record<Lang, string>>;
  /** In German only, `en` may be left '' (it is made '' whatever it holds). */
  title: Bilingual;
  speakers: readonly Speaker[];
  chapters: readonly ChapterInput[];
  paragraphs: readonly ParagraphInput[];
}

/**
 * The Edition for checked plain data. It does not repeat the parser's checks with their messages;
 * it throws on input that cannot form an edition at all (no chapters, a chapter starting at an
 * unknown sentence or inside a paragraph, sentences before the first chapter, a duplicate sentence
 * id, languages without German), because building anyway would silently drop or misfile text.
 * In an edition without English every English text is made '' and `enWith` null, so that no
 * stray translation can show up in a view or a narration of it.
 */
export function buildEdition(input: EditionInput): Edition {
  const wanted = input.languages ?? LANGS;
  if (!wanted.includes('de')) throw new Error(`cannot build edition ${input.id}: its languages must include de`);
  // LANGS order, so that ['en', 'de'] and ['de', 'en'] are the same edition.
  const languages = LANGS.filter((lang) => wanted.includes(lang));
  const english = languages.includes('en');
  const text = (b: Bilingual): Bilingual => ({ de: b.de, en: english ? b.en : '' });

  const speakers: Speaker[] = input.speakers.map((s) => ({ id: s.id, name: text(s.name), role: s.role }));

  // Where each chapter starts, by the first sentence of a paragraph.
  const paragraphStarts = new Set<string>();
  const sentenceIds = new Set<string>();
  let firstSentence: string | null = null;
  for (const paragraph of input.paragraphs) {
    const first = paragraph.sentences[0];
    if (first) paragraphStarts.add(first.id);
    for (const s of paragraph.sentences) {
      if (sentenceIds.has(s.id)) throw new Error(`cannot build edition ${input.id}: duplicate sentence id ${s.id}`);
      sentenceIds.add(s.id);
      firstSentence ??= s.id;
    }
  }

  const chapterAt = new Map<string, Chapter>();
  const chapters: Chapter[] = input.chapters.map((c, index) => {
    if (!sentenceIds.has(c.start)) throw new Error(`cannot build edition ${input.id}: chapter ${c.id} starts at unknown sentence ${c.start}`);
    if (!paragraphStarts.has(c.start)) {
      throw new Error(`cannot build edition ${input.id}: chapter ${c.id} starts at ${c.start}, inside a paragraph`);
    }
    const chapter: Chapter = { id: c.id, index, title: text(c.title), startSentenceId: c.start, sentenceIds: [] };
    chapterAt.set(c.start, chapter);
    return chapter;
  });
  let chapter = chapters[0];
  if (!chapter) throw new Error(`cannot build edition ${input.id}: it has no chapters`);
  if (firstSentence !== null && chapter.startSentenceId !== firstSentence) {
    throw new Error(`cannot build edition ${input.id}: the first chapter does not start at the first sentence ${firstSentence}`);
  }

  // Chapter boundaries are sentences, so a paragraph without sentences (a gap) belongs to the
  // chapter that is running when it appears.
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  for (const [index, p] of input.paragraphs.entries()) {
    const first = p.sentences[0];
    if (first) chapter = chapterAt.get(first.id) ?? chapter;
    const speakerId = p.speakerId ?? null;
    const paragraph: Paragraph = {
      id: p.id,
      index,
      kind: p.kind,
      speakerId,
      label: p.label ?? null,
      note: p.note ? text(p.note) : null,
      chapterId: chapter.id,
      sentenceIds: [],
    };
    paragraphs.push(paragraph);
    for (const s of p.sentences) {
      const enWith = english ? (s.enWith ?? null) : null;
      paragraph.sentenceIds.push(s.id);
      chapter.sentenceIds.push(s.id);
      sentences.push({
        id: s.id,
        index: sentences.length,
        paragraphId: p.id,
        chapterId: chapter.id,
        speakerId,
        de: s.de,
        en: english && enWith === null ? (s.en ?? '') : '',
        enWith,
      });
    }
  }

  const tags = Object.entries(input.languageTags ?? {}).filter(([lang, tag]) => languages.includes(lang as Lang) && tag && tag !== lang);
  return {
    id: input.id,
    languages,
    ...(tags.length > 0 ? { languageTags: Object.fromEntries(tags) as Partial<Record<Lang, string>> } : {}),
    title: text(input.title),
    speakers,
    chapters,
    paragraphs,
    sentences,
  };
}
