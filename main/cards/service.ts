// The cards and recordings service: answers the CardsBridge calls. Cards live in the user database
// it is given (main/userdb/: one connection, one writer, the same backups as the notes); recordings are files in <dataDir>/recordings/
// (written atomically) with a row each; exports go to <dataDir>/exports/, with audio as a folder
// holding the text file, one MP3 clip per sentence span (cut from the narration, see mp3-clip.ts)
// and a README on copying the clips into Anki's collection.media.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeError } from '../../common/bridge/contract';
import type { CardsBridge, CardsExportResult } from '../../common/bridge/cards-contract';
import {
  ankiMediaNote,
  cardContext,
  cardsToAnki,
  clipFileName,
  matchesMagic,
  RECORDING_LIMITS,
  recordingBaseType,
  recordingExtension,
  sortCards,
  type Card,
  type CardExportFormat,
} from '../../common/learning/cards';
import { buildTimeline } from '../../common/timing/lookup';
import { sentencesSpan } from '../../common/learning/spans';
import type { BridgeHandlers } from '../bridge/dispatch';
import { writeFileAtomic } from '../fs-atomic';
import { checkSentences, type EditionCache } from '../library/editions';
import type { MediaCatalog } from '../media/catalog';
import type { UserDatabase } from '../userdb/service';
import { cutMp3, mp3Layout } from './mp3-clip';
import { createCardsStore, type CardsStore } from './store';
import { zipStore } from './zip';

export type CardsHandlers = Pick<BridgeHandlers, keyof CardsBridge>;

export interface CardsServiceOptions {
  dataDir: string;
  userDb: UserDatabase;
  editions: Pick<EditionCache, 'get'>;
  /** Finds a track's audio by its media id, wherever that document keeps its media. */
  media: MediaCatalog;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

export interface CardsService {
  handlers: CardsHandlers;
  /** Removes recording files no row points at (a crash between the two writes); returns how many. */
  sweepRecordings(): Promise<number>;
}

const RECORDING_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(webm|ogg|m4a|wav)$/;
const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

export function cardsPaths(dataDir: string) {
  return { recordings: join(dataDir, 'recordings'), exports: join(dataDir, 'exports') };
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

/** Whitespace-insensitive equality (a selection of the whole sentence is a sentence card). */
function sameText(a: string, b: string): boolean {
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

export function createCardsService(options: CardsServiceOptions): CardsService {
  const { dataDir, userDb, editions, media, now = () => new Date(), log = console.error } = options;
  const paths = cardsPaths(dataDir);
  let store: CardsStore | null = null;
  if (userDb.db) {
    try {
      store = createCardsStore(userDb.db, { now });
      store.purgeTrash();
    } catch (error) {
      log('cards: preparing the store or purging the trash failed', error);
    }
  }

  function requireStore(): CardsStore {
    userDb.requireDb('Cards and recordings are');
    if (!store) throw new BridgeError('failed', 'Cards and recordings are unavailable: the cards store could not be prepared.');
    return store;
  }

  async function exportCards(documentId: string, format: CardExportFormat, withAudio: boolean): Promise<CardsExportResult> {
    const bundle = await editions.get(documentId);
    const cards = sortCards(requireStore().list(documentId), bundle.edition);
    const at = now();
    const base = `${documentId}-cards-${stamp(at)}`;
    const extension = format === 'anki-tsv' ? 'txt' : 'csv';
    const mimeType = format === 'anki-tsv' ? 'text/tab-separated-values' : 'text/csv';
    const fileName = `${base}.${extension}`;
    const deck = `Mitlesen::${bundle.edition.title.de}`;

    if (!withAudio) {
      const content = cardsToAnki(cards, { format, deck });
      const path = join(paths.exports, fileName);
      await writeFileAtomic(path, content);
      return { fileName, mimeType, content, path, folder: null, count: cards.length, audioFiles: 0, zip: null };
    }

    const timing = bundle.timing;
    if (!timing) throw new BridgeError('failed', `The narration is not available, so there is no audio to export (${bundle.timingProblem ?? 'no timings'}). Export without audio.`);
    // Cards are German sentences: their clips come from the German narration.
    const track = timing.tracks.de;
    if (!track) throw new BridgeError('failed', 'This document has no German narration to cut clips from. Export without audio.');
    let mp3: Uint8Array;
    try {
      const found = await media.resolve(track.mediaId);
      if (!found.ok) throw new Error(`${track.mediaId}: ${found.reason}`);
      mp3 = new Uint8Array(await readFile(found.file.path));
    } catch (error) {
      throw new BridgeError('failed', `The German narration could not be read (${(error as Error).message}). Export without audio, or run "npm run narrate".`);
    }
    const layout = mp3Layout(mp3);
    const timeline = buildTimeline(track.sentences, track.duration);
    const clips = new Map<string, Uint8Array>();
    const audio = new Map<string, string>();
    for (const card of cards) {
      const span = sentencesSpan(timeline, card.sentenceIds);
      if (!span) continue;
      const name = clipFileName(documentId, card.sentenceIds);
      if (!clips.has(name)) clips.set(name, cutMp3(mp3, span.start, span.end, layout).bytes);
      audio.set(card.id, name);
    }
    const content = cardsToAnki(cards, { format, deck, audio });
    const readme = ankiMediaNote(fileName, clips.size);
    const entries = [
      { name: fileName, data: new TextEncoder().encode(content) },
      { name: 'README.txt', data: new TextEncoder().encode(readme) },
      ...[...clips].map(([name, data]) => ({ name, data })),
    ];
    // The folder appears whole or not at all: written under a temporary name, then renamed.
    const folder = join(paths.exports, base);
    const temp = join(paths.exports, `.${base}.${randomBytes(6).toString('hex')}.tmp`);
    await mkdir(temp, { recursive: true });
    try {
      for (const entry of entries) await writeFileAtomic(join(temp, entry.name), entry.data);
      await rm(folder, { recursive: true, force: true });
      await rename(temp, folder);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
    const zip = zipStore(
      entries.map((entry) => ({ name: `${base}/${entry.name}`, data: entry.data })),
      at,
    );
    return {
      fileName,
      mimeType,
      content,
      path: join(folder, fileName),
      folder,
      count: cards.length,
      audioFiles: clips.size,
      zip: { fileName: `${base}.zip`, base64: Buffer.from(zip).toString('base64') },
    };
  }

  async function sweepRecordings(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(paths.recordings);
    } catch {
      return 0;
    }
    if (!userDb.db) return 0;
    const known = requireStore().recordingFiles();
    let removed = 0;
    for (const name of names) {
      const orphan = RECORDING_FILE.test(name) && !known.has(name);
      const leftover = TEMP_FILE.test(name);
      if (!orphan && !leftover) continue;
      // A file written a moment ago may be waiting for its row: leave the young alone.
      const { mtimeMs } = await stat(join(paths.recordings, name)).catch(() => ({ mtimeMs: Number.POSITIVE_INFINITY }));
      if (now().getTime() - mtimeMs < 60_000) continue;
      await rm(join(paths.recordings, name), { force: true });
      removed++;
    }
    return removed;
  }

  const handlers = {
    listCards: async ({ documentId }) => {
      const cards = requireStore().list(documentId);
      return sortCards(cards, (await editions.get(documentId)).edition);
    },
    createCard: async (req) => {
      const cards = requireStore();
      const { edition, sentenceIds: known } = await editions.get(req.documentId);
      const sentenceIds = checkSentences(edition, known, req.sentenceIds);
      const context = cardContext(edition, sentenceIds);
      const german = req.german?.trim() || context.de;
      const kind: Card['kind'] = sameText(german, context.de) ? 'sentence' : 'phrase';
      return cards.create({
        documentId: req.documentId,
        sentenceIds,
        german,
        english: req.english?.trim() ?? context.en,
        note: req.note ?? '',
        contextDe: context.de,
        contextEn: context.en,
        kind,
      });
    },
    updateCard: (req) => requireStore().update(req),
    deleteCard: ({ id }) => requireStore().delete(id),
    restoreCard: ({ undoToken }) => requireStore().restore(undoToken),
    exportCards: ({ documentId, format, withAudio }) => exportCards(documentId, format, withAudio),
    saveRecording: async (req) => {
      const recordings = requireStore();
      const { edition, sentenceIds: known } = await editions.get(req.documentId);
      checkSentences(edition, known, [req.sentenceId]);
      const bytes = new Uint8Array(Buffer.from(req.dataBase64, 'base64'));
      if (bytes.length === 0) throw new BridgeError('invalid-argument', 'dataBase64: the recording is empty');
      if (bytes.length > RECORDING_LIMITS.bytes) {
        throw new BridgeError('invalid-argument', `dataBase64: a recording is at most ${RECORDING_LIMITS.bytes / 1024 / 1024} MB`);
      }
      if (!matchesMagic(req.mimeType, bytes)) {
        throw new BridgeError('invalid-argument', `dataBase64: the data is not ${recordingBaseType(req.mimeType) ?? req.mimeType} audio`);
      }
      const id = randomUUID();
      const file = `${id}.${recordingExtension(req.mimeType)}`;
      await writeFileAtomic(join(paths.recordings, file), bytes);
      try {
        return recordings.addRecording({
          id,
          documentId: req.documentId,
          sentenceId: req.sentenceId,
          lang: req.lang,
          mimeType: req.mimeType,
          bytes: bytes.length,
          durationMs: req.durationMs ?? null,
          file,
        });
      } catch (error) {
        await rm(join(paths.recordings, file), { force: true });
        throw error;
      }
    },
    listRecordings: ({ documentId, sentenceId }) => requireStore().listRecordings(documentId, sentenceId),
    getRecording: async ({ id }) => {
      const found = requireStore().getRecording(id);
      if (!found) throw new BridgeError('not-found', `There is no recording "${id}" (it may have been deleted).`);
      const { file, ...recording } = found;
      let data: Buffer;
      try {
        data = await readFile(join(paths.recordings, file));
      } catch (error) {
        throw new BridgeError('failed', `The recording's file could not be read (${(error as Error).message}).`);
      }
      return { recording, dataBase64: data.toString('base64') };
    },
    deleteRecording: async ({ id }) => {
      const file = requireStore().removeRecording(id);
      await rm(join(paths.recordings, file), { force: true });
    },
  } satisfies CardsHandlers;

  return { handlers, sweepRecordings };
}
