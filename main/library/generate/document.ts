// A generated test document of any size, ready for the library's own-document API
// (library.createOwnDocument → addOwnDocument, which checks the edition and the timings and
// writes the folder atomically): the edition text, timings of a narration at a chosen pace, and
// for each language silent Ogg Vorbis audio of the timed length with its waveform peaks.
// Everything is drawn from one seed, so the same options give the same files.

import { createHash } from 'node:crypto';
import { buildEdition } from '../../../common/edition/build';
import type { Lang } from '../../../common/edition/model';
import { writeEdition } from '../../../common/edition/write';
import type { TimedTranscript } from '../../../common/timing/model';
import { makeDocumentId, type AddOwnDocumentInput, type OwnMediaFile } from '../own-documents';
import { generateText, MIN_WORDS_PER_CHAPTER } from './edition';
import { silentOggVorbis, SILENCE_SAMPLE_RATE } from './ogg-silence';
import { generatePeaks } from './peaks';
import { hashSeed, seededRandom } from './random';
import { generateTiming } from './timing';

export interface GenerateOptions {
  words: number;
  chapters: number;
  title: string;
  /** Any text; by default one made from the other options, so equal options give equal documents. */
  seed?: string;
  /** The narration's pace (default 130, an audiobook's). */
  wordsPerMinute?: number;
  /** The document id; by default the title's slug and a suffix from the seed. */
  id?: string;
  /** Told what is being made, for a progress line. */
  progress?: (step: string) => void;
}

export interface GeneratedDocument {
  input: Omit<AddOwnDocumentInput, 'dataDir' | 'reserved'>;
  id: string;
  germanWords: number;
  sentences: number;
  timing: TimedTranscript;
}

export const LIMITS = {
  words: { min: 100, max: 2_000_000 },
  chapters: { min: 1, max: 5_000 },
  wordsPerMinute: { min: 60, max: 300 },
  title: { max: 200 },
} as const;

/** The options' problems, in the words of the command line; empty when they are usable. */
export function checkOptions(options: GenerateOptions): string[] {
  const problems: string[] = [];
  const whole = (value: number, name: string, { min, max }: { min: number; max: number }) => {
    if (!Number.isSafeInteger(value) || value < min || value > max) problems.push(`--${name} must be a whole number from ${min} to ${max.toLocaleString('en')} (got ${value})`);
  };
  whole(options.words, 'words', LIMITS.words);
  whole(options.chapters, 'chapters', LIMITS.chapters);
  if (options.wordsPerMinute !== undefined) whole(options.wordsPerMinute, 'wpm', LIMITS.wordsPerMinute);
  if (problems.length === 0 && options.words < options.chapters * MIN_WORDS_PER_CHAPTER) {
    problems.push(`--words must be at least ${MIN_WORDS_PER_CHAPTER} per chapter (${options.chapters * MIN_WORDS_PER_CHAPTER} for ${options.chapters} chapters)`);
  }
  const title = options.title.trim();
  if (title === '') problems.push('--title must not be empty');
  else if (title.length > LIMITS.title.max) problems.push(`--title must be at most ${LIMITS.title.max} characters`);
  else if (/[\u0000-\u001f\u007f]/.test(title)) problems.push('--title must be one line of text (no control characters)');
  return problems;
}

export async function generateDocument(options: GenerateOptions): Promise<GeneratedDocument> {
  const problems = checkOptions(options);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const { words, chapters, wordsPerMinute = 130, progress = () => {} } = options;
  const title = options.title.trim();
  const seed = options.seed ?? `${title}|${words}|${chapters}|${wordsPerMinute}`;
  const random = seededRandom(seed);
  const id = options.id ?? makeDocumentId(title, () => hashSeed(seed).toString(16).padStart(8, '0').slice(0, 6));

  progress(`text: ${words.toLocaleString('en')} words in ${chapters} chapters`);
  const text = generateText({ id, title, words, chapters }, random);
  const edition = buildEdition(text.input);
  const editionSource = writeEdition(text.input);

  progress('timings');
  const editionHash = createHash('sha256').update(editionSource).digest('hex').slice(0, 16);
  const media = (lang: Lang) => ({ audio: `${lang}.ogg`, peaks: `${lang}.peaks.json`, mimeType: 'audio/ogg' as const });
  const timing = generateTiming(edition, { wordsPerMinute, editionHash, media });

  const files: OwnMediaFile[] = [];
  for (const [lang, track] of Object.entries(timing.tracks)) {
    if (!track) continue;
    progress(`audio ${lang}: ${(track.duration / 3600).toFixed(2)} h of silence`);
    files.push({ name: media(lang as Lang).audio, data: await silentOggVorbis(track.duration, hashSeed(`${seed}|${lang}`)) });
    const peaks = generatePeaks(track, SILENCE_SAMPLE_RATE, random);
    files.push({ name: media(lang as Lang).peaks, data: new TextEncoder().encode(`${JSON.stringify(peaks)}\n`) });
  }

  return { id, input: { editionSource, timing, media: files, id }, germanWords: text.germanWords, sentences: text.sentences, timing };
}
