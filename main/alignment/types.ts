// The aligner's public shapes. Times are seconds on the timeline of all audio parts played in
// order; null where the aligner could not place something honestly.

export interface SentenceInput {
  id: string;
  text: string;
}

export type AlignPhase = 'decode' | 'align' | 'done';

export interface AlignProgress {
  phase: AlignPhase;
  /** 0..1 within the phase. */
  fraction: number;
  /** Estimate for the whole job, or null until there is something to estimate from. */
  secondsLeft: number | null;
}

export interface AlignedWord {
  text: string;
  start: number | null;
  end: number | null;
}

export interface AlignedSentence {
  id: string;
  start: number | null;
  end: number | null;
  /** 0..1: how well this stretch of audio matches the sentence's eSpeak reference. */
  confidence: number;
  words: AlignedWord[];
}

/** A stretch where audio and text disagree, left untimed instead of smeared. */
export interface AlignmentIssue {
  kind: 'audio-without-text' | 'text-without-audio' | 'mismatch';
  /** Sentences left untimed (ids). */
  sentenceIds: string[];
  /** The audio stretch concerned, between the neighbouring timed sentences. */
  start: number;
  end: number;
  message: string;
}

export interface AudioPart {
  file: string;
  /** Where this part starts on the joined timeline. */
  start: number;
  duration: number;
}

export interface AlignmentResult {
  duration: number;
  parts: AudioPart[];
  sentences: AlignedSentence[];
  issues: AlignmentIssue[];
}

export interface AlignOptions {
  audioFiles: string[];
  sentences: SentenceInput[];
  /** An eSpeak language: 'de', 'en', 'fr', 'en-gb', … */
  language: string;
  /** Folder for the decoded audio and finished chunks; a later run with the same inputs resumes there. */
  workDir: string;
  signal?: AbortSignal;
  onProgress?: (progress: AlignProgress) => void;
}

/** An error about the input that names the file and says what is wrong with it. */
export class AlignInputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'AlignInputError';
  }
}
