// The edition model: what the app reads after an edition file has been parsed and validated.
// Pure data, no behaviour; ids are the stable anchors that notes and timings point at.

export type Lang = 'de' | 'en';
export const LANGS: readonly Lang[] = ['de', 'en'];

/** A text in both languages; in an edition in German only, `en` is the empty string. */
export interface Bilingual {
  de: string;
  en: string;
}

/**
 * What a speaker is in the document: any short lowercase word (narrator, host, guest, interviewer,
 * interviewee, …). The two named here are the ones the bundled interview uses; the `string & {}`
 * keeps them as suggestions without closing the set.
 */
export type SpeakerRole = 'interviewer' | 'interviewee' | (string & {});

export interface Speaker {
  id: string;
  name: Bilingual;
  role: SpeakerRole;
}

/** `prose`: a paragraph of running text (an imported book or script), read by the narrator, with no speaker label. */
export type ParagraphKind = 'title' | 'standfirst' | 'turn' | 'gap' | 'pullquote' | 'prose';

export interface Sentence {
  id: string;
  /** Position in reading order over the whole edition, from 0. */
  index: number;
  paragraphId: string;
  chapterId: string;
  speakerId: string | null;
  de: string;
  /**
   * English text; empty when `enWith` names the sentence that carries the shared English, and in
   * an edition without English.
   */
  en: string;
  enWith: string | null;
}

export interface Paragraph {
  id: string;
  index: number;
  kind: ParagraphKind;
  speakerId: string | null;
  /** Speaker label as printed in the received text, if any (kept for the faithfulness check). */
  label: string | null;
  /** Editorial note shown in place of missing text (kind 'gap'). */
  note: Bilingual | null;
  chapterId: string;
  sentenceIds: string[];
}

export interface Chapter {
  id: string;
  index: number;
  title: Bilingual;
  startSentenceId: string;
  /** Sentences of the chapter in reading order (derived from the next chapter's start). */
  sentenceIds: string[];
}

export interface Edition {
  id: string;
  /** The edition's languages in LANGS order: German always, English when it is bilingual. */
  languages: Lang[];
  /**
   * The BCP 47 tag of each language's text, when it is not the slot's name: a translation the
   * learner added in Russian sits in the second slot ('en') and is tagged 'ru', so that screen
   * readers and fonts treat it as Russian. See languageTag in ./language-tags.ts.
   */
  languageTags?: Partial<Record<Lang, string>>;
  title: Bilingual;
  speakers: Speaker[];
  chapters: Chapter[];
  paragraphs: Paragraph[];
  /** All sentences in reading order. */
  sentences: Sentence[];
}
