// Text as the user has it becomes an edition: paragraphs from blank lines, chapters from Markdown
// headings or heading-like lines, one chapter when there are none, the same ids for the same text,
// and clear words when there is nothing to read. Every result must pass the edition parser.
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../../common/edition/build';
import { parseEdition } from '../../../common/edition/parse';
import { writeEdition } from '../../../common/edition/write';
import { TextEditionError, textToEdition, type Segmenter, type TextSource } from '../../../common/text/text-edition';

// Sentences end at . ! ? followed by a space: enough to see what the importer does with them.
const naive: Segmenter = (text) => text.split(/(?<=[.!?])\s+/);

function edition(source: Partial<TextSource> & Pick<TextSource, 'text'>) {
  const input = textToEdition({ title: 'Ein Versuch', format: 'plain', language: 'de', ...source }, 'ein-versuch', naive);
  const parsed = parseEdition(writeEdition(input), 'edition.yaml');
  expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  expect(parsed.ok && parsed.edition).toEqual(buildEdition(input));
  return buildEdition(input);
}

describe('textToEdition', () => {
  it('makes paragraphs from blank lines and one chapter when the text has no headings', () => {
    const e = edition({ text: 'Erster Satz. Zweiter Satz!\nNoch im Absatz.\n\n\nNeuer Absatz? Ja.' });
    expect(e.languages).toEqual(['de']);
    expect(e.paragraphs.map((p) => p.kind)).toEqual(['title', 'prose', 'prose']);
    expect(e.sentences.map((s) => s.de)).toEqual(['Ein Versuch', 'Erster Satz.', 'Zweiter Satz!', 'Noch im Absatz.', 'Neuer Absatz?', 'Ja.']);
    expect(e.chapters.map((c) => c.title.de)).toEqual(['Ein Versuch']);
    expect(e.sentences.map((s) => s.id)).toEqual(['s0001', 's0002', 's0003', 's0004', 's0005', 's0006']);
  });

  it('takes chapters from Markdown headings, without their marks, and leaves rules and inline marks out', () => {
    const e = edition({
      format: 'markdown',
      text: '# Vorwort\n\nDas ist *wichtig* und **fett**, siehe [hier](https://example.org).\n\n---\n\n## Erstes Kapitel ##\n\n- Ein Punkt.\n\n### Zweites Kapitel\n\nEnde.',
    });
    expect(e.chapters.map((c) => c.title.de)).toEqual(['Vorwort', 'Erstes Kapitel', 'Zweites Kapitel']);
    expect(e.sentences.map((s) => s.de)).toEqual(['Ein Versuch', 'Das ist wichtig und fett, siehe hier.', 'Ein Punkt.', 'Ende.']);
    expect(e.chapters[1]!.sentenceIds).toEqual(['s0003']);
  });

  it('reads backslash-escaped marks as the text they are (how an EPUB\'s text arrives)', () => {
    const e = edition({
      format: 'markdown',
      text: '# Teil \\#1: C\\#\n\n2\\) Mai, ein Feiertag.\n\n\\# Kein Titel. \\- Kein Punkt, \\*kein\\* Stern.\n\n\\---\n\n\\> Kein Zitat.',
    });
    expect(e.chapters.map((c) => c.title.de)).toEqual(['Teil #1: C#']);
    expect(e.sentences.map((s) => s.de)).toEqual(['Ein Versuch', '2) Mai, ein Feiertag.', '# Kein Titel.', '- Kein Punkt, *kein* Stern.', '---', '> Kein Zitat.']);
  });

  it('reads a short line on its own, not ending like a sentence, as a heading in plain text', () => {
    const e = edition({ text: 'Kapitel 1\n\nEs war einmal.\n\nKapitel 2\n\nUnd dann?\n\nEin letzter Satz ohne Punkt' });
    expect(e.chapters.map((c) => c.title.de)).toEqual(['Kapitel 1', 'Kapitel 2']);
    // The last line has nothing after it to head: it is text.
    expect(e.sentences.at(-1)!.de).toBe('Ein letzter Satz ohne Punkt');
  });

  it('gives the same ids to the same text, whatever its line endings', () => {
    const a = textToEdition({ title: 'T', format: 'plain', language: 'de', text: 'Eins. Zwei.\n\nDrei.' }, 'x', naive);
    const b = textToEdition({ title: 'T', format: 'plain', language: 'de', text: 'Eins. Zwei.\r\n\r\nDrei.' }, 'x', naive);
    expect(b).toEqual(a);
  });

  it('says so when there is no title or nothing to read', () => {
    expect(() => textToEdition({ title: '  ', format: 'plain', language: 'de', text: 'Ein Satz.' }, 'x', naive)).toThrow(TextEditionError);
    expect(() => textToEdition({ title: 'T', format: 'markdown', language: 'de', text: '# Nur eine Überschrift\n\n---\n' }, 'x', naive)).toThrow(
      'The text has no sentences to read.',
    );
  });

  it('tags the text with its language when it is not German, and segments it in that language', () => {
    const seen: string[] = [];
    const recording: Segmenter = (paragraph, language) => (seen.push(language), naive(paragraph, language));
    const input = textToEdition({ title: 'Un essai', format: 'plain', language: 'fr', text: 'Il pleut. Je reste.' }, 'un-essai', recording);
    expect(seen).toEqual(['fr']);
    const parsed = parseEdition(writeEdition(input), 'e.yaml');
    expect(parsed.ok && parsed.edition.languageTags).toEqual({ de: 'fr' });
    expect(parsed.ok && parsed.edition.sentences.map((s) => s.de)).toEqual(['Un essai', 'Il pleut.', 'Je reste.']);
    expect(textToEdition({ title: 'T', format: 'plain', language: 'de', text: 'Ein Satz.' }, 'x', naive).languageTags).toBeUndefined();
  });
});
