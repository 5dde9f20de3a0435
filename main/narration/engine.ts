// The speech engine seam. The narration pipeline only ever talks to this interface, so a better
// voice (a neural model, a cloud service) can replace eSpeak NG later without touching the
// pipeline's word mapping, the timing file or the player.

import type { Lang } from '../../common/edition/model';

export interface VoiceSettings {
  /** Engine-specific voice name, e.g. eSpeak's "de+m3" (language + variant). */
  name: string;
  /** 0..100, 50 = the voice's own pitch. Engines without a pitch control ignore it. */
  pitch?: number;
  /** 0..100, 50 = the voice's own intonation range; lower is flatter. */
  pitchRange?: number;
}

export interface SynthesisInput {
  text: string;
  lang: Lang;
  voice: VoiceSettings;
  /** Nominal speaking rate in words per minute (before pauses). */
  rate: number;
}

/** One word as the engine spoke it: where it is in the audio and which characters it came from. */
export interface EngineWord {
  /** Seconds from the start of the returned samples: first and last sound of the word. */
  start: number;
  end: number;
  /** UTF-16 offsets into `SynthesisInput.text`; equal when the engine could not place the word. */
  textStart: number;
  textEnd: number;
}

export interface SynthesisOutput {
  sampleRate: number;
  /** Mono, -1..1. */
  samples: Float32Array;
  /** In the order spoken. */
  words: EngineWord[];
}

export interface SpeechEngine {
  /** Identifies the engine and its data in cache keys, e.g. "espeak-ng-emscripten@0.3.5". */
  readonly id: string;
  /** Null when the engine can speak `language` (a BCP 47 tag) with `voice`; otherwise why not, for the user. */
  checkVoice(language: string, voice: VoiceSettings): Promise<string | null>;
  /** The engine's name for the language of a BCP 47 tag ('pt-BR' → eSpeak's 'pt-br'), or null when it cannot speak it. */
  languageFor(tag: string): Promise<string | null>;
  synthesize(input: SynthesisInput): Promise<SynthesisOutput>;
  /** The engine's phonemes for a text (IPA), used to check the pronunciation lexicon. */
  phonemes(text: string, lang: Lang, voice: VoiceSettings): Promise<string>;
}
