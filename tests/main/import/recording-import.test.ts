// Importing a recording with its text, for real: the human-speech fixture uploaded, aligned by the
// aligner's child process, added to a library in a temporary data folder; the timings the player
// will read pass the app's own check and put every sentence near where it is heard. Cancelled and
// started again, the import goes on from the finished windows. Bad input is refused, naming the
// file the user chose, and leaves the library as it was.
import { copyFile, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecordingRequest } from '../../../common/bridge/import-contract';
import { writeEdition } from '../../../common/edition/write';
import { splitSentences } from '../../../common/text/sentences';
import { textToEdition } from '../../../common/text/text-edition';
import { parseWaveformPeaks, type TimedTranscript } from '../../../common/timing/model';
import { buildNarration } from '../../../main/narration/build';
import { importKey, importRecording, type RecordingImportOptions } from '../../../main/import/recording-import';
import { importWorkDir } from '../../../main/import/service';
import { createUploads, uploadsDir, type Uploads } from '../../../main/import/uploads';
import type { JobContext } from '../../../main/jobs/runner';
import { libraryDir } from '../../../main/library/own-documents';
import { FIXTURE, truth } from '../alignment/helpers';
import { repoLibrary, tempDir } from '../notes/helpers';

let temp: ReturnType<typeof tempDir>;
let dataDir: string;
let uploads: Uploads;
let library: ReturnType<typeof repoLibrary>;
let options: RecordingImportOptions;
const TEXT = truth.sentences.map((s) => s.text).join(' ');

beforeAll(() => {
  temp = tempDir('mitlesen-recording-');
  dataDir = join(temp.dir, 'data');
  uploads = createUploads(dataDir);
  // Short windows, so the 50 s fixture takes several and a cancel can fall between them.
  library = repoLibrary(dataDir);
  options = { library, uploads, workRoot: importWorkDir(dataDir), aligner: { engineHome: join(temp.dir, 'home'), windowSeconds: 15 } };
});
afterAll(() => temp.remove());

async function upload(file: string, name = file.split('/').at(-1)!): Promise<string> {
  const size = (await stat(file)).size;
  const { uploadId } = await uploads.begin(name, size);
  await uploads.append(uploadId, 0, new Uint8Array(await readFile(file)));
  return uploadId;
}

function context(onProgress: (fraction: number | null, message?: string) => boolean = () => false) {
  const controller = new AbortController();
  const reports: { fraction: number | null; message?: string; secondsLeft?: number | null }[] = [];
  const ctx: JobContext = {
    signal: controller.signal,
    progress(fraction, message, secondsLeft) {
      reports.push({ fraction, message, secondsLeft });
      if (onProgress(fraction, message)) controller.abort();
    },
  };
  return { ctx, reports };
}

const request = (audio: string[], text = TEXT): ImportRecordingRequest => ({ title: 'Zehn Sätze', audio, text, format: 'plain', language: 'de' });
const ownDocuments = async () => readdir(libraryDir(dataDir)).then((names) => names.filter((n) => !n.startsWith('.')), () => []);

describe('importRecording', () => {
  it('cancelled while aligning adds nothing; started again it goes on from the finished windows and adds the document', { timeout: 180_000 }, async () => {
    const audio = [await upload(join(FIXTURE, 'speech.mp3'))];
    const first = context((_, message) => message === 'aligning');
    await expect(importRecording(request(audio), first.ctx, options)).rejects.toMatchObject({ name: 'AbortError' });
    expect(await ownDocuments()).toEqual([]);
    const chunks = join(importWorkDir(dataDir), importKey(request(audio)), 'align', 'chunks');
    const finished = (await readdir(chunks)).filter((n) => n.endsWith('.json'));
    expect(finished.length).toBeGreaterThanOrEqual(1);
    // Cancelled by the user: kept for a second try, but not started again by itself at the next start.
    expect(existsSync(join(importWorkDir(dataDir), importKey(request(audio)), 'request.json'))).toBe(false);
    const firstChunk = join(chunks, finished.sort()[0]!);
    const firstWritten = (await stat(firstChunk)).mtimeMs;

    const second = context();
    const added = await importRecording(request(audio), second.ctx, options);
    // The finished window was not aligned again, and decoding was not repeated.
    expect((await stat(firstChunk).catch(() => null))?.mtimeMs ?? firstWritten).toBe(firstWritten);
    expect(second.reports.some((r) => r.message === 'decoding' && (r.fraction ?? 0) > 0)).toBe(false);
    expect(second.reports.map((r) => r.message)).toContain('adding');
    expect(second.reports.some((r) => r.message === 'aligning' && typeof r.secondsLeft === 'number')).toBe(true);

    expect(added).toMatchObject({ kind: 'own', status: 'ready', languages: ['de'], title: { de: 'Zehn Sätze' } });
    expect(added.duration).toBeCloseTo(50.2, 0);
    const bundle = await library.load(added.id);
    expect(bundle.timingProblem).toBeNull();
    const track = bundle.timing!.tracks.de!;
    expect(track.mediaId).toBe(`${added.id}/de.mp3`);
    expect(track.mimeType).toBe('audio/mpeg');
    // No title sentence: the recording does not read one.
    expect(bundle.edition.sentences.map((s) => s.de)).toEqual(truth.sentences.map((s) => s.text));
    const errors = track.sentences.map((s, i) => Math.abs(s.start - truth.sentences[i]!.start));
    expect(Math.max(...errors)).toBeLessThan(0.3);
    expect(track.sentences.every((s) => typeof s.confidence === 'number' && s.estimated === undefined)).toBe(true);
    const media = join(libraryDir(dataDir), added.id, 'media');
    expect((await stat(join(media, 'de.mp3'))).size).toBe((await stat(join(FIXTURE, 'speech.mp3'))).size);
    const peaks = parseWaveformPeaks(JSON.parse(await readFile(join(media, 'de.peaks.json'), 'utf8')));
    expect(peaks.ok && peaks.value.data.length).toBe(Math.ceil(track.duration * 100));
    expect(peaks.ok && Math.max(...peaks.value.data)).toBeGreaterThan(0.2);
    // Done: the work folder and the upload are gone.
    expect(existsSync(join(importWorkDir(dataDir), importKey(request(audio))))).toBe(false);
    await expect(uploads.file(audio[0]!)).rejects.toThrow(/no longer there/);
  });

  it('refuses what is not audio, a cut-off MP3, 2 GB of noise, a text far longer or in another language, naming the file, and adds nothing', { timeout: 120_000 }, async () => {
    const before = await ownDocuments();
    const fake = join(temp.dir, 'notes.mp3');
    await writeFile(fake, 'Das ist keine Musik, sondern eine Textdatei.\n'.repeat(50));
    await expect(importRecording(request([await upload(fake)]), context().ctx, options)).rejects.toThrow(/^notes\.mp3: not an audio file that can be read/);

    const mp3 = await readFile(join(FIXTURE, 'speech.mp3'));
    const cut = join(temp.dir, 'Kapitel 1.mp3');
    await writeFile(cut, mp3.subarray(0, Math.floor(mp3.length / 2) + 7));
    await expect(importRecording(request([await upload(cut)]), context().ctx, options)).rejects.toThrow(/^Kapitel 1\.mp3: the MP3 is truncated/);

    const longText = Array.from({ length: 40 }, () => TEXT).join('\n\n');
    await expect(importRecording(request([await upload(join(FIXTURE, 'speech.opus'))], longText), context().ctx, options)).rejects.toThrow(/^the text: far longer than the audio/);

    // The fixture's sentences in English: the text of another language than the recording's.
    const english = 'Europe and Asia taken together are also called Eurasia. The meetings with the chairwoman were mostly merry at a late hour. Your chocolate sweets are incredibly delicious! It looks like the Shire there, except that the doors are not round. The most important tool in dealing with people is disinfectant.';
    await expect(importRecording(request([await upload(join(FIXTURE, 'speech.wav'))], english), context().ctx, options)).rejects.toThrow(/^the text: it looks English, but the recording is imported as German/);

    // 2 GB that are not audio: refused from the first bytes, without reading the rest.
    const big = await uploads.begin('Hörbuch.mp3', 2 * 1024 ** 3);
    await truncate(join(uploadsDir(dataDir), big.uploadId, 'Hörbuch.mp3'), 2 * 1024 ** 3);
    const started = performance.now();
    await expect(importRecording(request([big.uploadId]), context().ctx, options)).rejects.toThrow(/^Hörbuch\.mp3: not an audio file that can be read/);
    expect(performance.now() - started).toBeLessThan(20_000);

    const parts = [await upload(join(FIXTURE, 'speech.m4a')), await upload(join(FIXTURE, 'speech.mp3'))];
    await expect(importRecording(request(parts), context().ctx, options)).rejects.toThrow('A recording in several parts can be imported when every part is an MP3');
    expect(await ownDocuments()).toEqual(before);
  });

  it('plays several MP3 parts as one file, timed on one timeline', { timeout: 120_000 }, async () => {
    const a = join(temp.dir, 'teil-1.mp3');
    const b = join(temp.dir, 'teil-2.mp3');
    await copyFile(join(FIXTURE, 'speech.mp3'), a);
    await copyFile(join(FIXTURE, 'speech.mp3'), b);
    const text = `${TEXT}\n\n${TEXT}`;
    // The aligner's own window length: this test is about the joined timeline, not about windows.
    const added = await importRecording(request([await upload(a), await upload(b)], text), context().ctx, { ...options, aligner: { engineHome: join(temp.dir, 'home') } });
    const bundle = await library.load(added.id);
    const track = bundle.timing!.tracks.de!;
    expect(track.duration).toBeCloseTo(100.4, 0);
    const n = truth.sentences.length;
    const secondHalf = track.sentences.slice(n).map((s, i) => Math.abs(s.start - (truth.sentences[i]!.start + track.duration / 2)));
    expect(Math.max(...secondHalf)).toBeLessThan(0.4);
    const joined = await stat(join(libraryDir(dataDir), added.id, 'media', 'de.mp3'));
    expect(joined.size).toBeGreaterThan(1.9 * (await stat(a)).size);
  });

  it('aligns a recording in another language than German (French) with the voice of that language, and tags its text', { timeout: 180_000 }, async () => {
    // A French recording whose every sentence start is known: the built-in voice's French
    // narration of a French text (its timing.json is the truth).
    const french = [
      'Le 9 novembre 1989, le mur de Berlin est tombé.',
      'Personne ne l’avait prévu, pas même les gouvernements.',
      'Des milliers de personnes ont traversé la frontière pendant la nuit.',
      'Le lendemain, la ville entière faisait la fête.',
      'Un an plus tard, l’Allemagne était réunifiée.',
      'Aujourd’hui, il ne reste que quelques morceaux du mur.',
    ];
    const editionFile = join(temp.dir, 'le-mur.yaml');
    await writeFile(editionFile, writeEdition(textToEdition({ title: 'Le mur', text: french.join(' '), format: 'plain', language: 'fr' }, 'le-mur', splitSentences, { titleIsRead: false })));
    await buildNarration({ editionFile, outRoot: join(temp.dir, 'narrated') });
    const spoken = JSON.parse(await readFile(join(temp.dir, 'narrated', 'le-mur', 'timing.json'), 'utf8')) as TimedTranscript;
    const audio = [await upload(join(temp.dir, 'narrated', 'le-mur', 'de.mp3'), 'le-mur.mp3')];
    const added = await importRecording({ ...request(audio, french.join(' ')), title: 'Le mur', language: 'fr' }, context().ctx, options);
    const bundle = await library.load(added.id);
    expect(bundle.edition.languageTags).toEqual({ de: 'fr' });
    expect(bundle.edition.sentences.map((s) => s.de)).toEqual(french);
    const track = bundle.timing!.tracks.de!;
    const errors = track.sentences.map((s, i) => Math.abs(s.start - spoken.tracks.de!.sentences[i]!.start));
    console.log(`[french] sentence start errors (ms): ${errors.map((e) => Math.round(e * 1000)).join(', ')}`);
    expect(Math.max(...errors)).toBeLessThan(0.3);
    // A language the built-in voice does not speak is refused before any work.
    await expect(importRecording({ ...request(audio, french.join(' ')), language: 'qaa' }, context().ctx, options)).rejects.toThrow(/^the language: the built-in voice \(eSpeak NG\) cannot speak qaa \(qaa\)/);
  });
});
