// The whole alignment, in the process that runs it (worker.ts): decode once, then window after
// window, each written to the work folder as soon as it is done, so a killed run resumes from the
// last finished window. Reports progress with an estimate of the time left.
import { findIssues } from './issues';
import { acceptWindow, initialCursor, planWindow, type Cursor } from './chunks';
import { decodeToPcm } from './decode';
import { ALIGN_RATE, readPcm } from './pcm';
import { AlignInputError, type AlignedSentence, type AlignProgress, type AlignmentResult, type SentenceInput } from './types';
import { alignWindow } from './window';
import { WorkFolder } from './work-folder';

// Speech runs at 10-20 characters a second (pauses included); far outside means the wrong text.
const MIN_CPS = 2.5;
const MAX_CPS = 45;
// Before the first window is done, assume this real-time factor for the estimate.
const PRIOR_RTF = 0.05;

export interface JobInput {
  audioFiles: string[];
  sentences: SentenceInput[];
  language: string;
  workDir: string;
  /** Names the text in error messages (the command passes the file). */
  textName?: string;
  /** Window length; the default suits long recordings, tests use short ones to get several windows. */
  windowSeconds?: number;
}

export async function runJob(input: JobInput, onProgress: (p: AlignProgress) => void, signal?: AbortSignal): Promise<AlignmentResult> {
  const sentences = input.sentences;
  if (!sentences.some((s) => /[\p{L}\p{N}]/u.test(s.text))) throw new AlignInputError(`${input.textName ?? 'the text'}: has no sentences to align`, input.textName);
  const work = new WorkFolder(input.workDir);
  await work.open(await WorkFolder.jobKey(input.audioFiles, input.sentences, input.language, input.windowSeconds));

  const started = performance.now();
  let decoded = await work.decoded();
  if (!decoded) {
    const { parts, samples } = await decodeToPcm(
      input.audioFiles,
      work.pcm,
      ({ bytesDone, bytesTotal }) => {
        const fraction = bytesTotal > 0 ? bytesDone / bytesTotal : 0;
        const elapsed = (performance.now() - started) / 1000;
        const decodeLeft = fraction > 0.02 ? (elapsed / fraction) * (1 - fraction) : null;
        onProgress({ phase: 'decode', fraction, secondsLeft: decodeLeft });
      },
      signal,
    );
    decoded = { parts, samples, duration: samples / ALIGN_RATE };
    await work.saveDecoded(decoded);
  }
  const duration = decoded.duration;
  const chars = sentences.map((s) => s.text.length);
  const total = chars.reduce((a, b) => a + b, 0);
  const cps = total / duration;
  const textName = input.textName ?? 'the text';
  if (cps > MAX_CPS) {
    throw new AlignInputError(
      `${textName}: far longer than the audio: ${total} characters for ${duration.toFixed(0)} s of audio (speech holds about ${Math.round(duration * 15)}); is it the right text, or is audio missing?`,
      input.textName,
    );
  }
  if (cps < MIN_CPS) {
    throw new AlignInputError(
      `${textName}: far shorter than the audio: ${total} characters for ${duration.toFixed(0)} s of audio (speech holds about ${Math.round(duration * 15)}); is it the whole text?`,
      input.textName,
    );
  }

  const done = await work.chunks();
  const aligned: AlignedSentence[] = done.flatMap((c) => c.sentences);
  let cursor: Cursor = done.at(-1)?.next ?? initialCursor(chars, duration);
  const alignStarted = performance.now();
  const audioAtStart = cursor.audio;
  while (cursor.sentence < sentences.length) {
    signal?.throwIfAborted();
    const window = planWindow(cursor, chars, duration, input.windowSeconds);
    const t0 = performance.now();
    const audio = await readPcm(work.pcm, window.audioStart * ALIGN_RATE, window.audioEnd * ALIGN_RATE);
    const placed = await alignWindow(audio, window.audioStart, sentences.slice(window.first, window.last), input.language);
    const { keep, next } = acceptWindow(window, placed, chars, cursor);
    const kept = placed.slice(0, keep).map(({ trusted: _t, ...s }) => s);
    await work.saveChunk({ index: done.length, window, sentences: kept, next, seconds: (performance.now() - t0) / 1000 });
    done.push({ index: done.length, window, sentences: kept, next, seconds: 0 });
    aligned.push(...kept);
    cursor = next;
    const fraction = Math.min(1, cursor.audio / duration);
    const spent = (performance.now() - alignStarted) / 1000;
    const doneAudio = cursor.audio - audioAtStart;
    const rate = doneAudio > 0 ? spent / doneAudio : PRIOR_RTF;
    onProgress({ phase: 'align', fraction, secondsLeft: Math.max(0, (duration - cursor.audio) * rate) });
  }
  const result: AlignmentResult = {
    duration: Math.round(duration * 1000) / 1000,
    parts: decoded.parts,
    sentences: aligned,
    issues: findIssues(sentences, aligned, duration, cps),
  };
  await work.saveResult(result);
  onProgress({ phase: 'done', fraction: 1, secondsLeft: 0 });
  return result;
}
