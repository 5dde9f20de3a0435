// Compresses the narration to MP3 with LAME compiled to WebAssembly (wasm-media-encoders): no
// system ffmpeg, the same bytes on every machine.
//
// LAME delays the signal: a decoder outputs 576 samples of encoder delay plus 529 of its own before
// the first input sample, and pads the end to a whole frame. The files carry no LAME/Xing tag
// (the encoder does not write one), so every decoder, Chromium's included, outputs exactly
// frames × samples-per-frame with the speech shifted by that delay. The pipeline therefore shifts
// every timing by `delay` and takes the duration from the frame count, which is what decoding gives.

import { createMp3Encoder, jsLibraryVersion } from 'wasm-media-encoders';
import { mp3Frames } from '../cards/mp3-frames';

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

/** Walks the MPEG Layer III frames of a file without tags: frame count, decoded samples, bitrate. */
export function scanMp3(bytes: Uint8Array): { frames: number; samples: number; sampleRate: number; bitrates: Set<number> } {
  let frames = 0;
  let samples = 0;
  let sampleRate = 0;
  const bitrates = new Set<number>();
  for (const frame of mp3Frames(bytes)) {
    frames++;
    samples += frame.samplesPerFrame;
    sampleRate = frame.sampleRate;
    bitrates.add(frame.kbps);
  }
  return { frames, samples, sampleRate, bitrates };
}
