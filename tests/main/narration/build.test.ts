// The narration build end to end on a small edition, in a temporary folder: files, timings,
// decoded durations, voices, pauses, the cache and the error paths.

import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition, Lang } from '../../../common/edition/model';
import { splitWords } from '../../../common/text/words';
import { narratedSentences, narratedText, parseTimedTranscript, parseWaveformPeaks, type TimedTranscript } from '../../../common/timing/model';
import { buildNarration, loadEdition, NarrationError, type BuildResult } from '../../../main/narration/build';
import { DEFAULT_SETTINGS } from '../../../main/narration/settings';
import { decode, medianF0 } from './support';

const FIXTURE = fileURLToPath(new URL('../../fixtures/narration/small.yaml', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const LANGS: Lang[] = ['de', 'en'];

let root: string;
let outRoot: string;
let result: BuildResult;
let timing: TimedTranscript;
let edition: Edition;
const decoded: Partial<Record<Lang, { samples: Float32Array; sampleRate: number }>> = {};

const docDir = (): string => join(outRoot, 'narration-small');
const filesIn = (dir: string): string[] => readdirSync(dir).sort();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mitlesen-narration-'));
  outRoot = join(root, 'out');
  result = await buildNarration({ editionFile: FIXTURE, outRoot });
  timing = JSON.parse(readFileSync(join(docDir(), 'timing.json'), 'utf8')) as TimedTranscript;
  edition = loadEdition(readFileSync(FIXTURE, 'utf8'), FIXTURE);
  for (const lang of LANGS) decoded[lang] = decode(join(docDir(), `${lang}.mp3`));
}, 60_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('narration build of a small edition', () => {
  it('writes audio, peaks, timings and the cache key, and no temporary files', () => {
    expect(result.built).toBe(true);
    expect(filesIn(docDir())).toEqual(['cache-key.json', 'de.mp3', 'de.peaks.json', 'en.mp3', 'en.peaks.json', 'timing.json']);
    expect(timing.tracks.de!.mediaId).toBe('narration-small/de.mp3');
    expect(timing.tracks.en!.peaksMediaId).toBe('narration-small/en.peaks.json');
    expect(timing.tracks.de!.mimeType).toBe('audio/mpeg');
  });

  it('matches the edition: the timing file passes the player’s own check', () => {
    const check = parseTimedTranscript(timing, edition);
    expect(check.ok ? [] : check.problems).toEqual([]);
    // en_with sentences share the carrier's English and have no English timing of their own.
    expect(timing.tracks.en!.sentences.map((s) => s.id)).not.toContain('s005');
    expect(timing.tracks.de!.sentences.map((s) => s.id)).toContain('s005');
  });

  it.each(LANGS)('%s: gives every word a span, ordered, inside its sentence and the audio', (lang) => {
    const track = timing.tracks[lang]!;
    const expected = narratedSentences(edition, lang);
    expect(track.sentences.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    let previous = 0;
    track.sentences.forEach((s, k) => {
      const words = splitWords(narratedText(expected[k]!, lang));
      expect(s.words).toHaveLength(words.length);
      expect(s.start).toBeGreaterThanOrEqual(previous);
      for (const [start, end] of s.words) {
        expect(end).toBeGreaterThan(start);
        expect(start).toBeGreaterThanOrEqual(previous);
        expect(start).toBeGreaterThanOrEqual(s.start);
        expect(end).toBeLessThanOrEqual(s.end);
        previous = end;
      }
      expect(s.end).toBeLessThanOrEqual(track.duration);
    });
    const last = track.sentences.at(-1)!.words.at(-1)![1];
    expect(track.duration - last).toBeLessThan(1);
    expect(track.duration - last).toBeGreaterThan(0);
  });

  it.each(LANGS)('%s: decodes to the duration the timings claim (within 50 ms)', (lang) => {
    const { samples, sampleRate } = decoded[lang]!;
    expect(sampleRate).toBe(22050);
    expect(Math.abs(samples.length / sampleRate - timing.tracks[lang]!.duration)).toBeLessThan(0.05);
  });

  it.each(LANGS)('%s: each sentence is heard where its timing starts it (encoder delay accounted for)', (lang) => {
    // The first sound after the silence before a sentence must come within 25 ms of its start;
    // without the MP3 delay correction it would come 50 ms late.
    const { samples, sampleRate } = decoded[lang]!;
    const track = timing.tracks[lang]!;
    track.sentences.forEach((s, k) => {
      const from = Math.round((k === 0 ? 0 : track.sentences[k - 1]!.end + 0.1) * sampleRate);
      let i = from;
      while (i < samples.length && Math.abs(samples[i]!) < 0.02) i++;
      expect(Math.abs(i / sampleRate - s.start)).toBeLessThan(0.025);
    });
  });

  it('speaks the interviewer and the interviewee in measurably different voices', () => {
    const { samples, sampleRate } = decoded.de!;
    const pitchOf = (ids: string[]): number => {
      const parts = timing.tracks.de!.sentences.filter((s) => ids.includes(s.id));
      const chunks = parts.map((s) => samples.subarray(Math.round(s.start * sampleRate), Math.round(s.end * sampleRate)));
      const joined = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        joined.set(c, at);
        at += c.length;
      }
      const { f0, voicedFrames } = medianF0(joined, sampleRate);
      expect(voicedFrames).toBeGreaterThan(50);
      return f0;
    };
    const interviewer = pitchOf(['s003', 's008']);
    const interviewee = pitchOf(['s004', 's005', 's006', 's007']);
    expect(interviewer).toBeGreaterThan(150);
    expect(interviewee).toBeLessThan(120);
    expect(interviewer / interviewee).toBeGreaterThan(1.4);
  });

  it('pauses longer at a new chapter than at a new speaker, and longer there than between sentences', () => {
    const s = new Map(timing.tracks.de!.sentences.map((x) => [x.id, x]));
    const gap = (a: string, b: string): number => s.get(b)!.start - s.get(a)!.end;
    const sentence = gap('s004', 's005');
    const speaker = gap('s003', 's004');
    const chapter = gap('s006', 's007');
    expect(sentence).toBeGreaterThan(0.3);
    expect(speaker).toBeGreaterThan(sentence + 0.3);
    expect(chapter).toBeGreaterThan(speaker + 0.5);
    // A comma inside a sentence: shorter than a sentence break, but audible.
    const [, after] = [s.get('s004')!.words[1]!, s.get('s004')!.words[2]!];
    const comma = after[0] - s.get('s004')!.words[1]![1];
    expect(comma).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.pauses.comma - 0.02);
    expect(comma).toBeLessThan(sentence);
  });

  it.each(LANGS)('%s: waveform peaks cover the decoded audio and are loud where words are', (lang) => {
    const parsed = parseWaveformPeaks(JSON.parse(readFileSync(join(docDir(), `${lang}.peaks.json`), 'utf8')));
    if (!parsed.ok) throw new Error(parsed.problem);
    const peaks = parsed.value;
    const track = timing.tracks[lang]!;
    expect(peaks.duration).toBe(track.duration);
    expect(peaks.data).toHaveLength(Math.ceil(track.duration * peaks.peaksPerSecond));
    const at = (t: number): number => peaks.data[Math.floor(t * peaks.peaksPerSecond)]!;
    const loudest = (a: number, b: number): number => Math.max(...peaks.data.slice(Math.floor(a * peaks.peaksPerSecond), Math.ceil(b * peaks.peaksPerSecond)));
    for (const s of track.sentences) {
      for (const [a, b] of s.words) expect(loudest(a, b)).toBeGreaterThan(0.05);
    }
    // The chapter pause is silent.
    const chapterStart = track.chapters[1]!.start;
    expect(at(chapterStart - 0.5)).toBe(0);
  });
});

describe('narration cache', () => {
  it('does nothing on a second run with nothing changed, and says so', async () => {
    const before = filesIn(docDir()).map((f) => [f, statSync(join(docDir(), f)).mtimeMs]);
    const again = await buildNarration({ editionFile: FIXTURE, outRoot });
    expect(again.built).toBe(false);
    expect(again.reason).toBe('up to date');
    expect(filesIn(docDir()).map((f) => [f, statSync(join(docDir(), f)).mtimeMs])).toEqual(before);
  });

  it('gives byte-identical outputs for the same edition and settings', async () => {
    const other = join(root, 'again');
    await buildNarration({ editionFile: FIXTURE, outRoot: other });
    for (const f of filesIn(docDir())) {
      expect(readFileSync(join(other, 'narration-small', f)).equals(readFileSync(join(docDir(), f))), f).toBe(true);
    }
  }, 30_000);

  it('rebuilds when one sentence changes, and when an output file is missing', async () => {
    const dir = join(root, 'touched');
    const file = join(dir, 'edition.yaml');
    const out = join(dir, 'out');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(FIXTURE, file);
    expect((await buildNarration({ editionFile: file, outRoot: out })).built).toBe(true);
    expect((await buildNarration({ editionFile: file, outRoot: out })).built).toBe(false);

    writeFileSync(file, readFileSync(file, 'utf8').replace('Und was heisst das für uns?', 'Und was heisst das für uns alle?'));
    const rebuilt = await buildNarration({ editionFile: file, outRoot: out });
    expect(rebuilt).toMatchObject({ built: true, reason: 'inputs changed' });
    const t = JSON.parse(readFileSync(join(out, 'narration-small', 'timing.json'), 'utf8')) as TimedTranscript;
    expect(t.tracks.de!.sentences.find((s) => s.id === 's008')!.words).toHaveLength(7);
    expect(t.editionHash).not.toBe(timing.editionHash);

    rmSync(join(out, 'narration-small', 'en.peaks.json'));
    // A killed build's temporary file (its process is gone) is cleared away by the next build.
    const leftover = join(out, 'narration-small', 'de.mp3.tmp-999999999-1');
    writeFileSync(leftover, 'half');
    expect((await buildNarration({ editionFile: file, outRoot: out })).reason).toBe('files missing');
    expect(existsSync(join(out, 'narration-small', 'en.peaks.json'))).toBe(true);
    expect(existsSync(leftover)).toBe(false);
  }, 60_000);
});

describe('narration errors', () => {
  it('refuses an edition that fails validation, naming file and line, and writes nothing', async () => {
    const bad = join(root, 'bad.yaml');
    writeFileSync(bad, readFileSync(FIXTURE, 'utf8').replace('kind: title', 'kind: headline'));
    const out = join(root, 'bad-out');
    await expect(buildNarration({ editionFile: bad, outRoot: out })).rejects.toThrow(NarrationError);
    await expect(buildNarration({ editionFile: bad, outRoot: out })).rejects.toThrow(/bad\.yaml:\d+:.*headline/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown voice before synthesizing anything', async () => {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.voices.de.interviewer = { name: 'de+nosuchvoice' };
    const out = join(root, 'voice-out');
    await expect(buildNarration({ editionFile: FIXTURE, outRoot: out, settings })).rejects.toThrow(
      /Unknown voice "de\+nosuchvoice" for the interviewer \(de\): eSpeak has no voice variant "nosuchvoice"/,
    );
    settings.voices.de.interviewer = { name: 'en-us+f3' };
    await expect(buildNarration({ editionFile: FIXTURE, outRoot: out, settings })).rejects.toThrow(/speaks en-us, not de/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an output folder it cannot write, with a clear message', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    await expect(buildNarration({ editionFile: FIXTURE, outRoot: join(blocker, 'narration') })).rejects.toThrow(
      /Cannot write the narration to .*a-file\/narration\/narration-small: a part of the path is a file, not a folder/,
    );
  });
});

describe('npm run narrate', () => {
  const run = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'main/narration/cli.ts', ...args], { cwd: REPO })
      .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
      .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

  it('says when there is nothing to do', async () => {
    const r = await run(['--edition', FIXTURE, '--out', outRoot]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Narration of narration-small is up to date .*: nothing to do\./);
    expect(r.code).toBe(0);
  }, 30_000);

  it('builds with progress per chapter and a summary', async () => {
    const r = await run(['--edition', FIXTURE, '--out', join(root, 'cli-out')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}de {2}ch01 +1\/2 /m);
    expect(r.stdout).toMatch(/^ {2}en {2}ch02 +2\/2 /m);
    expect(r.stdout).toMatch(/^ {2}de: 0:\d\d audio, \d+ words, \d+ words\/min, \d+ KB audio \+ \d+ KB peaks$/m);
    expect(r.stdout).toMatch(/^Built narration-small in \d+\.\d s: .* words\/min, .* \(real-time factor 0\.\d+\)$/m);
  }, 30_000);

  it('exits non-zero with a message for an invalid edition or an unknown voice', async () => {
    const bad = join(root, 'cli-bad.yaml');
    writeFileSync(bad, 'id: Not An Id\n');
    const invalid = await run(['--edition', bad, '--out', join(root, 'cli-bad')]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^narrate: The edition .*cli-bad\.yaml is not valid/);
    const voice = await run(['--edition', FIXTURE, '--out', join(root, 'cli-voice'), '--voice', 'de.narrator=de+zz']);
    expect(voice.code).toBe(1);
    expect(voice.stderr).toMatch(/^narrate: Unknown voice "de\+zz" for the narrator \(de\)/);
    expect(existsSync(join(root, 'cli-voice'))).toBe(false);
  }, 30_000);
});

describe('narration build of an edition in German only', () => {
  it('narrates German alone: one track, its files, and timings that fit the edition', async () => {
    const file = fileURLToPath(new URL('../../fixtures/editions/valid-german-only.yaml', import.meta.url));
    const out = join(root, 'german-only');
    const built = await buildNarration({ editionFile: file, outRoot: out });
    const germanOnly = loadEdition(readFileSync(file, 'utf8'), file);
    const dir = join(out, germanOnly.id);
    expect(filesIn(dir)).toEqual(['cache-key.json', 'de.mp3', 'de.peaks.json', 'timing.json']);
    expect(built.tracks.map((t) => t.lang)).toEqual(['de']);
    const written = JSON.parse(readFileSync(join(dir, 'timing.json'), 'utf8')) as TimedTranscript;
    expect(Object.keys(written.tracks)).toEqual(['de']);
    const check = parseTimedTranscript(written, germanOnly);
    expect(check.ok ? [] : check.problems).toEqual([]);
    // A second build finds every file of the one language and does nothing.
    expect((await buildNarration({ editionFile: file, outRoot: out })).built).toBe(false);
  }, 60_000);
});
