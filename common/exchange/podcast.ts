// Podcasting 2.0 (podcastindex.org namespace): the JSON transcript a <podcast:transcript
// type="application/json"> points at, and the JSON chapters of <podcast:chapters>. Podcast apps
// (Podverse, Fountain, Castamatic, …) show them beside the episode; times are seconds as numbers.
// Spec: https://github.com/Podcastindex-org/podcast-namespace (transcripts.md, chapters/jsonChapters.md).
import { ms, type TimedText } from './timed-text';

export interface PodcastSegment {
  speaker?: string;
  startTime: number;
  endTime: number;
  body: string;
}

export interface PodcastTranscript {
  version: string;
  segments: PodcastSegment[];
}

export interface PodcastChapter {
  startTime: number;
  endTime?: number;
  title: string;
  /** Whether the chapter belongs in a table of contents (all of ours do). */
  toc?: boolean;
}

export interface PodcastChapters {
  version: string;
  chapters: PodcastChapter[];
}

export const PODCAST_TRANSCRIPT_VERSION = '1.0.0';
export const PODCAST_CHAPTERS_VERSION = '1.2.0';

/** Seconds to the millisecond, as a number (JSON has no other time type). */
const seconds = (value: number) => ms(value) / 1000;

export function toPodcastTranscript(timed: TimedText): PodcastTranscript {
  return {
    version: PODCAST_TRANSCRIPT_VERSION,
    segments: timed.sentences.map((s) => ({
      ...(s.speaker ? { speaker: s.speaker } : {}),
      startTime: seconds(s.start),
      endTime: seconds(s.end),
      body: s.text,
    })),
  };
}

export function toPodcastChapters(timed: TimedText): PodcastChapters {
  return {
    version: PODCAST_CHAPTERS_VERSION,
    chapters: timed.chapters.map((c) => ({ startTime: seconds(c.start), endTime: seconds(c.end), title: c.title, toc: true })),
  };
}

export function podcastJson(value: PodcastTranscript | PodcastChapters): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
