// The notes bridge calls end to end in the main process: validation messages, search over the real
// transcript and notes, exports (Markdown, JSON, Anki CSV) written atomically, import merges.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '../../../main/bridge/dispatch';
import { dispatch } from '../../../main/bridge/dispatch';

import { DOC, libraryOf, notesService, repoLibrary, smallEdition, tempDir } from './helpers';

let temp: ReturnType<typeof tempDir>;
let notes: ReturnType<typeof notesService>;
const silent = () => undefined;

beforeEach(() => {
  temp = tempDir();
  notes = notesService({ dataDir: temp.dir, library: repoLibrary(), log: silent, now: () => new Date('2025-04-02T08:30:00Z') });
});
afterEach(() => {
  notes.close();
  temp.remove();
});

const call = (method: string, arg: unknown) => dispatch(notes.handlers as unknown as BridgeHandlers, method, arg, silent);

describe('notes bridge calls', () => {
  it('refuses bad arguments with messages that say what and where', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['createNote', { documentId: DOC, sentenceIds: [], time: 0, text: '' }, /sentenceIds: a note covers at least one sentence/],
      ['createNote', { documentId: DOC, sentenceIds: ['s1'], time: -1, text: '' }, /time: the time cannot be negative/],
      ['createNote', { documentId: DOC, sentenceIds: ['s1'], time: 0, text: 'x'.repeat(100_001) }, /text: a note holds at most 100,000 characters/],
      ['createNote', { documentId: DOC, sentenceIds: ['s1'], time: 0, text: '', tags: Array(33).fill('t') }, /tags: a note has at most 32 tags/],
      ['createNote', { documentId: DOC, sentenceIds: ['s1'], time: 0, text: '', tags: ['x'.repeat(65)] }, /tags\.0: a tag is at most 64 characters/],
      ['createNote', { documentId: DOC, sentenceIds: ['s1'], time: 0, text: '', extra: 1 }, /extra/],
      ['updateNote', { id: '../x', text: '' }, /id: a note id is/],
      ['search', { documentId: DOC, query: 'x'.repeat(10_001) }, /query: a search is at most 10,000 characters/],
      ['exportNotes', { documentId: DOC, format: 'pdf' }, /format: the format is "markdown", "json" or "anki-csv"/],
    ];
    for (const [method, arg, message] of cases) {
      const answer = await call(method, arg);
      expect(answer.ok, method).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('invalid-argument');
        expect(answer.error.message).toMatch(message);
      }
    }
  });

  it('refuses a note on a sentence the document does not have', async () => {
    const answer = await call('createNote', { documentId: DOC, sentenceIds: ['s999999'], time: 0, text: 'x' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/s999999 is not in/) } });
  });

  it('searches the German and English transcript and the notes in one call, never failing on odd input', async () => {
    const note = await notes.handlers.createNote({ documentId: DOC, sentenceIds: ['s004'], time: 12, text: 'Merken: Ueberwachung', tags: [] });
    const result = await notes.handlers.search({ documentId: DOC, query: 'Überwachungsstaat' });
    expect(result.problem).toBeNull();
    expect(result.transcript.some((hit) => hit.sentenceId === 's004' && hit.lang === 'de')).toBe(true);
    const english = await notes.handlers.search({ documentId: DOC, query: 'surveillance' });
    expect(english.transcript.some((hit) => hit.lang === 'en')).toBe(true);
    const both = await notes.handlers.search({ documentId: DOC, query: 'uberwachung' });
    expect(both.notes.map((hit) => hit.noteId)).toEqual([note.id]);
    expect(both.transcript.length).toBeGreaterThan(0);
    for (const hit of both.transcript) {
      expect(hit.ranges.length).toBeGreaterThan(0);
      for (const [start, end] of hit.ranges) expect(hit.text.slice(start, end).toLowerCase()).toMatch(/^(ü|ue|u)berwachung/);
    }
    // "Strasse" in the Swiss-spelled edition is found by "Straße" too.
    expect((await notes.handlers.search({ documentId: DOC, query: 'Straße' })).transcript.length).toBeGreaterThan(0);
    for (const query of ['"', 'NOT', '(', '*', '^', '-x', 'a:b', '🙂', 'x'.repeat(10_000), '']) {
      const answer = await call('search', { documentId: DOC, query });
      expect(answer.ok, query.slice(0, 10)).toBe(true);
    }
  });

  it('exports Markdown with time, chapter, the German and English sentences and the note, written atomically', async () => {
    await notes.handlers.createNote({ documentId: DOC, sentenceIds: ['s004'], quote: 'Überwachungsstaat', quoteLang: 'de', time: 75, text: 'Wichtig!\n# keine Überschrift', tags: ['Staat'] });
    const result = await notes.handlers.exportNotes({ documentId: DOC, format: 'markdown' });
    expect(result.fileName).toMatch(/^china-sieht-alles-notes-2025-04-02-08-30-00\.md$/);
    expect(result.count).toBe(1);
    expect(result.content).toContain('### 1:15 · s004');
    expect(result.content).toContain('## 1. Der erste digitale Überwachungsstaat (The first digital surveillance state)');
    expect(result.content).toContain('> Entstanden ist der erste digitale Überwachungsstaat der Welt.');
    expect(result.content).toContain('> *The result is the world’s first digital surveillance state.*');
    expect(result.content).toContain('Selected: «Überwachungsstaat»');
    expect(result.content).toContain('Wichtig!\n\\# keine Überschrift');
    expect(result.path).toBe(join(temp.dir, 'exports', result.fileName));
    expect(readFileSync(result.path, 'utf8')).toBe(result.content);
    expect(readdirSync(join(temp.dir, 'exports')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('exports Anki CSV: German front, English and the note on the back, HTML-escaped', async () => {
    await notes.handlers.createNote({ documentId: DOC, sentenceIds: ['s004'], time: 1, text: 'a "quote", <b>tag</b>\nline 2', tags: ['mein tag'] });
    const { content } = await notes.handlers.exportNotes({ documentId: DOC, format: 'anki-csv' });
    const lines = content.split('\n');
    expect(lines.slice(0, 4)).toEqual(['#separator:Comma', '#html:true', '#columns:Front,Back,Tags', '#tags column:3']);
    expect(lines[4]).toBe(
      '"Entstanden ist der erste digitale Überwachungsstaat der Welt.","The result is the world’s first digital surveillance state.<br><br>a &quot;quote&quot;, &lt;b&gt;tag&lt;/b&gt;<br>line 2","mitlesen mein_tag"',
    );
  });

  it('exports JSON that imports again without duplicates, and merges newer edits', async () => {
    const a = await notes.handlers.createNote({ documentId: DOC, sentenceIds: ['s004'], time: 1, text: 'eins', tags: ['x'] });
    await notes.handlers.createNote({ documentId: DOC, sentenceIds: ['s005', 's006'], quote: 'Zitat', quoteLang: 'de', time: 2, text: 'zwei', tags: [] });
    const exported = await notes.handlers.exportNotes({ documentId: DOC, format: 'json' });
    expect(await notes.handlers.importNotes({ documentId: DOC, json: exported.content })).toEqual({ added: 0, updated: 0, skipped: 2, problems: [] });

    // Into a fresh data folder: everything comes back exactly.
    const other = tempDir();
    const fresh = notesService({ dataDir: other.dir, library: repoLibrary(), log: silent });
    try {
      expect(await fresh.handlers.importNotes({ documentId: DOC, json: exported.content })).toMatchObject({ added: 2, skipped: 0 });
      expect(await fresh.handlers.listNotes({ documentId: DOC })).toEqual(await notes.handlers.listNotes({ documentId: DOC }));
      expect(await fresh.handlers.importNotes({ documentId: DOC, json: exported.content })).toMatchObject({ added: 0, skipped: 2 });
    } finally {
      fresh.close();
      other.remove();
    }

    // A newer copy of a note replaces the older one; the same content under a new id is a duplicate.
    const data = JSON.parse(exported.content) as { notes: { id: string; text: string; updatedAt: string }[] };
    const edited = data.notes.find((n) => n.id === a.id)!;
    edited.text = 'eins, später geändert';
    edited.updatedAt = '2030-01-01T00:00:00.000Z';
    data.notes.push({ ...data.notes[1]!, id: '00000000-0000-0000-0000-000000000001' });
    expect(await notes.handlers.importNotes({ documentId: DOC, json: JSON.stringify(data) })).toEqual({ added: 0, updated: 1, skipped: 2, problems: [] });
    expect((await notes.handlers.listNotes({ documentId: DOC })).find((n) => n.id === a.id)!.text).toBe('eins, später geändert');
    expect(existsSync(exported.path)).toBe(true);
  });

  it('refuses imports that are not a valid export, saying where', async () => {
    const bad = async (json: string) => {
      const answer = await call('importNotes', { documentId: DOC, json });
      return answer.ok ? '' : answer.error.message;
    };
    expect(await bad('{')).toMatch(/not valid JSON/);
    expect(await bad('{"format":"other"}')).toMatch(/format: this is not a Mitlesen notes export/);
    const valid = { format: 'mitlesen-notes', version: 1, documentId: DOC, exportedAt: '2025-01-01T00:00:00.000Z', notes: [] as unknown[] };
    expect(await bad(JSON.stringify({ ...valid, documentId: 'small-interview' }))).toMatch(/holds notes of "small-interview"/);
    valid.notes.push({ id: 'n1', documentId: DOC, sentenceIds: ['s004'], quote: null, quoteLang: null, time: 'soon', text: 'x', tags: [], createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' });
    expect(await bad(JSON.stringify(valid))).toMatch(/notes\.0\.time: the time must be a number of seconds/);
  });

  it('skips imported notes whose sentences the edition does not have, and says so', async () => {
    const small = smallEdition();
    const service = notesService({ dataDir: temp.dir + '-small', library: libraryOf(small), log: silent });
    try {
      const json = JSON.stringify({
        format: 'mitlesen-notes',
        version: 1,
        documentId: small.id,
        exportedAt: '2025-01-01T00:00:00.000Z',
        notes: [
          { id: 'n1', documentId: small.id, sentenceIds: ['s004'], quote: null, quoteLang: null, time: 1, text: 'gut', tags: [], createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
          { id: 'n2', documentId: small.id, sentenceIds: ['s777'], quote: null, quoteLang: null, time: 1, text: 'weg', tags: [], createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
        ],
      });
      const result = await service.handlers.importNotes({ documentId: small.id, json });
      expect(result).toMatchObject({ added: 1, skipped: 1 });
      expect(result.problems[0]).toMatch(/1 note pointed at sentences this edition does not have/);
      // Shared English (en_with) appears once, from the sentence that carries it.
      await service.handlers.createNote({ documentId: small.id, sentenceIds: ['s004', 's005'], time: 2, text: 'beide', tags: [] });
      const markdown = (await service.handlers.exportNotes({ documentId: small.id, format: 'markdown' })).content;
      expect(markdown).toContain('> Sehr viel. Alles war überraschend.');
      expect(markdown.match(/A great deal, and all of it surprising\./g)).toHaveLength(2);
    } finally {
      service.close();
    }
  });
});
