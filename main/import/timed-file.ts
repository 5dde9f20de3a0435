// A timed-text file the user brings with a recording (WebVTT, SRT, a Podcasting 2.0 transcript or
// an aeneas-style sync map), read with the exchange readers into timed cues and their speakers; or
// an EPUB 3 with Media Overlays (Storyteller's, ours), which brings its recording along: its audio
// files, in the order the overlays play them, and its chapters' headings. Every refusal names the
// file and the line or entry (the readers' own messages).
import { BridgeError } from '../../common/bridge/contract';
import type { CueHeading } from '../../common/exchange/cue-text';
import type { ImportedSentence } from '../../common/exchange/import-timing';
import { audioKindOf } from '../../common/timing/audio-types';
import { readPodcastTranscript } from '../../common/exchange/podcast-read';
import { readSyncMap } from '../../common/exchange/syncmap-read';
import { readCaptions } from '../exchange/captions-read';
import { DEFAULT_LIMITS, ImportError, readTextLimited } from '../exchange/limits';
import type { EpubPackage } from '../exchange/epub-archive';
import { overlaysOf } from '../exchange/epub-read';
import { openBook } from './book-text';
import { fromCues, fromEpub, fromPodcast, fromSyncMap } from '../exchange/to-imported';

export interface TimedFile {
  cues: ImportedSentence[];
  /** Per cue, its speaker as the file names it, or null. */
  speakers: (string | null)[];
  /** What the file times: sentences only, or words as well (WebVTT inline timestamps, sync maps). */
  words: boolean;
  /** Chapter headings the file gives (an EPUB's). */
  headings: readonly CueHeading[];
  /**
   * The recording the file brings (an EPUB with Media Overlays): its audio files in the order they
   * play, and for each cue the file its times are in (its times count from that file's start).
   */
  recording: { parts: { name: string; entry: string }[]; partOfCue: number[]; audio: ReadonlyMap<string, Uint8Array> } | null;
  /** The title and language a book declares (an EPUB's metadata); absent for other files. */
  declared?: { title: string | null; language: string | null };
}

const NO_RECORDING: Pick<TimedFile, 'headings' | 'recording'> = { headings: [], recording: null };

/**
 * The cues on the recording's one timeline: a cue of an EPUB's n-th audio file moves by where that
 * file starts once the files are joined (`partStarts`, from decoding them).
 */
export function cuesOnTimeline(file: TimedFile, partStarts: readonly number[]): ImportedSentence[] {
  if (!file.recording) return file.cues;
  const { partOfCue } = file.recording;
  return file.cues.map((cue, i) => {
    const offset = partStarts[partOfCue[i]!] ?? 0;
    return { ...cue, start: cue.start + offset, end: cue.end + offset };
  });
}

/**
 * An opened EPUB's Media Overlays as timed text with its recording, or null when the book has none
 * (its text is then read as a book's). The audio's bytes are there when the book was opened with its
 * media (for the import; the dialog only shows the text). Every sentence must be narrated: a <par>
 * without audio is refused.
 */
export function epubTimedText(opened: EpubPackage, name: string): TimedFile | null {
  let book;
  try {
    book = overlaysOf(opened);
  } catch (error) {
    if (error instanceof ImportError) refuse([error.message]);
    throw error;
  }
  const overlays = book.overlays.filter((o) => o.pars.length > 0);
  if (overlays.length === 0) return null;
  const parts: NonNullable<TimedFile['recording']>['parts'] = [];
  const partIndex = new Map<string, number>();
  const pars = overlays.flatMap((o) => o.pars);
  const silent = pars.find((p) => p.audioFile === '');
  if (silent) refuse([`${name}, entry "${silent.smil}", line ${silent.line}: this sentence has no audio; Mitlesen imports a book with read-aloud audio when every sentence of it is narrated.`]);
  const partOfCue = pars.map((par) => {
    let index = partIndex.get(par.audioFile);
    if (index === undefined) {
      const extension = par.audioFile.slice(par.audioFile.lastIndexOf('.') + 1).toLowerCase();
      if (!audioKindOf(par.audioFile)) refuse([`${name}: its audio "${par.audioFile}" is not in a format Mitlesen plays (MP3, M4A, Ogg, Opus, FLAC or WAV).`]);
      index = parts.length;
      partIndex.set(par.audioFile, index);
      parts.push({ name: `part-${String(index + 1).padStart(4, '0')}.${extension}`, entry: par.audioFile });
    }
    return index;
  });
  const headings: CueHeading[] = [];
  let before = 0;
  for (const overlay of overlays) {
    if (overlay.heading) headings.push({ before, title: overlay.heading });
    before += overlay.pars.length;
  }
  return {
    cues: fromEpub(pars, name),
    speakers: pars.map(() => null),
    words: false,
    headings,
    recording: { parts, partOfCue, audio: book.audio },
    declared: { title: book.title.trim() || null, language: book.languages[0] ?? null },
  };
}

function refuse(problems: readonly string[]): never {
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : '';
  throw new BridgeError('invalid-argument', `${problems.slice(0, 3).join('; ')}${more}`);
}

export async function readTimedFile(path: string, name: string): Promise<TimedFile> {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (extension === 'epub') {
    const book = epubTimedText(await openBook(path, name, { media: true }), name);
    if (!book) refuse([`${name}: the book has no Media Overlays (read-aloud audio with its times); choose it as the text of a recording instead.`]);
    return book;
  }
  let text: string;
  try {
    text = await readTextLimited(path, DEFAULT_LIMITS.textBytes);
  } catch (error) {
    if (error instanceof ImportError) refuse([error.message.replace(/^[^:]*:/, `${name}:`)]);
    throw error;
  }
  if (extension === 'vtt' || extension === 'srt') {
    const read = await readCaptions(text, extension, name);
    if (!read.ok) refuse(read.problems);
    const cues = fromCues(read.cues, name);
    return { cues, speakers: read.cues.map((c) => c.voice), words: read.cues.some((c) => c.words.some((w) => w.start !== null)), ...NO_RECORDING };
  }
  if (extension === 'json') {
    // A sync map has "fragments", a podcast transcript "segments": the file says which it is.
    if (/"fragments"\s*:/.test(text)) {
      const read = readSyncMap(text, name);
      if (!read.ok) refuse(read.problems);
      return { cues: fromSyncMap(read.value, name), speakers: read.value.fragments.map(() => null), words: read.value.fragments.some((f) => f.children.length > 0), ...NO_RECORDING };
    }
    const read = readPodcastTranscript(text, name);
    if (!read.ok) refuse(read.problems);
    return { cues: fromPodcast(read.value, name), speakers: read.value.segments.map((s) => s.speaker ?? null), words: false, ...NO_RECORDING };
  }
  throw new BridgeError('invalid-argument', `${name}: not a timed-text file Mitlesen reads (WebVTT .vtt, SRT .srt, or a Podcasting 2.0 transcript or sync map .json).`);
}
