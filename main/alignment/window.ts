// One window: its audio and sentences in, timed sentences (absolute seconds) with confidence out.
// echogarden's words are mapped onto the app's own words (common/text/words.ts, the tokenizer the
// player lights), sentence edges are moved to the pauses around them (snap.ts), and each sentence
// is judged against its reference (confidence.ts). A sentence below UNTIMED stays untimed: its
// times would be a guess smeared over audio that does not match it.
import { splitWords } from '../../common/text/words';
import { confidenceOf, matchScore, TRUSTED } from './confidence';
import { alignChunk } from './engine';
import { ALIGN_RATE } from './pcm';
import { loudness, snapEnd, snapStart } from './snap';
import type { AlignedSentence, SentenceInput } from './types';

export const UNTIMED = 0.2;

export interface WindowSentence extends AlignedSentence {
  trusted: boolean;
}

function median(values: number[]): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length === 0 ? 1 : s[Math.floor(s.length / 2)]!;
}

export async function alignWindow(audio: Float32Array, offset: number, sentences: readonly SentenceInput[], language: string): Promise<WindowSentence[]> {
  const starts: number[] = [];
  let transcript = '';
  for (const s of sentences) {
    if (transcript !== '') transcript += '\n\n';
    starts.push(transcript.length);
    transcript += s.text;
  }
  const t0 = performance.now();
  const { words, reference } = await alignChunk(audio, transcript, language);
  const t1 = performance.now();

  const level = loudness(audio, ALIGN_RATE);
  const duration = audio.length / ALIGN_RATE;
  const raw = sentences.map((sentence, k) => {
    const from = starts[k]!;
    const to = from + sentence.text.length;
    const mine = words.filter((w) => w.startOffset >= from && w.startOffset < to && w.end > w.start - 1e-9);
    const appWords = splitWords(sentence.text).map((span) => {
      const hit = mine.filter((w) => w.startOffset < from + span.end && w.endOffset > from + span.start);
      return { text: span.text, start: hit[0]?.start ?? null, end: hit[hit.length - 1]?.end ?? null };
    });
    const first = mine[0];
    const last = mine[mine.length - 1];
    return {
      sentence,
      appWords,
      start: first?.start ?? null,
      end: last?.end ?? null,
      refStart: first?.refStart ?? 0,
      refEnd: last?.refEnd ?? 0,
    };
  });

  // Snap edges to pauses, each within its neighbours so sentences never overlap.
  let floor = 0;
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k]!;
    if (r.start === null || r.end === null) continue;
    const nextStart = raw.slice(k + 1).find((x) => x.start !== null)?.start ?? duration;
    const firstWordEnd = r.appWords.find((w) => w.end !== null)?.end ?? r.end;
    const lastWordStart = [...r.appWords].reverse().find((w) => w.start !== null)?.start ?? r.start;
    r.start = snapStart(level, r.start, floor, Math.min(firstWordEnd, r.end));
    r.end = Math.max(r.start, snapEnd(level, r.end, Math.max(r.start, lastWordStart), nextStart));
    floor = r.end;
    const timed = r.appWords.filter((w) => w.start !== null);
    if (timed[0]) timed[0].start = r.start;
    const lastTimed = [...r.appWords].reverse().find((w) => w.end !== null);
    if (lastTimed) lastTimed.end = Math.max(lastTimed.start ?? r.start, r.end);
    for (const w of r.appWords) {
      if (w.start !== null) w.start = Math.min(Math.max(w.start, r.start), r.end);
      if (w.end !== null) w.end = Math.min(Math.max(w.end, r.start), r.end);
    }
  }

  const ratios = raw.map((r) => (r.start !== null && r.end !== null && r.refEnd > r.refStart ? (r.end - r.start) / (r.refEnd - r.refStart) : Number.NaN));
  const typical = median(ratios);
  const scores: number[] = [];
  for (const r of raw) {
    scores.push(
      r.start !== null && r.end !== null && r.end > r.start
        ? await matchScore(
            audio.subarray(Math.floor(r.start * ALIGN_RATE), Math.ceil(r.end * ALIGN_RATE)),
            reference.subarray(Math.floor(r.refStart * ALIGN_RATE), Math.ceil(r.refEnd * ALIGN_RATE)),
          )
        : Number.NaN,
    );
  }
  if (process.env.ALIGN_DEBUG) console.error(`window: dtw ${(t1 - t0).toFixed(0)} ms, confidence ${(performance.now() - t1).toFixed(0)} ms`);
  // Typical for this recording; with very few sentences, the fixture's typical score stands in.
  const typicalScore = scores.filter(Number.isFinite).length >= 4 ? median(scores) : 0.86;
  const out: WindowSentence[] = [];
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k]!;
    const confidence = Number.isFinite(scores[k]!) ? confidenceOf(scores[k]!, typicalScore, ratios[k]!, typical) : 0;
    if (process.env.ALIGN_DEBUG) console.error(r.sentence.id, scores[k]!.toFixed(3), (ratios[k]! / typical).toFixed(2), confidence);
    const timed = confidence >= UNTIMED;
    const shift = (t: number | null) => (timed && t !== null ? Math.round((t + offset) * 1000) / 1000 : null);
    out.push({
      id: r.sentence.id,
      start: shift(r.start),
      end: shift(r.end),
      confidence,
      trusted: confidence >= TRUSTED,
      words: r.appWords.map((w) => ({ text: w.text, start: shift(w.start), end: shift(w.end) })),
    });
  }
  return out;
}
