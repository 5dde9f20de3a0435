// Adding a translation for real: a German document in a temporary data folder is given its Russian
// through the bridge's handler (a job), the pairs are saved beside it and applied each time it is
// read, a fix saved through saveTranslation is what a fresh start reads, and bad input is refused
// with a message that says what is wrong; a damaged translation file leaves the document readable.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import type { JobEvent } from '../../../common/bridge/events';
import { pairingOf } from '../../../common/edition/pairing';
import { writeEdition } from '../../../common/edition/write';
import { editPairs } from '../../../common/parallel/translation';
import { splitSentences } from '../../../common/text/sentences';
import { textToEdition } from '../../../common/text/text-edition';
import { createJobRunner, type JobRunner } from '../../../main/jobs/runner';
import { ownDocumentDir } from '../../../main/library/own-documents';
import { createTranslationService } from '../../../main/parallel/translation-service';
import { TRANSLATION_FILE } from '../../../main/parallel/translation-store';
import { FRENCH, GERMAN, RUSSIAN } from '../../common/parallel/texts';
import { repoLibrary, tempDir } from '../notes/helpers';

let temp: ReturnType<typeof tempDir>;
let dataDir: string;
let jobs: JobRunner;
let emitted: { documentId: string | null }[];
beforeEach(() => {
  temp = tempDir('mitlesen-translation-');
  dataDir = join(temp.dir, 'data');
  jobs = createJobRunner();
  emitted = [];
});
afterEach(async () => {
  await jobs.close();
  temp.remove();
});

function setUp() {
  const library = repoLibrary(dataDir);
  const service = createTranslationService({ library, jobs, events: { emit: (_name, payload) => void emitted.push(payload as { documentId: string | null }) } });
  return { library, handlers: service.handlers };
}

async function addGerman(library: ReturnType<typeof repoLibrary>): Promise<string> {
  const input = textToEdition({ title: 'Die Mauer', text: GERMAN.join('\n\n'), format: 'markdown', language: 'de' }, 'die-mauer', splitSentences, { titleIsRead: false });
  return (await library.createOwnDocument({ editionSource: writeEdition(input) })).id;
}

function finished(jobId: string): Promise<JobEvent> {
  return new Promise((resolve) => {
    const check = (event: JobEvent | null) => {
      if (event && event.jobId === jobId && ['done', 'failed', 'cancelled'].includes(event.state)) {
        off();
        resolve(event);
      }
    };
    const off = jobs.subscribe(check);
    check(jobs.getJob(jobId));
  });
}

describe('the translation service', () => {
  it('pairs a Russian translation with a German document, saves it, and applies it whenever the document is read', async () => {
    const { library, handlers } = setUp();
    const documentId = await addGerman(library);
    const { jobId } = await handlers.addTranslation({ documentId, text: RUSSIAN.join('\n\n'), format: 'markdown', language: 'ru' });
    const done = await finished(jobId);
    expect(done.state).toBe('done');
    expect(done.result).toEqual({ documentId, pairs: 13, uncertain: 0, sentences: { document: 13, translation: 13 } });
    expect(emitted).toContainEqual({ documentId });

    const saved = JSON.parse(readFileSync(join(ownDocumentDir(dataDir, documentId), TRANSLATION_FILE), 'utf8'));
    expect(saved).toMatchObject({ format: 1, lang: 'ru', titles: { ch01: 'Стена', ch02: 'Единство', ch03: 'Последствия' } });
    const opened = await library.open(documentId);
    expect(opened.kind).toBe('own');
    expect(opened.translation?.pairs).toHaveLength(13);
    expect(opened.edition.languages).toEqual(['de', 'en']);
    expect(opened.edition.languageTags).toEqual({ en: 'ru' });
    const first = opened.edition.sentences[0]!;
    expect([first.de, first.en]).toEqual(['Im November 1989 fiel in Berlin die Mauer.', 'В ноябре 1989 года в Берлине пала стена.']);
    expect((await library.list()).find((d) => d.id === documentId)?.languages).toEqual(['de', 'en']);
  });

  it('saves a fixed pairing, which a fresh start reads back', async () => {
    const { library, handlers } = setUp();
    const documentId = await addGerman(library);
    await finished((await handlers.addTranslation({ documentId, text: RUSSIAN.join('\n\n'), format: 'markdown', language: 'ru' })).jobId);
    const opened = await library.open(documentId);
    const second = opened.edition.sentences[1]!.id;
    const fixed = editPairs(opened.edition, opened.translation!, 'joinAbove', second);
    if (!fixed.ok) throw new Error(`refused: ${fixed.reason}`);
    await handlers.saveTranslation({ documentId, translation: fixed.translation });

    const again = repoLibrary(dataDir);
    const reopened = await again.open(documentId);
    expect(reopened.translation).toEqual(fixed.translation);
    expect(pairingOf(reopened.edition).group(opened.edition.sentences[0]!.id)).toEqual([opened.edition.sentences[0]!.id, second]);
    // The notes' view of the document (the shared edition cache) has the fix too.
    expect((await library.editions.get(documentId)).edition.sentences[1]!.enWith).toBe(opened.edition.sentences[0]!.id);
  });

  it('refuses what does not fit, says why, and keeps the document readable when its translation file is damaged', async () => {
    const { library, handlers } = setUp();
    const documentId = await addGerman(library);
    await finished((await handlers.addTranslation({ documentId, text: RUSSIAN.join('\n\n'), format: 'markdown', language: 'ru' })).jobId);
    const { translation } = await library.open(documentId);
    const refusal = (result: unknown) => Promise.resolve(result).then(() => null, (error: unknown) => (error instanceof BridgeError ? `${error.code}: ${error.message}` : String(error)));

    const missing = { ...translation!, pairs: translation!.pairs.slice(1) };
    expect(await refusal(handlers.saveTranslation({ documentId, translation: missing }))).toBe(`invalid-argument: translation: pair 1: expected sentence ${translation!.pairs[0]!.a[0]}, found ${translation!.pairs[1]!.a[0]}`);
    expect(await refusal(handlers.saveTranslation({ documentId: 'china-sieht-alles', translation: translation! }))).toBe('forbidden: "china-sieht-alles" comes with Mitlesen; its translation cannot be changed.');
    expect(await refusal(handlers.addTranslation({ documentId: 'china-sieht-alles', text: 'Hello.', format: 'plain', language: 'en' }))).toBe('forbidden: "china-sieht-alles" comes with Mitlesen; its translation cannot be changed.');
    expect(await refusal(handlers.saveTranslation({ documentId: 'no-such-document', translation: translation! }))).toBe('not-found: There is no document "no-such-document".');
    expect(await refusal(handlers.addTranslation({ documentId, text: GERMAN.join('\n\n'), format: 'markdown', language: 'en' }))).toBe('invalid-argument: text: this looks German, like the document; choose its translation.');
    expect(await refusal(handlers.addTranslation({ documentId, text: '# Nur eine Überschrift', format: 'markdown', language: 'en' }))).toBe('invalid-argument: text: the translation has no sentences.');
    // The same for a document in any language: a French text given its own French as a Spanish translation.
    const french = textToEdition({ title: 'Le Mur', text: FRENCH.join('\n\n'), format: 'markdown', language: 'fr' }, 'le-mur', splitSentences, { titleIsRead: false });
    const frenchId = (await library.createOwnDocument({ editionSource: writeEdition(french) })).id;
    expect(await refusal(handlers.addTranslation({ documentId: frenchId, text: FRENCH.join('\n\n'), format: 'markdown', language: 'es' }))).toBe('invalid-argument: text: this looks French, like the document; choose its translation.');
    // Its German is taken.
    expect(await refusal(handlers.addTranslation({ documentId: frenchId, text: GERMAN.join('\n\n'), format: 'markdown', language: 'de' }))).toBeNull();
    // Nothing refused was kept.
    expect((await repoLibrary(dataDir).open(documentId)).translation).toEqual(translation);

    writeFileSync(join(ownDocumentDir(dataDir, documentId), TRANSLATION_FILE), '{"format": 1, "lang": "ru", "sentences": [], "pairs": [');
    const logged: string[] = [];
    const fresh = (await import('../../../main/library/library')).createLibrary({
      transcriptsDir: join(import.meta.dirname, '../../../transcripts'),
      narrationDir: join(import.meta.dirname, '../../../assets/narration'),
      dataDir,
      log: (message) => void logged.push(message),
    });
    const damaged = await fresh.open(documentId);
    expect(damaged.translation).toBeNull();
    expect(damaged.edition.languages).toEqual(['de']);
    expect(logged.join('\n')).toMatch(/opens without its translation: translation\.json: not valid JSON/);
  });
});
