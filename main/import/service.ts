// The import calls of the bridge: uploads in, a recording import out as a job. Both hosts use it;
// browser mode also hands whole files to `uploads.receive` (main/web/server.ts, /upload/<id>).
import { join } from 'node:path';
import type { ImportBridge } from '../../common/bridge/import-contract';
import type { BridgeEventHub } from '../bridge/events';
import type { BridgeHandlers } from '../bridge/dispatch';
import type { JobRunner } from '../jobs/runner';
import type { Library } from '../library/library';
import { cuesToText } from '../../common/exchange/cue-text';
import { openBook, openedBookText, readBookText } from './book-text';
import { epubTimedText, readTimedFile } from './timed-file';
import { TIMED_TEXT_EXTENSIONS, type ImportRecordingRequest } from '../../common/bridge/import-contract';
import { importRecording, resumable, type RecordingImportOptions } from './recording-import';
import { createUploads, type Uploads } from './uploads';

export interface ImportServiceOptions {
  dataDir: string;
  library: Pick<Library, 'createOwnDocument'>;
  jobs: JobRunner;
  events: Pick<BridgeEventHub, 'emit'>;
  aligner?: RecordingImportOptions['aligner'];
}

export interface ImportService {
  uploads: Uploads;
  handlers: Pick<BridgeHandlers, keyof ImportBridge>;
  /** Starts again the imports the app was killed in the middle of; resolves with their job ids. */
  resumeInterrupted(): Promise<string[]>;
}

export function importWorkDir(dataDir: string): string {
  return join(dataDir, 'imports', 'work');
}

export function createImportService({ dataDir, library, jobs, events, aligner }: ImportServiceOptions): ImportService {
  const uploads = createUploads(dataDir);
  const start = (request: ImportRecordingRequest) =>
    jobs.startJob(
      'import-recording',
      async (context) => {
        const added = await importRecording(request, context, { library, uploads, workRoot: importWorkDir(dataDir), ...(aligner ? { aligner } : {}) });
        events.emit('library', { documentId: added.id });
        return { documentId: added.id };
      },
      { subject: request.title },
    );
  return {
    uploads,
    handlers: {
      beginUpload: ({ name, size }) => uploads.begin(name, size),
      appendUpload: ({ uploadId, offset, data }) => uploads.append(uploadId, offset, data),
      discardUpload: ({ uploadId }) => uploads.discard(uploadId),
      readImportText: async ({ uploadId }) => {
        const file = await uploads.file(uploadId);
        const extension = file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase();
        // An EPUB with Media Overlays is timed text with its recording; any other is a book's text.
        // Opened once, its audio left packed: the dialog shows only the text.
        const book = extension === 'epub' ? await openBook(file.path, file.name) : null;
        const overlays = book ? epubTimedText(book, file.name) : null;
        if (book && !overlays) return openedBookText(book);
        if (!overlays && !(TIMED_TEXT_EXTENSIONS as readonly string[]).includes(extension)) return readBookText(file.path, file.name);
        const timed = overlays ?? (await readTimedFile(file.path, file.name));
        return {
          title: timed.declared?.title ?? null,
          language: timed.declared?.language ?? null,
          text: cuesToText(timed.cues, timed.speakers, timed.headings),
          format: 'markdown' as const,
          timed: timed.words ? 'words' : 'sentences',
          recording: timed.recording !== null,
        };
      },
      importRecording: (request) => ({ jobId: start(request) }),
    },
    async resumeInterrupted() {
      // Old uploads go first, so an import whose files were swept is dropped rather than started.
      await uploads.sweep().catch((error: unknown) => console.error('import: sweeping old uploads failed', error));
      return (await resumable(importWorkDir(dataDir), uploads)).map(start);
    },
  };
}
