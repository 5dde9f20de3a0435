// The study-cards and recordings section of the bridge contract (composed into Bridge in
// contract.ts). Owned by the learning feature; each method added here also needs a schema in
// cards-schemas.ts and a handler in main/cards/, or the build fails.
import type { Lang } from '../edition/model';
import type { Card, CardExportFormat, Recording } from '../learning/cards';

export interface CreateCardRequest {
  documentId: string;
  /** The sentences the card comes from (edition ids); their German and English are its context. */
  sentenceIds: string[];
  /** The front; the German of the sentences when left out (a sentence card), else a word or phrase. */
  german?: string;
  /** The back; the English of the sentences when left out. */
  english?: string;
  note?: string;
}

export interface UpdateCardRequest {
  id: string;
  german?: string;
  english?: string;
  note?: string;
  /** When given, the update is refused if the card changed since. */
  expectedUpdatedAt?: string;
}

export interface CardsExportResult {
  /** The text file (TSV or CSV with Anki's header lines). */
  fileName: string;
  mimeType: string;
  content: string;
  /** Where it was written in the user's data folder (inside `folder` when exported with audio). */
  path: string;
  /** The export folder (with the audio clips and a README), or null without audio. */
  folder: string | null;
  count: number;
  /** Audio clips written (one per distinct sentence span). */
  audioFiles: number;
  /** With audio: the whole folder as a ZIP (base64), for a download in browser mode. */
  zip: { fileName: string; base64: string } | null;
}

export interface SaveRecordingRequest {
  documentId: string;
  sentenceId: string;
  lang: Lang;
  /** MediaRecorder's type, e.g. "audio/webm;codecs=opus". */
  mimeType: string;
  dataBase64: string;
  durationMs?: number;
}

export interface CardsBridge {
  /** A document's cards in reading order. */
  listCards(req: { documentId: string }): Promise<Card[]>;
  createCard(req: CreateCardRequest): Promise<Card>;
  updateCard(req: UpdateCardRequest): Promise<Card>;
  /** Moves a card to the trash; the token undoes it (restoreCard). */
  deleteCard(req: { id: string }): Promise<{ deleted: Card; undoToken: string }>;
  restoreCard(req: { undoToken: string }): Promise<Card>;
  /** Anki export, written atomically under the data folder's exports/ (with audio: a folder). */
  exportCards(req: { documentId: string; format: CardExportFormat; withAudio: boolean }): Promise<CardsExportResult>;
  /** Keeps a recording of the learner under the data folder's recordings/. */
  saveRecording(req: SaveRecordingRequest): Promise<Recording>;
  listRecordings(req: { documentId: string; sentenceId?: string }): Promise<Recording[]>;
  /** The recording's bytes (base64), for a blob URL. */
  getRecording(req: { id: string }): Promise<{ recording: Recording; dataBase64: string }>;
  deleteRecording(req: { id: string }): Promise<void>;
}

export const CARDS_METHODS = [
  'listCards',
  'createCard',
  'updateCard',
  'deleteCard',
  'restoreCard',
  'exportCards',
  'saveRecording',
  'listRecordings',
  'getRecording',
  'deleteRecording',
] as const satisfies readonly (keyof CardsBridge)[];
