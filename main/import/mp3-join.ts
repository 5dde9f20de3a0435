// Several MP3 parts of one recording joined into one file the player streams as one timeline.
// MP3 is a run of self-contained frames, so parts join by concatenating their frames; what must
// go is what describes a single part: its ID3v2 tag at the start, its ID3v1 tag at the end, and
// the Xing/Info (or VBRI) frame whose frame count and table of contents would make the player
// believe the whole is as long as the first part. Streamed, so a long book never sits in memory.
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parseFrameHeader } from '../alignment/mp3-frames';

/** The byte range of a part's audio frames: after its tags and its info frame, before ID3v1. */
export function mp3FrameRange(head: Uint8Array, tail: Uint8Array, size: number): { start: number; end: number } {
  let start = 0;
  if (head[0] === 0x49 && head[1] === 0x44 && head[2] === 0x33 && head.length >= 10) {
    // ID3v2: a 10-byte header, then a size in four 7-bit bytes (plus a footer when flagged).
    const tagSize = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
    start = 10 + tagSize + ((head[5]! & 0x10) !== 0 ? 10 : 0);
  }
  const frame = parseFrameHeader(head, start);
  if (frame) {
    const body = new TextDecoder('latin1').decode(head.subarray(start, Math.min(head.length, start + frame.length)));
    if (/Xing|Info|VBRI/.test(body.slice(4, 40))) start += frame.length;
  }
  const hasId3v1 = tail.length >= 128 && tail[tail.length - 128] === 0x54 && tail[tail.length - 127] === 0x41 && tail[tail.length - 126] === 0x47;
  return { start, end: hasId3v1 ? size - 128 : size };
}

async function rangeOf(file: string): Promise<{ start: number; end: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 256 * 1024));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, 128));
    await handle.read(tail, 0, tail.length, size - tail.length);
    return mp3FrameRange(new Uint8Array(head), new Uint8Array(tail), size);
  } finally {
    await handle.close();
  }
}

/** Writes the parts' frames, in order, to `out` and returns it. */
export async function joinMp3Parts(files: readonly string[], out: string): Promise<string> {
  const target = createWriteStream(out);
  try {
    for (const file of files) {
      const { start, end } = await rangeOf(file);
      if (end > start) await pipeline(createReadStream(file, { start, end: end - 1 }), target, { end: false });
    }
  } finally {
    await new Promise<void>((resolve, reject) => target.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  return out;
}
