// A small document of the user's own for tests: the small fixture edition with timings that fit it
// (each narrated sentence half a second, its words evenly inside) and stand-in audio bytes, ready to
// hand to addOwnDocument. The bytes are not playable; the library and the catalog never decode.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edition, Lang } from '../../../common/edition/model';
import { parseEdition } from '../../../common/edition/parse';
import { splitWords } from '../../../common/text/words';
import { narratedSentences, narratedText, type NarrationTrack, type TimedSpan, type TimedTranscript } from '../../../common/timing/model';
import type { AddOwnDocumentInput } from '../../../main/library/own-documents';
import { REPO } from '../notes/helpers';

export const SMALL_EDITION_SOURCE = readFileSync(join(REPO, 'tests', 'fixtures', 'editions', 'valid-small.yaml'), 'utf8');

const SENTENCE_SECONDS = 0.5;

/** Timings that fit `edition`, naming media "<edition id>/<lang>.mp3". */
export function fittingTiming(edition: Edition): TimedTranscript {
  const track = (lang: Lang): NarrationTrack => {
    const sentences = narratedSentences(edition, lang).map((sentence, i) => {
      const start = i * SENTENCE_SECONDS;
      const words = splitWords(narratedText(sentence, lang));
      const step = (SENTENCE_SECONDS * 0.8) / Math.max(1, words.length);
      return {
        id: sentence.id,
        start,
        end: start + SENTENCE_SECONDS * 0.9,
        words: words.map((_, w) => [start + w * step, start + (w + 1) * step] as [number, number]),
      };
    });
    const timed = new Map(sentences.map((s) => [s.id, s]));
    const spans = (groups: { id: string; sentenceIds: string[] }[]): TimedSpan[] =>
      groups.flatMap((group) => {
        const inside = group.sentenceIds.map((id) => timed.get(id)).filter((s) => s !== undefined);
        return inside.length === 0 ? [] : [{ id: group.id, start: inside[0]!.start, end: inside[inside.length - 1]!.end }];
      });
    return {
      lang,
      mediaId: `${edition.id}/${lang}.mp3`,
      mimeType: 'audio/mpeg',
      duration: sentences.length * SENTENCE_SECONDS,
      peaksMediaId: `${edition.id}/${lang}.peaks.json`,
      sentences,
      paragraphs: spans(edition.paragraphs),
      chapters: spans(edition.chapters),
    };
  };
  return { format: 1, documentId: edition.id, editionHash: 'test', tracks: { de: track('de'), en: track('en') } };
}

/** The source, timings and media of a narrated small document; the English audio is copied from `audioFile` when given. */
export function smallNarratedDocument(audioFile?: string): Omit<AddOwnDocumentInput, 'dataDir'> {
  const parsed = parseEdition(SMALL_EDITION_SOURCE, 'valid-small.yaml');
  if (!parsed.ok) throw new Error('the small fixture edition does not parse');
  return {
    editionSource: SMALL_EDITION_SOURCE,
    timing: JSON.stringify(fittingTiming(parsed.edition)),
    media: [
      { name: 'de.mp3', data: new Uint8Array(2048).fill(0xff) },
      audioFile ? { name: 'en.mp3', path: audioFile } : { name: 'en.mp3', data: new Uint8Array(2048).fill(0xfe) },
    ],
  };
}
