// Which sentences of an aligned recording a listener should check: those the aligner could not
// place (their times are estimated from their neighbours) and those it placed with low confidence.
// A learner checks ten sentences, not a thousand. Pure, for the list and the waveform marks.
import type { Edition, Lang } from '../../common/edition/model';
import { trackTimes, type CompactTrack } from '../../common/timing/compact';
import { narratedText } from '../../common/timing/model';

/** Below this the aligner's match is weak enough to be worth a listen. */
export const LOW_CONFIDENCE = 0.5;

export interface UncertainSentence {
  id: string;
  start: number;
  text: string;
  reason: 'estimated' | 'low-confidence';
  confidence: number | null;
}

export function uncertainSentences(edition: Edition, track: CompactTrack, lang: Lang): UncertainSentence[] {
  const confidence = track.sentenceConfidence;
  const estimated = new Set(track.estimatedSentences ?? []);
  // An exact narration carries neither: nothing to check, nothing to unpack.
  if (!confidence && estimated.size === 0) return [];
  const byId = new Map(edition.sentences.map((s) => [s.id, s]));
  const starts = trackTimes(track).sentenceStarts;
  return track.sentenceIds.flatMap((id, i) => {
    const sentence = byId.get(id);
    const percent = confidence?.[i] ?? -1;
    const known = percent >= 0 ? percent / 100 : null;
    const low = known !== null && known < LOW_CONFIDENCE;
    if (!sentence || (!estimated.has(i) && !low)) return [];
    return [{ id, start: starts[i]!, text: narratedText(sentence, lang), reason: estimated.has(i) ? 'estimated' : 'low-confidence', confidence: known }];
  });
}
