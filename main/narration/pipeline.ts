// The narration of one edition in one language: sentence by sentence through the engine, trimmed
// to its sounding part, joined with pauses that follow the text's structure, and timed per word.
//
// Sentences are synthesized one at a time so that the pauses between them are ours (short within a
// paragraph, longer at a new speaker, longest at a chapter) and each sentence's word events start
// from zero. Pauses inside a sentence (commas, dashes) are the engine's own.

import { speaksSlotLanguage } from '../../common/edition/language-tags';
import type { Edition, Lang, Paragraph } from '../../common/edition/model';
import { narratedSentences, narratedText } from '../../common/timing/model';
import { mapWordTimes } from './align';
import type { SpeechEngine, VoiceSettings } from './engine';
import { toSpokenText } from './normalize';
import { stretchPauses } from './pauses';
import type { NarrationSettings, VoiceRole } from './settings';

export interface TrackTimes {
  sentences: { id: string; start: number; end: number; words: [number, number][] }[];
  paragraphs: { id: string; start: number; end: number }[];
  chapters: { id: string; start: number; end: number }[];
}

export interface BuiltTrack extends TrackTimes {
  lang: Lang;
  sampleRate: number;
  samples: Float32Array;
  wordCount: number;
}

export interface TrackProgress {
  lang: Lang;
  chapterId: string;
  chapterIndex: number;
  chapterCount: number;
  /** Seconds of audio so far. */
  audioSeconds: number;
}

// Anything quieter is silence for trimming; eSpeak's pauses are digital zeros.
const SILENCE = 0.002;
// Kept around the sounding part so no consonant release is clipped.
const MARGIN = 0.012;
// Fades at the cut edges, against clicks.
const FADE = 0.004;
// How long the synthesis may hold the process before it lets other work in.
const YIELD_EVERY_MS = 25;

// Speaker roles are free words; the voice for one follows what the speaker does in a conversation.
// Whoever leads it (an interviewer, a host) gets the interviewer's voice, a narrator the narrator's,
// and everyone else the interviewee's: the main speaking voice, which every speaker who was not the
// interviewer had before roles were free, so the bundled interview sounds exactly as it did.
const VOICE_FOR_ROLE: Readonly<Record<string, VoiceRole>> = {
  interviewer: 'interviewer',
  host: 'interviewer',
  narrator: 'narrator',
};

export function voiceRole(paragraph: Paragraph, edition: Edition): VoiceRole {
  if (paragraph.kind === 'title' || paragraph.kind === 'standfirst' || paragraph.kind === 'pullquote' || paragraph.kind === 'prose') return 'narrator';
  const speaker = edition.speakers.find((s) => s.id === paragraph.speakerId);
  return (speaker && Object.hasOwn(VOICE_FOR_ROLE, speaker.role) ? VOICE_FOR_ROLE[speaker.role] : undefined) ?? 'interviewee';
}

/** Plan: which sentences, with which voice, after how long a pause. */
interface Step {
  sentenceId: string;
  paragraphId: string;
  chapterId: string;
  text: string;
  voice: VoiceSettings;
  pauseBefore: number;
}

export function planTrack(edition: Edition, lang: Lang, settings: NarrationSettings): Step[] {
  const { pauses } = settings;
  const narrated = new Set(narratedSentences(edition, lang).map((s) => s.id));
  const sentenceById = new Map(edition.sentences.map((s) => [s.id, s]));
  const steps: Step[] = [];
  let previous: { paragraphId: string; chapterId: string; role: VoiceRole } | null = null;
  let gapSincePrevious = false;
  for (const paragraph of edition.paragraphs) {
    if (paragraph.kind === 'gap') {
      gapSincePrevious = true;
      continue;
    }
    const role = voiceRole(paragraph, edition);
    for (const id of paragraph.sentenceIds) {
      if (!narrated.has(id)) continue;
      const sentence = sentenceById.get(id)!;
      let pause: number;
      if (previous === null) pause = pauses.lead;
      else if (sentence.chapterId !== previous.chapterId) pause = pauses.chapter;
      else if (paragraph.id === previous.paragraphId) pause = pauses.sentence;
      else if (role !== previous.role) pause = pauses.speakerChange;
      else pause = pauses.paragraph;
      if (gapSincePrevious && previous !== null) pause += pauses.gap;
      gapSincePrevious = false;
      steps.push({
        sentenceId: id,
        paragraphId: paragraph.id,
        chapterId: sentence.chapterId,
        text: narratedText(sentence, lang),
        voice: settings.voices[lang][role],
        pauseBefore: pause,
      });
      previous = { paragraphId: paragraph.id, chapterId: sentence.chapterId, role };
    }
  }
  return steps;
}

/**
 * The sounding part of a synthesized sentence in samples, with a margin, widened to cover the
 * words from `wordStart` to `wordEnd` (seconds). All silence gives the whole buffer.
 */
function soundingRange(samples: Float32Array, sampleRate: number, wordStart: number, wordEnd: number): [number, number] {
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]!) < SILENCE) first++;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last]!) < SILENCE) last--;
  if (first >= samples.length) return [0, samples.length];
  const from = Math.min(first, Math.floor(wordStart * sampleRate)) - Math.round(MARGIN * sampleRate);
  const to = Math.max(last + 1, Math.ceil(wordEnd * sampleRate)) + Math.round(MARGIN * sampleRate);
  return [Math.max(0, from), Math.min(samples.length, Math.max(to, from + 1))];
}

function fadeEdges(piece: Float32Array, sampleRate: number): void {
  const n = Math.min(Math.round(FADE * sampleRate), Math.floor(piece.length / 2));
  for (let i = 0; i < n; i++) {
    const g = i / n;
    piece[i]! *= g;
    piece[piece.length - 1 - i]! *= g;
  }
}

export async function buildTrack(
  edition: Edition,
  lang: Lang,
  engine: SpeechEngine,
  settings: NarrationSettings,
  lexicon: Map<string, string>,
  onProgress: (p: TrackProgress) => void = () => {},
): Promise<BuiltTrack> {
  const steps = planTrack(edition, lang, settings);
  // German and English numbers are written out here; a text in another language (a French one in
  // the first slot) keeps its digits, which eSpeak reads in that language.
  const normalizeAs = speaksSlotLanguage(edition, lang) ? lang : null;
  const pieces: Float32Array[] = [];
  let length = 0;
  let sampleRate = 0;
  let wordCount = 0;
  const sentences: TrackTimes['sentences'] = [];
  const chapterIndex = new Map(edition.chapters.map((c, i) => [c.id, i]));
  let currentChapter: string | null = null;

  const pushSilence = (seconds: number): void => {
    const n = Math.round(seconds * sampleRate);
    if (n > 0) {
      pieces.push(new Float32Array(n));
      length += n;
    }
  };

  let slice = performance.now();
  for (const step of steps) {
    // The build runs in the app's main process when a text is imported: every few dozen
    // milliseconds it lets other work in (the bridge's answers, progress events, a cancel).
    if (performance.now() - slice > YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    const spoken = toSpokenText(step.text, normalizeAs, lexicon);
    const out = await engine.synthesize({ text: spoken.text, lang, voice: step.voice, rate: settings.rate[lang] });
    if (sampleRate === 0) sampleRate = out.sampleRate;
    else if (out.sampleRate !== sampleRate) throw new Error(`the engine changed its sample rate (${sampleRate} → ${out.sampleRate} Hz)`);
    if (currentChapter !== step.chapterId) {
      if (currentChapter !== null) {
        onProgress({ lang, chapterId: currentChapter, chapterIndex: chapterIndex.get(currentChapter) ?? 0, chapterCount: edition.chapters.length, audioSeconds: length / sampleRate });
      }
      currentChapter = step.chapterId;
    }
    pushSilence(step.pauseBefore);

    // Word spans in the synthesized sentence, then longer pauses at its punctuation.
    const audible = soundingRange(out.samples, out.sampleRate, Infinity, -Infinity);
    const mapped = mapWordTimes(spoken, out.words, [audible[0] / sampleRate, audible[1] / sampleRate]);
    const gaps = spoken.words.slice(1).map((w, i) => step.text.slice(spoken.words[i]!.end, w.start));
    const shaped = stretchPauses(out.samples, sampleRate, mapped, gaps, settings.pauses);

    const wordStart = shaped.words.length > 0 ? shaped.words[0]![0] : Infinity;
    const wordEnd = shaped.words.length > 0 ? shaped.words[shaped.words.length - 1]![1] : -Infinity;
    const [from, to] = soundingRange(shaped.samples, sampleRate, wordStart, wordEnd);
    const piece = shaped.samples.slice(from, to);
    fadeEdges(piece, sampleRate);

    const offset = (length - from) / sampleRate;
    const clamp = (t: number): number => Math.min(Math.max(t, from / sampleRate), to / sampleRate) + offset;
    const words = shaped.words.map(([s, e]): [number, number] => [clamp(s), clamp(e)]);
    wordCount += words.length;
    const start = words.length > 0 ? words[0]![0] : length / sampleRate;
    const end = words.length > 0 ? words[words.length - 1]![1] : (length + piece.length) / sampleRate;
    sentences.push({ id: step.sentenceId, start, end, words });
    pieces.push(piece);
    length += piece.length;
  }
  if (sampleRate === 0) throw new Error(`nothing to narrate in ${lang}: the edition has no ${lang === 'de' ? 'German' : 'English'} sentences`);
  pushSilence(settings.pauses.tail);
  if (currentChapter !== null) {
    onProgress({ lang, chapterId: currentChapter, chapterIndex: chapterIndex.get(currentChapter) ?? 0, chapterCount: edition.chapters.length, audioSeconds: length / sampleRate });
  }

  const samples = new Float32Array(length);
  let at = 0;
  for (const p of pieces) {
    samples.set(p, at);
    at += p.length;
  }

  const spanOf = (ids: string[]): { start: number; end: number } | null => {
    const timed = sentences.filter((s) => ids.includes(s.id));
    if (timed.length === 0) return null;
    return { start: timed[0]!.start, end: timed[timed.length - 1]!.end };
  };
  const paragraphs = edition.paragraphs.flatMap((p) => {
    const span = spanOf(p.sentenceIds);
    return span ? [{ id: p.id, ...span }] : [];
  });
  const chapters = edition.chapters.flatMap((c) => {
    const span = spanOf(c.sentenceIds);
    return span ? [{ id: c.id, ...span }] : [];
  });
  return { lang, sampleRate, samples, wordCount, sentences, paragraphs, chapters };
}
