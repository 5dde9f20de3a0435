// A timed-text file the user brings with a recording (WebVTT, SRT, a Podcasting 2.0 transcript or
// an aeneas-style sync map), read with the exchange readers into timed cues and their speakers.
// Every refusal names the file and the line or entry (the readers' own messages).
import { BridgeError } from '../../common/bridge/contract';
import type { ImportedSentence } from '../../common/exchange/import-timing';
import { readPodcastTranscript } from '../../common/exchange/podcast-read';
import { readSyncMap } from '../../common/exchange/syncmap-read';
import { readCaptions } from '../exchange/captions-read';
import { DEFAULT_LIMITS, ImportError, readTextLimited } from '../exchange/limits';
import { fromCues, fromPodcast, fromSyncMap } from '../exchange/to-imported';

export interface TimedFile {
  cues: ImportedSentence[];
  /** Per cue, its speaker as the file names it, or null. */
  speakers: (string | null)[];
  /** What the file times: sentences only, or words as well (WebVTT inline timestamps, sync maps). */
  words: boolean;
}

function refuse(problems: readonly string[]): never {
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : '';
  throw new BridgeError('invalid-argument', `${problems.slice(0, 3).join('; ')}${more}`);
}

export async function readTimedFile(path: string, name: string): Promise<TimedFile> {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
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
    return { cues, speakers: read.cues.map((c) => c.voice), words: read.cues.some((c) => c.words.some((w) => w.start !== null)) };
  }
  if (extension === 'json') {
    // A sync map has "fragments", a podcast transcript "segments": the file says which it is.
    if (/"fragments"\s*:/.test(text)) {
      const read = readSyncMap(text, name);
      if (!read.ok) refuse(read.problems);
      return { cues: fromSyncMap(read.value, name), speakers: read.value.fragments.map(() => null), words: read.value.fragments.some((f) => f.children.length > 0) };
    }
    const read = readPodcastTranscript(text, name);
    if (!read.ok) refuse(read.problems);
    return { cues: fromPodcast(read.value, name), speakers: read.value.segments.map((s) => s.speaker ?? null), words: false };
  }
  throw new BridgeError('invalid-argument', `${name}: not a timed-text file Mitlesen reads (WebVTT .vtt, SRT .srt, or a Podcasting 2.0 transcript or sync map .json).`);
}
