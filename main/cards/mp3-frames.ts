// The frame headers of a tagless MPEG Layer III file, read without decoding. Two places need them:
// the narration build checks what the encoder wrote (main/narration/encoder.ts), and the card export
// cuts clips of whole frames (mp3-clip.ts). The walk lives here, not in main/narration/, because the
// app at run time must not load encoder.ts: its wasm-media-encoders is a build-time devDependency.

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

export interface Mp3Frame {
  /** Byte offset of the frame's header. */
  offset: number;
  /** Bytes in the frame, header and padding included. */
  length: number;
  kbps: number;
  sampleRate: number;
  samplesPerFrame: number;
}

/**
 * The frames one after the other. Throws with the byte where the data stops being MPEG Layer III
 * frames, and, once the walk is done, when the data ends inside a frame.
 */
export function* mp3Frames(bytes: Uint8Array): Generator<Mp3Frame, void, undefined> {
  let at = 0;
  while (at + 4 <= bytes.length) {
    const b1 = bytes[at + 1]!;
    const b2 = bytes[at + 2]!;
    if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) throw new Error(`no MP3 frame at byte ${at}`);
    const version = (b1 >> 3) & 3;
    const layer = (b1 >> 1) & 3;
    if (version === 1 || layer !== 1) throw new Error(`not an MPEG Layer III frame at byte ${at}`);
    const kbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[(b2 >> 4) & 15] ?? 0;
    const sampleRate = RATES[version]![(b2 >> 2) & 3] ?? 0;
    if (kbps === 0 || sampleRate === 0) throw new Error(`invalid MP3 frame header at byte ${at}`);
    const padding = (b2 >> 1) & 1;
    const samplesPerFrame = version === 3 ? 1152 : 576;
    const length = Math.floor(((samplesPerFrame / 8) * kbps * 1000) / sampleRate) + padding;
    yield { offset: at, length, kbps, sampleRate, samplesPerFrame };
    at += length;
  }
  if (at !== bytes.length) throw new Error(`the MP3 data ends inside a frame (${bytes.length - at} bytes left)`);
}
