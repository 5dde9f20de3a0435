// The import section of the bridge contract (composed into Bridge in contract.ts): bringing the
// user's own recordings into the library. Files reach the main process as uploads, never as paths
// the page names: the page streams a file's bytes (Electron: chunks over IPC; browser mode: one
// POST of the file to /upload/<id>, see main/web/server.ts), and later calls refer to the upload by
// its id. Each method also needs a schema in import-schemas.ts and a handler (main/import/service.ts).

/** Audio the import takes, by file extension (the decoder sniffs the bytes as well). */
export const AUDIO_EXTENSIONS = ['mp3', 'm4a', 'm4b', 'aac', 'ogg', 'oga', 'opus', 'flac', 'wav'] as const;
/** Texts the import takes. */
export const TEXT_EXTENSIONS = ['txt', 'md', 'markdown'] as const;
/** Books the import reads the text of in the main process (unpacked safely there, never in the page). */
export const BOOK_EXTENSIONS = ['epub'] as const;
/** Timed text made elsewhere (WebVTT, SRT, Podcasting 2.0 transcript or sync map JSON): its times are used instead of aligning. */
export const TIMED_TEXT_EXTENSIONS = ['vtt', 'srt', 'json'] as const;

/** Largest single upload: a 20-hour audiobook at 256 kbit/s is about 2.3 GB. */
export const UPLOAD_MAX_BYTES = 4 * 1024 ** 3;
/** Largest chunk of one appendUpload call (Electron). */
export const UPLOAD_CHUNK_MAX_BYTES = 16 * 1024 * 1024;

export interface UploadStarted {
  uploadId: string;
}

export interface UploadState {
  uploadId: string;
  /** Bytes received so far. */
  received: number;
  /** True once all `size` bytes are in. */
  complete: boolean;
}

export interface ImportRecordingRequest {
  title: string;
  /** The recording: one upload, or several that are parts of one recording, in the order to play; none when the timed text brings its own (an EPUB with Media Overlays). */
  audio: string[];
  /** Its text, as read from a file or pasted. */
  text: string;
  format: 'plain' | 'markdown';
  /** The text's language (and the recording's), a BCP 47 tag. */
  language: string;
  /** A timed-text upload whose times (and text) are used instead of aligning the recording. */
  timedText?: string;
}

/** The text of a book the user chose, as the dialog shows it for checking before the import. */
export interface ImportText {
  /** From the book's metadata, or null. */
  title: string | null;
  /** The book's language as it declares it (BCP 47, e.g. "de"), or null. */
  language: string | null;
  /** Chapters as Markdown headings, paragraphs separated by blank lines. */
  text: string;
  format: 'markdown';
  /** A timed-text file: what it times (the import then uses its times instead of aligning); null for a book. */
  timed: 'sentences' | 'words' | null;
  /** The file brings its own recording (an EPUB with Media Overlays): no audio file is chosen for it. */
  recording: boolean;
}

export interface ImportBridge {
  /** Announces a file to upload; its bytes follow (appendUpload, or the browser-mode upload route). */
  beginUpload(req: { name: string; size: number }): Promise<UploadStarted>;
  /** The next chunk of an upload, at `offset` (which must be the bytes received so far). */
  appendUpload(req: { uploadId: string; offset: number; data: Uint8Array }): Promise<UploadState>;
  /** Drops an upload that will not be used (the dialog closed, the user chose another file). */
  discardUpload(req: { uploadId: string }): Promise<void>;
  /** The text of an uploaded book (EPUB without DRM), refused with the entry and the reason when it is unsafe or locked. */
  readImportText(req: { uploadId: string }): Promise<ImportText>;
  /**
   * Imports a recording with its text: aligned word by word on this machine. Returns a job at once;
   * its events report the phase and progress, its result is `{ documentId }`. Cancelled and started
   * again with the same uploads and text, it goes on where it stopped.
   */
  importRecording(req: ImportRecordingRequest): Promise<{ jobId: string }>;
}

export const IMPORT_METHODS = ['beginUpload', 'appendUpload', 'discardUpload', 'readImportText', 'importRecording'] as const satisfies readonly (keyof ImportBridge)[];

/** Upload ids: made by the main process, checked wherever one comes back. */
export const UPLOAD_ID = /^[0-9a-f]{24}$/;
