// Bad input for the importers' parsers: each is refused with a message naming the file and the line
// or entry, never half read. Malformed timestamps, unordered and overlapping cues, a file over the
// size limit (tested with a small limit: nothing writes a gigabyte), and for EPUB: paths outside the
// book, XXE, a zip bomb, and a SMIL pointing at a missing audio file or fragment.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readPodcastTranscript } from '../../../common/exchange/podcast-read';
import { readSyncMap } from '../../../common/exchange/syncmap-read';
import { readCaptions } from '../../../main/exchange/captions-read';
import { buildEpub } from '../../../main/exchange/epub';
import { parseClock, readEpub } from '../../../main/exchange/epub-read';
import { DEFAULT_LIMITS, ImportError, readTextLimited } from '../../../main/exchange/limits';
import { small } from './support';

const dir = mkdtempSync(join(tmpdir(), 'mitlesen-bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function problems(text: string, format: 'vtt' | 'srt', name: string, max?: number): Promise<string[]> {
  const read = await readCaptions(text, format, name, max);
  if (read.ok) throw new Error(`${name} was accepted`);
  return read.problems;
}

describe('captions', () => {
  it('refuses a malformed timestamp, naming the file and the line', async () => {
    const vtt = 'WEBVTT\n\ns001\n00:00:01.000 --> 00:00:02.000\nGut.\n\ns002\n00:00:02.5x0 --> 00:00:03.000\nSchlecht.\n';
    expect(await problems(vtt, 'vtt', 'talk.vtt')).toEqual([expect.stringMatching(/^talk\.vtt, line 8: cue start timestamp `00:00:02\.5x0` is invalid/)]);
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nGut.\n\n2\n00:00:02,500 --> 00:0x:03,000\nSchlecht.\n';
    expect((await problems(srt, 'srt', 'talk.srt'))[0]).toMatch(/^talk\.srt, line 6: .*timestamp/);
  });

  it('refuses a file that is not WebVTT', async () => {
    expect((await problems('1\n00:00:01.000 --> 00:00:02.000\nx\n', 'vtt', 'no-header.vtt'))[0]).toMatch(/^no-header\.vtt, line 1: /);
  });

  it('refuses unordered cues and overlapping cues, naming both lines', async () => {
    const unordered = 'WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nzwei\n\n00:00:01.000 --> 00:00:02.000\neins\n';
    expect(await problems(unordered, 'vtt', 'order.vtt')).toEqual([
      'order.vtt, line 6: the cue starts at 1 s, before the cue on line 3 (5 s); cues must be in time order',
    ]);
    const overlapping = '1\n00:00:01,000 --> 00:00:03,000\neins\n\n2\n00:00:02,000 --> 00:00:04,000\nzwei\n';
    expect(await problems(overlapping, 'srt', 'overlap.srt')).toEqual([
      'overlap.srt, line 6: the cue starts at 2 s, while the cue on line 2 still runs (until 3 s); cues must not overlap',
    ]);
  });

  it('refuses a cue that ends before it starts', async () => {
    const srt = '1\n00:00:03,000 --> 00:00:01,000\nrückwärts\n';
    expect(await problems(srt, 'srt', 'back.srt')).toEqual(['back.srt, line 2: the cue could not be read: its times are malformed, or it ends before it starts']);
  });

  it('refuses an SRT over the size limit while reading it, and reads one under it', async () => {
    const cue = (i: number) => `${i + 1}\n00:00:${String(i % 60).padStart(2, '0')},000 --> 00:00:${String(i % 60).padStart(2, '0')},500\nZeile ${i}\n\n`;
    const text = Array.from({ length: 2000 }, (_, i) => cue(i)).join('');
    const file = join(dir, 'huge.srt');
    writeFileSync(file, text);
    await expect(readTextLimited(file, 16 * 1024)).rejects.toThrow(/^huge\.srt: the file is larger than 16 KB, the most that is read; refused\.$/);
    await expect(readTextLimited(file, 1024 * 1024)).resolves.toBe(text);
    // And the parser refuses text over its limit before parsing.
    expect(await problems(text, 'srt', 'huge.srt', 16 * 1024)).toEqual(['huge.srt: the file is larger than 16 KB, the most that is read; refused.']);
  });
});

describe('Podcasting 2.0 and sync map JSON', () => {
  it('names the entry that is wrong', () => {
    const bad = JSON.stringify({ version: '1.0.0', segments: [{ startTime: 0, endTime: 1, body: 'a' }, { startTime: 'zwei', endTime: 3, body: 'b' }] });
    const read = readPodcastTranscript(bad, 'talk.json');
    expect(read.ok ? [] : read.problems).toEqual(['talk.json, segments[1].startTime: a time is a number of seconds']);
  });

  it('refuses overlapping and unordered segments and fragments', () => {
    const overlap = JSON.stringify({ version: '1.0.0', segments: [{ startTime: 0, endTime: 2, body: 'a' }, { startTime: 1, endTime: 3, body: 'b' }] });
    const read = readPodcastTranscript(overlap, 'talk.json');
    expect(read.ok ? '' : read.problems[0]).toMatch(/^talk\.json, segments\[1\]: starts at 1, while segments\[0\] runs until 2/);
    const map = readSyncMap(JSON.stringify({ fragments: [{ id: 'a', begin: '2.000', end: '3.000', lines: [], children: [] }, { id: 'b', begin: '1.000', end: '1.500', lines: [], children: [] }] }), 'map.json');
    expect(map.ok ? '' : map.problems[0]).toMatch(/^map\.json, fragment b: begins at 1\.000, before/);
    const notJson = readSyncMap('{ fragments: ', 'map.json');
    expect(notJson.ok ? '' : notJson.problems[0]).toMatch(/^map\.json: not JSON/);
  });
});

/** Our small EPUB with some entries replaced (or added), repacked. */
function tampered(change: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const { edition, timing } = small();
  const bytes = buildEpub({ edition, timing, lang: 'de', audio: new Uint8Array(2048).fill(7) });
  const entries: Record<string, Uint8Array> = {};
  // Unpacked with fflate as our reader does, then changed and packed again, mimetype first.
  for (const [name, data] of Object.entries(unzipSync(bytes))) entries[name] = data;
  change(entries);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { level: name === 'mimetype' ? 0 : 6 }];
  return zipSync(zippable);
}

const text = (data: Uint8Array) => new TextDecoder().decode(data);

function refusal(bytes: Uint8Array, name: string, limits = DEFAULT_LIMITS): string {
  try {
    readEpub(bytes, name, limits);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe('EPUB', () => {
  it('reads the untouched book (the tampering below is all that makes it fail)', () => {
    expect(readEpub(tampered(() => undefined), 'ok.epub').overlays.length).toBeGreaterThan(0);
  });

  it('refuses an entry whose path leaves the book', () => {
    const bytes = tampered((e) => {
      e['../../outside.txt'] = strToU8('escaped');
    });
    expect(refusal(bytes, 'evil.epub')).toBe('evil.epub, entry "../../outside.txt": the path points outside the book (absolute, "..", or a drive); refused.');
  });

  it('refuses a manifest href that leaves the book', () => {
    const bytes = tampered((e) => {
      e['OEBPS/package.opf'] = strToU8(text(e['OEBPS/package.opf']!).replace('href="style.css"', 'href="../../../etc/passwd"'));
    });
    expect(refusal(bytes, 'evil.epub')).toMatch(/^evil\.epub, entry "OEBPS\/package\.opf", line \d+ \(item "css"\): "\.\.\/\.\.\/\.\.\/etc\/passwd" points outside the book; refused\.$/);
  });

  it('refuses XXE: a document type that declares an external entity', () => {
    const bytes = tampered((e) => {
      const xhtml = text(e['OEBPS/text/ch01.xhtml']!)
        .replace('<!DOCTYPE html>', '<!DOCTYPE html [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>')
        .replace('Kleines Gespräch</span>', '&xxe;</span>');
      e['OEBPS/text/ch01.xhtml'] = strToU8(xhtml);
    });
    expect(refusal(bytes, 'xxe.epub')).toMatch(/^xxe\.epub, entry "OEBPS\/text\/ch01\.xhtml", line 2: declares entities .*refused/);
  });

  it('refuses a zip bomb by its headers, before unpacking it', () => {
    const bomb = zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }], 'OEBPS/zeros.bin': [new Uint8Array(8 * 1024 * 1024), { level: 9 }] });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(refusal(bomb, 'bomb.epub')).toMatch(/^bomb\.epub, entry "OEBPS\/zeros\.bin": packed \d+ to 1, more than any real book \(200 to 1\); refused as a likely zip bomb\.$/);
    const limits = { ...DEFAULT_LIMITS, entryBytes: 1024 * 1024 };
    expect(refusal(bomb, 'bomb.epub', limits)).toBe('bomb.epub, entry "OEBPS/zeros.bin": unpacks to 8 MB, more than the 1 MB allowed for one entry; refused.');
  });

  it('refuses a SMIL pointing at a missing audio file, naming the SMIL and the line of the par', () => {
    const bytes = tampered((e) => {
      delete e['OEBPS/audio/de.mp3'];
    });
    expect(refusal(bytes, 'noaudio.epub')).toBe('noaudio.epub, entry "OEBPS/smil/ch01.smil", line 5: the audio "../audio/de.mp3" is not in the book (looked for "OEBPS/audio/de.mp3").');
  });

  it('refuses a SMIL pointing at a fragment the text does not have', () => {
    const bytes = tampered((e) => {
      e['OEBPS/smil/ch02.smil'] = strToU8(text(e['OEBPS/smil/ch02.smil']!).replace('#de-s006', '#de-s999'));
    });
    expect(refusal(bytes, 'nofragment.epub')).toBe('nofragment.epub, entry "OEBPS/smil/ch02.smil", line 5: the text "../text/ch02.xhtml#de-s999" points at no element: "OEBPS/text/ch02.xhtml" has no id "de-s999".');
  });

  it('refuses a clip time that is not a SMIL clock value', () => {
    expect(parseClock('0:01:02.500')).toBe(62.5);
    expect(parseClock('1.5min')).toBe(90);
    expect(parseClock('250ms')).toBe(0.25);
    expect(parseClock('12,5s')).toBeNull();
    const bytes = tampered((e) => {
      e['OEBPS/smil/ch01.smil'] = strToU8(text(e['OEBPS/smil/ch01.smil']!).replace(/clipEnd="[^"]+"/, 'clipEnd="bald"'));
    });
    expect(refusal(bytes, 'clock.epub')).toBe('clock.epub, entry "OEBPS/smil/ch01.smil", line 5: clipEnd "bald" is missing or not a SMIL clock value.');
  });

  it('refuses XML that is not well-formed, with its line', () => {
    const bytes = tampered((e) => {
      e['OEBPS/smil/ch01.smil'] = strToU8(text(e['OEBPS/smil/ch01.smil']!).replace('</seq>', ''));
    });
    expect(refusal(bytes, 'broken.epub')).toMatch(/^broken\.epub, entry "OEBPS\/smil\/ch01\.smil", line \d+: not well-formed XML: /);
  });

  it('refuses a file that is not a zip, or a zip that is not an EPUB', () => {
    expect(refusal(strToU8('not a zip at all'), 'plain.epub')).toMatch(/^plain\.epub: not a readable ZIP archive/);
    expect(refusal(zipSync({ 'a.txt': strToU8('x') }), 'other.zip')).toMatch(/^other\.zip: there is no "mimetype" entry/);
  });
});
