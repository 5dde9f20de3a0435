// What the transcript shows, before any DOM: chapters, their paragraphs (with speaker labels) and
// the units a reader moves through. A unit is one German sentence in the German-only layout; in the
// layouts with English it is a sentence together with the sentences that share its English
// translation, so both languages line up row by row.
import type { Settings } from '../../common/bridge/contract';
import type { Bilingual, Chapter, Edition, Paragraph, Sentence } from '../../common/edition/model';
import { pairingOf, type Pairing } from '../../common/edition/pairing';

export type Layout = Settings['layout'];

export interface UnitModel {
  /** The first sentence's id; also the id the unit is focused and played by. */
  id: string;
  sentences: Sentence[];
  /** The sentence carrying the English of this unit (null in the German-only layout). */
  english: Sentence | null;
}

export interface ParagraphModel {
  paragraph: Paragraph;
  speaker: Bilingual | null;
  units: UnitModel[];
}

export interface ChapterModel {
  chapter: Chapter;
  paragraphs: ParagraphModel[];
}

export interface LanguagesShown {
  de: boolean;
  en: boolean;
}

export function languagesShown(layout: Layout): LanguagesShown {
  return { de: layout !== 'en', en: layout !== 'de' };
}

/** An edition without a translation shows its one language, whatever the layout setting says. */
export function shownLayout(edition: Edition, layout: Layout): Layout {
  return pairingOf(edition).hasTranslation ? layout : 'de';
}

export function buildTranscriptModel(edition: Edition, layout: Layout): ChapterModel[] {
  const pairing = pairingOf(edition);
  const shown = shownLayout(edition, layout);
  const speakers = new Map(edition.speakers.map((s) => [s.id, s.name]));
  const chapters = new Map<string, ChapterModel>(edition.chapters.map((chapter) => [chapter.id, { chapter, paragraphs: [] }]));
  for (const paragraph of edition.paragraphs) {
    const chapter = chapters.get(paragraph.chapterId);
    if (!chapter) continue;
    const paragraphSentences = paragraph.sentenceIds.map((id) => pairing.sentence(id)).filter((s): s is Sentence => s !== undefined);
    chapter.paragraphs.push({
      paragraph,
      speaker: paragraph.speakerId ? (speakers.get(paragraph.speakerId) ?? null) : null,
      units:
        shown === 'de'
          ? paragraphSentences.map((s) => ({ id: s.id, sentences: [s], english: null }))
          : groupByEnglish(paragraphSentences, pairing).filter((u) => shown !== 'en' || u.english !== null),
    });
  }
  return edition.chapters.map((c) => chapters.get(c.id)!);
}

/** Sentences whose English is carried by another join that sentence's unit. */
function groupByEnglish(paragraphSentences: Sentence[], pairing: Pairing): UnitModel[] {
  const units: UnitModel[] = [];
  for (const sentence of paragraphSentences) {
    const carrier = pairing.carrierOf(sentence.id);
    const last = units[units.length - 1];
    if (carrier !== sentence.id && last && last.english?.id === carrier) {
      last.sentences.push(sentence);
      continue;
    }
    // A sentence whose English is carried outside its paragraph shows that English where it is
    // carried, not twice.
    units.push({ id: sentence.id, sentences: [sentence], english: carrier === sentence.id ? sentence : null });
  }
  return units;
}

/** Every unit id in reading order (for keyboard navigation). */
export function unitIds(model: readonly ChapterModel[]): string[] {
  return model.flatMap((c) => c.paragraphs.flatMap((p) => p.units.map((u) => u.id)));
}
