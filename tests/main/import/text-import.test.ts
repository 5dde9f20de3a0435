// Importing a text without audio, for real: segmented, narrated by eSpeak with word times, added to
// a library in a temporary data folder; progress is reported; a cancel or a text with nothing to
// read leaves the library as it was.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import { importText } from '../../../main/import/text-import';
import type { JobContext } from '../../../main/jobs/runner';
import { libraryDir } from '../../../main/library/own-documents';
import { repoLibrary, tempDir } from '../notes/helpers';

let temp: ReturnType<typeof tempDir>;
let dataDir: string;
beforeEach(() => {
  temp = tempDir('mitlesen-import-');
  dataDir = join(temp.dir, 'data');
});
afterEach(() => temp.remove());

function context(abortAfter = Number.POSITIVE_INFINITY) {
  const controller = new AbortController();
  const reports: { fraction: number | null; message?: string }[] = [];
  const ctx: JobContext = {
    signal: controller.signal,
    progress(fraction, message) {
      reports.push({ fraction, ...(message === undefined ? {} : { message }) });
      if (reports.length >= abortAfter) controller.abort();
    },
  };
  return { ctx, reports };
}

const TEXT = '# Erster Teil\n\nDer Zug fährt um 8 Uhr ab. Er ist pünktlich.\n\n# Zweiter Teil\n\nAm 3. Oktober regnet es, z. B. in Berlin. Dann scheint die Sonne.';

describe('importText', () => {
  it('narrates the text, times every word, and adds it to the library', async () => {
    const library = repoLibrary(dataDir);
    const { ctx, reports } = context();
    const added = await importText({ title: 'Eine Reise', text: TEXT, format: 'markdown', language: 'de' }, ctx, { library });
    expect(added).toMatchObject({ kind: 'own', status: 'ready', languages: ['de'], title: { de: 'Eine Reise', en: '' } });
    expect(added.duration).toBeGreaterThan(3);
    const bundle = await library.load(added.id);
    expect(bundle.timingProblem).toBeNull();
    expect(bundle.edition.chapters.map((c) => c.title.de)).toEqual(['Erster Teil', 'Zweiter Teil']);
    expect(bundle.edition.sentences.map((s) => s.de)).toEqual([
      'Eine Reise',
      'Der Zug fährt um 8 Uhr ab.',
      'Er ist pünktlich.',
      'Am 3. Oktober regnet es, z. B. in Berlin.',
      'Dann scheint die Sonne.',
    ]);
    const track = bundle.timing!.tracks.de!;
    expect(bundle.timing!.tracks.en).toBeUndefined();
    expect(track.sentences.every((s) => s.words.length > 0 && s.end > s.start)).toBe(true);
    expect(reports[0]).toEqual({ fraction: 0, message: 'narrating' });
    expect(reports.at(-1)?.fraction).toBeGreaterThan(0.9);
  }, 60_000);

  it('stops on cancel and leaves the library as it was', async () => {
    const library = repoLibrary(dataDir);
    const { ctx } = context(2);
    const error = await importText({ title: 'Abgebrochen', text: TEXT, format: 'markdown', language: 'de' }, ctx, { library }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('AbortError');
    expect((await library.list()).map((d) => d.kind)).toEqual(['bundled']);
    const folders = existsSync(libraryDir(dataDir)) ? readdirSync(libraryDir(dataDir)) : [];
    expect(folders).toEqual([]);
  }, 60_000);

  it('says what is wrong with a text that has nothing to read', async () => {
    const library = repoLibrary(dataDir);
    const error = await importText({ title: 'Leer', text: '# Nur Überschrift\n', format: 'markdown', language: 'de' }, context().ctx, { library }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('invalid-argument');
    expect((error as BridgeError).message).toBe('The text has no sentences to read.');
  });
});
