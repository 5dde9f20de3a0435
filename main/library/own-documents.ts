// The user's own documents: a folder each, <dataDir>/library/<id>/, holding
//   document.json  the record the library lists (record.ts)
//   edition.yaml   the text, in the same format as a bundled edition (common/edition/parse.ts)
//   timing.json    the narration timings, when there is a narration
//   media/         the audio (and waveform peaks) the timings name as "<id>/<file>"
// A folder is written whole under a hidden temporary name and renamed into place, so the library
// never lists half a document; a removal renames it aside before deleting, for the same reason.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { BridgeError, type LibraryEntry } from '../../common/bridge/contract';
import { DOCUMENT_ID_PATTERN } from '../../common/bridge/ids';
import { LANGS, type Edition, type Lang } from '../../common/edition/model';
import { formatProblem, parseEdition } from '../../common/edition/parse';
import { parseTimedTranscript, type TimedTranscript } from '../../common/timing/model';
import { writeFileAtomic } from '../fs-atomic';
import { RECORD_FORMAT, readRecord, type DocumentRecord } from './record';

export const RECORD_FILE = 'document.json';
export const EDITION_FILE = 'edition.yaml';
export const TIMING_FILE = 'timing.json';
export const MEDIA_FOLDER = 'media';

/** A media file's name inside media/: the file part of a media id. */
const MEDIA_NAME = /^[a-z0-9][a-z0-9-]{0,63}(\.[a-z0-9]{1,8}){1,2}$/;
/** Hidden folders: documents being added or removed. */
const TEMP_PREFIX = '.';

export function libraryDir(dataDir: string): string {
  return join(dataDir, 'library');
}

export function ownDocumentDir(dataDir: string, documentId: string): string {
  return join(libraryDir(dataDir), documentId);
}

export interface OwnMediaFile {
  /** The file's name in media/, e.g. "de.mp3"; the timings call it "<id>/de.mp3". */
  name: string;
  /** Its bytes, or the path of a file to copy. */
  data?: Uint8Array;
  path?: string;
}

export interface AddOwnDocumentInput {
  dataDir: string;
  /** The edition's YAML text. Its `id` is replaced by the document's id. */
  editionSource: string;
  /** The narration timings (the JSON text or its value), or null/absent for a document without narration. */
  timing?: string | unknown;
  media?: readonly OwnMediaFile[];
  /** The id to give the document; by default one made from the title and a random suffix. */
  id?: string;
  /** Ids already taken (the bundled documents'). */
  reserved?: ReadonlySet<string>;
  now?: () => Date;
}

/** "Kleines Gespräch" → "kleines-gesprach-3f9a1c": stable once made, readable, and unlikely to collide. */
export function makeDocumentId(title: string, random: () => string = () => randomBytes(3).toString('hex')): string {
  const slug = title
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${slug || 'document'}-${random()}`;
}

/** The languages an edition has text in (at least German, which every edition carries). */
export function editionLanguages(edition: Edition): Lang[] {
  const found = LANGS.filter((lang) => edition.sentences.some((s) => s[lang].trim() !== ''));
  return found.length > 0 ? found : ['de'];
}

export function timingDuration(timing: TimedTranscript | null): number | null {
  if (!timing) return null;
  return Math.max(...Object.values(timing.tracks).map((track) => track.duration));
}

function invalid(message: string): BridgeError {
  return new BridgeError('invalid-argument', message);
}

function parseOrRefuse(source: string, file: string): Edition {
  const result = parseEdition(source, file);
  if (result.ok) return result.edition;
  const listed = result.problems.slice(0, 5).map(formatProblem).join('\n');
  const more = result.problems.length > 5 ? `\n…and ${result.problems.length - 5} more` : '';
  throw invalid(`The edition is invalid:\n${listed}${more}`);
}

/** Points the timings at the document's id: its documentId and the document part of each media id. */
function retarget(timing: TimedTranscript, documentId: string): TimedTranscript {
  const file = (mediaId: string) => mediaId.slice(mediaId.lastIndexOf('/') + 1);
  const tracks = Object.fromEntries(
    Object.entries(timing.tracks).map(([lang, track]) => [
      lang,
      { ...track, mediaId: `${documentId}/${file(track.mediaId)}`, peaksMediaId: `${documentId}/${file(track.peaksMediaId)}` },
    ]),
  ) as unknown as TimedTranscript['tracks'];
  return { ...timing, documentId, tracks };
}

/**
 * Adds a document of the user's own to the data folder, whole or not at all, and returns its
 * record. The edition (and the timings, when given) are checked first; every media file the
 * timings name must be among `media`.
 */
export async function addOwnDocument(input: AddOwnDocumentInput): Promise<LibraryEntry> {
  const { dataDir, media = [], reserved = new Set<string>(), now = () => new Date() } = input;
  const first = parseOrRefuse(input.editionSource, EDITION_FILE);

  const id = input.id ?? makeDocumentId(first.title.de);
  if (!DOCUMENT_ID_PATTERN.test(id)) throw invalid(`id: a document id is 1-64 characters a-z, 0-9 or -, not "${id.slice(0, 80)}"`);
  if (reserved.has(id)) throw invalid(`id: "${id}" is the id of a document that comes with Mitlesen.`);
  const folder = ownDocumentDir(dataDir, id);
  if (await stat(folder).then(() => true, () => false)) throw invalid(`id: there is already a document "${id}" in the library.`);

  // The edition carries its id (notes and timings point at it): it must be the document's.
  const yaml = parseDocument(input.editionSource);
  yaml.set('id', id);
  // lineWidth 0: keep each text on its one line as written (the format's "one value per line");
  // the default would fold every sentence longer than 80 characters.
  const editionSource = yaml.toString({ lineWidth: 0 });
  const edition = parseOrRefuse(editionSource, EDITION_FILE);

  const names = new Set<string>();
  for (const file of media) {
    if (!MEDIA_NAME.test(file.name)) throw invalid(`media: "${file.name.slice(0, 80)}" is not a media file name (a-z, 0-9, - and an extension such as .mp3)`);
    if (names.has(file.name)) throw invalid(`media: "${file.name}" is given twice`);
    if ((file.data === undefined) === (file.path === undefined)) throw invalid(`media: "${file.name}" needs either its data or a path`);
    names.add(file.name);
  }

  let timing: TimedTranscript | null = null;
  if (input.timing !== undefined && input.timing !== null) {
    let raw = input.timing;
    if (typeof raw === 'string') {
      try {
        raw = JSON.parse(raw);
      } catch (error) {
        throw invalid(`timing: not valid JSON (${(error as Error).message})`);
      }
    }
    // Timings made before the id was chosen name another document: check everything else first,
    // then point them at this id.
    const shaped = parseTimedTranscript(raw, { ...edition, id: (raw as { documentId?: unknown } | null)?.documentId as string });
    if (!shaped.ok) throw invalid(`timing: ${shaped.problems.join('; ')}`);
    timing = retarget(shaped.value, id);
    const checked = parseTimedTranscript(timing, edition);
    if (!checked.ok) throw invalid(`timing: ${checked.problems.join('; ')}`);
    for (const track of Object.values(timing.tracks)) {
      const name = track.mediaId.slice(id.length + 1);
      if (!names.has(name)) throw invalid(`media: the timings name "${name}", which is not among the media files`);
    }
  }

  const record: DocumentRecord = {
    format: RECORD_FORMAT,
    id,
    kind: 'own',
    title: edition.title,
    languages: editionLanguages(edition),
    ...(edition.languageTags ? { languageTags: edition.languageTags } : {}),
    duration: timingDuration(timing),
    status: 'ready',
    problem: null,
    createdAt: now().toISOString(),
  };

  const temp = join(libraryDir(dataDir), `${TEMP_PREFIX}adding-${id}-${randomBytes(4).toString('hex')}`);
  await mkdir(join(temp, MEDIA_FOLDER), { recursive: true });
  try {
    await writeFileAtomic(join(temp, EDITION_FILE), editionSource);
    if (timing) await writeFileAtomic(join(temp, TIMING_FILE), `${JSON.stringify(timing)}\n`);
    for (const file of media) {
      const target = join(temp, MEDIA_FOLDER, file.name);
      if (file.data) await writeFileAtomic(target, file.data);
      else await copyFile(file.path!, target);
    }
    // The record last: a folder with a record is a complete document.
    await writeFileAtomic(join(temp, RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
    await rename(temp, folder);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOTEMPTY' || (error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw invalid(`id: there is already a document "${id}" in the library.`);
    }
    throw error;
  }
  const { format: _format, ...summary } = record;
  return summary;
}

/** Removes a document of the user's own; its notes and cards stay in the user database. */
export async function removeOwnDocument(dataDir: string, documentId: string): Promise<void> {
  if (!DOCUMENT_ID_PATTERN.test(documentId)) throw invalid('documentId: a document id is 1-64 characters a-z, 0-9 or -');
  const folder = ownDocumentDir(dataDir, documentId);
  const aside = join(libraryDir(dataDir), `${TEMP_PREFIX}removing-${documentId}-${randomBytes(4).toString('hex')}`);
  try {
    await rename(folder, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BridgeError('not-found', `There is no document "${documentId}" of your own.`);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

/** The records of the user's documents, oldest first; a broken one is listed as failed. */
export async function listOwnDocuments(dataDir: string): Promise<LibraryEntry[]> {
  let entries;
  try {
    entries = await readdir(libraryDir(dataDir), { withFileTypes: true });
  } catch {
    return [];
  }
  const summaries: LibraryEntry[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(TEMP_PREFIX) || !DOCUMENT_ID_PATTERN.test(entry.name)) continue;
    summaries.push(await readOwnRecord(dataDir, entry.name));
  }
  return summaries.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export async function readOwnRecord(dataDir: string, documentId: string): Promise<LibraryEntry> {
  const folder = ownDocumentDir(dataDir, documentId);
  const text = await readFile(join(folder, RECORD_FILE), 'utf8').catch(() => null);
  const createdAt = await stat(folder).then((info) => info.birthtime.toISOString(), () => new Date(0).toISOString());
  return readRecord(documentId, text, createdAt);
}

/** Removes what an interrupted add or remove left behind (hidden folders); returns how many. */
export async function sweepLibrary(dataDir: string): Promise<number> {
  const names = await readdir(libraryDir(dataDir)).catch(() => [] as string[]);
  const leftovers = names.filter((name) => name.startsWith(`${TEMP_PREFIX}adding-`) || name.startsWith(`${TEMP_PREFIX}removing-`));
  for (const name of leftovers) await rm(join(libraryDir(dataDir), name), { recursive: true, force: true });
  return leftovers.length;
}

/**
 * Gives a document of the user's own a new title: in its edition (what the player shows) and its
 * record (what the library lists). The edition is written first; a record left behind by a crash
 * between the two is corrected by the next rename, and only ever shows the older title.
 */
export async function renameOwnDocument(dataDir: string, documentId: string, title: { de: string; en?: string }): Promise<LibraryEntry> {
  const record = await readOwnRecord(dataDir, documentId);
  if (record.status === 'failed') throw invalid(`"${documentId}" cannot be renamed: ${record.problem ?? 'its record is broken'}`);
  const folder = ownDocumentDir(dataDir, documentId);
  const editionFile = join(folder, EDITION_FILE);
  const source = await readFile(editionFile, 'utf8');
  const yaml = parseDocument(source);
  const edition = parseOrRefuse(source, EDITION_FILE);
  const next = { de: title.de.trim(), en: edition.languages.includes('en') ? (title.en ?? edition.title.en).trim() : '' };
  yaml.set('title', edition.languages.includes('en') ? next : { de: next.de });
  const written = yaml.toString();
  // The edition must still read as one after the change (a title the YAML writer could not keep).
  parseOrRefuse(written, EDITION_FILE);
  await writeFileAtomic(editionFile, written);
  return updateOwnRecord(dataDir, documentId, { title: next });
}

/** Changes fields of a document's record (document.json) and returns the record as listed. */
export async function updateOwnRecord(dataDir: string, documentId: string, patch: Partial<Pick<DocumentRecord, 'title' | 'languages' | 'languageTags'>>): Promise<LibraryEntry> {
  const file = join(ownDocumentDir(dataDir, documentId), RECORD_FILE);
  const raw = JSON.parse(await readFile(file, 'utf8')) as DocumentRecord;
  const updated: DocumentRecord = { ...raw, ...patch };
  await writeFileAtomic(file, `${JSON.stringify(updated, null, 2)}\n`);
  const { format: _format, ...summary } = updated;
  return summary;
}
