// Says where audio and text disagree, from the untimed sentences and the gaps between timed ones.
// A run of untimed sentences sits between two timed neighbours; comparing the audio between them
// with what the run's text should take tells which way the disagreement goes. Pure.
import type { AlignedSentence, AlignmentIssue, SentenceInput } from './types';

/** Audio without text longer than this between two timed sentences is reported. */
const LONG_GAP = 6;

function clock(t: number): string {
  const s = Math.max(0, Math.round(t));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}

export function findIssues(inputs: readonly SentenceInput[], aligned: readonly AlignedSentence[], duration: number, charsPerSecond: number): AlignmentIssue[] {
  const issues: AlignmentIssue[] = [];
  let k = 0;
  let prevEnd = 0;
  while (k < aligned.length) {
    const s = aligned[k]!;
    if (s.start !== null && s.end !== null) {
      if (s.start - prevEnd > LONG_GAP) {
        issues.push({
          kind: 'audio-without-text',
          sentenceIds: [],
          start: prevEnd,
          end: s.start,
          message: `The audio from ${clock(prevEnd)} to ${clock(s.start)} matches no sentence of the text (an introduction, music or a passage the text lacks).`,
        });
      }
      prevEnd = s.end;
      k++;
      continue;
    }
    let j = k;
    while (j < aligned.length && aligned[j]!.start === null) j++;
    const ids = aligned.slice(k, j).map((x) => x.id);
    const nextStart = j < aligned.length ? aligned[j]!.start! : duration;
    const chars = inputs.slice(k, j).reduce((n, x) => n + x.text.length, 0);
    const expected = chars / charsPerSecond;
    const available = Math.max(0, nextStart - prevEnd);
    const which = ids.length === 1 ? `Sentence ${ids[0]}` : `Sentences ${ids[0]} to ${ids[ids.length - 1]}`;
    let kind: AlignmentIssue['kind'] = 'mismatch';
    let message = `${which}: the audio from ${clock(prevEnd)} to ${clock(nextStart)} does not match the text well enough to time it; left untimed.`;
    // Several seconds more audio than the text needs: the audio holds something the text lacks.
    if (available - expected > Math.max(4, expected * 0.8)) {
      kind = 'audio-without-text';
      message = `${which}: the audio from ${clock(prevEnd)} to ${clock(nextStart)} holds more than this text (an introduction, or speech the text lacks); left untimed.`;
    } else if (available < expected * 0.5) {
      kind = 'text-without-audio';
      message = `${which}: not found in the audio (about ${Math.round(expected)} s of text, ${Math.round(available)} s of audio between ${clock(prevEnd)} and ${clock(nextStart)}); left untimed.`;
    }
    issues.push({ kind, sentenceIds: ids, start: prevEnd, end: nextStart, message });
    // The stretch up to the next timed sentence is reported; its start is no second gap.
    prevEnd = nextStart;
    k = j;
  }
  if (duration - prevEnd > LONG_GAP && aligned.some((s) => s.end !== null)) {
    issues.push({
      kind: 'audio-without-text',
      sentenceIds: [],
      start: prevEnd,
      end: duration,
      message: `The audio from ${clock(prevEnd)} to the end (${clock(duration)}) matches no sentence of the text.`,
    });
  }
  return issues;
}
