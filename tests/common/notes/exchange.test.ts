// The pure export formats: the JSON exchange (parse with clear messages, merge rule), the Markdown
// export, sorting by position and time formatting.
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../../common/edition/model';
import { contentKey, parseExchange, planMerge, serializeExchange, toExchange } from '../../../common/notes/exchange';
import { noteContext, notesToMarkdown } from '../../../common/notes/markdown';
import { formatTime, normaliseTags, sortNotesByPosition, type Note } from '../../../common/notes/model';

const edition: Edition = {
  id: 'doc',
  languages: ['de', 'en'],
  title: { de: 'Titel', en: 'Title' },
  speakers: [],
  chapters: [
    { id: 'ch01', index: 0, title: { de: 'Anfang', en: 'Beginning' }, startSentenceId: 's1', sentenceIds: ['s1', 's2'] },
    { id: 'ch02', index: 1, title: { de: 'Schluss', en: 'End' }, startSentenceId: 's3', sentenceIds: ['s3'] },
  ],
  paragraphs: [],
  sentences: [
    { id: 's1', index: 0, paragraphId: 'p1', chapterId: 'ch01', speakerId: null, de: 'Erster Satz.', en: 'First and second.', enWith: null },
    { id: 's2', index: 1, paragraphId: 'p1', chapterId: 'ch01', speakerId: null, de: 'Zweiter Satz.', en: '', enWith: 's1' },
    { id: 's3', index: 2, paragraphId: 'p2', chapterId: 'ch02', speakerId: null, de: 'Dritter Satz.', en: 'Third.', enWith: null },
  ],
};

function note(partial: Partial<Note>): Note {
  return {
    id: 'n1',
    documentId: 'doc',
    sentenceIds: ['s1'],
    quote: null,
    quoteLang: null,
    time: 0,
    text: '',
    tags: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...partial,
  };
}

describe('notes exchange (JSON)', () => {
  it('round-trips through serialize and parse', () => {
    const notes = [note({ text: 'a\nb', tags: ['x'] }), note({ id: 'n2', quote: 'Satz', quoteLang: 'de' })];
    const parsed = parseExchange(serializeExchange(toExchange('doc', notes, new Date('2025-02-02T00:00:00Z'))));
    expect(parsed).toEqual({ ok: true, exchange: { format: 'mitlesen-notes', version: 1, documentId: 'doc', exportedAt: '2025-02-02T00:00:00.000Z', notes } });
  });

  it('says what is wrong and where', () => {
    expect(parseExchange('[')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    expect(parseExchange('{"format":"mitlesen-notes","version":2}')).toMatchObject({ ok: false, message: expect.stringMatching(/version: /) });
    const bad = toExchange('doc', [note({ tags: ['x'.repeat(65)] })], new Date());
    expect(parseExchange(JSON.stringify(bad))).toMatchObject({ ok: false, message: expect.stringMatching(/notes\.0\.tags\.0: a tag is at most 64 characters/) });
  });

  it('merges by id (newer wins) and skips the same content under another id', () => {
    const existing = note({ text: 'x', updatedAt: '2025-01-02T00:00:00.000Z' });
    const keys = new Set([contentKey(existing)]);
    expect(planMerge(note({ updatedAt: '2025-01-03T00:00:00.000Z' }), existing, keys)).toEqual({ action: 'update' });
    expect(planMerge(note({ updatedAt: '2025-01-01T00:00:00.000Z' }), existing, keys)).toEqual({ action: 'skip', reason: 'older' });
    expect(planMerge(existing, existing, keys)).toEqual({ action: 'skip', reason: 'same' });
    expect(planMerge(note({ id: 'other', text: 'x' }), undefined, keys)).toEqual({ action: 'skip', reason: 'duplicate' });
    expect(planMerge(note({ id: 'other', text: 'y' }), undefined, keys)).toEqual({ action: 'add' });
  });
});

describe('Markdown export', () => {
  it('groups by chapter in reading order with time, German and English and the note', () => {
    const markdown = notesToMarkdown(
      [
        note({ id: 'b', sentenceIds: ['s3'], time: 3725, text: 'Ende' }),
        note({ id: 'a', sentenceIds: ['s1', 's2'], time: 5, text: '## kein Titel\nzweite Zeile', quote: 'Erster', tags: ['t 1'] }),
      ],
      edition,
      new Date('2025-03-03T00:00:00Z'),
    );
    expect(markdown).toBe(
      [
        '# Notes: Titel',
        '',
        '*Title* — 2 notes, exported 2025-03-03 from Mitlesen.',
        '',
        '## 1. Anfang (Beginning)',
        '',
        '### 0:05 · s1, s2',
        '',
        '> Erster Satz. Zweiter Satz.',
        '>',
        '> *First and second.*',
        '',
        'Selected: «Erster»',
        '',
        '\\## kein Titel',
        'zweite Zeile',
        '',
        'Tags: `t 1`',
        '',
        '## 2. Schluss (End)',
        '',
        '### 1:02:05 · s3',
        '',
        '> Dritter Satz.',
        '>',
        '> *Third.*',
        '',
        'Ende',
        '',
      ].join('\n'),
    );
  });

  it('reports sentences the edition no longer has', () => {
    expect(noteContext(note({ sentenceIds: ['s9'] }), edition)).toMatchObject({ de: '', en: '', chapter: null, missing: ['s9'] });
  });
});

describe('note helpers', () => {
  it('sorts by sentence position, then time', () => {
    const sorted = sortNotesByPosition([note({ id: 'c', sentenceIds: ['s3'] }), note({ id: 'b', sentenceIds: ['s1'], time: 2 }), note({ id: 'a', sentenceIds: ['s1'], time: 1 })], edition);
    expect(sorted.map((n) => n.id)).toEqual(['a', 'b', 'c']);
  });

  it('formats times and cleans tags', () => {
    expect([formatTime(0), formatTime(65.9), formatTime(3600)]).toEqual(['0:00', '1:05', '1:00:00']);
    expect(normaliseTags([' a  b ', 'A B', '', 'c'])).toEqual(['a b', 'c']);
  });
});
