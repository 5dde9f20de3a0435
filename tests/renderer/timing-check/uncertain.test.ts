// The sentences a listener is asked to check: estimated ones and weak matches, in reading order,
// with their text in the track's language; exact narrations give none.
import { describe, expect, it } from 'vitest';
import { compactTrack } from '../../../common/timing/compact';
import type { NarrationTrack } from '../../../common/timing/model';
import { LOW_CONFIDENCE, uncertainSentences } from '../../../renderer/timing-check/uncertain';
import { smallEdition } from '../../main/notes/helpers';

const edition = smallEdition();
const sentences = edition.sentences.slice(0, 4);
const track = (extra: Partial<NarrationTrack['sentences'][number]>[]) => compactTrack({
  lang: 'de',
  mediaId: 'x/de.mp3',
  mimeType: 'audio/mpeg',
  duration: 10,
  peaksMediaId: 'x/de.peaks.json',
  sentences: sentences.map((s, i) => ({ id: s.id, start: i * 2, end: i * 2 + 1, words: [], ...extra[i] })),
  paragraphs: [],
  chapters: [],
} satisfies NarrationTrack);

describe('uncertainSentences', () => {
  it('lists estimated sentences and weak matches, nothing else', () => {
    const list = uncertainSentences(edition, track([{ confidence: 0.9 }, { estimated: true, confidence: 0 }, { confidence: LOW_CONFIDENCE - 0.01 }, { confidence: LOW_CONFIDENCE }]), 'de');
    expect(list).toEqual([
      { id: sentences[1]!.id, start: 2, text: sentences[1]!.de, reason: 'estimated', confidence: 0 },
      { id: sentences[2]!.id, start: 4, text: sentences[2]!.de, reason: 'low-confidence', confidence: Math.round((LOW_CONFIDENCE - 0.01) * 100) / 100 },
    ]);
  });

  it('gives nothing for a narration with exact times (no confidence at all)', () => {
    expect(uncertainSentences(edition, track([]), 'de')).toEqual([]);
  });
});
