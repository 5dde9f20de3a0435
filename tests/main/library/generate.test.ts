// A generated test document through the real library: added to a data folder, listed, opened with
// timings that pass the player's check, its media served by the catalog; the same options give
// the same files; and `npm run generate` itself, with its exit codes.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitWords } from '../../../common/text/words';
import { parseTimedTranscript, parseWaveformPeaks } from '../../../common/timing/model';
import { generateDocument } from '../../../main/library/generate/document';
import { readOggPages } from '../../../main/library/generate/ogg-silence';
import type { Library } from '../../../main/library/library';
import { ownDocumentDir } from '../../../main/library/own-documents';
import { createMediaCatalog } from '../../../main/media/catalog';
import { REPO, repoLibrary, tempDir } from '../notes/helpers';

const run = promisify(execFile);
const SMALL = { words: 2000, chapters: 10, title: 'Ein kleines Buch' };

let temp: ReturnType<typeof tempDir>;
let dataDir: string;
let library: Library;
beforeEach(() => {
  temp = tempDir('mitlesen-generate-');
  dataDir = join(temp.dir, 'data');
  library = repoLibrary(dataDir);
});
afterEach(() => temp.remove());

describe('a generated document in the library', () => {
  it('is listed, opens, and its timings fit its edition', async () => {
    const generated = await generateDocument(SMALL);
    const entry = await library.createOwnDocument(generated.input);
    expect(entry).toMatchObject({ id: generated.id, kind: 'own', title: { de: 'Ein kleines Buch', en: 'Ein kleines Buch' }, languages: ['de', 'en'], status: 'ready' });
    expect((await library.list()).map((e) => e.id)).toContain(generated.id);

    const bundle = await library.load(generated.id);
    expect(bundle.timingProblem).toBeNull();
    const { edition, timing } = bundle;
    expect(edition.chapters).toHaveLength(10);
    const words = edition.sentences.reduce((n, s) => n + splitWords(s.de).length, 0);
    expect(words).toBe(generated.germanWords);
    // At least the words asked for, and at most one answer (8 sentences of ~30 words) more.
    expect(words).toBeGreaterThanOrEqual(2000);
    expect(words).toBeLessThan(2000 + 250);
    // Checked again here, not only by the library: the check is what the player trusts.
    expect(parseTimedTranscript(timing, edition).ok).toBe(true);
    expect(Object.keys(timing!.tracks)).toEqual(['de', 'en']);

    // Like the interview: two speakers, shared English, a pull quote, chapters of similar length.
    expect(new Set(edition.paragraphs.map((p) => p.speakerId).filter(Boolean))).toEqual(new Set(['redaktion', 'grossmann']));
    expect(edition.sentences.some((s) => s.enWith !== null)).toBe(true);
    expect(edition.paragraphs.some((p) => p.kind === 'pullquote')).toBe(true);
    const perChapter = edition.chapters.map((c) => c.sentenceIds.reduce((n, id) => n + splitWords(edition.sentences.find((s) => s.id === id)!.de).length, 0));
    expect(Math.min(...perChapter)).toBeGreaterThan(100);
    expect(Math.max(...perChapter)).toBeLessThan(400);
    // Text for folded and inside-word search.
    const text = edition.sentences.map((s) => s.de).join(' ');
    for (const word of ['Überwachungsstaat', 'Bonitätssystem', 'ß', 'ö', 'ä']) expect(text).toContain(word);
  });

  it('has silent Ogg Vorbis of the timed length and peaks the player accepts, served by the catalog', async () => {
    const generated = await generateDocument(SMALL);
    await library.createOwnDocument(generated.input);
    const { timing } = await library.load(generated.id);
    const catalog = createMediaCatalog((id) => library.mediaFolder(id));
    for (const track of Object.values(timing!.tracks)) {
      expect(track.mimeType).toBe('audio/ogg');
      const audio = await catalog.resolve(track.mediaId);
      expect(audio).toMatchObject({ ok: true, file: { mimeType: 'audio/ogg' } });
      const pages = readOggPages(readFileSync(ownDocumentDir(dataDir, generated.id) + '/media/' + track.mediaId.split('/')[1]));
      expect(pages[0]!.flags & 0x02).toBe(2);
      expect(pages.at(-1)!.flags & 0x04).toBe(4);
      // The last granule position is the sample count at 8 kHz: the audio lasts as long as the timings say.
      expect(Number(pages.at(-1)!.granule)).toBe(Math.round(track.duration * 8000));
      // Every word ends before the audio does.
      expect(track.sentences.at(-1)!.end).toBeLessThan(track.duration);

      const peaksFile = await catalog.resolve(track.peaksMediaId);
      expect(peaksFile.ok).toBe(true);
      const peaks = parseWaveformPeaks(JSON.parse(readFileSync(ownDocumentDir(dataDir, generated.id) + '/media/' + track.peaksMediaId.split('/')[1], 'utf8')));
      expect(peaks.ok).toBe(true);
      if (peaks.ok) expect(peaks.value.data).toHaveLength(Math.ceil(track.duration * peaks.value.peaksPerSecond));
    }
  });

  it('is the same for the same options, and another for another seed', async () => {
    const a = await generateDocument(SMALL);
    const b = await generateDocument(SMALL);
    expect(b.id).toBe(a.id);
    expect(b.input.editionSource).toBe(a.input.editionSource);
    expect(JSON.stringify(b.timing)).toBe(JSON.stringify(a.timing));
    expect(b.input.media).toEqual(a.input.media);
    const c = await generateDocument({ ...SMALL, seed: 'another' });
    expect(c.id).not.toBe(a.id);
    expect(c.input.editionSource).not.toBe(a.input.editionSource.replaceAll(a.id, c.id));
  });

  it('narrates at the pace asked for', async () => {
    const slow = await generateDocument({ ...SMALL, wordsPerMinute: 100 });
    const fast = await generateDocument({ ...SMALL, wordsPerMinute: 200 });
    const minutes = (d: typeof slow) => d.timing.tracks.de!.duration / 60;
    expect(slow.germanWords / minutes(slow)).toBeCloseTo(100, -1);
    expect(fast.germanWords / minutes(fast)).toBeCloseTo(200, -1);
  });

  it('refuses options it cannot make a document of', async () => {
    await expect(generateDocument({ ...SMALL, words: 99 })).rejects.toThrow(/--words must be a whole number from 100/);
    await expect(generateDocument({ ...SMALL, chapters: 101 })).rejects.toThrow(/at least 20 per chapter/);
    await expect(generateDocument({ ...SMALL, title: '  ' })).rejects.toThrow(/--title must not be empty/);
  });
});

describe('npm run generate', () => {
  const cli = (...args: string[]) =>
    run(join(REPO, 'node_modules', '.bin', 'tsx'), [join(REPO, 'main', 'library', 'generate-cli.ts'), ...args], { cwd: REPO }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('adds the document and says what it made; exits 2 with the usage on wrong arguments, 1 when it cannot add', async () => {
    const args = ['--words', '500', '--chapters', '3', '--title', 'Über Maß', '--data-dir', dataDir];
    const added = await cli(...args);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Added "Über Maß" as uber-mass-[0-9a-f]{6}/);
    expect(added.stderr).toMatch(/audio de/);
    expect((await library.list()).some((e) => e.title.de === 'Über Maß' && e.status === 'ready')).toBe(true);

    const again = await cli(...args);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already a document/);

    for (const wrong of [
      ['--words', '500', '--chapters', '3', '--title', 'x'],
      ['--words', '5e2', '--chapters', '3', '--title', 'x', '--data-dir', dataDir],
      ['--words', '500', '--chapters', '3', '--title', 'x', '--data-dir', dataDir, '--colour', 'red'],
    ]) {
      const refused = await cli(...wrong);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/Usage: npm run generate/);
    }
  }, 60_000);
});
