// The export service: answers exportDocument and readExportFile. Files are written atomically into
// <dataDir>/exports/ (never half a file there, see fs-atomic.ts). An EPUB runs as a job (packing the
// audio takes seconds and the call should not hold the bridge): the call returns the job's id at
// once and the job's result names the files. The text formats take milliseconds and are answered
// directly.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeError, type DocumentBundle } from '../../common/bridge/contract';
import { EXPORT_FILE_NAME, type ExchangeBridge, type ExportDocumentRequest, type ExportedFile } from '../../common/bridge/exchange-contract';
import type { BridgeHandlers } from '../bridge/dispatch';
import { writeFileAtomic } from '../fs-atomic';
import type { JobRunner } from '../jobs/runner';
import type { MediaCatalog } from '../media/catalog';
import { exportStem, renderExport } from './render';

export type ExchangeHandlers = Pick<BridgeHandlers, keyof ExchangeBridge>;

export interface ExchangeServiceOptions {
  dataDir: string;
  load(documentId: string): Promise<DocumentBundle>;
  media: MediaCatalog;
  jobs: JobRunner;
  now?: () => Date;
}

export function exportsDir(dataDir: string): string {
  return join(dataDir, 'exports');
}

const MIME_BY_END: [string, string][] = [
  ['.chapters.json', 'application/json+chapters'],
  ['.json', 'application/json'],
  ['.vtt', 'text/vtt'],
  ['.srt', 'application/x-subrip'],
  ['.epub', 'application/epub+zip'],
  ['.md', 'text/markdown'],
];

/** Reads a track's audio through the media catalog, so only a document's own media can be read. */
export function audioReader(media: MediaCatalog) {
  return async (mediaId: string): Promise<Uint8Array> => {
    const found = await media.resolve(mediaId);
    if (!found.ok) throw new BridgeError('not-found', `The narration audio "${mediaId}" is missing (${found.reason}); run "npm run narrate" or import the recording again.`);
    return readFile(found.file.path);
  };
}

/** Renders and writes one export into `folder`; the CLI passes its own folder. */
export async function writeExport(
  bundle: DocumentBundle,
  request: Omit<ExportDocumentRequest, 'documentId'>,
  options: { folder: string; media: MediaCatalog; now: Date; signal?: AbortSignal; progress?: (fraction: number, step: string) => void },
): Promise<ExportedFile[]> {
  const read = audioReader(options.media);
  const readAudio = async (mediaId: string) => {
    options.progress?.(0.1, 'Reading the narration audio');
    const audio = await read(mediaId);
    options.progress?.(0.4, 'Packing the book');
    return audio;
  };
  const rendered = await renderExport(bundle, { ...request, readAudio, modified: options.now });
  // The last moment a cancel can take effect without leaving some files of the export behind.
  options.signal?.throwIfAborted();
  const stem = exportStem(bundle.edition.id, options.now);
  const files: ExportedFile[] = [];
  for (const [i, file] of rendered.entries()) {
    options.progress?.(0.8 + (0.2 * i) / rendered.length, 'Writing the file');
    const fileName = `${stem}${file.suffix}`;
    const path = join(options.folder, fileName);
    try {
      await writeFileAtomic(path, file.data);
    } catch (error) {
      // A file system error says which call failed; the reader wants to know where and why.
      throw new BridgeError('failed', `${fileName} could not be written to ${options.folder}: ${(error as Error).message}`);
    }
    files.push({ fileName, path, mimeType: file.mimeType, bytes: file.data.length });
  }
  return files;
}

export function createExchangeService({ dataDir, load, media, jobs, now = () => new Date() }: ExchangeServiceOptions): { handlers: ExchangeHandlers } {
  const folder = exportsDir(dataDir);
  const handlers = {
    exportDocument: async ({ documentId, format, language }) => {
      // Loaded before any job starts: an unknown document is an answer to this call, not a failed job.
      const bundle = await load(documentId);
      const request = { format, ...(language ? { language } : {}) };
      if (format !== 'epub') return { jobId: null, files: await writeExport(bundle, request, { folder, media, now: now() }) };
      const jobId = jobs.startJob('export', async ({ signal, progress }) => {
        return { files: await writeExport(bundle, request, { folder, media, now: now(), signal, progress }) };
      });
      return { jobId, files: [] };
    },
    readExportFile: async ({ fileName }) => {
      if (!EXPORT_FILE_NAME.test(fileName)) throw new BridgeError('invalid-argument', 'not the name of an exported file');
      const path = join(folder, fileName);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) throw new BridgeError('not-found', `There is no export "${fileName}".`);
      const mimeType = MIME_BY_END.find(([end]) => fileName.endsWith(end))?.[1] ?? 'application/octet-stream';
      return { fileName, mimeType, base64: (await readFile(path)).toString('base64') };
    },
  } satisfies ExchangeHandlers;
  return { handlers };
}
