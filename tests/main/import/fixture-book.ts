// The human speech fixture (../shared/fixtures/speech-de) as a book with read-aloud audio: its ten
// sentences in two chapters, Eins (1-5) and Zwei (6-10), timed as truth.json says, written as an
// EPUB 3 with Media Overlays by the app's own exporter, the recording inside.
import { buildEdition } from '../../../common/edition/build';
import { importTrack } from '../../../common/exchange/import-timing';
import { splitSentences } from '../../../common/text/sentences';
import { textToEdition } from '../../../common/text/text-edition';
import type { TimedTranscript } from '../../../common/timing/model';
import { buildEpub } from '../../../main/exchange/epub';
import { truth } from '../alignment/helpers';

/** The fixture's sentences as a book in two chapters, Eins (1-5) and Zwei (6-10), timed as truth.json says. */
export function fixtureBook(audio: Uint8Array): Uint8Array {
  const texts = truth.sentences.map((s) => s.text);
  const markdown = `# Eins\n\n${texts.slice(0, 5).join(' ')}\n\n# Zwei\n\n${texts.slice(5).join(' ')}`;
  const edition = buildEdition(textToEdition({ title: 'Zehn Sätze', text: markdown, format: 'markdown', language: 'de' }, 'zehn-saetze', splitSentences, { titleIsRead: false }));
  const sentences = truth.sentences.map((s, i) => ({ id: edition.sentences[i]!.id, text: s.text, start: s.start, end: s.end, where: `sentence ${i + 1}` }));
  const track = importTrack(edition, 'de', sentences, { mediaId: 'zehn-saetze/de.mp3', mimeType: 'audio/mpeg', duration: 50.2, peaksMediaId: 'zehn-saetze/de.peaks.json' });
  if (!track.ok) throw new Error(track.problems.join('; '));
  const timing: TimedTranscript = { format: 1, documentId: edition.id, editionHash: 'test', tracks: { de: track.track } };
  return buildEpub({ edition, timing, lang: 'de', audio, modified: new Date('2026-01-01T00:00:00Z') });
}
