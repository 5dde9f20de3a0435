// The silent Ogg Vorbis the generator writes: a stream every page of which checks out (capture
// pattern, sequence, checksum, granule positions rising to the exact sample count), for lengths
// from a fraction of one packet to many pages. Playback in Chromium was checked by hand (see the
// module's header); here the container is held to RFC 3533.
import { describe, expect, it } from 'vitest';
import { oggCrc, readOggPages, silentOggVorbis, SILENCE_SAMPLE_RATE } from '../../../../main/library/generate/ogg-silence';

function checkStream(bytes: Uint8Array, seconds: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pages = readOggPages(bytes);
  let at = 0;
  let previous = -1n;
  pages.forEach((page, i) => {
    const size = 27 + page.segments.length + page.body.length;
    expect(view.getUint32(at + 18, true)).toBe(i);
    expect(view.getUint32(at + 14, true)).toBe(7);
    const copy = bytes.slice(at, at + size);
    copy.fill(0, 22, 26);
    expect(oggCrc(copy)).toBe(view.getUint32(at + 22, true));
    expect(page.granule >= previous).toBe(true);
    previous = page.granule;
    at += size;
  });
  expect(pages[0]!.flags).toBe(0x02);
  expect(new TextDecoder().decode(pages[0]!.body.subarray(1, 7))).toBe('vorbis');
  expect(pages.at(-1)!.flags).toBe(0x04);
  expect(Number(pages.at(-1)!.granule)).toBe(Math.round(seconds * SILENCE_SAMPLE_RATE));
}

describe('silentOggVorbis', () => {
  for (const seconds of [0.01, 0.032, 1, 8.16, 65.3, 600]) {
    it(`writes ${seconds} s as a valid stream of that many samples`, async () => {
      checkStream(await silentOggVorbis(seconds, 7), seconds);
    });
  }

  it('costs about 70 bytes a second', async () => {
    const bytes = await silentOggVorbis(3600, 7);
    expect(bytes.length / 3600).toBeGreaterThan(30);
    expect(bytes.length / 3600).toBeLessThan(100);
  });

  it('gives the same bytes for the same length and serial', async () => {
    expect(await silentOggVorbis(12.5, 7)).toEqual(await silentOggVorbis(12.5, 7));
  });

  it('refuses a length that is not a positive number', async () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) await expect(silentOggVorbis(bad, 7)).rejects.toThrow(RangeError);
  });

  it('computes the Ogg checksum (not the zip one)', () => {
    // CRC-32/MPEG-2 family with init 0 and no final xor ("CRC-32/CKSUM" less its length and xor):
    // the check value of "123456789" for poly 0x04c11db7, init 0, no reflection, no xor is 0x89a1897f.
    expect(oggCrc(new TextEncoder().encode('123456789'))).toBe(0x89a1897f);
  });
});
