// An EPUB 3 with Media Overlays imported as a document with its own recording, nothing aligned: the
// human fixture's ten sentences in two chapters, exported as an EPUB by our own writer (one audio
// file), then the same book with its second chapter in a second audio file (as Storyteller and other
// tools split a book). Sentences, chapters and times come back (within 1 ms); a book whose audio is
// chosen twice, one without overlays and one with a sentence that has no audio are refused by name.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecordingRequest } from '../../../common/bridge/import-contract';
import { importRecording, type RecordingImportOptions } from '../../../main/import/recording-import';
import { createImportService, importWorkDir } from '../../../main/import/service';
import { createUploads, type Uploads } from '../../../main/import/uploads';
import type { JobContext } from '../../../main/jobs/runner';
import { FIXTURE, truth } from '../alignment/helpers';
import { fixtureBook } from './fixture-book';
import { repoLibrary, tempDir } from '../notes/helpers';

let temp: ReturnType<typeof tempDir>;
let uploads: Uploads;
let library: ReturnType<typeof repoLibrary>;
let options: RecordingImportOptions;
let mp3: Uint8Array;
let book: Uint8Array;

/** The book rezipped with its entries changed (`mimetype` first and stored, as an EPUB must have it). */
function rezip(epub: Uint8Array, change: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(epub);
  change(entries);
  const out: Zippable = { mimetype: [entries.mimetype!, { level: 0 }] };
  for (const [name, data] of Object.entries(entries)) if (name !== 'mimetype') out[name] = data;
  return zipSync(out);
}

function editText(entries: Record<string, Uint8Array>, pattern: RegExp, edit: (text: string) => string): void {
  const name = Object.keys(entries).find((n) => pattern.test(n));
  if (!name) throw new Error(`no entry like ${pattern}`);
  entries[name] = strToU8(edit(strFromU8(entries[name]!)));
}

const ctx = (): JobContext => ({ signal: new AbortController().signal, progress: () => undefined });

async function upload(name: string, bytes: Uint8Array): Promise<string> {
  const { uploadId } = await uploads.begin(name, bytes.length);
  await uploads.append(uploadId, 0, bytes);
  return uploadId;
}

async function importBook(name: string, bytes: Uint8Array, audio: string[] = []) {
  const request: ImportRecordingRequest = { title: 'Zehn Sätze', audio, text: 'x', format: 'plain', language: 'de', timedText: await upload(name, bytes) };
  return importRecording(request, ctx(), options);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

beforeAll(async () => {
  temp = tempDir('mitlesen-epub-import-');
  const dataDir = join(temp.dir, 'data');
  uploads = createUploads(dataDir);
  library = repoLibrary(dataDir);
  options = { library, uploads, workRoot: importWorkDir(dataDir), aligner: { engineHome: join(temp.dir, 'home') } };
  mp3 = new Uint8Array(await readFile(join(FIXTURE, 'speech.mp3')));
  book = fixtureBook(mp3);
});
afterAll(() => temp.remove());

describe('importing an EPUB with Media Overlays', () => {
  it('takes the book alone: its sentences, chapters and times, and its own audio', { timeout: 60_000 }, async () => {
    const added = await importBook('zehn.epub', book);
    const bundle = await library.load(added.id);
    expect(bundle.timingProblem).toBeNull();
    expect(bundle.edition.sentences.map((s) => s.de)).toEqual(truth.sentences.map((s) => s.text));
    expect(bundle.edition.chapters.map((c) => [c.title.de, c.startSentenceId])).toEqual([
      ['Eins', bundle.edition.sentences[0]!.id],
      ['Zwei', bundle.edition.sentences[5]!.id],
    ]);
    const track = bundle.timing!.tracks.de!;
    track.sentences.forEach((s, i) => {
      expect(Math.abs(s.start - truth.sentences[i]!.start)).toBeLessThan(0.001);
      expect(Math.abs(s.end - truth.sentences[i]!.end)).toBeLessThan(0.001);
    });
    expect(track.duration).toBeCloseTo(50.2, 0);
    // The audio in the library is the book's own, byte for byte.
    const stored = await readFile(join(temp.dir, 'data', 'library', added.id, 'media', 'de.mp3'));
    expect(Buffer.compare(stored, Buffer.from(mp3))).toBe(0);
  });

  it('joins a book whose chapters are in audio files of their own into one timeline', { timeout: 60_000 }, async () => {
    const single = (await library.load((await importBook('eins.epub', book)).id)).timing!.tracks.de!;
    // Chapter two plays from a second file (the same recording again): its clips count from that file's start.
    const split = rezip(book, (entries) => {
      const audioEntry = Object.keys(entries).find((n) => n.endsWith('.mp3'))!;
      entries[audioEntry.replace(/\.mp3$/, '-2.mp3')] = entries[audioEntry]!;
      const second = Object.keys(entries).filter((n) => n.endsWith('.smil')).sort()[1]!;
      editText(entries, new RegExp(`^${second.replace(/[.]/g, '\\.')}$`), (smil) => smil.replace(/(src="[^"]*)\.mp3"/g, '$1-2.mp3"'));
      editText(entries, /\.opf$/, (opf) => opf.replace('</manifest>', '<item id="audio-2" href="audio/de-2.mp3" media-type="audio/mpeg"/></manifest>'));
    });
    const bundle = await library.load((await importBook('zwei.epub', split)).id);
    const track = bundle.timing!.tracks.de!;
    expect(bundle.edition.sentences.map((s) => s.de)).toEqual(truth.sentences.map((s) => s.text));
    // Chapter one as in the single file; chapter two after the whole first file.
    track.sentences.forEach((s, i) => {
      const offset = i < 5 ? 0 : single.duration;
      expect(Math.abs(s.start - (truth.sentences[i]!.start + offset))).toBeLessThan(0.001);
      expect(Math.abs(s.end - (truth.sentences[i]!.end + offset))).toBeLessThan(0.001);
    });
    expect(track.duration).toBeCloseTo(2 * single.duration, 1);
  });

  it('refuses a recording chosen besides the book, a book without overlays, and a sentence without audio', { timeout: 60_000 }, async () => {
    const owned = async () => (await library.list()).filter((d) => d.kind === 'own').length;
    const before = await owned();
    const audio = await upload('speech.mp3', mp3);
    expect(await refusal(importBook('zehn.epub', book, [audio]))).toMatch(/^zehn\.epub brings its own recording.*remove the recording chosen/);

    const silent = rezip(book, (entries) => {
      editText(entries, /\.smil$/, (smil) => smil.replace(/<audio [^>]*\/>/, ''));
    });
    expect(await refusal(importBook('stumm.epub', silent))).toMatch(/^stumm\.epub, entry "[^"]+\.smil", line \d+: this sentence has no audio/);

    const plain = rezip(book, (entries) => {
      editText(entries, /\.opf$/, (opf) => opf.replace(/ media-overlay="[^"]*"/g, ''));
    });
    expect(await refusal(importBook('ohne.epub', plain))).toMatch(/^ohne\.epub: the book has no Media Overlays/);
    // Nothing was added by any of them.
    expect(await owned()).toBe(before);
  });

  it('reads the book for the dialog: text with chapter headings, title, language, and that it brings its recording', async () => {
    const service = createImportService({ dataDir: join(temp.dir, 'data'), library, jobs: { startJob: () => 'unused' } as never, events: { emit: () => undefined } as never });
    const read = await service.handlers.readImportText({ uploadId: await upload('zehn.epub', book) });
    expect(read).toMatchObject({ title: 'Zehn Sätze', language: 'de', format: 'markdown', timed: 'sentences', recording: true });
    expect(read.text.startsWith('# Eins\n\n')).toBe(true);
    expect(read.text).toContain(`\n\n# Zwei\n\n${truth.sentences[5]!.text}`);
  });
});
