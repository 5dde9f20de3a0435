// An aligned recording (main/alignment) turned into a narration track the player reads like the
// bundled one. The aligner leaves sentences untimed where audio and text disagree rather than
// smear times over them; a track needs a time for every sentence (the player finds sentences by
// binary search), so an untimed run gets the stretch between its timed neighbours, spread by
// length, and is flagged `estimated` for the transcript to mark. Pure: no Node, no DOM.
import type { Edition } from '../edition/model';
import { importTrack, type ImportedSentence, type TrackMedia } from '../exchange/import-timing';
import type { NarrationTrack } from './model';

export interface AlignedInput {
  id: string;
  start: number | null;
  end: number | null;
  confidence: number;
  words: { start: number | null; end: number | null }[];
}

export type AlignedTrackResult =
  | { ok: true; track: NarrationTrack; estimatedSentences: number; estimatedWords: number }
  | { ok: false; problems: string[] };

const round = (t: number) => Math.round(t * 1000) / 1000;

/** Times for every sentence: the aligner's where it has them, spread over the gap where not. */
function fillGaps(sentences: readonly AlignedInput[], lengths: readonly number[], duration: number): { start: number; end: number; estimated: boolean }[] {
  const out: { start: number; end: number; estimated: boolean }[] = [];
  let i = 0;
  while (i < sentences.length) {
    const s = sentences[i]!;
    if (s.start !== null && s.end !== null) {
      out.push({ start: s.start, end: s.end, estimated: false });
      i++;
      continue;
    }
    let j = i;
    while (j < sentences.length && (sentences[j]!.start === null || sentences[j]!.end === null)) j++;
    const from = out.at(-1)?.end ?? 0;
    const to = j < sentences.length ? sentences[j]!.start! : duration;
    const weights = lengths.slice(i, j).map((n) => Math.max(1, n));
    const total = weights.reduce((a, b) => a + b, 0);
    let at = from;
    for (let k = i; k < j; k++) {
      const next = at + ((Math.max(to, from) - from) * weights[k - i]!) / total;
      out.push({ start: at, end: next, estimated: true });
      at = next;
    }
    i = j;
  }
  return out;
}

/** Builds the German track of `edition` from aligned sentences in its reading order. */
export function trackFromAlignment(edition: Edition, aligned: readonly AlignedInput[], duration: number, media: TrackMedia): AlignedTrackResult {
  const byId = new Map(edition.sentences.map((s) => [s.id, s]));
  const texts = aligned.map((s) => byId.get(s.id)?.de ?? '');
  const times = fillGaps(aligned, texts.map((t) => t.length), duration);
  const imported: ImportedSentence[] = aligned.map((s, i) => ({
    id: s.id,
    text: texts[i]!,
    start: round(times[i]!.start),
    end: round(Math.max(times[i]!.start, times[i]!.end)),
    words: times[i]!.estimated ? undefined : s.words.map((w) => ({ start: w.start === null ? null : round(w.start), end: w.end === null ? null : round(w.end) })),
    where: `sentence ${s.id}`,
  }));
  const built = importTrack(edition, 'de', imported, media);
  if (!built.ok) return built;
  const estimated = new Set(aligned.filter((_, i) => times[i]!.estimated).map((s) => s.id));
  const confidence = new Map(aligned.map((s) => [s.id, Math.round(Math.min(1, Math.max(0, s.confidence)) * 100) / 100]));
  const sentences = built.track.sentences.map((s) => ({ ...s, confidence: confidence.get(s.id) ?? 0, ...(estimated.has(s.id) ? { estimated: true as const } : {}) }));
  return { ok: true, track: { ...built.track, sentences }, estimatedSentences: estimated.size, estimatedWords: built.estimatedWords };
}
