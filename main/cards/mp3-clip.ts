// Cuts a sentence out of the narration MP3 without decoding it: whole MPEG frames, copied as they
// are. The narration is CBR MPEG-2 Layer III (22 050 Hz, 576 samples = 26.1 ms a frame) with no
// tag, and its timings are already in decoded time (encoder delay included), so frame f holds the
// decoded audio from f·576 to (f+1)·576 samples: a cut is exact to one frame (26 ms).
//
// A frame's audio data may start in the frames before it (the bit reservoir; MPEG-2 allows 255
// bytes back, two of our 130-byte frames), and its first 576 output samples overlap the frame
// before. So a clip starts a little earlier than asked (PAD_BEFORE plus two frames): whatever a
// decoder makes of the first frames falls into the pause before the sentence, never into speech.

import { mp3Frames } from './mp3-frames';

export const PAD_BEFORE = 0.15;
export const PAD_AFTER = 0.2;
/** Frames added before the cut for the bit reservoir and the overlap of the first frame. */
export const RESERVOIR_FRAMES = 2;

export interface Mp3Layout {
  /** Byte offset of each frame; one extra entry (the file length) at the end. */
  offsets: number[];
  samplesPerFrame: number;
  sampleRate: number;
}

/** The frames of a tagless MPEG Layer III file; throws with the byte where it stops making sense. */
export function mp3Layout(bytes: Uint8Array): Mp3Layout {
  const offsets: number[] = [];
  let samplesPerFrame = 0;
  let sampleRate = 0;
  for (const frame of mp3Frames(bytes)) {
    offsets.push(frame.offset);
    samplesPerFrame = frame.samplesPerFrame;
    sampleRate = frame.sampleRate;
  }
  offsets.push(bytes.length);
  return { offsets, samplesPerFrame, sampleRate };
}

export interface Clip {
  bytes: Uint8Array;
  /** Where the clip starts in the narration's decoded time, seconds (frame-aligned). */
  from: number;
  /** Seconds of audio a decoder outputs for it. */
  duration: number;
}

/** The frames covering [start − pad, end + pad] (decoded time, seconds), copied. */
export function cutMp3(bytes: Uint8Array, start: number, end: number, layout: Mp3Layout = mp3Layout(bytes)): Clip {
  const frameSeconds = layout.samplesPerFrame / layout.sampleRate;
  const frames = layout.offsets.length - 1;
  const first = Math.max(0, Math.floor((start - PAD_BEFORE) / frameSeconds) - RESERVOIR_FRAMES);
  const last = Math.min(frames, Math.ceil((end + PAD_AFTER) / frameSeconds));
  if (last <= first) throw new Error(`nothing to cut between ${start} s and ${end} s`);
  return {
    bytes: bytes.slice(layout.offsets[first]!, layout.offsets[last]!),
    from: first * frameSeconds,
    duration: (last - first) * frameSeconds,
  };
}
