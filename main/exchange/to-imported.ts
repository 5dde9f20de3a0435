// What each reader gives, as the sentences importTrack (common/exchange/import-timing.ts) matches
// to an edition. Ids are kept only where they are the edition's own sentence ids; anything else
// (an SRT's cue numbers, a podcast segment) is matched by its text.
import type { ImportedSentence } from '../../common/exchange/import-timing';
import type { PodcastTranscript } from '../../common/exchange/podcast';
import type { SyncMap } from '../../common/exchange/syncmap';
import type { ReadCue } from './captions-read';
import type { EpubPar } from './epub-read';

const SENTENCE_ID = /^s\d{1,6}$/;

export function fromCues(cues: readonly ReadCue[], file: string): ImportedSentence[] {
  const ids = cues.every((c) => SENTENCE_ID.test(c.id));
  return cues.map((cue) => ({
    id: ids ? cue.id : null,
    text: cue.text,
    start: cue.start,
    end: cue.end,
    words: cue.words.map((w) => ({ start: w.start })),
    where: `${file}, line ${cue.line}`,
  }));
}

export function fromPodcast(transcript: PodcastTranscript, file: string): ImportedSentence[] {
  return transcript.segments.map((s, i) => ({ id: null, text: s.body, start: s.startTime, end: s.endTime, where: `${file}, segments[${i}]` }));
}

export function fromSyncMap(map: SyncMap, file: string): ImportedSentence[] {
  const ids = map.fragments.every((f) => SENTENCE_ID.test(f.id));
  return map.fragments.map((f) => ({
    id: ids ? f.id : null,
    text: f.lines.join(' '),
    start: Number(f.begin),
    end: Number(f.end),
    words: f.children.map((c) => ({ start: Number(c.begin), end: Number(c.end) })),
    where: `${file}, fragment ${f.id}`,
  }));
}

/** Our EPUB's fragments are "<lang>-<sentence id>"; another tool's are matched by text. */
export function fromEpub(pars: readonly EpubPar[], file: string): ImportedSentence[] {
  const ids = pars.every((p) => /^[a-z]{2}-s\d{1,6}$/.test(p.fragment));
  return pars.map((p) => ({
    id: ids ? p.fragment.slice(3) : null,
    text: p.text,
    start: p.clipBegin,
    end: p.clipEnd,
    where: `${file}, entry "${p.smil}", line ${p.line}`,
  }));
}
