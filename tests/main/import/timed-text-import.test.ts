// A recording imported with timed text made elsewhere: the file's text becomes the document's, its
// times go onto the sentences (cues that split a sentence, or hold two, included), and the
// recording is decoded but not aligned. A file that does not belong to the recording is refused,
// naming the file and the place.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecordingRequest } from '../../../common/bridge/import-contract';
import { parseEdition } from '../../../common/edition/parse';
import { writeEdition } from '../../../common/edition/write';
import { cuesToText, timesFromCues } from '../../../common/exchange/cue-text';
import { splitSentences } from '../../../common/text/sentences';
import { textToEdition } from '../../../common/text/text-edition';
import { importRecording, type RecordingImportOptions } from '../../../main/import/recording-import';
import { importWorkDir } from '../../../main/import/service';
import { createUploads, type Uploads } from '../../../main/import/uploads';
import type { JobContext } from '../../../main/jobs/runner';
import { FIXTURE, truth } from '../alignment/helpers';
import { repoLibrary, tempDir } from '../notes/helpers';

let temp: ReturnType<typeof tempDir>;
let uploads: Uploads;
let library: ReturnType<typeof repoLibrary>;
let options: RecordingImportOptions;
beforeAll(() => {
  temp = tempDir('mitlesen-timed-import-');
  const dataDir = join(temp.dir, 'data');
  uploads = createUploads(dataDir);
  library = repoLibrary(dataDir);
  options = { library, uploads, workRoot: importWorkDir(dataDir), aligner: { engineHome: join(temp.dir, 'home') } };
});
afterAll(() => temp.remove());

const stamp = (t: number, comma = false) => {
  const ms = Math.round(t * 1000);
  const text = `${String(Math.floor(ms / 3_600_000)).padStart(2, '0')}:${String(Math.floor(ms / 60_000) % 60).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
  return comma ? text.replace('.', ',') : text;
};
const ctx = (): JobContext => ({ signal: new AbortController().signal, progress: () => undefined });

async function upload(name: string, bytes: Uint8Array): Promise<string> {
  const { uploadId } = await uploads.begin(name, bytes.length);
  await uploads.append(uploadId, 0, bytes);
  return uploadId;
}

async function importWith(name: string, content: string): Promise<Awaited<ReturnType<typeof importRecording>>> {
  const audio = await upload('speech.mp3', new Uint8Array(await readFile(join(FIXTURE, 'speech.mp3'))));
  const timedText = await upload(name, new TextEncoder().encode(content));
  const request: ImportRecordingRequest = { title: 'Zehn Sätze', audio: [audio], text: 'x', format: 'plain', language: 'de', timedText };
  return importRecording(request, ctx(), options);
}

describe('importing a recording with its timed text', () => {
  it('takes an SRT: a cue per sentence, the times exactly the file\'s, the recording not aligned', { timeout: 60_000 }, async () => {
    const srt = truth.sentences.map((s, i) => `${i + 1}\n${stamp(s.start, true)} --> ${stamp(s.end, true)}\n${s.text}\n`).join('\n');
    const started = performance.now();
    const added = await importWith('zehn.srt', srt);
    const bundle = await library.load(added.id);
    expect(bundle.timingProblem).toBeNull();
    expect(bundle.edition.sentences.map((s) => s.de)).toEqual(truth.sentences.map((s) => s.text));
    const track = bundle.timing!.tracks.de!;
    track.sentences.forEach((s, i) => {
      expect(Math.abs(s.start - truth.sentences[i]!.start)).toBeLessThan(0.001);
      expect(Math.abs(s.end - truth.sentences[i]!.end)).toBeLessThan(0.001);
    });
    // SRT times no words: they are spread inside each sentence, whose own time is the file's (not estimated).
    expect(track.sentences.every((s) => s.estimated === undefined && s.words.length > 0 && s.words[0]![0] === s.start)).toBe(true);
    expect(track.duration).toBeCloseTo(50.2, 0);
    // No aligner child process ran: decoding 50 s takes well under the alignment's time.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect((await stat(join(temp.dir, 'data', 'library', added.id, 'media', 'de.peaks.json'))).size).toBeGreaterThan(1000);
  });

  it('takes a WebVTT whose cues split sentences and join others, and keeps its word times', { timeout: 60_000 }, async () => {
    // Cue 1 holds sentences 1 and 2; sentence 3 is split over two cues at its middle word.
    const [a, b, c] = truth.sentences;
    const words = c!.text.split(' ');
    const half = Math.floor(words.length / 2);
    const middle = (c!.start + c!.end) / 2;
    const vtt = ['WEBVTT', '', `${stamp(a!.start)} --> ${stamp(b!.end)}`, `${a!.text} <${stamp(b!.start)}>${b!.text}`, '', `${stamp(c!.start)} --> ${stamp(middle)}`, words.slice(0, half).join(' '), '', `${stamp(middle)} --> ${stamp(c!.end)}`, words.slice(half).join(' '), ''].join('\n');
    const added = await importWith('drei.vtt', vtt);
    const track = (await library.load(added.id)).timing!.tracks.de!;
    expect(track.sentences).toHaveLength(3);
    expect(track.sentences[0]!.start).toBeCloseTo(a!.start, 3);
    // The second sentence starts where the file's inline timestamp says, not where a share of the cue would.
    expect(track.sentences[1]!.start).toBeCloseTo(b!.start, 3);
    expect(track.sentences[1]!.end).toBeCloseTo(b!.end, 3);
    expect(track.sentences[2]!.start).toBeCloseTo(c!.start, 3);
    expect(track.sentences[2]!.end).toBeCloseTo(c!.end, 3);
    expect(track.sentences[2]!.words[half]![0]).toBeGreaterThanOrEqual(middle - 0.001);
  });

  it('refuses a file that is not the recording\'s, naming the file and the place, and adds nothing', { timeout: 60_000 }, async () => {
    const before = (await library.list()).length;
    const late = `1\n00:10:00,000 --> 00:10:05,000\n${truth.sentences[0]!.text}\n`;
    await expect(importWith('spaet.srt', late)).rejects.toThrow(/^spaet\.srt, sentence s\d+: ends at 605\.0 s, after the end of the recording \(50\.\d s\)/);
    await expect(importWith('kaputt.vtt', 'WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nRückwärts.\n')).rejects.toThrow(/^kaputt\.vtt/);
    await expect(importWith('leer.json', '{"version":"1.0.0","segments":[]}')).rejects.toThrow(/^leer\.json/);
    expect((await library.list()).length).toBe(before);
  });
});

describe('timesFromCues', () => {
  it('refuses an edition whose text is not the cues\' text', () => {
    const cues = [{ id: null, text: 'Ein Satz.', start: 0, end: 1, where: 'x' }];
    expect(cuesToText(cues)).toBe('Ein Satz.');
    const other = parseEdition(writeEdition(textToEdition({ title: 'T', text: 'Ein anderer Satz.', format: 'plain', language: 'de' }, 'd', splitSentences, { titleIsRead: false })), 't');
    if (!other.ok) throw new Error('edition');
    const result = timesFromCues(other.edition, 'de', cues, 'a.srt');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/^a\.srt: the text of sentence s\d+ \("Ein anderer Satz\."\) is not the file's text at that point$/);
  });
});
