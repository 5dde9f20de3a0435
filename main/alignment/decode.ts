// Decodes the audio parts in order onto one 16 kHz mono timeline on disk, streaming: each file is
// read in pieces, decoded by the WebAssembly codecs of @audio/decode (no system ffmpeg), downmixed,
// resampled and written out, so memory does not grow with the recording. Every failure names the
// file and says what is wrong with it; a recording locked with DRM is refused before decoding
// (audio-drm.ts).
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import decode from '@audio/decode';
import getType from 'audio-type';
import { audioDrm } from './audio-drm';
import { Mp3FrameChecker } from './mp3-frames';
import { ALIGN_RATE, PcmWriter } from './pcm';
import { downmix, StreamResampler } from './resample';
import { AlignInputError, type AudioPart } from './types';

const READABLE = 'MP3, M4A/M4B (AAC), Ogg Vorbis, Opus, FLAC or WAV';
// Formats the import promises; @audio/decode knows more, but these are the ones tested here.
const FORMATS = new Set(['mp3', 'm4a', 'mp4', 'aac', 'oga', 'opus', 'flac', 'wav']);
type DecodeFormat = 'mp3' | 'm4a' | 'oga' | 'opus' | 'flac' | 'wav' | 'aac';

export interface DecodeProgress {
  bytesDone: number;
  bytesTotal: number;
}

async function sniff(file: string): Promise<string> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new AlignInputError(`${file}: no such file`, file);
  }
  if (!info.isFile()) throw new AlignInputError(`${file}: not a file`, file);
  if (info.size === 0) throw new AlignInputError(`${file}: the file is empty (0 bytes)`, file);
  const handle = await open(file, 'r');
  const head = Buffer.alloc(Math.min(info.size, 64 * 1024));
  let drm: string | null;
  try {
    await handle.read(head, 0, head.length, 0);
    drm = await audioDrm(handle, head, info.size);
  } finally {
    await handle.close();
  }
  if (drm) throw new AlignInputError(`${file}: the recording is protected by DRM (${drm}); Mitlesen can only read recordings without DRM`, file);
  const type = getType(new Uint8Array(head));
  if (!type || !FORMATS.has(type)) {
    throw new AlignInputError(`${file}: not an audio file that can be read (${type ? `it looks like ${type}; ` : ''}expected ${READABLE})`, file);
  }
  return type === 'mp4' ? 'm4a' : type;
}

/** Checks every file before any is decoded, so a bad third part fails in a second, not an hour. */
export async function checkAudioFiles(files: readonly string[]): Promise<{ file: string; format: string; size: number }[]> {
  if (files.length === 0) throw new AlignInputError('no audio files given');
  const out = [];
  for (const file of files) out.push({ file, format: await sniff(file), size: (await stat(file)).size });
  return out;
}

export async function decodeToPcm(
  files: readonly string[],
  pcmPath: string,
  onProgress: (p: DecodeProgress) => void,
  signal?: AbortSignal,
): Promise<{ parts: AudioPart[]; samples: number }> {
  const checked = await checkAudioFiles(files);
  const bytesTotal = checked.reduce((n, c) => n + c.size, 0);
  let bytesDone = 0;
  const writer = await PcmWriter.create(pcmPath);
  const parts: AudioPart[] = [];
  try {
    for (const { file, format, size } of checked) {
      const startSample = writer.samples;
      const mp3 = format === 'mp3' ? new Mp3FrameChecker() : null;
      let resampler: StreamResampler | null = null;
      const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
      async function* bytes(): AsyncGenerator<Uint8Array> {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          signal?.throwIfAborted();
          const piece = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          mp3?.push(piece);
          bytesDone += piece.length;
          onProgress({ bytesDone, bytesTotal });
          yield piece;
        }
      }
      try {
        for await (const { channelData, sampleRate } of decode(bytes(), format as DecodeFormat)) {
          if (channelData.length === 0 || channelData[0]!.length === 0) continue;
          resampler ??= new StreamResampler(sampleRate, ALIGN_RATE);
          await writer.write(resampler.push(downmix(channelData)));
        }
      } catch (error) {
        if (signal?.aborted) throw error;
        const why = error instanceof Error ? error.message : String(error);
        throw new AlignInputError(`${file}: the ${format.toUpperCase()} data could not be decoded (${why}); the file is damaged or not what its name says`, file);
      } finally {
        stream.destroy();
      }
      if (resampler) await writer.write(resampler.flush());
      const samples = writer.samples - startSample;
      if (samples === 0) throw new AlignInputError(`${file}: contains no audio that could be decoded`, file);
      if (mp3) {
        const report = mp3.end(size);
        if (report.missingBytes > 0) {
          throw new AlignInputError(
            `${file}: the MP3 is truncated: it stops in the middle of a frame after ${report.seconds.toFixed(1)} s (an incomplete download or copy?)`,
            file,
          );
        }
        if (report.garbageBytes > 1024) {
          throw new AlignInputError(
            `${file}: the MP3 is damaged: ${report.garbageBytes} bytes from offset ${report.firstGarbageAt} are not MP3 frames`,
            file,
          );
        }
      }
      parts.push({ file, start: startSample / ALIGN_RATE, duration: samples / ALIGN_RATE });
    }
  } finally {
    await writer.close();
  }
  return { parts, samples: writer.samples };
}
