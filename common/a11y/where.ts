// "Where am I": the place in the document as numbers and text, for the key that speaks it. Pure, so
// the renderer only has to put it into words.
import type { Edition, Lang } from '../edition/model';

export interface Place {
  chapterNumber: number;
  chapterCount: number;
  chapterTitle: string;
  /** 1-based among the chapter's sentences narrated in `lang`; null between sentences. */
  sentenceNumber: number | null;
  sentenceCount: number;
  sentenceText: string | null;
}

/** A sentence is narrated in English when it carries English text (others share a carrier's). */
function narratedIn(lang: Lang, sentence: { en: string }): boolean {
  return lang === 'de' || sentence.en !== '';
}

export function describePlace(edition: Edition, lang: Lang, sentenceId: string | null, chapterId: string | null): Place | null {
  const byId = new Map(edition.sentences.map((s) => [s.id, s]));
  const sentence = sentenceId ? byId.get(sentenceId) : undefined;
  const chapterIndex = edition.chapters.findIndex((c) => c.id === (sentence?.chapterId ?? chapterId));
  const chapter = edition.chapters[chapterIndex];
  if (!chapter) return null;
  const narrated = chapter.sentenceIds.map((id) => byId.get(id)!).filter((s) => s && narratedIn(lang, s));
  const at = sentence ? narrated.findIndex((s) => s.id === sentence.id) : -1;
  return {
    chapterNumber: chapterIndex + 1,
    chapterCount: edition.chapters.length,
    chapterTitle: chapter.title[lang],
    sentenceNumber: at >= 0 ? at + 1 : null,
    sentenceCount: narrated.length,
    sentenceText: sentence ? sentence[lang] || null : null,
  };
}
