// The state the section checks of an edition share: what each section has found so far (records,
// with null where a value was unusable) and the line each id was first used on, so that a later
// section can refer to an earlier one (a paragraph's speaker, a chapter's first sentence) and a
// duplicate can point at the original.

import type { Bilingual, ParagraphKind, SpeakerRole } from './model';
import type { NodeReader } from './yaml-nodes';

export interface SpeakerRecord {
  id: string;
  name: Bilingual | null;
  role: SpeakerRole | null;
}

export interface ParagraphRecord {
  id: string | null;
  label: string;
  kind: ParagraphKind | null;
  speakerId: string | null;
  printedLabel: string | null;
  note: Bilingual | null;
  sentences: SentenceRecord[];
}

export interface SentenceRecord {
  id: string | null;
  label: string;
  idLine: number;
  paragraph: ParagraphRecord;
  /** Position within its paragraph. */
  position: number;
  /** Position in reading order over the edition. */
  index: number;
  de: string;
  en: string;
  /** True when the sentence has an `en` key (and no `en_with`), i.e. it can carry shared English. */
  ownEnglish: boolean;
  enWith: string | null;
  enWithLine: number;
}

export interface ChapterRecord {
  id: string | null;
  title: Bilingual | null;
  start: string | null;
}

export interface CheckState {
  readonly read: NodeReader;
  /** Whether the edition has English; until "languages" is read, the default (it has). */
  english: boolean;
  readonly speakers: Map<string, SpeakerRecord>;
  readonly speakerLines: Map<string, number>;
  readonly paragraphs: ParagraphRecord[];
  readonly paragraphLines: Map<string, number>;
  readonly sentences: SentenceRecord[];
  readonly sentenceById: Map<string, SentenceRecord>;
  readonly chapters: ChapterRecord[];
  readonly chapterLines: Map<string, number>;
}

export function newCheckState(read: NodeReader): CheckState {
  return {
    read,
    english: true,
    speakers: new Map(),
    speakerLines: new Map(),
    paragraphs: [],
    paragraphLines: new Map(),
    sentences: [],
    sentenceById: new Map(),
    chapters: [],
    chapterLines: new Map(),
  };
}

/** How a message shows a mapping of texts, e.g. `{ de: …, en: … }`, for the edition's languages. */
export function textShape(state: CheckState, placeholder = '…'): string {
  return state.english ? `{ de: ${placeholder}, en: ${placeholder} }` : `{ de: ${placeholder} }`;
}
