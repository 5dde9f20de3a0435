// The ids and small values every bridge schema checks, written once so that the notes, cards and
// core calls cannot drift apart in what they accept or in how they word a refusal.
import { LANGUAGE_TAG } from '../edition/language-tags';
import { z } from 'zod';

/** A document id: also a folder name under the library and the first part of a media id. */
export const DOCUMENT_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

export const documentId = z.string().regex(DOCUMENT_ID_PATTERN, 'a document id is 1-64 characters a-z, 0-9 or -');
export const sentenceId = z.string().regex(/^s\d{1,6}$/, 'a sentence id is "s" followed by digits');
/** Ids the app generates for what the user makes (notes, cards, recordings). */
export const itemId = (what: string) => z.string().regex(/^[A-Za-z0-9-]{1,64}$/, `a ${what} id is 1-64 characters A-Z, a-z, 0-9 or -`);
export const noteId = itemId('note');
export const lang = z.enum(['de', 'en'], { error: 'a language is "de" or "en"' });
export const noArgument = z.undefined({ error: 'this call takes no argument' });
export const isoTime = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 time such as 2025-01-31T12:00:00.000Z' });

/** BCP 47 as far as the app needs it: a language, then script, region or variant subtags. */
export const languageTag = z
  .string({ error: 'the language must be text' })
  .regex(LANGUAGE_TAG, 'the language is a tag such as "en", "ru" or "pt-BR"');
