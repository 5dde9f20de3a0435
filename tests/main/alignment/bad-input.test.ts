// Bad input gets a message that names the file and says what is wrong, before any alignment runs.
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAudioFiles } from '../../../main/alignment/decode';
import { alignRecording, AlignInputError } from '../../../main/alignment/index';
import { FIXTURE, fixtureSentences } from './helpers';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mitlesen-align-bad-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function align(file: string, sentences = fixtureSentences) {
  return alignRecording({ audioFiles: [file], sentences, language: 'de', workDir: join(dir, `w-${Math.random()}`), engineHome: join(dir, 'home'), textName: 'text.txt' });
}

async function rejection(promise: Promise<unknown>): Promise<AlignInputError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AlignInputError);
  return error as AlignInputError;
}

describe('bad input', () => {
  it('zero bytes', async () => {
    const file = join(dir, 'empty.mp3');
    await writeFile(file, '');
    const e = await rejection(align(file));
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/empty \(0 bytes\)/);
  });

  it('not audio', async () => {
    const file = join(dir, 'notes.mp3');
    await writeFile(file, 'Dies ist kein Ton, sondern ein Text.\n'.repeat(200));
    const e = await rejection(align(file));
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/not an audio file/);
  });

  it('a truncated MP3', { timeout: 30_000 }, async () => {
    const bytes = await readFile(join(FIXTURE, 'speech.mp3'));
    const file = join(dir, 'cut.mp3');
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.6) + 7));
    const e = await rejection(align(file));
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/truncated/);
  });

  it('a corrupt MP3 (its middle overwritten)', { timeout: 30_000 }, async () => {
    const bytes = Buffer.from(await readFile(join(FIXTURE, 'speech.mp3')));
    for (let i = 0; i < 20_000; i++) bytes[150_000 + i] = (i * 7919) % 251;
    const file = join(dir, 'damaged.mp3');
    await writeFile(file, bytes);
    const e = await rejection(align(file));
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/damaged|could not be decoded/);
  });

  it('a text far shorter than the audio', { timeout: 30_000 }, async () => {
    const e = await rejection(align(join(FIXTURE, 'speech.wav'), fixtureSentences.slice(0, 1)));
    expect(e.message).toMatch(/^text\.txt: far shorter than the audio/);
  });

  it('a text far longer than the audio', { timeout: 30_000 }, async () => {
    const long = Array.from({ length: 6 }, (_, r) => fixtureSentences.map((s) => ({ id: `${s.id}-${r}`, text: s.text }))).flat();
    const e = await rejection(align(join(FIXTURE, 'speech.wav'), long));
    expect(e.message).toMatch(/^text\.txt: far longer than the audio/);
  });
});

// Minimal MP4 structures, built box by box: enough for the sniff, which reads no audio.
function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}
const u32 = (...values: number[]) => Buffer.concat(values.map((v) => { const b = Buffer.alloc(4); b.writeUInt32BE(v); return b; }));
const ftyp = (brand: string) => box('ftyp', Buffer.from(brand, 'latin1'), u32(0), Buffer.from(`${brand}mp42isom`, 'latin1'));
// An audio sample entry: reserved, data reference 1, reserved, 2 channels, 16 bits, 44.1 kHz; then its boxes.
const audioEntry = (type: string, ...children: Buffer[]) => box(type, Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]), Buffer.alloc(8), Buffer.from([0, 2, 0, 16, 0, 0, 0, 0]), u32(44100 * 65536), ...children);
const sinf = (scheme: string) => box('sinf', box('frma', Buffer.from('mp4a', 'latin1')), box('schm', u32(0), Buffer.from(scheme, 'latin1'), u32(0x10000)), box('schi'));
const moov = (entry: Buffer) => box('moov', box('mvhd', Buffer.alloc(100)), box('trak', box('mdia', box('minf', box('stbl', box('stsd', u32(0, 1), entry), box('stts', u32(0, 0)))))));
const mdat = (bytes: number) => box('mdat', Buffer.alloc(bytes, 0x5a));

describe('recordings locked with DRM', () => {
  const cases: [string, string, Buffer, RegExp][] = [
    ['Apple FairPlay in an M4B', 'hoerbuch.m4b', Buffer.concat([ftyp('M4B '), moov(audioEntry('drms', box('esds', Buffer.alloc(30)), sinf('itun'))), mdat(4096)]), /\(Apple FairPlay\)/],
    ['Common Encryption', 'kapitel.m4a', Buffer.concat([ftyp('M4A '), moov(audioEntry('enca', sinf('cenc'))), mdat(4096)]), /\(encrypted audio, Common Encryption, cenc\)/],
    ['a protection scheme in a plain-looking entry', 'plain.m4a', Buffer.concat([ftyp('M4A '), moov(audioEntry('mp4a', sinf('cbcs'))), mdat(4096)]), /\(Common Encryption, cbcs\)/],
    // moov after 6 MB of media data: found by jumping from box to box, not by reading it all.
    ['moov at the end', 'ende.m4b', Buffer.concat([ftyp('M4B '), mdat(6 * 1024 * 1024), moov(audioEntry('drms', sinf('itun')))]), /\(Apple FairPlay\)/],
    ['Audible AAX', 'audible.aax', Buffer.concat([ftyp('aax '), moov(audioEntry('aavd')), mdat(4096)]), /\(Audible AAX\)/],
    ['Audible .aa', 'alt.aa', Buffer.concat([u32(4096 + 8, 0x57907536), Buffer.alloc(4096)]), /\(Audible \.aa\)/],
  ];
  for (const [name, fileName, bytes, kind] of cases) {
    it(`refuses ${name}, naming the file, before decoding`, async () => {
      const file = join(dir, fileName);
      await writeFile(file, bytes);
      const e = await rejection(align(file));
      expect(e.message).toContain(`${file}: the recording is protected by DRM (`);
      expect(e.message).toMatch(kind);
      expect(e.message).toMatch(/Mitlesen can only read recordings without DRM$/);
    });
  }

  it('lets a clean M4A through, and a clean MP4 built like the locked ones', async () => {
    expect(await checkAudioFiles([join(FIXTURE, 'speech.m4a')])).toMatchObject([{ format: 'm4a' }]);
    const file = join(dir, 'clean.m4a');
    await writeFile(file, Buffer.concat([ftyp('M4A '), moov(audioEntry('mp4a', box('esds', Buffer.alloc(30)))), mdat(4096)]));
    expect(await checkAudioFiles([file])).toMatchObject([{ format: 'm4a' }]);
  });
});

describe('npm run align', () => {
  const cli = resolve(import.meta.dirname, '../../../main/alignment/cli.ts');
  const tsx = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');

  it('exits 2 with usage on bad arguments', async () => {
    for (const args of [[], [join(FIXTURE, 'speech.wav')], [join(FIXTURE, 'speech.wav'), '--text', join(FIXTURE, 'text.txt'), '--language', '??'], ['--bogus']]) {
      const e = (await run(tsx, [cli, ...args]).then(() => null, (x: unknown) => x)) as { code: number; stderr: string } | null;
      expect(e?.code).toBe(2);
      expect(e?.stderr).toMatch(/Usage: npm run align/);
    }
  });

  it('writes the JSON with sentences and words, and names a bad file with exit 1', { timeout: 60_000 }, async () => {
    const out = join(dir, 'out.json');
    await run(tsx, [cli, join(FIXTURE, 'speech.mp3'), '--text', join(FIXTURE, 'text.txt'), '--json', out, '--work', join(dir, 'cli-work')]);
    const json = JSON.parse(await readFile(out, 'utf8')) as { duration: number; sentences: { text: string; start: number | null; words: { text: string; start: number | null }[] }[] };
    expect(json.duration).toBeCloseTo(50.17, 1);
    expect(json.sentences).toHaveLength(10);
    expect(json.sentences[0]!.text).toMatch(/^Europa und Asien/);
    expect(json.sentences[0]!.words[0]).toMatchObject({ text: 'Europa' });
    expect(Math.abs(json.sentences[0]!.start! - 0.5)).toBeLessThan(0.15);

    const empty = join(dir, 'nothing.wav');
    await writeFile(empty, '');
    const e = (await run(tsx, [cli, empty, '--text', join(FIXTURE, 'text.txt')]).then(() => null, (x: unknown) => x)) as { code: number; stderr: string };
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(`${empty}: the file is empty`);
  });
});
