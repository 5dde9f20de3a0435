// Builds everything the player needs for one edition's narration, or does nothing when the outputs
// on disk were built from the same inputs:
//
//   assets/narration/<documentId>/
//     timing.json                 the timed transcript (common/timing/model.ts)
//     de.mp3, en.mp3              the narration
//     de.peaks.json, en.peaks.json  waveform peaks
//     cache-key.json              what the outputs were built from
//
// The cache key hashes everything that can change a byte of the outputs: the edition's narrated
// content, the settings, the lexicon, the engine and encoder versions and NARRATION_CODE_VERSION.
// Files are written under temporary names and renamed at the end, the cache key last, so an
// interrupted build never leaves files that look finished.

import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { languageTag, speaksSlotLanguage } from '../../common/edition/language-tags';
import type { Edition, Lang } from '../../common/edition/model';
import { formatProblem, parseEdition } from '../../common/edition/parse';
import { parseTimedTranscript, type NarrationTrack, type TimedTranscript } from '../../common/timing/model';
import type { SpeechEngine } from './engine';
import { encodeMp3, encoderVersion } from './encoder';
import { createEspeakEngine, espeakEngineId } from './espeak';
import { lexiconLookup, loadLexicon, LEXICON_FILE } from './lexicon';
import { computePeaks } from './peaks';
import { buildTrack, type TrackProgress } from './pipeline';
import { DEFAULT_SETTINGS, VOICE_ROLES, type NarrationSettings, type VoiceRole } from './settings';

/** Bump when a change to this code changes the outputs (timing rules, trimming, file shapes). */
export const NARRATION_CODE_VERSION = 2;

export class NarrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NarrationError';
  }
}

export interface TrackSummary {
  lang: Lang;
  duration: number;
  words: number;
  wordsPerMinute: number;
  audioBytes: number;
  peaksBytes: number;
}

export interface BuildResult {
  documentId: string;
  outDir: string;
  built: boolean;
  /** Why it was (not) built, for the log. */
  reason: string;
  tracks: TrackSummary[];
  seconds: number;
  /** Seconds spent per phase (synthesis, encoding, peaks), summed over the languages. */
  phases: { synthesis: number; encoding: number; peaks: number };
}

export interface BuildOptions {
  editionFile: string;
  /** The folder holding one folder per document (assets/narration). */
  outRoot: string;
  settings?: NarrationSettings;
  lexiconFile?: string;
  force?: boolean;
  log?: (line: string) => void;
  onProgress?: (p: TrackProgress) => void;
  /** Another engine behind the same interface (default: eSpeak NG). */
  engine?: { id: string; create: () => Promise<SpeechEngine> };
}

export function loadEdition(source: string, file: string): Edition {
  const result = parseEdition(source, file);
  if (!result.ok) {
    throw new NarrationError(
      `The edition ${file} is not valid, so it cannot be narrated:\n${result.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
  return result.edition;
}

/** The parts of the edition the narration depends on: text, order, structure, who speaks. */
export function narratedContent(edition: Edition): unknown {
  return {
    id: edition.id,
    // Undefined (and left out of the hash) for German and English, so their builds stay cached.
    languageTags: edition.languageTags,
    speakers: edition.speakers.map((s) => ({ id: s.id, role: s.role })),
    chapters: edition.chapters.map((c) => ({ id: c.id, sentenceIds: c.sentenceIds })),
    paragraphs: edition.paragraphs.map((p) => ({ id: p.id, kind: p.kind, speakerId: p.speakerId, sentenceIds: p.sentenceIds })),
    sentences: edition.sentences.map((s) => ({ id: s.id, chapterId: s.chapterId, de: s.de, en: s.en, enWith: s.enWith })),
  };
}

function sha256(value: unknown): string {
  return createHash('sha256').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex');
}

export function editionHash(edition: Edition): string {
  return sha256(narratedContent(edition));
}


/**
 * The settings with the voices for the edition's languages: a slot whose text is not in the
 * slot's language (a French text in the first) is read by that language's voices, with the same
 * variants, pitches and pace, so its speakers still sound apart.
 */
export async function voicedFor(edition: Edition, settings: NarrationSettings, engine: Pick<SpeechEngine, 'languageFor'>): Promise<NarrationSettings> {
  let voices = settings.voices;
  for (const lang of edition.languages) {
    if (speaksSlotLanguage(edition, lang)) continue;
    const tag = languageTag(edition, lang);
    const language = await engine.languageFor(tag);
    if (language === null) throw new NarrationError(`The built-in voice cannot read this text: eSpeak NG has no voice for its language (${tag}).`);
    const inLanguage = Object.fromEntries(
      VOICE_ROLES.map((role) => {
        const voice = voices[lang][role];
        return [role, { ...voice, name: [language, ...voice.name.split('+').slice(1)].join('+') }];
      }),
    ) as Record<VoiceRole, (typeof voices)[Lang][VoiceRole]>;
    voices = { ...voices, [lang]: inLanguage };
  }
  return voices === settings.voices ? settings : { ...settings, voices };
}

export function cacheKey(edition: Edition, settings: NarrationSettings, lexiconSource: string, engineId: string): string {
  return sha256({
    code: NARRATION_CODE_VERSION,
    edition: editionHash(edition),
    settings,
    lexicon: sha256(lexiconSource),
    engine: engineId,
    encoder: encoderVersion(),
  });
}

const FILES = (lang: Lang): { audio: string; peaks: string } => ({ audio: `${lang}.mp3`, peaks: `${lang}.peaks.json` });
const TIMING = 'timing.json';
const KEY = 'cache-key.json';

async function readKey(dir: string): Promise<string | null> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, KEY), 'utf8')) as { key?: unknown };
    return typeof parsed.key === 'string' ? parsed.key : null;
  } catch {
    return null;
  }
}

async function allPresent(dir: string, languages: readonly Lang[]): Promise<boolean> {
  const names = [TIMING, ...languages.flatMap((l) => Object.values(FILES(l)))];
  for (const name of names) {
    try {
      await access(join(dir, name));
    } catch {
      return false;
    }
  }
  return true;
}

function describeFsError(error: unknown, dir: string): NarrationError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a file of that name is in the way',
    ENOSPC: 'the disk is full',
  };
  return new NarrationError(`Cannot write the narration to ${dir}: ${why[code] ?? (error as Error).message}`);
}

/** Fails early, before minutes of synthesis, when the output folder cannot be written. */
async function checkWritable(dir: string): Promise<void> {
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    throw describeFsError(error, dir);
  }
}

const round = (t: number): number => Math.round(t * 1000) / 1000;

export async function buildNarration(opts: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const log = opts.log ?? (() => {});
  let source: string;
  try {
    source = await readFile(opts.editionFile, 'utf8');
  } catch (error) {
    throw new NarrationError(`Cannot read the edition ${opts.editionFile}: ${(error as Error).message}`);
  }
  const edition = loadEdition(source, opts.editionFile);
  let lexiconSource: string;
  let lexicon;
  try {
    ({ lexicon, source: lexiconSource } = loadLexicon(opts.lexiconFile ?? LEXICON_FILE));
  } catch (error) {
    throw new NarrationError((error as Error).message);
  }
  const engineChoice = opts.engine ?? { id: espeakEngineId(), create: createEspeakEngine };

  const outDir = join(opts.outRoot, edition.id);
  const key = cacheKey(edition, settings, lexiconSource, engineChoice.id);
  const previousKey = await readKey(outDir);
  // Up to date: the settings (voices included) are the ones a successful build used, so there is
  // nothing to check and no need to load the engine.
  if (!opts.force && previousKey === key && (await allPresent(outDir, edition.languages))) {
    const seconds = (performance.now() - started) / 1000;
    return { documentId: edition.id, outDir, built: false, reason: 'up to date', tracks: [], seconds, phases: { synthesis: 0, encoding: 0, peaks: 0 } };
  }
  const reason = opts.force ? 'forced' : previousKey === null ? 'not built yet' : previousKey !== key ? 'inputs changed' : 'files missing';
  const engine = await engineChoice.create();
  if (engine.id !== engineChoice.id) throw new Error(`the engine says it is ${engine.id}, not ${engineChoice.id}`);
  const voiced = await voicedFor(edition, settings, engine);
  // Only the edition's languages are narrated: a German-only edition gets a German track only.
  for (const lang of edition.languages) {
    for (const role of VOICE_ROLES) {
      const voice = voiced.voices[lang][role];
      const problem = await engine.checkVoice(languageTag(edition, lang), voice);
      if (problem) throw new NarrationError(`Unknown voice "${voice.name}" for the ${role} (${lang}): ${problem}`);
    }
  }
  await checkWritable(outDir);
  await removeLeftovers(outDir);
  log(`Narrating ${edition.id} (${reason}) into ${outDir}`);

  const tracks: Partial<Record<Lang, NarrationTrack>> = {};
  const outputs: { name: string; data: Uint8Array | string }[] = [];
  const summaries: TrackSummary[] = [];
  const phases = { synthesis: 0, encoding: 0, peaks: 0 };
  let mark = performance.now();
  const lap = (phase: keyof typeof phases): void => {
    const now = performance.now();
    phases[phase] += (now - mark) / 1000;
    mark = now;
  };
  for (const lang of edition.languages) {
    mark = performance.now();
    // The lexicon respells German and English words; a text in another language has none.
    const words = speaksSlotLanguage(edition, lang) ? lexiconLookup(lexicon, lang) : new Map<string, string>();
    const track = await buildTrack(edition, lang, engine, voiced, words, opts.onProgress);
    lap('synthesis');
    const audio = await encodeMp3(track.samples, track.sampleRate, settings.bitrateKbps);
    lap('encoding');
    const shift = (t: number): number => round(t + audio.delay);
    const peaks = computePeaks(track.samples, track.sampleRate, { duration: round(audio.duration), delay: audio.delay, peaksPerSecond: settings.peaksPerSecond });
    const peaksJson = JSON.stringify(peaks);
    lap('peaks');
    const files = FILES(lang);
    tracks[lang] = {
      lang,
      mediaId: `${edition.id}/${files.audio}`,
      mimeType: audio.mimeType,
      duration: round(audio.duration),
      peaksMediaId: `${edition.id}/${files.peaks}`,
      sentences: track.sentences.map((s) => ({
        id: s.id,
        start: shift(s.start),
        end: shift(s.end),
        words: s.words.map(([a, b]): [number, number] => [shift(a), shift(b)]),
      })),
      paragraphs: track.paragraphs.map((p) => ({ id: p.id, start: shift(p.start), end: shift(p.end) })),
      chapters: track.chapters.map((c) => ({ id: c.id, start: shift(c.start), end: shift(c.end) })),
    };
    outputs.push({ name: files.audio, data: audio.bytes }, { name: files.peaks, data: peaksJson });
    summaries.push({
      lang,
      duration: audio.duration,
      words: track.wordCount,
      wordsPerMinute: track.wordCount / (audio.duration / 60),
      audioBytes: audio.bytes.length,
      peaksBytes: Buffer.byteLength(peaksJson),
    });
  }

  const timing: TimedTranscript = { format: 1, documentId: edition.id, editionHash: editionHash(edition), tracks };
  // The player will refuse timings that do not fit the edition; refuse to write them in the first place.
  const check = parseTimedTranscript(timing, edition);
  if (!check.ok) throw new NarrationError(`The narration's timings do not match the edition (a bug in the narration build):\n  ${check.problems.join('\n  ')}`);
  outputs.push({ name: TIMING, data: JSON.stringify(timing) });

  await writeAll(outDir, outputs, key);
  return { documentId: edition.id, outDir, built: true, reason, tracks: summaries, seconds: (performance.now() - started) / 1000, phases };
}

let writeCount = 0;
const TEMPORARY = /\.tmp-(\d+)-\d+$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of a build that was killed before it could clean up (not of one still running). */
async function removeLeftovers(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => {
    const pid = TEMPORARY.exec(n)?.[1];
    return pid !== undefined && !isRunning(Number(pid));
  });
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true })));
}

async function writeAll(dir: string, outputs: { name: string; data: Uint8Array | string }[], key: string): Promise<void> {
  // Unique per process and per build, so two builds of the same folder never share a temporary file.
  const suffix = `.tmp-${process.pid}-${++writeCount}`;
  const written: string[] = [];
  try {
    for (const o of outputs) {
      const tmp = join(dir, o.name + suffix);
      written.push(tmp);
      await writeFile(tmp, o.data);
    }
    // Without a key the folder reads as stale, so a crash between the renames forces a rebuild.
    await rm(join(dir, KEY), { force: true });
    for (const o of outputs) await rename(join(dir, o.name + suffix), join(dir, o.name));
    const keyTmp = join(dir, KEY + suffix);
    written.push(keyTmp);
    await writeFile(keyTmp, `${JSON.stringify({ key, code: NARRATION_CODE_VERSION })}\n`);
    await rename(keyTmp, join(dir, KEY));
  } catch (error) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw describeFsError(error, dir);
  }
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function relativeTo(root: string, path: string): string {
  const r = relative(root, path);
  return r.startsWith('..') ? path : r;
}
