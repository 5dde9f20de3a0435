// Runtime schemas for the import calls (see import-contract.ts).
import { z } from 'zod';
import { languageTag } from './ids';
import { AUDIO_EXTENSIONS, BOOK_EXTENSIONS, TEXT_EXTENSIONS, TIMED_TEXT_EXTENSIONS, UPLOAD_CHUNK_MAX_BYTES, UPLOAD_ID, UPLOAD_MAX_BYTES, type ImportBridge } from './import-contract';

/** The whole text of one import: about 1.5 million words, a long book and still a text the renderer can hold. */
export const TEXT_IMPORT_MAX_CHARS = 10_000_000;

const uploadId = z.string().regex(UPLOAD_ID, 'an upload id is 24 hex digits');
const ACCEPTED = [...AUDIO_EXTENSIONS, ...TEXT_EXTENSIONS, ...BOOK_EXTENSIONS, ...TIMED_TEXT_EXTENSIONS];
const fileName = z
  .string({ error: 'a file name must be text' })
  .min(1, 'the file name is empty')
  .max(255, 'a file name is at most 255 characters')
  .refine((name) => !/[/\\\0]/.test(name), 'a file name cannot contain / or \\')
  .refine((name) => ACCEPTED.includes(name.slice(name.lastIndexOf('.') + 1).toLowerCase() as (typeof ACCEPTED)[number]), {
    message: `the file must be audio (${AUDIO_EXTENSIONS.join(', ')}) or a text (${[...TEXT_EXTENSIONS, ...BOOK_EXTENSIONS, ...TIMED_TEXT_EXTENSIONS].join(', ')})`,
  });

export const documentTitle = z.string({ error: 'a title must be text' }).max(300, 'a title is at most 300 characters');
export const requiredTitle = documentTitle.refine((text) => text.trim() !== '', 'the title cannot be empty');
export const importedText = z
  .string({ error: 'the text must be text' })
  .min(1, 'the text is empty')
  .max(TEXT_IMPORT_MAX_CHARS, `a text to import is at most ${TEXT_IMPORT_MAX_CHARS.toLocaleString('en')} characters`);
export const textFormat = z.enum(['plain', 'markdown'], { error: 'the format is "plain" or "markdown"' });
/** The language of the text to import (and of its recording), as a BCP 47 tag; whether the built-in voice speaks it is the handler's check. */
export const importLanguage = languageTag;

export const IMPORT_SCHEMAS = {
  beginUpload: z
    .object({
      name: fileName,
      size: z
        .number()
        .int()
        .min(1, 'the file is empty (0 bytes)')
        .max(UPLOAD_MAX_BYTES, `a file to import is at most ${UPLOAD_MAX_BYTES / 1024 ** 3} GB`),
    })
    .strict(),
  appendUpload: z
    .object({
      uploadId,
      offset: z.number().int().min(0),
      data: z
        .instanceof(Uint8Array, { message: 'the data must be bytes' })
        .refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= UPLOAD_CHUNK_MAX_BYTES, `a chunk is 1 byte to ${UPLOAD_CHUNK_MAX_BYTES / 1024 ** 2} MB`),
    })
    .strict(),
  discardUpload: z.object({ uploadId }).strict(),
  readImportText: z.object({ uploadId }).strict(),
  importRecording: z
    .object({
      title: requiredTitle,
      // None when the timed text brings its own recording (an EPUB with Media Overlays); the import says so otherwise.
      audio: z.array(uploadId).max(500, 'at most 500 parts'),
      text: importedText,
      format: textFormat,
      language: importLanguage,
      timedText: uploadId.optional(),
    })
    .strict()
    .refine((request) => request.audio.length > 0 || request.timedText !== undefined, { path: ['audio'], message: 'choose the recording (an audio file)' }),
} satisfies Record<keyof ImportBridge, z.ZodType>;
