// An aligned recording becomes a track the app's own timing check accepts: aligned times kept,
// untimed runs spread over the gap between their neighbours (by length) and flagged, words the
// aligner did not place spread inside their sentence, confidences carried.
import { describe, expect, it } from 'vitest';
import { writeEdition } from '../../../common/edition/write';
import { parseEdition } from '../../../common/edition/parse';
import { splitSentences } from '../../../common/text/sentences';
import { textToEdition } from '../../../common/text/text-edition';
import { splitWords } from '../../../common/text/words';
import { trackFromAlignment, type AlignedInput } from '../../../common/timing/from-alignment';
import { parseTimedTranscript } from '../../../common/timing/model';

const TEXT = 'Erster Satz hier. Ein zweiter, viel längerer Satz steht hier. Kurz. Der letzte Satz.';
const parsed = parseEdition(writeEdition(textToEdition({ title: 'T', text: TEXT, format: 'plain', language: 'de' }, 'doc-1', splitSentences, { titleIsRead: false })), 'test');
if (!parsed.ok) throw new Error('edition');
const edition = parsed.edition;
const media = { mediaId: 'doc-1/de.mp3', mimeType: 'audio/mpeg' as const, duration: 20, peaksMediaId: 'doc-1/de.peaks.json' };

function timed(id: string, start: number, end: number, confidence = 0.9): AlignedInput {
  const text = edition.sentences.find((s) => s.id === id)!.de;
  const words = splitWords(text);
  const step = (end - start) / words.length;
  return { id, start, end, confidence, words: words.map((_, i) => ({ start: start + i * step, end: start + (i + 1) * step })) };
}
const untimed = (id: string): AlignedInput => ({ id, start: null, end: null, confidence: 0.1, words: splitWords(edition.sentences.find((s) => s.id === id)!.de).map(() => ({ start: null, end: null })) });

describe('trackFromAlignment', () => {
  it('keeps aligned times and confidences, and the result passes the timing check', () => {
    const ids = edition.sentences.map((s) => s.id);
    expect(ids).toHaveLength(4);
    const aligned = [timed(ids[0]!, 0.5, 2), timed(ids[1]!, 2.5, 7, 0.64), timed(ids[2]!, 7.2, 8), timed(ids[3]!, 8.5, 10)];
    const result = trackFromAlignment(edition, aligned, 20, media);
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.track.sentences.map((s) => [s.start, s.end])).toEqual([[0.5, 2], [2.5, 7], [7.2, 8], [8.5, 10]]);
    expect(result.track.sentences[1]!.confidence).toBe(0.64);
    expect(result.estimatedSentences).toBe(0);
    expect(result.track.chapters).toEqual([{ id: edition.chapters[0]!.id, start: 0.5, end: 10 }]);
    expect(parseTimedTranscript({ format: 1, documentId: 'doc-1', editionHash: 'x', tracks: { de: result.track } }, edition).ok).toBe(true);
  });

  it('spreads an untimed run over the gap by length, flags it, and spreads words the aligner missed', () => {
    const ids = edition.sentences.map((s) => s.id);
    const second = timed(ids[0]!, 0.5, 2);
    second.words[1] = { start: null, end: null };
    const aligned = [second, untimed(ids[1]!), untimed(ids[2]!), timed(ids[3]!, 12, 14)];
    const result = trackFromAlignment(edition, aligned, 20, media);
    if (!result.ok) throw new Error(result.problems.join('; '));
    const [a, b, c, d] = result.track.sentences;
    expect(b).toMatchObject({ start: 2, estimated: true, confidence: 0.1 });
    expect(c).toMatchObject({ end: 12, estimated: true });
    // The longer sentence gets the larger share of the 10 s gap.
    const lengthB = edition.sentences[1]!.de.length;
    const lengthC = edition.sentences[2]!.de.length;
    expect(b!.end).toBeCloseTo(2 + (10 * lengthB) / (lengthB + lengthC), 2);
    expect(c!.start).toBe(b!.end);
    expect(a!.estimated).toBeUndefined();
    expect(d!.estimated).toBeUndefined();
    expect(result.estimatedSentences).toBe(2);
    expect(result.estimatedWords).toBeGreaterThanOrEqual(1 + splitWords(edition.sentences[1]!.de).length - 1);
    expect(parseTimedTranscript({ format: 1, documentId: 'doc-1', editionHash: 'x', tracks: { de: result.track } }, edition).ok).toBe(true);
  });

  it('gives an untimed end of the text the rest of the recording', () => {
    const ids = edition.sentences.map((s) => s.id);
    const result = trackFromAlignment(edition, [timed(ids[0]!, 1, 2), timed(ids[1]!, 3, 4), untimed(ids[2]!), untimed(ids[3]!)], 20, media);
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.track.sentences.at(-1)).toMatchObject({ end: 20, estimated: true });
  });
});
