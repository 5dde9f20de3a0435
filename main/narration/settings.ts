// How the narration sounds: voices, pace, pauses, audio format. Everything here goes into the cache
// key, so changing a value rebuilds the narration on the next run.

import type { Lang } from '../../common/edition/model';
import type { VoiceSettings } from './engine';

/** Who speaks a paragraph: title, standfirst and pull quotes are read by a neutral narrator. */
export type VoiceRole = 'narrator' | 'interviewer' | 'interviewee';
export const VOICE_ROLES: readonly VoiceRole[] = ['narrator', 'interviewer', 'interviewee'];

export interface PauseSettings {
  /** At least this much silence at a comma or parenthesis inside a sentence. */
  comma: number;
  /** At least this much at a colon, semicolon, dash or ellipsis. */
  clause: number;
  /** Seconds of silence before the first word. */
  lead: number;
  /** Between sentences of one paragraph. */
  sentence: number;
  /** Between paragraphs of the same voice (a title and its standfirst). */
  paragraph: number;
  /** When the voice changes: a new turn in the conversation. */
  speakerChange: number;
  /** Added where the edition marks a missing turn (a gap paragraph). */
  gap: number;
  /** Before the first sentence of every chapter but the first. */
  chapter: number;
  /** After the last word. */
  tail: number;
}

export interface NarrationSettings {
  voices: Record<Lang, Record<VoiceRole, VoiceSettings>>;
  /** Nominal engine rate, words per minute. */
  rate: Record<Lang, number>;
  pauses: PauseSettings;
  /** Constant bitrate of the MP3 files, kbit/s (at most 48). */
  bitrateKbps: 32 | 40 | 48;
  /** Waveform resolution. */
  peaksPerSecond: number;
}

// The interviewer is a higher, female variant and Heilmann a low male one, so a listener can tell
// the turns apart without looking; the narrator is eSpeak's plain voice, a little higher than
// Heilmann's and with a flatter melody.
export const DEFAULT_SETTINGS: NarrationSettings = {
  voices: {
    de: {
      narrator: { name: 'de', pitch: 62, pitchRange: 35 },
      interviewer: { name: 'de+f3', pitch: 55, pitchRange: 60 },
      interviewee: { name: 'de+m3', pitch: 35, pitchRange: 55 },
    },
    en: {
      narrator: { name: 'en-us', pitch: 62, pitchRange: 35 },
      interviewer: { name: 'en-us+f3', pitch: 55, pitchRange: 60 },
      interviewee: { name: 'en-us+m3', pitch: 35, pitchRange: 55 },
    },
  },
  rate: { de: 188, en: 160 },
  pauses: { comma: 0.25, clause: 0.35, lead: 0.3, sentence: 0.45, paragraph: 0.8, speakerChange: 1.0, gap: 1.2, chapter: 1.8, tail: 0.6 },
  bitrateKbps: 40,
  peaksPerSecond: 100,
};
