// The export service as the bridge reaches it, on the real library and a real job runner: files
// written into exports/ with the names it reports, an EPUB as a job whose result names its file,
// refusals for what cannot be exported, readExportFile confined to exports/; and the bridge schemas
// refusing bad arguments before any of that runs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import type { JobEvent } from '../../../common/bridge/events';
import { BRIDGE_SCHEMAS } from '../../../common/bridge/schemas';
import { createJobRunner, type JobRunner } from '../../../main/jobs/runner';
import { addOwnDocument } from '../../../main/library/own-documents';
import { createMediaCatalog } from '../../../main/media/catalog';
import { createExchangeService, exportsDir } from '../../../main/exchange/service';
import { readEpub } from '../../../main/exchange/epub-read';
import { repoLibrary, tempDir } from '../notes/helpers';
import { smallNarratedDocument } from '../library/support';
import { renderExport } from '../../../main/exchange/render';
import { DOC, germanOnly } from './support';

let temp: ReturnType<typeof tempDir>;
let jobs: JobRunner;
beforeEach(() => {
  temp = tempDir('mitlesen-exchange-');
  jobs = createJobRunner();
});
afterEach(async () => {
  await jobs.close();
  temp.remove();
});

const NOW = () => new Date('2026-03-04T05:06:07.000Z');

function service() {
  const library = repoLibrary(temp.dir);
  const media = createMediaCatalog((id) => library.mediaFolder(id));
  return { library, ...createExchangeService({ dataDir: temp.dir, load: (id) => library.editions.get(id), media, jobs, now: NOW }) };
}

function finished(jobId: string): Promise<JobEvent> {
  return new Promise((resolveEvent) => {
    const stop = jobs.subscribe((event) => {
      if (event.jobId === jobId && ['done', 'failed', 'cancelled'].includes(event.state)) {
        stop();
        resolveEvent(event);
      }
    });
  });
}

async function refusal(promise: Promise<unknown> | unknown): Promise<BridgeError> {
  const error = await Promise.resolve(promise).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BridgeError);
  return error as BridgeError;
}

describe('exportDocument', () => {
  it('writes the text formats at once into exports/, with the names and sizes it reports', async () => {
    const { handlers } = service();
    const result = await handlers.exportDocument({ documentId: DOC, format: 'vtt' });
    expect(result.jobId).toBeNull();
    expect(result.files.map((f) => f.fileName)).toEqual([
      'china-sieht-alles-2026-03-04-05-06-07.de.vtt',
      'china-sieht-alles-2026-03-04-05-06-07.de.chapters.vtt',
      'china-sieht-alles-2026-03-04-05-06-07.en.vtt',
      'china-sieht-alles-2026-03-04-05-06-07.en.chapters.vtt',
    ]);
    for (const file of result.files) {
      expect(file.path).toBe(join(exportsDir(temp.dir), file.fileName));
      expect(readFileSync(file.path).length).toBe(file.bytes);
    }
    // Nothing else is left there (no temporary files of the atomic writes).
    expect(readdirSync(exportsDir(temp.dir)).sort()).toEqual(result.files.map((f) => f.fileName).sort());
    const md = await handlers.exportDocument({ documentId: DOC, format: 'md', language: 'en' });
    expect(readFileSync(md.files[0]!.path, 'utf8')).toMatch(/^# China sieht alles \/ China Sees Everything/);
  });

  it('exports one language when asked', async () => {
    const { handlers } = service();
    const result = await handlers.exportDocument({ documentId: DOC, format: 'podcast', language: 'en' });
    expect(result.files.map((f) => f.fileName.replace(/^.*-07/, ''))).toEqual(['.en.transcript.json', '.en.chapters.json']);
  });

  it('packs an EPUB in a job whose result names the file, with the narration inside', async () => {
    const { handlers } = service();
    const seen: JobEvent[] = [];
    const stop = jobs.subscribe((e) => seen.push(e));
    const started = await handlers.exportDocument({ documentId: DOC, format: 'epub', language: 'en' });
    expect(started.files).toEqual([]);
    const event = await finished(started.jobId!);
    stop();
    // It said how far it was on the way (progress events are throttled, so not every step shows).
    expect(seen.map((e) => e.state)).toContain('running');
    expect(seen.filter((e) => e.state === 'running').every((e) => e.progress === null || (e.progress >= 0 && e.progress < 1))).toBe(true);
    expect(event.state).toBe('done');
    const { files } = event.result as { files: { fileName: string; path: string }[] };
    expect(files.map((f) => f.fileName)).toEqual(['china-sieht-alles-2026-03-04-05-06-07.en.epub']);
    const book = readEpub(readFileSync(files[0]!.path), files[0]!.fileName);
    expect([...book.audio.keys()]).toEqual(['OEBPS/audio/en.mp3']);
    expect(book.audio.get('OEBPS/audio/en.mp3')!.length).toBe(readFileSync(join(import.meta.dirname, '..', '..', '..', 'assets', 'narration', DOC, 'en.mp3')).length);
  }, 30_000);

  it('exports a document of the user’s own from the data folder', async () => {
    const { handlers, library } = service();
    await addOwnDocument({ dataDir: temp.dir, ...smallNarratedDocument(), id: 'small-interview', reserved: new Set([DOC]) });
    const result = await handlers.exportDocument({ documentId: 'small-interview', format: 'srt', language: 'de' });
    expect(readFileSync(result.files[0]!.path, 'utf8')).toContain('Kleines Gespräch');
  });

  it('refuses an unknown document, and a language the document is not narrated in', async () => {
    const { handlers } = service();
    expect((await refusal(handlers.exportDocument({ documentId: 'no-such-doc', format: 'srt' }))).code).toBe('not-found');
    expect(existsSync(exportsDir(temp.dir))).toBe(false);
    const { edition, timing } = germanOnly();
    const noEnglish = await refusal(renderExport({ edition, timing, timingProblem: null }, { format: 'vtt', language: 'en', readAudio: async () => new Uint8Array() }));
    expect([noEnglish.code, noEnglish.message]).toEqual(['invalid-argument', '"nur-deutsch" has no English narration; it is narrated in German.']);
    const unnarrated = await refusal(renderExport({ edition, timing: null, timingProblem: 'no narration yet' }, { format: 'srt', readAudio: async () => new Uint8Array() }));
    expect(unnarrated.message).toMatch(/has no narration timings to export \(no narration yet\); only the Markdown text can be exported/);
    // Markdown needs no narration.
    await expect(renderExport({ edition, timing: null, timingProblem: null }, { format: 'md', readAudio: async () => new Uint8Array() })).resolves.toHaveLength(1);
  });
});

describe('readExportFile', () => {
  it('gives an exported file back as base64, and nothing outside exports/', async () => {
    const { handlers } = service();
    const { files } = await handlers.exportDocument({ documentId: DOC, format: 'syncmap', language: 'de' });
    const read = await handlers.readExportFile({ fileName: files[0]!.fileName });
    expect(Buffer.from(read.base64, 'base64').equals(readFileSync(files[0]!.path))).toBe(true);
    expect(read.mimeType).toBe('application/json');
    expect((await refusal(handlers.readExportFile({ fileName: '../settings.json' }))).code).toBe('invalid-argument');
    expect((await refusal(handlers.readExportFile({ fileName: 'china-sieht-alles-2026-03-04-05-06-08.de.srt' }))).code).toBe('not-found');
  });
});

describe('the bridge schemas', () => {
  it('refuse a bad format, language, document id or file name, and extra fields', () => {
    const bad = [
      { documentId: DOC, format: 'docx' },
      { documentId: DOC, format: 'vtt', language: 'fr' },
      { documentId: '../x', format: 'vtt' },
      { documentId: DOC, format: 'vtt', out: '/etc' },
    ];
    for (const arg of bad) expect(BRIDGE_SCHEMAS.exportDocument.safeParse(arg).success, JSON.stringify(arg)).toBe(false);
    expect(BRIDGE_SCHEMAS.exportDocument.safeParse({ documentId: DOC, format: 'epub', language: 'de' }).success).toBe(true);
    expect(BRIDGE_SCHEMAS.readExportFile.safeParse({ fileName: 'china-sieht-alles-2026-03-04-05-06-07/../../x.md' }).success).toBe(false);
  });
});
