// Importing a text without audio: it is segmented into an edition (common/text/text-edition.ts),
// narrated with the built-in eSpeak voice with exact word times (the narration build the interview
// uses), and added to the library whole or not at all. Runs as a job: progress per chapter, and a
// cancel stops it between two chapters and leaves the library as it was.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BridgeError, type LibraryEntry } from '../../common/bridge/contract';
import { writeEdition } from '../../common/edition/write';
import { TextEditionError, textToEdition, type TextSource } from '../../common/text/text-edition';
import type { JobContext } from '../jobs/runner';
import type { Library } from '../library/library';
import { makeDocumentId } from '../library/own-documents';
import { buildNarration, type BuildOptions } from '../narration/build';
import { splitSentences } from '../../common/text/sentences';
import { voiceLanguageFor } from './language';

export interface TextImportOptions {
  library: Pick<Library, 'createOwnDocument'>;
  /** Where the narration is built before it moves into the library (the system's temp folder). */
  workRoot?: string;
  /** Another engine for tests; eSpeak NG by default. */
  engine?: BuildOptions['engine'];
}

class Cancelled extends Error {
  override name = 'AbortError';
}

export async function importText(source: TextSource, context: JobContext, options: TextImportOptions): Promise<LibraryEntry> {
  // Another engine (tests) answers for its own languages when it narrates.
  if (!options.engine) await voiceLanguageFor(source.language);
  const id = makeDocumentId(source.title);
  let input;
  try {
    input = textToEdition(source, id, splitSentences);
  } catch (error) {
    if (error instanceof TextEditionError) throw new BridgeError('invalid-argument', error.message);
    throw error;
  }
  const yaml = writeEdition(input);
  context.progress(0, 'narrating');
  const work = await mkdtemp(join(options.workRoot ?? tmpdir(), 'mitlesen-import-'));
  try {
    const editionFile = join(work, 'edition.yaml');
    await writeFile(editionFile, yaml);
    const out = join(work, 'narration');
    await buildNarration({
      editionFile,
      outRoot: out,
      log: () => undefined,
      ...(options.engine ? { engine: options.engine } : {}),
      onProgress: (p) => {
        // The build has no cancel of its own: stopping it from its progress report is between two
        // pieces of work, so nothing half-written is left (the work folder goes below).
        if (context.signal.aborted) throw new Cancelled('cancelled');
        context.progress(Math.min(0.95, p.chapterIndex / Math.max(1, p.chapterCount)), 'narrating');
      },
    });
    if (context.signal.aborted) throw new Cancelled('cancelled');
    context.progress(0.97, 'adding to the library');
    const built = join(out, id);
    return await options.library.createOwnDocument({
      id,
      editionSource: yaml,
      timing: await readFile(join(built, 'timing.json'), 'utf8'),
      media: [
        { name: 'de.mp3', path: join(built, 'de.mp3') },
        { name: 'de.peaks.json', path: join(built, 'de.peaks.json') },
      ],
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
