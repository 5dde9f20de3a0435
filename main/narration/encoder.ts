// Compresses the narration to MP3 with LAME compiled to WebAssembly (wasm-media-encoders): no
// system ffmpeg, the same bytes on every machine.
//
// LAME delays the signal: a decoder outputs 576 samples of encoder delay plus 529 of its own before
// the first input sample, and pads the end to a whole frame. The files carry no LAME/Xing tag
// (the encoder does not write one), so every decoder, Chromium's included, outputs exactly
// frames × samples-per-frame with the speech shifted by that delay. The pipeline therefore shifts
// every timing by `delay` and takes the duration from the frame count, which is what decoding gives.

import { createMp3Encoder, jsLibraryVersion } from 'wasm-media-encoders';

export const MP3_DECODER_DELAY_SAMPLES = 576 + 529;

export interface EncodedAudio {
  bytes: Uint8Array;
  mimeType: 'audio/mpeg';
  /** Seconds of audio a decoder outputs. */
  duration: number;
  /** Seconds by which the decoded audio lags the input samples. */
  delay: number;
}

const CHUNK = 1152 * 200;

/** For cache keys: a new encoder may produce other bytes. */
export function encoderVersion(): string {
  return jsLibraryVersion();
}

export async function encodeMp3(samples: Float32Array, sampleRate: number, bitrateKbps: 32 | 40 | 48): Promise<EncodedAudio> {
  const encoder = await createMp3Encoder();
  encoder.configure({ sampleRate, channels: 1, bitrate: bitrateKbps });
  const parts: Uint8Array[] = [];
  // The encoder's output buffer is reused by the next call: copy each piece out at once.
  for (let at = 0; at < samples.length; at += CHUNK) {
    parts.push(encoder.encode([samples.subarray(at, Math.min(at + CHUNK, samples.length))]).slice());
  }
  parts.push(encoder.finalize().slice());
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.length;
  }
  const info = scanMp3(bytes);
  if (info.sampleRate !== sampleRate) throw new Error(`the MP3 encoder resampled ${sampleRate} Hz to ${info.sampleRate} Hz`);
  return { bytes, mimeType: 'audio/mpeg', duration: info.samples / info.sampleRate, delay: MP3_DECODER_DELAY_SAMPLES / sampleRate };
}

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** Walks the MPEG Layer III frames of a file without tags: frame count, decoded samples, bitrate. */
export function scanMp3(bytes: Uint8Array): { frames: number; samples: number; sampleRate: number; bitrates: Set<number> } {
  let at = 0;
  let frames = 0;
  let samples = 0;
  let sampleRate = 0;
  const bitrates = new Set<number>();
  while (at + 4 <= bytes.length) {
    const b1 = bytes[at + 1]!;
    const b2 = bytes[at + 2]!;
    if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) throw new Error(`no MP3 frame at byte ${at}`);
    const version = (b1 >> 3) & 3;
    const layer = (b1 >> 1) & 3;
    if (version === 1 || layer !== 1) throw new Error(`not an MPEG Layer III frame at byte ${at}`);
    const kbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[(b2 >> 4) & 15] ?? 0;
    const rate = RATES[version]![(b2 >> 2) & 3] ?? 0;
    if (kbps === 0 || rate === 0) throw new Error(`invalid MP3 frame header at byte ${at}`);
    const padding = (b2 >> 1) & 1;
    const perFrame = version === 3 ? 1152 : 576;
    const length = Math.floor(((perFrame / 8) * kbps * 1000) / rate) + padding;
    frames++;
    samples += perFrame;
    sampleRate = rate;
    bitrates.add(kbps);
    at += length;
  }
  if (at !== bytes.length) throw new Error(`the MP3 data ends inside a frame (${bytes.length - at + 0} bytes left)`);
  return { frames, samples, sampleRate, bitrates };
}
