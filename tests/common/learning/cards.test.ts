// The Anki export, read back the way Anki's own importer reads a text file (rslib
// import_export/text/csv: metadata.rs and import.rs): "#key:value" header lines (key trimmed and
// lower-cased; the separator by name or as the character; "#columns:" split with the separator
// read so far), then records parsed as CSV with '"' quoting, '""' for a quote, and lines starting
// with '#' skipped as comments. Fields map to the Basic note type (Front, Back) by column name,
// leaving out the tags and GUID columns.
import { describe, expect, it } from 'vitest';
import {
  ankiFields,
  ankiMediaNote,
  cardContext,
  cardsToAnki,
  clipFileName,
  escapeHtml,
  matchesMagic,
  recordingBaseType,
  recordingExtension,
  sortCards,
  type Card,
} from '../../../common/learning/cards';
import { parseEdition } from '../../../common/edition/parse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface AnkiImport {
  separator: string | null;
  html: boolean | null;
  notetype: string | null;
  deck: string | null;
  columns: string[];
  tagsColumn: number;
  guidColumn: number;
  notes: { front: string | undefined; back: string | undefined; tags: string[]; guid: string }[];
}

const SEPARATORS: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', space: ' ', pipe: '|', colon: ':' };

/** CSV records as the Rust csv crate reads them (RFC 4180 quoting), with '#' comment lines. */
function records(text: string, separator: string): string[][] {
  const out: string[][] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      i++;
      continue;
    }
    const record: string[] = [];
    let field = '';
    let quoted = false;
    let started = false;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"' && !started) {
        quoted = true;
        started = true;
      } else if (ch === separator) {
        record.push(field);
        field = '';
        started = false;
      } else if (ch === '\n') {
        i++;
        break;
      } else {
        field += ch;
        started = true;
      }
    }
    record.push(field);
    out.push(record);
  }
  return out;
}

function readLikeAnki(file: string): AnkiImport {
  const result: AnkiImport = { separator: null, html: null, notetype: null, deck: null, columns: [], tagsColumn: 0, guidColumn: 0, notes: [] };
  const lines = file.split('\n');
  let body = 0;
  for (const line of lines) {
    if (!line.startsWith('#')) break;
    body += line.length + 1;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(1, colon).trim().toLowerCase();
    const value = line.slice(colon + 1);
    if (key === 'separator') result.separator = SEPARATORS[value.trim().toLowerCase()] ?? (value.length === 1 ? value : null);
    else if (key === 'html') result.html = value.toLowerCase() === 'true' ? true : value.toLowerCase() === 'false' ? false : null;
    else if (key === 'columns') result.columns = records(value, result.separator ?? ',')[0] ?? [];
    else if (key === 'notetype') result.notetype = value;
    else if (key === 'deck') result.deck = value;
    else if (key === 'tags column') result.tagsColumn = Number(value.trim());
    else if (key === 'guid column') result.guidColumn = Number(value.trim());
  }
  const meta = new Set([result.tagsColumn, result.guidColumn]);
  const byName = new Map(result.columns.map((name, i) => [name, i + 1] as const).filter(([, i]) => !meta.has(i)));
  const front = byName.get('Front');
  const back = byName.get('Back');
  for (const record of records(file.slice(body), result.separator ?? ',')) {
    result.notes.push({
      front: front ? record[front - 1] : undefined,
      back: back ? record[back - 1] : undefined,
      tags: (record[result.tagsColumn - 1] ?? '').split(/\s+/).filter(Boolean),
      guid: record[result.guidColumn - 1] ?? '',
    });
  }
  return result;
}

function card(partial: Partial<Card>): Card {
  return {
    id: 'c1',
    documentId: 'doc',
    sentenceIds: ['s001'],
    german: 'Der Staat sieht alles.',
    english: 'The state sees everything.',
    note: '',
    contextDe: 'Der Staat sieht alles.',
    contextEn: 'The state sees everything.',
    kind: 'sentence',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...partial,
  };
}

const tricky = card({
  id: 'c2',
  german: 'sieht "alles"',
  english: 'sees\teverything, <all>',
  note: 'Zeile 1\nZeile 2 & mehr; "Zitat"',
  kind: 'phrase',
  contextDe: 'Der Staat sieht "alles", sagt er.',
  contextEn: 'The state sees everything, he says.',
});
const hash = card({ id: 'c3', german: '#1 in China', english: '#1', contextDe: '#1 in China', contextEn: '#1' });

describe('the Anki export', () => {
  for (const format of ['anki-tsv', 'csv'] as const) {
    it(`${format}: Anki's importer reads its headers, maps Front and Back by name, and gets every field back intact`, () => {
      const audio = new Map([['c1', 'mitlesen-doc-s001.mp3']]);
      const text = cardsToAnki([card({}), tricky, hash], { format, deck: 'Mitlesen::China sieht alles', audio, tags: ['China Politik'] });
      const read = readLikeAnki(text);
      expect(read.separator).toBe(format === 'anki-tsv' ? '\t' : ',');
      expect(read.html).toBe(true);
      expect(read.notetype).toBe('Basic');
      expect(read.deck).toBe('Mitlesen::China sieht alles');
      expect(read.columns).toEqual(['Front', 'Back', 'Tags', 'GUID']);
      expect(read.tagsColumn).toBe(3);
      expect(read.guidColumn).toBe(4);
      expect(read.notes).toHaveLength(3);
      expect(read.notes[0]).toEqual({
        front: 'Der Staat sieht alles.<br>[sound:mitlesen-doc-s001.mp3]',
        back: 'The state sees everything.',
        tags: ['mitlesen', 'China_Politik'],
        guid: 'mitlesen-c1',
      });
      // HTML is escaped, line breaks become <br>, quotes and separators survive, a tab becomes a space.
      expect(read.notes[1]!.front).toBe('sieht &quot;alles&quot;<br><div class="mitlesen-context" lang="de">Der Staat sieht &quot;alles&quot;, sagt er.</div>');
      expect(read.notes[1]!.back).toBe(
        'sees everything, &lt;all&gt;<br><div class="mitlesen-context" lang="en">The state sees everything, he says.</div><br><div class="mitlesen-note">Zeile 1<br>Zeile 2 &amp; mehr; &quot;Zitat&quot;</div>',
      );
      // A field starting with "#" is quoted, so the record is not taken for a comment.
      expect(read.notes[2]!.front).toBe('#1 in China');
      // The header lines come first, separator before columns.
      const lines = text.split('\n');
      expect(lines[0]).toBe(format === 'anki-tsv' ? '#separator:tab' : '#separator:comma');
      expect(lines.findIndex((l) => l.startsWith('#columns:'))).toBeGreaterThan(0);
      expect(text.endsWith('\n')).toBe(true);
    });
  }

  it('writes no sound without audio, and one clip name per sentence span', () => {
    expect(ankiFields(card({}), null).front).toBe('Der Staat sieht alles.');
    expect(clipFileName('china-sieht-alles', ['s004', 's005'])).toBe('mitlesen-china-sieht-alles-s004-s005.mp3');
    expect(clipFileName('china-sieht-alles', ['s004'])).toBe('mitlesen-china-sieht-alles-s004.mp3');
    expect(clipFileName('a b/c', ['s1'])).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('escapes the characters HTML gives a meaning to, and nothing else (shared with the notes export)', () => {
    expect(escapeHtml('a & b <i>"x"</i> \'y\' ä\n')).toBe('a &amp; b &lt;i&gt;&quot;x&quot;&lt;/i&gt; \'y\' ä\n');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('explains how to copy the clips into collection.media, in English and German', () => {
    const note = ankiMediaNote('cards.txt', 3);
    expect(note).toMatch(/Copy the 3 \.mp3 file\(s\).*collection\.media/s);
    expect(note).toMatch(/File > Import.*"cards\.txt"/s);
    expect(note).toMatch(/Kopieren Sie die 3 \.mp3-Datei\(en\)/);
  });
});

describe('cards and recordings model', () => {
  const edition = (() => {
    const file = join(import.meta.dirname, '..', '..', 'fixtures', 'editions', 'valid-small.yaml');
    const parsed = parseEdition(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) throw new Error('fixture');
    return parsed.edition;
  })();

  it('takes the context from the edition: German of each sentence, shared English once', () => {
    expect(cardContext(edition, ['s004', 's005'])).toEqual({ de: `${edition.sentences[3]!.de} ${edition.sentences[4]!.de}`, en: 'A great deal, and all of it surprising.' });
  });

  it('sorts cards in reading order, then by creation', () => {
    const a = card({ id: 'a', sentenceIds: ['s004'], createdAt: '2025-01-02T00:00:00.000Z' });
    const b = card({ id: 'b', sentenceIds: ['s002'] });
    const c = card({ id: 'c', sentenceIds: ['s004'], createdAt: '2025-01-01T00:00:00.000Z' });
    expect(sortCards([a, b, c], edition).map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });

  it('knows recording types by their bytes', () => {
    expect(recordingBaseType('audio/webm;codecs=opus')).toBe('audio/webm');
    expect(recordingBaseType('video/webm')).toBeNull();
    expect(recordingExtension('audio/mp4')).toBe('m4a');
    expect(matchesMagic('audio/webm', new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1]))).toBe(true);
    expect(matchesMagic('audio/ogg', new TextEncoder().encode('OggS....'))).toBe(true);
    expect(matchesMagic('audio/wav', new TextEncoder().encode('RIFF....WAVEfmt '))).toBe(true);
    expect(matchesMagic('audio/mp4', new TextEncoder().encode('....ftypM4A '))).toBe(true);
    expect(matchesMagic('audio/webm', new TextEncoder().encode('OggS'))).toBe(false);
  });
});
