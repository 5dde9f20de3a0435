// Content checks for the bundled edition "China sieht alles" (transcripts/china-sieht-alles/).
// The loader (common/edition/parse.ts) checks that an edition is well formed; these tests check
// that this edition is faithful to the received text, complete in both languages, well structured,
// and consistent in its terminology. They read the real files, so an editing slip fails here.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseEdition } from '../../../common/edition/parse';
import type { Edition, Paragraph, Sentence } from '../../../common/edition/model';

const dir = new URL('../../../transcripts/china-sieht-alles/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

const EDITION_FILE = 'transcripts/china-sieht-alles/edition.yaml';
const received = read('received.txt');
const result = parseEdition(read('edition.yaml'), EDITION_FILE);

interface Correction {
  sentence: string;
  received: string;
  corrected: string;
  kind: string;
  reason: string;
}

interface GlossaryEntry {
  de: string;
  en: string;
  note?: string;
  /** Stem(s) found case-insensitively in the German; defaults to `de`. */
  match_de?: string | string[];
  /** Stem(s) of which one must then occur case-insensitively in the English; defaults to `en`. */
  match_en?: string | string[];
}

const CORRECTION_KINDS = ['case-after-hyphen', 'lost-hyphen', 'split-word'];

const corrections = parse(read('corrections.yaml')) as Correction[];
const glossary = parse(read('glossary.yaml')) as GlossaryEntry[];

/** The parsed edition; fails the calling test (with the loader's problems) if it did not parse. */
function edition(): Edition {
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    throw new Error(`${EDITION_FILE} does not parse:\n${lines.join('\n')}`);
  }
  return result.edition;
}

function sentenceMap(ed: Edition): Map<string, Sentence> {
  return new Map(ed.sentences.map((s) => [s.id, s]));
}

/** The English a sentence shows: its own, or the shared English of the sentence it names in `enWith`. */
function englishOf(s: Sentence, byId: Map<string, Sentence>): string {
  return s.enWith === null ? s.en : (byId.get(s.enWith)?.en ?? '');
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

const occurrences = (haystack: string, needle: string): number =>
  needle === '' ? 0 : haystack.split(needle).length - 1;

const asList = (v: string | string[] | undefined, fallback: string): string[] =>
  v === undefined ? [fallback] : Array.isArray(v) ? v : [v];

/** Null when equal, else where the two texts first part, with some context from each. */
function firstDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const around = (t: string) => JSON.stringify(t.slice(Math.max(0, i - 60), i + 60));
  return `texts differ at character ${i}:\n  edition:  ${around(actual)}\n  received: ${around(expected)}`;
}

/** Turn, gap and pullquote paragraphs carry a speaker; title and standfirst do not. */
const speakerless = (p: Paragraph): boolean => p.kind === 'title' || p.kind === 'standfirst';

describe('edition "China sieht alles": loading', () => {
  it('parses without problems', () => {
    const problems = result.ok ? [] : result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(problems).toEqual([]);
  });
});

describe('edition "China sieht alles": faithful German', () => {
  it('lists well-formed corrections, each found exactly once in its sentence', () => {
    const byId = sentenceMap(edition());
    const problems: string[] = [];
    for (const c of corrections) {
      const where = `correction ${JSON.stringify(c.corrected)} (${c.sentence})`;
      for (const field of ['sentence', 'received', 'corrected', 'kind', 'reason'] as const) {
        if (typeof c[field] !== 'string' || c[field].trim() === '') problems.push(`${where}: missing ${field}`);
      }
      if (!CORRECTION_KINDS.includes(c.kind)) problems.push(`${where}: unknown kind ${JSON.stringify(c.kind)}`);
      if (c.received === c.corrected) problems.push(`${where}: received and corrected are the same`);
      if (occurrences(received, c.received) === 0) {
        problems.push(`${where}: received text ${JSON.stringify(c.received)} is not in received.txt`);
      }
      const s = byId.get(c.sentence);
      if (!s) {
        problems.push(`${where}: no sentence ${c.sentence}`);
        continue;
      }
      const n = occurrences(s.de, c.corrected);
      if (n !== 1) problems.push(`${where}: occurs ${n} times in ${c.sentence}, expected exactly once`);
    }
    expect(problems).toEqual([]);
  });

  it('equals the received text once the listed corrections are undone', () => {
    const ed = edition();
    const byId = sentenceMap(ed);
    const bySentence = new Map<string, Correction[]>();
    for (const c of corrections) bySentence.set(c.sentence, [...(bySentence.get(c.sentence) ?? []), c]);

    const parts: string[] = [];
    for (const p of ed.paragraphs) {
      if (p.label !== null) parts.push(p.label);
      for (const id of p.sentenceIds) {
        let de = byId.get(id)?.de ?? `<missing sentence ${id}>`;
        for (const c of bySentence.get(id) ?? []) de = de.replace(c.corrected, c.received);
        parts.push(de);
      }
    }
    const rebuilt = collapse(parts.join(' '));
    const expected = collapse(received);
    expect(firstDifference(rebuilt, expected)).toBeNull();
  });

  it('keeps speaker labels out of the sentences and only where the source prints them', () => {
    const ed = edition();
    const labelled = ed.paragraphs.filter((p) => p.label !== null).map((p) => [p.id, p.speakerId, p.label]);
    expect(labelled).toEqual([
      ['p003', 'interviewer', 'Der Spiegel:'],
      ['p004', 'heilmann', 'Sebastian Heilmann:'],
    ]);
    const leaked = ed.sentences.filter((s) => /^(Der Spiegel|Sebastian Heilmann):/.test(s.de)).map((s) => s.id);
    expect(leaked).toEqual([]);
  });

  it('keeps «» quotes in German and typographic “ ” and ’ in English', () => {
    const problems: string[] = [];
    for (const s of edition().sentences) {
      if (/[“”„"]/.test(s.de)) problems.push(`${s.id} de: ${s.de}`);
      if (/[«»"']/.test(s.en)) problems.push(`${s.id} en: ${s.en}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('edition "China sieht alles": sentences and speakers', () => {
  it('gives every sentence a unique id, German and English', () => {
    const ed = edition();
    const byId = sentenceMap(ed);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const s of ed.sentences) {
      if (!/^s\d+$/.test(s.id)) problems.push(`${s.id}: id is not s + digits`);
      if (seen.has(s.id)) problems.push(`${s.id}: duplicate id`);
      seen.add(s.id);
      if (s.de.trim() === '') problems.push(`${s.id}: no German`);
      if (s.enWith === null) {
        if (s.en.trim() === '') problems.push(`${s.id}: no English`);
      } else {
        const first = byId.get(s.enWith);
        if (!first || first.enWith !== null || first.en.trim() === '' || first.index >= s.index) {
          problems.push(`${s.id}: en_with ${s.enWith} does not name an earlier sentence with English`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(ed.sentences.length).toBeGreaterThan(150);
  });

  it('has unique paragraph ids and a title and standfirst first', () => {
    const ed = edition();
    const ids = ed.paragraphs.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^p\d+$/.test(id))).toBe(true);
    const [title, standfirst] = ed.paragraphs;
    expect([title?.id, title?.kind, title?.sentenceIds]).toEqual(['p001', 'title', ['s001']]);
    expect([standfirst?.id, standfirst?.kind]).toEqual(['p002', 'standfirst']);
    expect(ed.paragraphs.slice(2).some((p) => speakerless(p))).toBe(false);
    expect(ed.sentences[0]?.de).toBe(ed.title.de);
  });

  it('assigns a speaker to every turn, gap and pullquote and to none of title and standfirst', () => {
    const ed = edition();
    const speakers = new Set(ed.speakers.map((s) => s.id));
    expect([...speakers].sort()).toEqual(['heilmann', 'interviewer']);
    const problems: string[] = [];
    for (const p of ed.paragraphs) {
      if (speakerless(p)) {
        if (p.speakerId !== null) problems.push(`${p.id} (${p.kind}) has speaker ${p.speakerId}`);
      } else if (p.speakerId === null || !speakers.has(p.speakerId)) {
        problems.push(`${p.id} (${p.kind}) has no known speaker`);
      }
    }
    for (const s of ed.sentences) {
      const p = ed.paragraphs.find((q) => q.id === s.paragraphId);
      if (p && s.speakerId !== p.speakerId) problems.push(`${s.id}: speaker differs from its paragraph ${p.id}`);
    }
    expect(problems).toEqual([]);
  });

  it('alternates interviewer and interviewee turns, a gap standing in for the missing question', () => {
    const ed = edition();
    const role = new Map(ed.speakers.map((s) => [s.id, s.role]));
    const turns = ed.paragraphs.filter((p) => p.kind === 'turn' || p.kind === 'gap');
    const problems: string[] = [];
    turns.forEach((p, i) => {
      const want = i % 2 === 0 ? 'interviewer' : 'interviewee';
      const got = p.speakerId === null ? null : role.get(p.speakerId);
      if (got !== want) problems.push(`${p.id} (${p.kind}): ${String(got)} where the ${want} speaks next`);
    });
    expect(problems).toEqual([]);
    expect(turns.length % 2).toBe(0);
  });

  it('marks the missing question as a gap with a note in both languages, and no sentences', () => {
    const gaps = edition().paragraphs.filter((p) => p.kind === 'gap');
    expect(gaps.map((g) => [g.speakerId, g.sentenceIds.length])).toEqual([['interviewer', 0]]);
    expect(gaps[0]?.note?.de.trim()).toBeTruthy();
    expect(gaps[0]?.note?.en.trim()).toBeTruthy();
  });

  it('ends with the pull quote, quoting Heilmann, outside the conversation', () => {
    const ed = edition();
    const pullquotes = ed.paragraphs.filter((p) => p.kind === 'pullquote');
    expect(pullquotes.length).toBe(1);
    expect(ed.paragraphs.at(-1)?.kind).toBe('pullquote');
    expect(pullquotes[0]?.speakerId).toBe('heilmann');
  });
});

describe('edition "China sieht alles": chapters', () => {
  it('has 10 to 18 chapters with titles in both languages', () => {
    const ed = edition();
    expect(ed.chapters.length).toBeGreaterThanOrEqual(10);
    expect(ed.chapters.length).toBeLessThanOrEqual(18);
    for (const c of ed.chapters) {
      expect(c.id).toMatch(/^ch\d+$/);
      expect(c.title.de.trim()).not.toBe('');
      expect(c.title.en.trim()).not.toBe('');
    }
    expect(new Set(ed.chapters.map((c) => c.id)).size).toBe(ed.chapters.length);
  });

  it('starts at existing sentences, in reading order, the first at s001', () => {
    const ed = edition();
    const byId = sentenceMap(ed);
    expect(ed.chapters[0]?.startSentenceId).toBe('s001');
    const starts = ed.chapters.map((c) => byId.get(c.startSentenceId)?.index ?? -1);
    expect(starts.every((i) => i >= 0)).toBe(true);
    expect(starts.every((i, k) => k === 0 || i > (starts[k - 1] ?? Infinity))).toBe(true);
  });

  it('covers every sentence exactly once, in order', () => {
    const ed = edition();
    const covered = ed.chapters.flatMap((c) => c.sentenceIds);
    expect(covered).toEqual(ed.sentences.map((s) => s.id));
    for (const c of ed.chapters) {
      expect(c.sentenceIds[0]).toBe(c.startSentenceId);
      for (const id of c.sentenceIds) expect(ed.sentences.find((s) => s.id === id)?.chapterId).toBe(c.id);
    }
    const last = ed.chapters.at(-1);
    const pullquote = ed.paragraphs.find((p) => p.kind === 'pullquote');
    expect(pullquote?.sentenceIds.every((id) => last?.sentenceIds.includes(id))).toBe(true);
  });
});

describe('edition "China sieht alles": glossary', () => {
  it('has entries with a German term and an English rendering', () => {
    expect(Array.isArray(glossary)).toBe(true);
    for (const g of glossary) {
      expect(typeof g.de === 'string' && g.de.trim() !== '', JSON.stringify(g)).toBe(true);
      expect(typeof g.en === 'string' && g.en.trim() !== '', JSON.stringify(g)).toBe(true);
    }
  });

  it('renders every glossary term the same way wherever it occurs', () => {
    const ed = edition();
    const byId = sentenceMap(ed);
    const problems: string[] = [];
    for (const g of glossary) {
      const stemsDe = asList(g.match_de, g.de).map((t) => t.toLowerCase());
      const stemsEn = asList(g.match_en, g.en).map((t) => t.toLowerCase());
      let hits = 0;
      for (const s of ed.sentences) {
        if (!stemsDe.some((t) => s.de.toLowerCase().includes(t))) continue;
        hits++;
        const en = englishOf(s, byId);
        if (!stemsEn.some((t) => en.toLowerCase().includes(t))) {
          problems.push(`${s.id}: "${g.de}" should be rendered "${g.en}": ${en}`);
        }
      }
      if (hits === 0) problems.push(`glossary entry "${g.de}" matches no sentence`);
    }
    expect(problems).toEqual([]);
  });
});
