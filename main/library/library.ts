// The library of bundled documents: each is a folder transcripts/<id>/ with an edition.yaml, and
// its narration under assets/narration/<id>/ (built by `npm run narrate`).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeError, type DocumentBundle, type DocumentSummary } from '../../common/bridge/contract';
import { formatProblem, parseEdition } from '../../common/edition/parse';
import type { Edition } from '../../common/edition/model';
import { parseTimedTranscript } from '../../common/timing/model';

export interface Library {
  list(): Promise<DocumentSummary[]>;
  load(documentId: string): Promise<DocumentBundle>;
}

export function createLibrary(transcriptsDir: string, narrationDir: string): Library {
  async function readEdition(documentId: string): Promise<Edition> {
    const file = join(transcriptsDir, documentId, 'edition.yaml');
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch {
      throw new BridgeError('not-found', `There is no document "${documentId}".`);
    }
    const result = parseEdition(source, `transcripts/${documentId}/edition.yaml`);
    if (!result.ok) {
      const listed = result.problems.slice(0, 5).map(formatProblem).join('\n');
      const more = result.problems.length > 5 ? `\n…and ${result.problems.length - 5} more` : '';
      throw new BridgeError('failed', `The edition of "${documentId}" is invalid:\n${listed}${more}`);
    }
    return result.edition;
  }

  return {
    async list() {
      const entries = await readdir(transcriptsDir, { withFileTypes: true });
      const summaries: DocumentSummary[] = [];
      for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
        try {
          const edition = await readEdition(entry.name);
          summaries.push({ id: edition.id, title: edition.title });
        } catch {
          // A folder without a valid edition is not a document; loadDocument reports why.
        }
      }
      return summaries;
    },
    async load(documentId) {
      const edition = await readEdition(documentId);
      const timingFile = join(narrationDir, documentId, 'timing.json');
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(timingFile, 'utf8'));
      } catch (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        return {
          edition,
          timing: null,
          timingProblem: missing
            ? 'The narration has not been built yet. Run "npm run narrate", then reload.'
            : `The narration timings could not be read: ${(error as Error).message}`,
        };
      }
      const timing = parseTimedTranscript(raw, edition);
      if (!timing.ok) {
        return {
          edition,
          timing: null,
          timingProblem: `The narration timings do not match the edition (${timing.problems.slice(0, 3).join('; ')}). Run "npm run narrate" to rebuild them.`,
        };
      }
      return { edition, timing: timing.value, timingProblem: null };
    },
  };
}
