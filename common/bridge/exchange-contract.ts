// The exchange section of the bridge contract (composed into Bridge in contract.ts): exporting a
// document's timed text in formats other tools read. Each method here also needs a schema in
// exchange-schemas.ts and a handler in main/exchange/service.ts, or the build fails.
import type { Lang } from '../edition/model';

/**
 * vtt: WebVTT per language plus a chapters track; srt: SubRip per language; podcast: Podcasting 2.0
 * transcript and chapters JSON per language; epub: EPUB 3 with Media Overlays (one narrated
 * language, both texts); md: the bilingual text as Markdown; syncmap: an aeneas-style JSON sync map.
 */
export type DocumentExportFormat = 'vtt' | 'srt' | 'podcast' | 'epub' | 'md' | 'syncmap';
export const DOCUMENT_EXPORT_FORMATS = ['vtt', 'srt', 'podcast', 'epub', 'md', 'syncmap'] as const satisfies readonly DocumentExportFormat[];

export interface ExportDocumentRequest {
  documentId: string;
  format: DocumentExportFormat;
  /** Only this language; when left out, every narrated language (an EPUB: the first). Markdown is always bilingual. */
  language?: Lang;
}

export interface ExportedFile {
  fileName: string;
  /** Where it was written: in the data folder's exports/. */
  path: string;
  mimeType: string;
  bytes: number;
}

/**
 * The files written, at once; or, for an EPUB (seconds of packing), a job: `jobId` is set, `files`
 * is empty, and the job's result (when done) is `{ files: ExportedFile[] }`.
 */
export interface ExportDocumentResult {
  jobId: string | null;
  files: ExportedFile[];
}

export interface ExchangeBridge {
  exportDocument(req: ExportDocumentRequest): Promise<ExportDocumentResult>;
  /** An exported file's bytes (base64), for a download in browser mode. Only files in exports/. */
  readExportFile(req: { fileName: string }): Promise<{ fileName: string; mimeType: string; base64: string }>;
}

export const EXCHANGE_METHODS = ['exportDocument', 'readExportFile'] as const satisfies readonly (keyof ExchangeBridge)[];

/** Names of exported files: what exportDocument writes, and all readExportFile accepts. */
export const EXPORT_FILE_NAME = /^[a-z0-9-]{1,64}-[0-9-]{19}(\.[a-z]{2})?\.(vtt|chapters\.vtt|srt|transcript\.json|chapters\.json|epub|md|syncmap\.json)$/;
