// One chunk of audio against its sentences, with echogarden's DTW aligner: eSpeak speaks the text
// (the reference), both are turned into MFCC frames, and dynamic time warping maps reference time
// to recording time. These are the steps of echogarden's own `align` (engine 'dtw'), called one by
// one because we need the reference audio afterwards to judge each sentence (confidence.ts), and
// so that nothing can reach for a download: the voice-activity step uses 'adaptive-gate', a plain
// energy gate that needs no model.
import type { RawAudio, Timeline, TimelineEntry } from 'echogarden';
import { ALIGN_RATE } from './pcm';

export interface ChunkWord {
  /** Offsets into the chunk's transcript. */
  startOffset: number;
  endOffset: number;
  /** Seconds from the chunk's start. */
  start: number;
  end: number;
  refStart: number;
  refEnd: number;
}

export interface ChunkAlignment {
  words: ChunkWord[];
  reference: Float32Array;
}

type Granularity = 'xx-low' | 'x-low' | 'low' | 'medium' | 'high' | 'x-high';

export interface EngineSettings {
  granularities: Granularity[];
  /** Seconds, one per pass; a later pass searches this far around the earlier pass's path. */
  windows: number[];
}

/** Picks passes for a chunk: a coarse pass over the whole chunk, then a fine one near its path. */
export function settingsFor(duration: number): EngineSettings {
  // Memory is frames x band: 'low' (25 frames/s) over a 2-minute window is 3000 x 3000 cells,
  // 'high' (100/s) within 6 s of that path is 12000 x 600; both stay far below 100 MB.
  if (duration <= 40) return { granularities: ['high'], windows: [duration] };
  return { granularities: ['low', 'high'], windows: [duration, 6] };
}

let languageCache = new Map<string, string>();

async function espeakLanguage(language: string): Promise<string> {
  const cached = languageCache.get(language);
  if (cached) return cached;
  const { parseLangIdentifier, getDefaultDialectForLanguageCodeIfPossible } = await import('echogarden/dist/utilities/Locale.js');
  const name = getDefaultDialectForLanguageCodeIfPossible((await parseLangIdentifier(language)).Name);
  languageCache.set(language, name);
  return name;
}

export async function alignChunk(audio: Float32Array, transcript: string, language: string, settings = settingsFor(audio.length / ALIGN_RATE)): Promise<ChunkAlignment> {
  const API = await import('echogarden');
  const { normalizeAudioLevelInPlace, trimAudioEnd } = await import('echogarden/dist/audio/AudioUtilities.js');
  const { createAlignmentReferenceUsingEspeak, alignUsingDtw } = await import('echogarden/dist/alignment/SpeechAlignment.js');
  const { addWordTextOffsetsToTimelineInPlace } = await import('echogarden/dist/utilities/Timeline.js');
  const quiet = { logLevel: 'warning' as const };

  const t00 = performance.now();
  let source: RawAudio = { audioChannels: [audio.slice()], sampleRate: ALIGN_RATE };
  const vad = await API.detectVoiceActivity(source, { engine: 'adaptive-gate' }, quiet);
  const uncrop = vad.timeline;
  source = vad.croppedRawAudio;
  normalizeAudioLevelInPlace(source);
  source.audioChannels[0] = trimAudioEnd(source.audioChannels[0]!);

  const tv = performance.now();
  const lang = await espeakLanguage(language);
  const { referenceRawAudio, referenceTimeline } = await createAlignmentReferenceUsingEspeak(
    transcript,
    lang,
    { paragraphBreaks: 'double', whitespace: 'collapse' },
    [],
    false,
    false,
    quiet,
  );
  const ts = performance.now();
  const settingsFit = {
    granularities: settings.granularities,
    windows: settings.windows.map((w) => Math.max(1, Math.min(w, source.audioChannels[0]!.length / ALIGN_RATE))),
  };
  const mapped: Timeline = await alignUsingDtw(source, referenceRawAudio, referenceTimeline, settingsFit.granularities, settingsFit.windows, quiet);
  if (process.env.ALIGN_DEBUG) console.error(`vad ${(tv - t00).toFixed(0)} synth ${(ts - tv).toFixed(0)} dtw ${(performance.now() - ts).toFixed(0)}`);
  if (uncrop.length > 0) API.convertCroppedToUncroppedTimeline(mapped, uncrop);
  addWordTextOffsetsToTimelineInPlace(mapped, transcript);

  const words: ChunkWord[] = [];
  mapped.forEach((entry: TimelineEntry, i: number) => {
    const ref = referenceTimeline[i]!;
    if (entry.type !== 'word') return;
    words.push({
      startOffset: entry.startOffsetUtf16 ?? 0,
      endOffset: entry.endOffsetUtf16 ?? 0,
      start: entry.startTime,
      end: entry.endTime,
      refStart: ref.startTime,
      refEnd: ref.endTime,
    });
  });
  return { words, reference: referenceRawAudio.audioChannels[0]! };
}
