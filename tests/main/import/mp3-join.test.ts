// Joining MP3 parts: each part's own tags and its Xing/Info frame go (they describe one part and
// would make the player think the whole is as long as the first), the audio frames stay in order.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { joinMp3Parts, mp3FrameRange } from '../../../main/import/mp3-join';
import { Mp3FrameChecker } from '../../../main/alignment/mp3-frames';
import { FIXTURE } from '../alignment/helpers';
import { tempDir } from '../notes/helpers';

let temp: ReturnType<typeof tempDir>;
beforeAll(() => {
  temp = tempDir('mitlesen-mp3-join-');
});
afterAll(() => temp.remove());

/** MPEG-1 layer III, 128 kbit/s, 44.1 kHz: a 417-byte frame; `body` is written after its header. */
function frame(body = ''): Uint8Array {
  const out = new Uint8Array(417);
  out.set([0xff, 0xfb, 0x90, 0x00]);
  out.set(new TextEncoder().encode(body), 36);
  return out;
}
const id3v2 = (size: number) => {
  const tag = new Uint8Array(10 + size);
  tag.set([0x49, 0x44, 0x33, 4, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  return tag;
};
const id3v1 = () => {
  const tag = new Uint8Array(128);
  tag.set(new TextEncoder().encode('TAG'));
  return tag;
};
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
};

describe('mp3FrameRange', () => {
  it('skips an ID3v2 tag and a Xing frame, and stops before an ID3v1 tag', () => {
    const file = concat(id3v2(300), frame('Xing'), frame(), frame(), id3v1());
    expect(mp3FrameRange(file, file.subarray(file.length - 128), file.length)).toEqual({ start: 310 + 417, end: file.length - 128 });
  });

  it('keeps a bare file whole, and an Info frame (CBR) goes like a Xing one', () => {
    const bare = concat(frame(), frame());
    expect(mp3FrameRange(bare, bare.subarray(bare.length - 128), bare.length)).toEqual({ start: 0, end: bare.length });
    const info = concat(frame('Info'), frame());
    expect(mp3FrameRange(info, info.subarray(info.length - 128), info.length)).toEqual({ start: 417, end: info.length });
  });
});

describe('joinMp3Parts', () => {
  it('writes the frames of every part in order, and the result is one clean MP3 as long as both', async () => {
    const a = join(temp.dir, 'a.mp3');
    const b = join(temp.dir, 'b.mp3');
    await writeFile(a, concat(id3v2(20), frame('Xing'), frame('A1'), frame('A2'), id3v1()));
    await writeFile(b, concat(frame('Info'), frame('B1')));
    const out = await readFile(await joinMp3Parts([a, b], join(temp.dir, 'out.mp3')));
    expect(out.length).toBe(3 * 417);
    const text = new TextDecoder('latin1').decode(out);
    expect(text.indexOf('A1')).toBeLessThan(text.indexOf('A2'));
    expect(text.indexOf('A2')).toBeLessThan(text.indexOf('B1'));
    expect(text).not.toMatch(/Xing|Info|TAG|ID3/);
  });

  it('joins real parts into a file whose audio frames are both parts\' frames', async () => {
    const part = join(FIXTURE, 'speech.mp3');
    const out = await joinMp3Parts([part, part], join(temp.dir, 'real.mp3'));
    const seconds = async (file: string) => {
      const bytes = new Uint8Array(await readFile(file));
      const checker = new Mp3FrameChecker();
      checker.push(bytes);
      return checker.end(bytes.length);
    };
    const one = await seconds(part);
    const both = await seconds(out);
    expect(both.missingBytes).toBe(0);
    expect(both.garbageBytes).toBe(0);
    // Each part loses its Info frame (an LAME-encoded file has one), no audio frame.
    const infoFrames = new TextDecoder('latin1').decode((await readFile(part)).subarray(0, 4096)).match(/Xing|Info/) ? 1 : 0;
    expect(both.frames).toBe(2 * (one.frames - infoFrames));
  });
});
