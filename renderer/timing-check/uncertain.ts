// Which sentences of an aligned recording a listener should check: those the aligner could not
// place (their times are estimated from their neighbours) and those it placed with low confidence.
// A learner checks ten sentences, not a thousand. Pure, for the list and the waveform marks.
import type { Edition, Lang } from '../../common/edition/model';
import { narratedText, type NarrationTrack } from '../../common/timing/model';

/** Below this the aligner's match is weak enough to be worth a listen. */
export const LOW_CONFIDENCE = 0.5;

export interface UncertainSentence {
  id: string;
  start: number;
  text: string;
  reason: 'estimated' | 'low-confidence';
  confidence: number | null;
}

export function uncertainSentences(edition: Edition, track: NarrationTrack, lang: Lang): UncertainSentence[] {
  const byId = new Map(edition.sentences.map((s) => [s.id, s]));
  return track.sentences.flatMap((timed) => {
    const sentence = byId.get(timed.id);
    if (!sentence) return [];
    const low = timed.confidence !== undefined && timed.confidence < LOW_CONFIDENCE;
    if (!timed.estimated && !low) return [];
    return [{ id: timed.id, start: timed.start, text: narratedText(sentence, lang), reason: timed.estimated ? 'estimated' : 'low-confidence', confidence: timed.confidence ?? null }];
  });
}
