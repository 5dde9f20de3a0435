// A translation as the learner adds it: the aligner's pairs made into the saved form (0-1 pairs
// joined to a neighbour, nothing of the translation dropped), checked against the document, applied
// to the edition (shared translations within a paragraph, untranslated sentences, titles), and the
// four fixes with their refusals; which changes keep the original (and can be shown in place).
// Texts in German with English, Russian and Greek.
import { describe, expect, it } from 'vitest';
import { buildEdition, type EditionInput } from '../../../common/edition/build';
import type { Edition } from '../../../common/edition/model';
import { pairingOf } from '../../../common/edition/pairing';
import { alignSentences, type AlignedPair } from '../../../common/parallel/align';
import { alignUnitsOf, applyTranslation, editPairs, keepsOriginal, splitHeadings, translationFromAlignment, translationProblem, uncertainPairs, type Translation } from '../../../common/parallel/translation';
import { splitSentences } from '../../../common/text/sentences';
import { segmentText } from '../../../common/text/segment';
import { textToEdition } from '../../../common/text/text-edition';
import { ENGLISH, GERMAN, GREEK, RUSSIAN } from './texts';

/** Two chapters: s001 s002 | s003 in chapter one (two paragraphs), s004 s005 in chapter two. */
const SMALL: EditionInput = {
  id: 'klein',
  languages: ['de'],
  title: { de: 'Klein', en: '' },
  speakers: [],
  chapters: [
    { id: 'ch01', title: { de: 'Eins', en: '' }, start: 's001' },
    { id: 'ch02', title: { de: 'Zwei', en: '' }, start: 's004' },
  ],
  paragraphs: [
    { id: 'p001', kind: 'prose', sentences: [{ id: 's001', de: 'Eins ist kurz.' }, { id: 's002', de: 'Zwei ist etwas länger als eins.' }] },
    { id: 'p002', kind: 'prose', sentences: [{ id: 's003', de: 'Drei.' }] },
    { id: 'p003', kind: 'prose', sentences: [{ id: 's004', de: 'Zwei.' }, { id: 's005', de: 'Fünf ist der letzte Satz.' }] },
  ],
};
const small = buildEdition(SMALL);
const B = ['One is short.', 'Two is somewhat longer than one.', 'Three.', 'Four.', 'Five is the last sentence.'];
const oneToOne = (): Translation => ({ lang: 'en', sentences: [...B], pairs: small.sentences.map((s, i) => ({ a: [s.id], b: [i], confidence: 0.9 })) });
const aligned = (a: number[], b: number[], confidence = 0.9): AlignedPair => ({ a, b, confidence, uncertain: confidence < 0.5 });

function fromText(lines: readonly string[]): Edition {
  return buildEdition(textToEdition({ title: 'Die Mauer', text: lines.join('\n\n'), format: 'markdown', language: 'de' }, 'die-mauer', splitSentences, { titleIsRead: false }));
}

describe('translationFromAlignment', () => {
  it('names the document sentences by id and keeps 1-2, 2-1 and 1-0 pairs as they are', () => {
    const t = translationFromAlignment(small, 'en', B, [aligned([0], [0, 1]), aligned([1, 2], [2]), aligned([3], []), aligned([4], [3, 4], 0.3)]);
    expect(t.pairs).toEqual([
      { a: ['s001'], b: [0, 1], confidence: 0.9 },
      { a: ['s002', 's003'], b: [2], confidence: 0.9 },
      { a: ['s004'], b: [], confidence: 0.9 },
      { a: ['s005'], b: [3, 4], confidence: 0.3 },
    ]);
    expect(translationProblem(small, t)).toBeNull();
    expect(uncertainPairs(t)).toEqual([3]);
  });

  it('joins a translation sentence paired with nothing (0-1) to the pair before, or after at the start, with the lower confidence', () => {
    const t = translationFromAlignment(small, 'en', ['Extra.', B[0]!, B[1]!, 'Inserted.', B[2]!, B[3]!, B[4]!, 'Also extra.'], [
      aligned([], [0], 0.4),
      aligned([0], [1]),
      aligned([1], [2]),
      aligned([], [3], 0.2),
      aligned([2], [4]),
      aligned([3], [5]),
      aligned([4], [6]),
      aligned([], [7], 0.6),
    ]);
    expect(t.pairs).toEqual([
      { a: ['s001'], b: [0, 1], confidence: 0.4 },
      { a: ['s002'], b: [2, 3], confidence: 0.2 },
      { a: ['s003'], b: [4], confidence: 0.9 },
      { a: ['s004'], b: [5], confidence: 0.9 },
      { a: ['s005'], b: [6, 7], confidence: 0.6 },
    ]);
    expect(translationProblem(small, t)).toBeNull();
  });
});

describe('translationProblem', () => {
  it('names what does not fit: sentences out of order or missing, translation sentences skipped or extra, a bad tag', () => {
    const t = oneToOne();
    expect(translationProblem(small, { ...t, pairs: [t.pairs[1]!, t.pairs[0]!, ...t.pairs.slice(2)] })).toBe('pair 1: expected sentence s001, found s002');
    expect(translationProblem(small, { ...t, pairs: t.pairs.slice(0, 4) })).toBe('sentence s005 and those after it are in no pair');
    expect(translationProblem(small, { ...t, pairs: t.pairs.map((p, i) => (i === 1 ? { ...p, b: [2] } : p)) })).toBe('pair 2: expected translation sentence 2, found 3');
    expect(translationProblem(small, { ...t, sentences: [...B, 'Six.'] })).toBe('translation sentence 6 and those after it are in no pair');
    expect(translationProblem(small, { ...t, pairs: t.pairs.map((p, i) => (i === 4 ? { ...p, b: [4, 5] } : p)) })).toBe('pair 5: the translation has only 5 sentences');
    expect(translationProblem(small, { ...t, lang: 'English' })).toMatch(/^lang: "English" is not a language tag/);
    expect(translationProblem(small, { ...t, pairs: [{ a: [], b: [], confidence: 1 }, ...t.pairs] })).toBe("pair 1 has none of the document's sentences");
    expect(translationProblem(small, t)).toBeNull();
  });
});

describe('applyTranslation', () => {
  it('puts a pair’s translation on its first sentence, shared within the paragraph, and leaves 1-0 sentences untranslated', () => {
    const e = applyTranslation(small, translationFromAlignment(small, 'en', B, [aligned([0, 1], [0, 1]), aligned([2], []), aligned([3], [2, 3]), aligned([4], [4])]));
    expect(e.languages).toEqual(['de', 'en']);
    expect(e.languageTags).toEqual({ en: 'en' });
    expect(e.sentences.map((s) => [s.id, s.en, s.enWith])).toEqual([
      ['s001', 'One is short. Two is somewhat longer than one.', null],
      ['s002', '', 's001'],
      ['s003', '', null],
      ['s004', 'Three. Four.', null],
      ['s005', 'Five is the last sentence.', null],
    ]);
    const pairing = pairingOf(e);
    expect(pairing.group('s001')).toEqual(['s001', 's002']);
    expect(pairing.englishOf('s003')).toBe('');
  });

  it('keeps a pair that runs over a paragraph’s end in its first paragraph, the rest untranslated (the model shares only within one)', () => {
    const t: Translation = { lang: 'en', sentences: ['Two and three.', 'One.', 'Four.', 'Five.'], pairs: [
      { a: ['s001'], b: [1], confidence: 1 },
      { a: ['s002', 's003'], b: [0], confidence: 0.7 },
      { a: ['s004'], b: [2], confidence: 1 },
      { a: ['s005'], b: [3], confidence: 1 },
    ] };
    // (b out of order is refused before it is applied; this one is put right.)
    expect(translationProblem(small, t)).toBe('pair 1: expected translation sentence 1, found 2');
    const fixed: Translation = { ...t, sentences: ['One.', 'Two and three.', 'Four.', 'Five.'], pairs: t.pairs.map((p, i) => (i < 2 ? { ...p, b: [i] } : p)) };
    const e = applyTranslation(small, fixed);
    expect(e.sentences.slice(0, 3).map((s) => [s.id, s.en, s.enWith])).toEqual([
      ['s001', 'One.', null],
      ['s002', 'Two and three.', null],
      ['s003', '', null],
    ]);
  });

  it('gives a chapter the translation of its heading when the title is that sentence, and the tag of the translation', () => {
    const edition = fromText(GERMAN);
    const { sentences, headings } = splitHeadings(segmentText(RUSSIAN.join('\n\n'), 'ru'));
    expect(headings.map((h) => h.text)).toEqual(['Стена', 'Единство', 'Последствия']);
    const t = translationFromAlignment(edition, 'ru', sentences.map((s) => s.text), alignSentences(alignUnitsOf(edition), sentences).pairs, headings);
    expect(t.titles).toEqual({ ch01: 'Стена', ch02: 'Единство', ch03: 'Последствия' });
    const e = applyTranslation(edition, t);
    expect(e.languageTags).toEqual({ en: 'ru' });
    expect(e.chapters.map((c) => c.title.en)).toEqual(['Стена', 'Единство', 'Последствия']);
    // Without its headings, a chapter title stays in the original.
    const untitled = applyTranslation(edition, { ...t, titles: {} });
    expect(untitled.chapters.map((c) => c.title.en)).toEqual(edition.chapters.map((c) => c.title.de));
    expect(translationProblem(edition, { ...t, titles: { ch09: 'Nichts' } })).toBe('titles: "ch09" is not a chapter of the document');
  });

  it('titles only the chapters a translation with a chapter missing has headings for', () => {
    const edition = fromText(GERMAN);
    // The Russian without its second chapter ("Единство" and its two paragraphs).
    const { sentences, headings } = splitHeadings(segmentText([...RUSSIAN.slice(0, 3), ...RUSSIAN.slice(6)].join('\n\n'), 'ru'));
    const t = translationFromAlignment(edition, 'ru', sentences.map((s) => s.text), alignSentences(alignUnitsOf(edition), sentences).pairs, headings);
    expect(translationProblem(edition, t)).toBeNull();
    expect(t.titles).toEqual({ ch01: 'Стена', ch03: 'Последствия' });
    const e = applyTranslation(edition, t);
    const second = e.chapters[1]!;
    // The missing chapter's sentences are untranslated, and the chapters either side are paired.
    expect(e.sentences.filter((s) => s.chapterId === second.id).every((s) => s.en === '' && s.enWith === null)).toBe(true);
    expect(pairingOf(e).englishOf(e.chapters[2]!.startSentenceId)).toBe('И сегодня люди на Востоке зарабатывают меньше.');
  });
});

describe('pairing whole texts in two scripts', () => {
  const edition = fromText(GERMAN);
  const pair = (lines: readonly string[], lang: string) => {
    const { sentences, headings } = splitHeadings(segmentText(lines.join('\n\n'), lang));
    const t = translationFromAlignment(edition, lang, sentences.map((s) => s.text), alignSentences(alignUnitsOf(edition), sentences).pairs, headings);
    expect(translationProblem(edition, t)).toBeNull();
    return pairingOf(applyTranslation(edition, t));
  };
  const of = (pairing: ReturnType<typeof pair>, german: string) => pairing.englishOf(edition.sentences.find((s) => s.de === german)!.id);

  it('pairs German with Russian (Cyrillic) sentence by sentence', () => {
    const ru = pair(RUSSIAN, 'ru');
    expect(of(ru, 'Niemand hatte an diesem Abend damit gerechnet.')).toBe('Никто в тот вечер этого не ожидал.');
    expect(of(ru, 'Ist das gerecht?')).toBe('Справедливо ли это?');
    expect(of(ru, 'Weber meint, die Einheit sei noch nicht vollendet.')).toBe('Вебер считает, что единство ещё не завершено.');
  });

  it('pairs German with Greek, whose question mark is ;', () => {
    const el = pair(GREEK, 'el');
    const question = of(el, 'Warum kam es so plötzlich?');
    expect(question.endsWith(';')).toBe(true);
    expect(of(el, 'Am 3. Oktober 1990 wurde Deutschland wiedervereinigt.')).toMatch(/1990/);
  });

  it('pairs German with English, and every translation sentence is shown once', () => {
    const { sentences, headings } = splitHeadings(segmentText(ENGLISH.join('\n\n'), 'en'));
    const t = translationFromAlignment(edition, 'en', sentences.map((s) => s.text), alignSentences(alignUnitsOf(edition), sentences).pairs, headings);
    const e = applyTranslation(edition, t);
    const shown = e.sentences.map((s) => s.en).filter(Boolean).join(' ');
    expect(shown).toBe(sentences.map((s) => s.text).join(' '));
  });
});

describe('editPairs', () => {
  const t = oneToOne();
  const edit = (translation: Translation, kind: Parameters<typeof editPairs>[2], id: string) => editPairs(small, translation, kind, id);
  const pairsOf = (r: ReturnType<typeof edit>) => (r.ok ? r.translation.pairs.map((p) => [p.a, p.b]) : r.reason);

  it('joins with the pair above or below, and refuses at the ends', () => {
    expect(pairsOf(edit(t, 'joinAbove', 's002'))).toEqual([[['s001', 's002'], [0, 1]], [['s003'], [2]], [['s004'], [3]], [['s005'], [4]]]);
    expect(pairsOf(edit(t, 'joinBelow', 's004'))).toEqual([[['s001'], [0]], [['s002'], [1]], [['s003'], [2]], [['s004', 's005'], [3, 4]]]);
    expect(pairsOf(edit(t, 'joinAbove', 's001'))).toBe('first');
    expect(pairsOf(edit(t, 'joinBelow', 's005'))).toBe('last');
    const joined = edit(t, 'joinAbove', 's002');
    expect(joined.ok && joined.translation.pairs[0]!.confidence).toBe(1);
  });

  it('splits a pair before the sentence named (after the first, when it is named), the translation cut by length', () => {
    const joined = edit(t, 'joinAbove', 's002');
    if (!joined.ok) throw new Error('join refused');
    expect(pairsOf(edit(joined.translation, 'split', 's002'))).toEqual(pairsOf({ ok: true, translation: t, sentenceId: 's002' }));
    expect(pairsOf(edit(joined.translation, 'split', 's001'))).toEqual(pairsOf({ ok: true, translation: t, sentenceId: 's001' }));
    expect(pairsOf(edit(t, 'split', 's003'))).toBe('single');
  });

  it('marks a sentence untranslated: its translation goes to the pair before (after, at the start), or stays with the rest of its pair', () => {
    expect(pairsOf(edit(t, 'untranslated', 's003'))).toEqual([[['s001'], [0]], [['s002'], [1, 2]], [['s003'], []], [['s004'], [3]], [['s005'], [4]]]);
    expect(pairsOf(edit(t, 'untranslated', 's001'))).toEqual([[['s001'], []], [['s002'], [0, 1]], [['s003'], [2]], [['s004'], [3]], [['s005'], [4]]]);
    const three: Translation = { ...t, pairs: [{ a: ['s001', 's002', 's003'], b: [0, 1, 2], confidence: 1 }, ...t.pairs.slice(3)] };
    expect(pairsOf(edit(three, 'untranslated', 's003'))).toEqual([[['s001', 's002'], [0, 1, 2]], [['s003'], []], [['s004'], [3]], [['s005'], [4]]]);
    // In the middle: the sentences either side keep the translation, cut by their lengths
    // ("Eins ist kurz." is 14 of their 19 characters, nearest the 45 of 51 of the first two).
    expect(pairsOf(edit(three, 'untranslated', 's002'))).toEqual([[['s001'], [0, 1]], [['s002'], []], [['s003'], [2]], [['s004'], [3]], [['s005'], [4]]]);
    const done = edit(t, 'untranslated', 's003');
    if (!done.ok) throw new Error('refused');
    expect(pairsOf(edit(done.translation, 'untranslated', 's003'))).toBe('already-untranslated');
    expect(translationProblem(small, done.translation)).toBeNull();
  });

  it('refuses a sentence that is in no pair', () => {
    expect(pairsOf(edit(t, 'split', 's999'))).toBe('unknown');
  });
});

describe('keepsOriginal', () => {
  it('holds for a translation added or a pair fixed, not for a change to the text, its sentences or its chapters', () => {
    const translated = applyTranslation(small, oneToOne());
    const fixed = editPairs(small, oneToOne(), 'joinAbove', 's002');
    expect(keepsOriginal(small, translated)).toBe(true);
    expect(keepsOriginal(translated, applyTranslation(small, fixed.ok ? fixed.translation : oneToOne()))).toBe(true);
    const retold = { ...translated, sentences: translated.sentences.map((s) => (s.id === 's003' ? { ...s, de: 'Drei!' } : s)) };
    expect(keepsOriginal(translated, retold)).toBe(false);
    expect(keepsOriginal(translated, { ...translated, sentences: translated.sentences.slice(1) })).toBe(false);
    expect(keepsOriginal(translated, { ...translated, chapters: translated.chapters.map((c, i) => (i === 1 ? { ...c, startSentenceId: 's005' } : c)) })).toBe(false);
    expect(keepsOriginal(translated, { ...translated, id: 'other' })).toBe(false);
  });
});
