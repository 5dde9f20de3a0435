import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../../common/edition/model';
import { formatProblem, parseEdition, type ParseResult } from '../../../common/edition/parse';
import { syntheticEdition } from '../../fixtures/editions/synthetic';

const fixtureDir = fileURLToPath(new URL('../../fixtures/editions/', import.meta.url));

function fixture(name: string): string {
  return readFileSync(`${fixtureDir}${name}`, 'utf8');
}

function messages(result: ParseResult): string[] {
  if (result.ok) throw new Error('expected problems, but the edition parsed');
  return result.problems.map(formatProblem);
}

function problemsOf(name: string): string[] {
  return messages(parseEdition(fixture(name), name));
}

describe('parseEdition on a valid edition', () => {
  it('builds the exact model', () => {
    const result = parseEdition(fixture('valid-small.yaml'), 'valid-small.yaml');
    const expected: Edition = {
      id: 'small-interview',
      // No "languages" key in the file: German and English, as every edition before the key.
      languages: ['de', 'en'],
      title: { de: 'Kleines Gespräch', en: 'A Small Conversation' },
      speakers: [
        { id: 'interviewer', name: { de: 'Die Zeitung', en: 'The Newspaper' }, role: 'interviewer' },
        { id: 'mueller', name: { de: 'Anna Müller', en: 'Anna Müller' }, role: 'interviewee' },
      ],
      chapters: [
        {
          id: 'ch01',
          index: 0,
          title: { de: 'Anfang', en: 'Beginning' },
          startSentenceId: 's001',
          sentenceIds: ['s001', 's002', 's003', 's004', 's005'],
        },
        {
          id: 'ch02',
          index: 1,
          title: { de: 'Schluss', en: 'End' },
          startSentenceId: 's006',
          sentenceIds: ['s006', 's010', 's007', 's008'],
        },
      ],
      paragraphs: [
        { id: 'p001', index: 0, kind: 'title', speakerId: null, label: null, note: null, chapterId: 'ch01', sentenceIds: ['s001'] },
        { id: 'p002', index: 1, kind: 'standfirst', speakerId: null, label: null, note: null, chapterId: 'ch01', sentenceIds: ['s002'] },
        { id: 'p003', index: 2, kind: 'turn', speakerId: 'interviewer', label: 'Die Zeitung:', note: null, chapterId: 'ch01', sentenceIds: ['s003'] },
        { id: 'p004', index: 3, kind: 'turn', speakerId: 'mueller', label: 'Anna Müller:', note: null, chapterId: 'ch01', sentenceIds: ['s004', 's005'] },
        {
          id: 'p005',
          index: 4,
          kind: 'gap',
          speakerId: 'interviewer',
          label: null,
          note: { de: '[Frage fehlt]', en: '[question missing]' },
          // A gap has no sentence to start a chapter with, so it stays in the running chapter.
          chapterId: 'ch01',
          sentenceIds: [],
        },
        { id: 'p006', index: 5, kind: 'turn', speakerId: 'mueller', label: null, note: null, chapterId: 'ch02', sentenceIds: ['s006', 's010'] },
        { id: 'p007', index: 6, kind: 'pullquote', speakerId: 'mueller', label: null, note: null, chapterId: 'ch02', sentenceIds: ['s007'] },
        { id: 'p008', index: 7, kind: 'pullquote', speakerId: null, label: null, note: null, chapterId: 'ch02', sentenceIds: ['s008'] },
      ],
      sentences: [
        { id: 's001', index: 0, paragraphId: 'p001', chapterId: 'ch01', speakerId: null, de: 'Kleines Gespräch', en: 'A Small Conversation', enWith: null },
        {
          id: 's002',
          index: 1,
          paragraphId: 'p002',
          chapterId: 'ch01',
          speakerId: null,
          de: 'Eine Forscherin erklärt, was sie gesehen hat.',
          en: 'A researcher explains what she has seen.',
          enWith: null,
        },
        { id: 's003', index: 2, paragraphId: 'p003', chapterId: 'ch01', speakerId: 'interviewer', de: 'Was haben Sie gesehen?', en: 'What did you see?', enWith: null },
        { id: 's004', index: 3, paragraphId: 'p004', chapterId: 'ch01', speakerId: 'mueller', de: 'Sehr viel.', en: 'A great deal, and all of it surprising.', enWith: null },
        { id: 's005', index: 4, paragraphId: 'p004', chapterId: 'ch01', speakerId: 'mueller', de: 'Alles war überraschend.', en: '', enWith: 's004' },
        { id: 's006', index: 5, paragraphId: 'p006', chapterId: 'ch02', speakerId: 'mueller', de: '«Es war 1984», sagte man mir.', en: '“It was 1984,” I was told.', enWith: null },
        // Numbers are text here, exactly as written.
        { id: 's010', index: 6, paragraphId: 'p006', chapterId: 'ch02', speakerId: 'mueller', de: '2024', en: '2024', enWith: null },
        { id: 's007', index: 7, paragraphId: 'p007', chapterId: 'ch02', speakerId: 'mueller', de: 'Sehr viel.', en: 'A great deal.', enWith: null },
        { id: 's008', index: 8, paragraphId: 'p008', chapterId: 'ch02', speakerId: null, de: 'Ende', en: 'The End', enWith: null },
      ],
    };
    expect(result).toEqual({ ok: true, edition: expected });
  });

  it('keeps no-break spaces, which are the editor’s typography, while collapsing line folding', () => {
    const source = fixture('valid-small.yaml').replace('de: Sehr viel.\n        en: A great deal, and', 'de: |\n          5\u00a0%  und\n          mehr\n        en: A great deal, and');
    const result = parseEdition(source, 'e.yaml');
    expect(result.ok ? result.edition.sentences[3]?.de : messages(result)).toBe('5\u00a0% und mehr');
  });

  it('reads Windows line endings and a byte-order mark the same way', () => {
    const source = fixture('valid-small.yaml');
    const plain = parseEdition(source, 'e.yaml');
    expect(parseEdition(`\ufeff${source.replace(/\n/g, '\r\n')}`, 'e.yaml')).toEqual(plain);
    const broken = fixture('broken-several.yaml').replace(/\n/g, '\r\n');
    expect(messages(parseEdition(broken, 'broken-several.yaml'))).toEqual(problemsOf('broken-several.yaml'));
  });
});

describe('parseEdition on broken editions', () => {
  it('reports malformed YAML with its line, one error per line', () => {
    expect(problemsOf('broken-yaml.yaml')).toEqual([
      'broken-yaml.yaml:13: malformed YAML: Nested mappings are not allowed in compact mappings (if a text on this line contains ": ", put it in quotes)',
      'broken-yaml.yaml:16: malformed YAML: Tabs are not allowed as indentation',
    ]);
  });

  it('reports missing top-level keys and a misspelt one', () => {
    expect(problemsOf('broken-top-level.yaml')).toEqual([
      'broken-top-level.yaml:0: the edition has no "title" (title: { de: …, en: … })',
      'broken-top-level.yaml:0: the edition has no "chapters" (a list of chapters in reading order, the first starting at the first sentence)',
      'broken-top-level.yaml:0: the edition has no "paragraphs" (the list of paragraphs in reading order)',
      'broken-top-level.yaml:3: unknown key "speaker" in the edition (did you mean "speakers"?)',
    ]);
  });

  it('reports sentences without English', () => {
    expect(problemsOf('broken-no-english.yaml')).toEqual([
      'broken-no-english.yaml:12: sentence s001 has no English (add "en", or "en_with" naming the sentence that carries it)',
      'broken-no-english.yaml:22: sentence s003 has empty English text',
    ]);
  });

  it('reports missing, empty and non-text German', () => {
    expect(problemsOf('broken-empty-german.yaml')).toEqual([
      'broken-empty-german.yaml:13: sentence s001 has empty German text',
      'broken-empty-german.yaml:16: sentence s002 has empty German text',
      'broken-empty-german.yaml:18: sentence s003 has no German (add "de")',
      'broken-empty-german.yaml:21: the German text of sentence s004 must be plain text (found a list)',
    ]);
  });

  it('reports duplicate ids and keys, naming the first use', () => {
    expect(problemsOf('broken-duplicate-ids.yaml')).toEqual([
      'broken-duplicate-ids.yaml:7: duplicate speaker id anna (first used on line 4)',
      'broken-duplicate-ids.yaml:14: duplicate chapter id ch01 (first used on line 11)',
      'broken-duplicate-ids.yaml:24: duplicate paragraph id p001 (first used on line 18)',
      'broken-duplicate-ids.yaml:30: duplicate sentence id s002 (first used on line 27)',
      'broken-duplicate-ids.yaml:40: duplicate key "en" in sentence s003 (first used on line 39)',
    ]);
  });

  it('reports unknown speakers with the known ones', () => {
    expect(problemsOf('broken-unknown-speaker.yaml')).toEqual([
      'broken-unknown-speaker.yaml:17: paragraph p001 names unknown speaker "heilman" (known: interviewer, heilmann)',
      'broken-unknown-speaker.yaml:24: paragraph p002 names unknown speaker "Interviewer" (known: interviewer, heilmann)',
    ]);
  });

  it('reports chapter starts that are unknown, out of order, shared, mid-paragraph or not at the first sentence', () => {
    expect(problemsOf('broken-chapters.yaml')).toEqual([
      'broken-chapters.yaml:6: chapter ch01 starts at s002, but the edition begins at s001 (the first chapter must start at the first sentence, so that the chapters cover every sentence)',
      'broken-chapters.yaml:9: chapter ch02 starts at s999, which is not a sentence of this edition',
      'broken-chapters.yaml:15: chapter ch04 starts at s003, before chapter ch03 (which starts at s005, line 12); list the chapters in reading order',
      'broken-chapters.yaml:18: chapter ch05 starts at s003, as does chapter ch04 (line 15); each chapter needs its own first sentence',
      'broken-chapters.yaml:21: chapter ch06 starts at s006, which is not the first sentence of paragraph p004 (a chapter must start where a paragraph starts)',
    ]);
  });

  it('reports unknown keys once, guessing the intended key where it can', () => {
    expect(problemsOf('broken-unknown-keys.yaml')).toEqual([
      'broken-unknown-keys.yaml:2: unknown key "titel" in the edition (did you mean "title"?)',
      'broken-unknown-keys.yaml:5: unknown key "fr" in the name of speaker anna (allowed: de, en)',
      'broken-unknown-keys.yaml:7: unknown key "colour" in speaker anna (allowed: name, role)',
      'broken-unknown-keys.yaml:12: unknown key "end" in chapter ch01 (allowed: id, start, title)',
      'broken-unknown-keys.yaml:17: unknown key "sentence" in paragraph p001 (did you mean "sentences"?)',
      'broken-unknown-keys.yaml:20: unknown key "enn" in sentence s001 (did you mean "en"?)',
      'broken-unknown-keys.yaml:23: unknown key "en-with" in sentence s002 (did you mean "en_with"?)',
      'broken-unknown-keys.yaml:27: unknown key "speaker" in sentence s003 (allowed: id, de, en, en_with)',
    ]);
  });

  it('reports ids that break their pattern or are missing', () => {
    expect(problemsOf('broken-ids.yaml')).toEqual([
      'broken-ids.yaml:1: document id "Bad_Ids" must be lowercase letters, digits and hyphens ([a-z0-9-]+)',
      'broken-ids.yaml:4: speaker id "Anna Müller" must be lowercase letters, digits and hyphens ([a-z0-9-]+)',
      'broken-ids.yaml:8: chapter id "chapter-1" must be "ch" followed by digits, e.g. ch03',
      'broken-ids.yaml:12: paragraph id "1" must be "p" followed by digits, e.g. p012',
      'broken-ids.yaml:15: sentence id "S1" must be "s" followed by digits, e.g. s017',
      'broken-ids.yaml:18: paragraph #2 has no id (add "id", "p" followed by digits, e.g. p012)',
      'broken-ids.yaml:20: sentence #1 of paragraph #2 has no id (add "id", "s" followed by digits, e.g. s017)',
      'broken-ids.yaml:22: sentence id "s-2" must be "s" followed by digits, e.g. s017',
    ]);
  });

  it('requires speakers on turns and gaps and forbids them on titles and standfirsts', () => {
    expect(problemsOf('broken-speaker-rules.yaml')).toEqual([
      'broken-speaker-rules.yaml:14: paragraph p001 is a title and cannot have a speaker (remove "speaker")',
      'broken-speaker-rules.yaml:21: paragraph p002 is a standfirst and cannot have a speaker (remove "speaker")',
      'broken-speaker-rules.yaml:26: paragraph p003 is a turn but names no speaker (add "speaker: <id>")',
      'broken-speaker-rules.yaml:32: paragraph p004 is a gap but names no speaker (add "speaker: <id>")',
    ]);
  });

  it('requires a bilingual note and no sentences on gaps, and sentences on everything else', () => {
    expect(problemsOf('broken-gap.yaml')).toEqual([
      'broken-gap.yaml:19: paragraph p002 is a gap and needs a note in both languages (note: { de: "[…]", en: "[…]" })',
      'broken-gap.yaml:25: the note of paragraph p003 has no English (add "en")',
      'broken-gap.yaml:30: paragraph p004 is a gap and cannot have sentences (it marks a turn missing from the source)',
      'broken-gap.yaml:37: paragraph p005 is a turn and cannot have a note (only gaps have notes)',
      'broken-gap.yaml:42: paragraph p006 has no sentences (a turn needs at least one)',
      'broken-gap.yaml:47: paragraph p007 has no sentences (a pullquote needs at least one)',
    ]);
  });

  it('checks that en_with names an earlier sentence of the same paragraph with its own English', () => {
    expect(problemsOf('broken-en-with.yaml')).toEqual([
      'broken-en-with.yaml:26: sentence s004 has en_with: s003, which has no English of its own; it shares s002\'s, so name s002',
      'broken-en-with.yaml:29: sentence s005 has en_with: s005, its own id (name the earlier sentence that carries the English)',
      'broken-en-with.yaml:32: sentence s006 has en_with: s007, which comes after it (en_with must name an earlier sentence)',
      "broken-en-with.yaml:38: sentence s008 has en_with: s001, which is in paragraph p001, not in this sentence's paragraph p002 (English is shared only within a paragraph)",
      'broken-en-with.yaml:41: sentence s009 has en_with: s099, which is not a sentence of this edition',
      'broken-en-with.yaml:45: sentence s010 has both "en" and "en_with" (keep "en" for its own English, or "en_with" to share an earlier sentence\'s)',
      'broken-en-with.yaml:48: sentence s011 has en_with: s007, but s010 lies between them and does not share it (sentences sharing one English sentence must follow each other)',
    ]);
  });

  // Roles are free words (any document, not only interviews), so only their shape is checked.
  it('reports malformed and missing roles and incomplete names', () => {
    expect(problemsOf('broken-roles.yaml')).toEqual([
      'broken-roles.yaml:6: speaker anna has role "Guest", which is not a short lowercase word (e.g. narrator, host, guest, interviewer or interviewee)',
      'broken-roles.yaml:7: speaker ben has no role (a short lowercase word, e.g. narrator, host, guest, interviewer or interviewee)',
      'broken-roles.yaml:8: the name of speaker ben has no English (add "en")',
      'broken-roles.yaml:9: speaker carla must be a mapping with name and role (found "Carla Rossi")',
    ]);
  });

  it('reports titles missing a language or missing altogether', () => {
    expect(problemsOf('broken-titles.yaml')).toEqual([
      'broken-titles.yaml:2: the edition title has no English (add "en")',
      'broken-titles.yaml:7: the title of chapter ch01 has no German (add "de")',
      'broken-titles.yaml:10: the title of chapter ch02 must be a mapping with "de" and "en" (found "Zwei")',
      'broken-titles.yaml:11: chapter ch03 has no title (title: { de: …, en: … })',
    ]);
  });

  it('reports entries that are not mappings and unknown kinds', () => {
    expect(problemsOf('broken-not-mapping.yaml')).toEqual([
      'broken-not-mapping.yaml:8: chapter #2 must be a mapping with id, start and title (found "ch02")',
      'broken-not-mapping.yaml:16: sentence #2 of paragraph p001 must be a mapping with id, de and en (found "Ein loser Satz.")',
      'broken-not-mapping.yaml:17: paragraph #2 must be a mapping with id, kind and sentences (found "Ein loser Absatz.")',
      'broken-not-mapping.yaml:20: the sentences of paragraph p003 must be a list (found a mapping)',
      'broken-not-mapping.yaml:25: paragraph p004 has unknown kind "turns" (use title, standfirst, turn, gap, pullquote or prose)',
    ]);
  });

  it('reports all problems at once: five different problems give five messages', () => {
    expect(problemsOf('broken-several.yaml')).toEqual([
      'broken-several.yaml:15: chapter ch02 starts at s999, which is not a sentence of this edition',
      'broken-several.yaml:26: paragraph p002 names unknown speaker "heilman" (known: interviewer, heilmann)',
      'broken-several.yaml:30: unknown key "enn" in sentence s002 (did you mean "en"?)',
      'broken-several.yaml:31: duplicate sentence id s002 (first used on line 28)',
      'broken-several.yaml:32: sentence s002 has empty German text',
    ]);
  });
});

describe('parseEdition on input that is not an edition at all', () => {
  const cases: Array<[string, string, string[]]> = [
    ['an empty string', '', ['e.yaml:0: the file is empty; an edition is a mapping with the keys id, title, speakers, chapters and paragraphs']],
    ['only a comment', '# nothing yet\n', ['e.yaml:0: the file is empty; an edition is a mapping with the keys id, title, speakers, chapters and paragraphs']],
    ['null', 'null', ['e.yaml:0: the edition must be a mapping with the keys id, title, speakers, chapters and paragraphs (found nothing)']],
    ['a list', '- a\n- b\n', ['e.yaml:0: the edition must be a mapping with the keys id, title, speakers, chapters and paragraphs (found a list)']],
    ['binary garbage', '\u0000\u0001\u00ff\ufffd', ['e.yaml:0: the edition must be a mapping with the keys id, title, speakers, chapters and paragraphs (found "\\u0000\\u0001ÿ�")']],
    ['two documents', 'id: a\n---\nid: b\n', ['e.yaml:2: malformed YAML: the file holds more than one YAML document (remove the extra "---" line)']],
    ['an alias', 'id: a\ntitle: &t { de: A, en: A }\nx: *t\n', ['e.yaml:3: the alias *t is not supported in an edition (write the value out)']],
    [
      'empty lists',
      'id: a\ntitle: { de: A, en: A }\nspeakers: {}\nchapters: []\nparagraphs: []\n',
      ['e.yaml:4: "chapters" is empty; at least one chapter must start at the first sentence', 'e.yaml:5: "paragraphs" is empty; an edition needs at least one paragraph'],
    ],
    [
      'only gaps',
      'id: a\ntitle: { de: A, en: A }\nspeakers: { x: { name: { de: X, en: X }, role: interviewer } }\nchapters: [{ id: ch01, start: s001, title: { de: A, en: A } }]\nparagraphs:\n  - { id: p001, kind: gap, speaker: x, note: { de: "[…]", en: "[…]" } }\n',
      ['e.yaml:0: the edition has no sentences (every paragraph is a gap)', 'e.yaml:4: chapter ch01 starts at s001, which is not a sentence of this edition'],
    ],
  ];
  for (const [name, source, expected] of cases) {
    it(`reports ${name}`, () => {
      expect(messages(parseEdition(source, 'e.yaml'))).toEqual(expected);
    });
  }

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (source) => {
        const result = parseEdition(source, 'e.yaml');
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a damaged valid edition, and every problem names a line of the file', () => {
    const valid = fixture('valid-small.yaml');
    const lineCount = valid.split('\n').length;
    const damage = fc.array(
      fc.record({ at: fc.nat({ max: valid.length }), cut: fc.nat({ max: 12 }), insert: fc.constantFrom('', ' ', '\n', ':', '- ', '"', '{', ']', '\t', 'x', '#', '&a', '*a') }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(damage, (edits) => {
        let source = valid;
        for (const { at, cut, insert } of edits) source = source.slice(0, at) + insert + source.slice(at + cut);
        const result = parseEdition(source, 'e.yaml');
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) {
            expect(p.line).toBeGreaterThanOrEqual(0);
            expect(p.line).toBeLessThanOrEqual(lineCount + 4 * 13);
            expect(p.message).not.toMatch(/could not read the edition/);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

const realEdition = fileURLToPath(new URL('../../../transcripts/china-sieht-alles/edition.yaml', import.meta.url));

describe('the shipped edition', () => {
  it('china-sieht-alles parses without problems', () => {
    const result = parseEdition(readFileSync(realEdition, 'utf8'), 'transcripts/china-sieht-alles/edition.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });
});

describe('formatProblem', () => {
  it('puts file, line and message in the usual compiler shape', () => {
    expect(formatProblem({ file: 'transcripts/x/edition.yaml', line: 42, message: 'sentence s017 has empty German text' })).toBe(
      'transcripts/x/edition.yaml:42: sentence s017 has empty German text',
    );
  });
});

describe('a book-length edition', () => {
  it('parses 100,000 words into the full model (its speed is measured in tests/bench/edition.bench.ts)', () => {
    const { source, germanWords, paragraphCount, perParagraph } = syntheticEdition();
    expect(germanWords).toBeGreaterThanOrEqual(100_000);
    const result = parseEdition(source, 'big.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.edition.sentences).toHaveLength(paragraphCount * perParagraph);
    expect(result.edition.chapters[19]?.sentenceIds).toHaveLength(300);
  });
});

describe('an edition in German only', () => {
  it('needs no English anywhere, and its model has empty English and no shared English', () => {
    const result = parseEdition(fixture('valid-german-only.yaml'), 'valid-german-only.yaml');
    if (!result.ok) throw new Error(messages(result).join('\n'));
    const edition = result.edition;
    expect(edition.languages).toEqual(['de']);
    expect(edition.title).toEqual({ de: 'Ein Abend im Radio', en: '' });
    expect(edition.speakers).toEqual([
      { id: 'moderatorin', name: { de: 'Die Moderatorin', en: '' }, role: 'host' },
      { id: 'gast', name: { de: 'Jan Gast', en: '' }, role: 'guest' },
    ]);
    expect(edition.chapters.map((c) => [c.title, c.sentenceIds])).toEqual([
      [{ de: 'Begrüssung', en: '' }, ['s001', 's002', 's003']],
      [{ de: 'Gespräch', en: '' }, ['s004', 's005']],
    ]);
    expect(edition.paragraphs[2]).toMatchObject({ kind: 'gap', note: { de: '[Antwort fehlt]', en: '' }, chapterId: 'ch01' });
    expect(edition.sentences.map((s) => [s.id, s.de, s.en, s.enWith])).toEqual([
      ['s001', 'Ein Abend im Radio', '', null],
      ['s002', 'Guten Abend.', '', null],
      ['s003', 'Heute ist Jan Gast bei uns.', '', null],
      ['s004', 'Wie war Ihre Reise?', '', null],
      ['s005', 'Lang, aber schön.', '', null],
    ]);
  });

  it('reports English it would otherwise drop, and asks only for German', () => {
    expect(problemsOf('broken-german-only.yaml')).toEqual([
      'broken-german-only.yaml:3: the edition title has English, but the edition is in German only (remove "en", or add en to "languages")',
      'broken-german-only.yaml:19: sentence s001 has English, but the edition is in German only (remove "en", or add en to "languages")',
      'broken-german-only.yaml:22: sentence s002 has English, but the edition is in German only (remove "en_with", or add en to "languages")',
      'broken-german-only.yaml:23: paragraph p002 is a gap and needs a note (note: { de: "[…]" })',
    ]);
  });

  it('reads "languages: [de, en]" as the default, in either order', () => {
    const plain = parseEdition(fixture('valid-small.yaml'), 'e.yaml');
    const withKey = (list: string) => parseEdition(fixture('valid-small.yaml').replace('id: small-interview\n', `id: small-interview\nlanguages: ${list}\n`), 'e.yaml');
    expect(plain.ok).toBe(true);
    expect(withKey('[de, en]')).toEqual(plain);
    expect(withKey('[en, de]')).toEqual(plain);
  });

  it('reports unknown, repeated and missing languages, and then checks the rest with German (and English if named)', () => {
    expect(problemsOf('broken-languages.yaml')).toEqual([
      'broken-languages.yaml:2: "languages" names unknown language "fr" (known: de, en)',
      'broken-languages.yaml:2: "languages" names en twice',
      'broken-languages.yaml:2: "languages" must include de (an edition is a German text, with or without English)',
      'broken-languages.yaml:3: the edition title has no English (add "en")',
      'broken-languages.yaml:8: the title of chapter ch01 has no English (add "en")',
      'broken-languages.yaml:13: sentence s001 has no English (add "en", or "en_with" naming the sentence that carries it)',
    ]);
    const notAList = fixture('valid-german-only.yaml').replace('languages: [de]', 'languages: de');
    expect(messages(parseEdition(notAList, 'e.yaml'))[0]).toBe(
      'e.yaml:3: "languages" must be a list: [de] for German only, [de, en] for German and English (found "de")',
    );
  });
});

describe('the language of each text', () => {
  const german = () => fixture('valid-german-only.yaml');

  it('is the slot\'s name unless language_tags says otherwise: a French text in de is tagged fr', () => {
    const plain = parseEdition(german(), 'e.yaml');
    expect(plain.ok && plain.edition.languageTags).toBeUndefined();
    const french = parseEdition(german().replace('languages: [de]', 'languages: [de]\nlanguage_tags: { de: fr-CA }'), 'e.yaml');
    expect(french.ok ? french.edition.languageTags : messages(french)).toEqual({ de: 'fr-CA' });
  });

  it('reports a tag that is not BCP 47, a slot the edition lacks, and a value that is not a mapping', () => {
    const tagged = (value: string) => messages(parseEdition(german().replace('languages: [de]', `languages: [de]\nlanguage_tags: ${value}`), 'e.yaml'));
    expect(tagged('{ de: French }')).toEqual(['e.yaml:4: the language of de must be a BCP 47 tag such as fr, ru or pt-BR (found "French")']);
    expect(tagged('{ en: ru }')).toEqual(['e.yaml:4: unknown key "en" in "language_tags" (allowed: de)']);
    expect(tagged('fr')[0]).toBe('e.yaml:4: "language_tags" must be a mapping from de or en to a language tag, e.g. { de: fr } (found "fr")');
  });
});

describe('speaker roles', () => {
  it('accept any short lowercase word, so documents other than interviews can name their speakers', () => {
    const roles = ['narrator', 'host', 'guest', 'co-host'];
    for (const role of roles) {
      const source = fixture('valid-small.yaml').replace('    role: interviewee', `    role: ${role}`);
      const result = parseEdition(source, 'e.yaml');
      expect(result.ok ? result.edition.speakers[1]?.role : messages(result)).toBe(role);
    }
  });

  it('refuse capitals, spaces and over-long words, which would make one role look like two', () => {
    for (const role of ['Host', 'main guest', 'a'.repeat(25), '-host']) {
      const source = fixture('valid-small.yaml').replace('    role: interviewee', `    role: "${role}"`);
      expect(messages(parseEdition(source, 'e.yaml'))).toEqual([
        `e.yaml:10: speaker mueller has role "${role}", which is not a short lowercase word (e.g. narrator, host, guest, interviewer or interviewee)`,
      ]);
    }
  });
});
