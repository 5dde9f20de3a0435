// The bridge contract: the one list of calls the renderer may make to the main process.
// Written once; the preload (Electron), the HTTP host (browser mode) and the renderer's clients are
// all generated from BRIDGE_METHODS, and the handlers object must satisfy BridgeHandlers, so a
// method added here and not implemented fails to compile.
import type { Edition, Lang } from '../edition/model';
import type { CompactTiming } from '../timing/compact';
import type { TimedTranscript } from '../timing/model';
import { CARDS_METHODS, type CardsBridge } from './cards-contract';
import { EXCHANGE_METHODS, type ExchangeBridge } from './exchange-contract';
import { IMPORT_METHODS, type ImportBridge } from './import-contract';
import type { JobEvent } from './events';
import { NOTES_METHODS, type NotesBridge } from './notes-contract';
import { TRANSLATION_METHODS, type Translation, type TranslationBridge } from './translation-contract';
import type { Settings } from '../settings';

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'web';
}

/** A document of the library, as listed: read from its record, never from the whole edition. */
/** What the library keeps of a document (main/library). */
export interface LibraryEntry {
  id: string;
  /** Shipped with the app (transcripts/), or the user's own (a folder under <dataDir>/library/). */
  kind: 'bundled' | 'own';
  /** `en` may be empty (a German-only document). */
  title: { de: string; en: string };
  /** The languages the text has, at least one. */
  languages: Lang[];
  /** The language of a slot's text where it is not the slot's name, as in the edition (Edition.languageTags). */
  languageTags?: Partial<Record<Lang, string>>;
  /** Seconds of narration, or null when there is none (yet). */
  duration: number | null;
  /** 'failed' cannot be opened; `problem` says why. */
  status: 'ready' | 'importing' | 'failed';
  problem: string | null;
  /** ISO time the document was added (for bundled ones: when its edition was written). */
  createdAt: string;
}

/** A document as the renderer lists it: the library's record and the user's last visit. */
export interface DocumentSummary extends LibraryEntry {
  /** ISO time the user last opened it, or null if never (the app reopens the latest). */
  lastOpenedAt: string | null;
  /** Where the user is in it (seconds of the narration), or null if never opened. */
  listenedTo: number | null;
}

/** A removal that can still be undone (restoreDocument) until `expiresAt`. */
export interface RemovedDocument {
  undoToken: string;
  documentId: string;
  expiresAt: string;
}

/** A document's edition and its checked timings, as the main process holds them (exports, cards). */
export interface DocumentBundle {
  edition: Edition;
  /** Null when the narration is missing; `timingProblem` says why. */
  timing: TimedTranscript | null;
  timingProblem: string | null;
}

/**
 * Everything the player needs to open a document, as it crosses the bridge: the timings in their
 * compact form (flat arrays of times, not an object per word), which the renderer checks with
 * `compactTimingProblem` and reads into typed arrays.
 */
export interface OpenedDocument {
  /** Bundled documents keep the translation they came with; the user's own can be given one. */
  kind: LibraryEntry['kind'];
  edition: Edition;
  /** Null when the narration is missing; `timingProblem` says why. */
  timing: CompactTiming | null;
  timingProblem: string | null;
  /**
   * The translation the learner added and its pairs (the edition's English is made from it), for
   * fixing pairs; null when there is none, or when the English came with the document.
   */
  translation: Translation | null;
}

// Defined with its rules and defaults in common/settings.ts; named here too, so the contract lists
// every type a call carries.
export type { Settings } from '../settings';

export interface SettingsState {
  settings: Settings;
  /** Set when the stored settings could not be read and defaults were used instead. */
  problem: string | null;
}

export interface ReadingPosition {
  documentId: string;
  sentenceId: string;
  time: number;
  lang: Lang;
}

/** The core calls: app, library, settings, reading position. Notes and search live in notes-contract.ts. */
export interface CoreBridge {
  getAppInfo(): Promise<AppInfo>;
  listDocuments(): Promise<DocumentSummary[]>;
  loadDocument(req: { documentId: string }): Promise<OpenedDocument>;
  /** A new title for a document of the user's own. */
  renameDocument(req: { documentId: string; title: { de: string; en?: string } }): Promise<DocumentSummary>;
  /** Removes a document of the user's own; its files stay until the undo time has passed. */
  removeDocument(req: { documentId: string }): Promise<RemovedDocument>;
  restoreDocument(req: { undoToken: string }): Promise<DocumentSummary>;
  /**
   * Imports a text without audio: it is narrated with the built-in voice. Returns a job at once;
   * its events report progress, and its result is the new document's summary.
   */
  importText(req: { title: string; text: string; format: 'plain' | 'markdown'; language: string }): Promise<{ jobId: string }>;
  getSettings(): Promise<SettingsState>;
  updateSettings(req: { patch: Partial<Omit<Settings, 'version'>> }): Promise<Settings>;
  getPosition(req: { documentId: string }): Promise<ReadingPosition | null>;
  savePosition(req: ReadingPosition): Promise<void>;
  /** Asks a long job to stop; its final event says when it has (jobs report through events.ts). */
  cancelJob(req: { jobId: string }): Promise<JobEvent>;
  /** A job's latest state, or null when it is unknown or finished a while ago (for late listeners). */
  getJob(req: { jobId: string }): Promise<JobEvent | null>;
}

/** Every bridge method takes at most one argument (an object) and returns a promise. */
export interface Bridge extends CoreBridge, NotesBridge, CardsBridge, ExchangeBridge, ImportBridge, TranslationBridge {}

export type BridgeMethod = keyof Bridge;

const CORE_METHODS = [
  'getAppInfo',
  'listDocuments',
  'loadDocument',
  'renameDocument',
  'removeDocument',
  'restoreDocument',
  'importText',
  'getSettings',
  'updateSettings',
  'getPosition',
  'savePosition',
  'cancelJob',
  'getJob',
] as const satisfies readonly (keyof CoreBridge)[];

export const BRIDGE_METHODS = [...CORE_METHODS, ...NOTES_METHODS, ...CARDS_METHODS, ...EXCHANGE_METHODS, ...IMPORT_METHODS, ...TRANSLATION_METHODS] as const satisfies readonly BridgeMethod[];

// Compile-time check that the list names every method exactly (a missing one is an error here).
type Missing = Exclude<BridgeMethod, (typeof BRIDGE_METHODS)[number]>;
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
void everyMethodListed;

export type BridgeArg<M extends BridgeMethod> = Parameters<Bridge[M]> extends [infer A] ? A : undefined;
export type BridgeResult<M extends BridgeMethod> = Awaited<ReturnType<Bridge[M]>>;

/** What crosses the wire: never a thrown error, always an envelope. */
export type BridgeEnvelope<T> = { ok: true; value: T } | { ok: false; error: BridgeErrorInfo };

export interface BridgeErrorInfo {
  /**
   * What went wrong, for code to decide on (the message is for people, and is never parsed):
   * - conflict: an edit was refused because the item changed since the caller's copy was loaded;
   * - unavailable: the user database (notes, cards, recordings) cannot be used at all (busy, from a
   *   newer Mitlesen, not creatable), so retrying the same call will not help.
   */
  code: 'invalid-argument' | 'not-found' | 'forbidden' | 'unknown-method' | 'conflict' | 'unavailable' | 'failed';
  message: string;
}

export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorInfo['code'],
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/** Turns an envelope back into a value, or throws the error it carries (renderer side). */
export function unwrapEnvelope<T>(envelope: BridgeEnvelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new BridgeError(envelope.error.code, envelope.error.message);
}

export function isBridgeMethod(name: string): name is BridgeMethod {
  return (BRIDGE_METHODS as readonly string[]).includes(name);
}

/** The IPC channel of a method: the preload and the main process both derive it from here. */
export function bridgeChannel(method: BridgeMethod): string {
  return `mitlesen:${method}`;
}
