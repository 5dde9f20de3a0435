// The compact form of the timings: lossless for times written in milliseconds, typed arrays for the
// player, and a check that refuses what is not whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactTiming, compactTimingProblem, expandTiming, trackTimes } from '../../../common/timing/compact';
import { buildTimeline } from '../../../common/timing/lookup';
import type { NarrationTrack, TimedTranscript } from '../../../common/timing/model';
import { buildNavigationIndex, navigationIndexOf } from '../../../common/timing/navigate';

function track(lang: 'de' | 'en', wordCounts: number[], step = 0.317): NarrationTrack {
  let t = 0.25;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const sentences = wordCounts.map((count, i) => {
    const start = round(t);
    const words: [number, number][] = [];
    for (let w = 0; w < count; w++) {
      words.push([round(t), round(t + step * 0.8)]);
      t += step;
    }
    const end = round(words.at(-1)?.[1] ?? start);
    t = end + 0.4;
    return { id: `s${i + 1}`, start, end, words };
  });
  return {
    lang,
    mediaId: `doc/${lang}.ogg`,
    mimeType: 'audio/ogg',
    duration: round(t + 1),
    peaksMediaId: `doc/${lang}.peaks.json`,
    sentences,
    paragraphs: [{ id: 'p1', start: sentences[0]!.start, end: sentences.at(-1)!.end }],
    chapters: [
      { id: 'ch1', start: sentences[0]!.start, end: sentences[0]!.end },
      { id: 'ch2', start: sentences.at(-1)!.start, end: sentences.at(-1)!.end },
    ],
  };
}

function timing(): TimedTranscript {
  return { format: 1, documentId: 'doc', editionHash: 'h', tracks: { de: track('de', [3, 0, 5, 1]), en: track('en', [2, 4]) } };
}

describe('the compact form of the timings', () => {
  it('gives back exactly the times it was made from', () => {
    const original = timing();
    expect(expandTiming(compactTiming(original))).toEqual(original);
  });

  it('survives JSON (the bridge and the cache) unchanged', () => {
    const compact = compactTiming(timing());
    expect(JSON.parse(JSON.stringify(compact))).toEqual(compact);
    expect(compactTimingProblem(JSON.parse(JSON.stringify(compact)))).toBeNull();
  });

  it('is lossless for any times in whole milliseconds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 2000 }), (counts, stepMs) => {
        const original: TimedTranscript = { format: 1, documentId: 'doc', editionHash: 'h', tracks: { de: track('de', counts, stepMs / 1000) } };
        expect(expandTiming(compactTiming(original))).toEqual(original);
      }),
    );
  });

  it('holds numbers, not an object per word', () => {
    const compact = compactTiming(timing()).tracks.de!;
    expect(compact.wordCounts).toEqual([3, 0, 5, 1]);
    expect(compact.wordTimes).toHaveLength(2 * 9);
    expect(compact.wordTimes.every((n) => Number.isInteger(n))).toBe(true);
    expect(compact.sentenceIds).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('reads into typed arrays equal to the look-up built from the object form', () => {
    const original = timing().tracks.de!;
    const times = trackTimes(compactTiming(timing()).tracks.de!);
    const built = buildTimeline(original.sentences, original.duration);
    expect(times.wordStarts).toBeInstanceOf(Float64Array);
    expect(times.wordStarts).toEqual(built.wordStarts);
    expect(times.wordEnds).toEqual(built.wordEnds);
    expect(times.sentenceStarts).toEqual(built.sentenceStarts);
    expect(times.sentenceEnds).toEqual(built.sentenceEnds);
    expect(times.firstWord).toEqual(built.firstWord);
    expect(Array.from(times.chapterStarts)).toEqual(original.chapters.map((c) => c.start));
  });

  it('gives the same navigation index as the object form', () => {
    const original = timing().tracks.en!;
    const fromCompact = navigationIndexOf(compactTiming(timing()).tracks.en!);
    const fromObjects = buildNavigationIndex(original);
    expect(fromCompact.starts).toEqual(fromObjects.starts);
    expect(fromCompact.ids).toEqual(fromObjects.ids);
    expect(fromCompact.timeline.wordSentence).toEqual(fromObjects.timeline.wordSentence);
    expect(fromCompact.timeline.sentenceIndex).toEqual(fromObjects.timeline.sentenceIndex);
    expect(fromCompact.duration).toBe(original.duration);
  });
});

describe('an aligned recording\'s compact form', () => {
  it('keeps each sentence\'s confidence and which are estimated, and the audio type of an M4A', () => {
    const de = track('de', [3, 0, 5, 1]);
    const aligned: NarrationTrack = {
      ...de,
      mediaId: 'doc/de.m4a',
      mimeType: 'audio/mp4',
      sentences: de.sentences.map((s, i) => ({ ...s, confidence: [0.92, 0, 0.41, 1][i]!, ...(i === 1 ? { estimated: true as const } : {}) })),
    };
    const original: TimedTranscript = { format: 1, documentId: 'doc', editionHash: 'h', tracks: { de: aligned } };
    const compact = JSON.parse(JSON.stringify(compactTiming(original))) as ReturnType<typeof compactTiming>;
    expect(compact.tracks.de!.sentenceConfidence).toEqual([92, 0, 41, 100]);
    expect(compact.tracks.de!.estimatedSentences).toEqual([1]);
    expect(compactTimingProblem(compact)).toBeNull();
    expect(expandTiming(compact)).toEqual(original);
    // An exact narration carries neither.
    expect(compactTiming(timing()).tracks.de).not.toHaveProperty('sentenceConfidence');
    expect(compactTimingProblem({ ...compact, tracks: { de: { ...compact.tracks.de!, estimatedSentences: [9] } } })).toBe('de: estimatedSentences holds an index that is not a sentence\'s');
    expect(compactTimingProblem({ ...compact, tracks: { de: { ...compact.tracks.de!, sentenceConfidence: [1, 2, 300, 4] } } })).toBe('de: sentenceConfidence holds a value outside -1..100');
  });
});

describe('checking a compact form that arrives', () => {
  const good = () => JSON.parse(JSON.stringify(compactTiming(timing()))) as Record<string, any>;
  /** A good value with one thing broken. */
  const broken = (change: (value: Record<string, any>) => void) => () => {
    const value = good();
    change(value);
    return value;
  };

  it('accepts a whole one', () => {
    expect(compactTimingProblem(good())).toBeNull();
  });

  it.each([
    ['not an object', () => 'timings', /not an object/],
    ['another format', () => ({ ...good(), format: 2 }), /format 1/],
    ['no tracks', () => ({ ...good(), tracks: {} }), /no narration track/],
    ['an unknown language', () => ({ ...good(), tracks: { fr: good().tracks.de } }), /not a narration language/],
    ['a track under the wrong language', () => ({ ...good(), tracks: { en: good().tracks.de } }), /says its language/],
    ['word times missing', broken((value) => { value.tracks.de.wordTimes.pop(); }), /wordTimes has 17 entries, not 18/],
    ['a word count that is not whole', broken((value) => { value.tracks.de.wordCounts[1] = 0.5; }), /wordCounts\[1\]/],
    ['a time that is not a number', broken((value) => { value.tracks.en.sentenceTimes[0] = '12'; }), /sentenceTimes\[0\]/],
    ['a missing sentence id', broken((value) => { value.tracks.de.sentenceIds[2] = ''; }), /sentenceIds\[2\]/],
    ['no audio', broken((value) => { delete value.tracks.de.mediaId; }), /no audio/],
  ])('refuses %s', (_, make, problem) => {
    expect(compactTimingProblem(make())).toMatch(problem);
  });
});
