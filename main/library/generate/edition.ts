// The text of a generated document, as the plain data the edition builder takes (EditionInput in
// common/edition/build.ts), with ids from common/edition/ids.ts as an import of plain text gets
// them. Shaped like the bundled interview so every feature has something to show: a title and a
// standfirst, two speakers taking turns, pull quotes, a gap, sentences sharing one English
// sentence (en_with), and chapters of about equal length.

import type { EditionInput, ParagraphInput, SentenceInput } from '../../../common/edition/build';
import { chapterId, paragraphId, sentenceId } from '../../../common/edition/ids';
import type { Speaker } from '../../../common/edition/model';
import { splitWords } from '../../../common/text/words';
import { CHAPTER_WORDS, JOINERS, NOUNS, PATTERNS, SHORT, type Noun, type Pattern } from './phrases';
import type { Random } from './random';

export interface GeneratedTextOptions {
  id: string;
  title: string;
  /** German words to write, at least (the last sentence may go a few over). */
  words: number;
  chapters: number;
}

export interface GeneratedText {
  input: EditionInput;
  /** German words written (splitWords over every German sentence). */
  germanWords: number;
  sentences: number;
}

/** The fewest German words per chapter: a chapter needs a question and an answer. */
export const MIN_WORDS_PER_CHAPTER = 20;

const SPEAKERS: Speaker[] = [
  { id: 'redaktion', name: { de: 'Die Redaktion', en: 'The Editors' }, role: 'interviewer' },
  { id: 'grossmann', name: { de: 'Jörg Größmann', en: 'Jörg Größmann' }, role: 'interviewee' },
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fill(pattern: Pattern, first: Noun, second: Noun): Pattern {
  const de = pattern.de
    .replaceAll('{nom1}', first.nom).replaceAll('{acc1}', first.acc).replaceAll('{dat1}', first.dat)
    .replaceAll('{nom2}', second.nom).replaceAll('{acc2}', second.acc).replaceAll('{dat2}', second.dat);
  const en = pattern.en.replaceAll('{en1}', first.en).replaceAll('{en2}', second.en);
  return { de: capitalise(de), en: capitalise(en) };
}

function clause(random: Random): Pattern {
  const first = random.pick(NOUNS);
  let second = random.pick(NOUNS);
  if (second === first) second = NOUNS[(NOUNS.indexOf(first) + 1) % NOUNS.length]!;
  return fill(random.pick(PATTERNS), first, second);
}

/** A sentence pair: a short answer, one clause, or two clauses joined (so lengths vary from 1 to about 30 words). */
function sentencePair(random: Random, question: boolean): Pattern {
  if (question) {
    const asking = PATTERNS.filter((p) => p.de.endsWith('?'));
    return fill(random.pick(asking), random.pick(NOUNS), random.pick(NOUNS));
  }
  if (random.chance(0.15)) return random.pick(SHORT);
  const a = clause(random);
  if (a.de.endsWith('?') || !random.chance(0.35)) return a;
  let b = clause(random);
  while (b.de.endsWith('?')) b = clause(random);
  const join = random.pick(JOINERS);
  const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
  return { de: `${a.de.slice(0, -1)}${join.de}${lower(b.de)}`, en: `${a.en.slice(0, -1)}${join.en}${lower(b.en)}` };
}

export function generateText(options: GeneratedTextOptions, random: Random): GeneratedText {
  const { id, title, words, chapters } = options;
  const paragraphs: ParagraphInput[] = [];
  const chapterInputs: EditionInput['chapters'][number][] = [];
  let sentenceCount = 0;
  let wordCount = 0;
  let allTurns = 0;

  const sentence = (pair: Pattern, enWith?: string): SentenceInput => {
    const s: SentenceInput = enWith ? { id: sentenceId(sentenceCount), de: pair.de, enWith } : { id: sentenceId(sentenceCount), de: pair.de, en: pair.en };
    sentenceCount++;
    wordCount += splitWords(pair.de).length;
    return s;
  };
  const paragraph = (kind: ParagraphInput['kind'], speakerId: string | null, sentences: SentenceInput[]): ParagraphInput => {
    const p: ParagraphInput = { id: paragraphId(paragraphs.length), kind, speakerId, sentences };
    paragraphs.push(p);
    return p;
  };

  // An answer of several sentences; now and then two of them share one English sentence, as
  // "Sehr viel. Alles war überraschend." share "A great deal, and all of it surprising."
  const answer = (count: number): SentenceInput[] => {
    const out: SentenceInput[] = [];
    while (out.length < count) {
      const pair = sentencePair(random, false);
      if (out.length + 2 <= count && random.chance(0.12)) {
        const next = sentencePair(random, false);
        const carrier = sentence({ de: pair.de, en: `${pair.en} ${next.en}` });
        out.push(carrier, sentence(next, carrier.id));
      } else out.push(sentence(pair));
    }
    return out;
  };

  for (let c = 0; c < chapters; c++) {
    // Chapter c ends once the words written reach its share of the whole.
    const until = Math.round((words * (c + 1)) / chapters);
    let turns = 0;
    const first = paragraphs.length;
    if (c === 0) {
      paragraph('title', null, [sentence({ de: title, en: title })]);
      paragraph('standfirst', null, answer(2));
    }
    while (turns < 2 || wordCount < until) {
      // Counted over the whole document, so short chapters get them too; never where a chapter starts.
      if (turns > 0 && allTurns % 23 === 11) paragraph('pullquote', 'grossmann', answer(1));
      // A turn missing from the source, once in a while.
      if (turns > 0 && allTurns % 97 === 50) paragraphs.push({ id: paragraphId(paragraphs.length), kind: 'gap', speakerId: 'redaktion', note: { de: '[Frage fehlt]', en: '[question missing]' }, sentences: [] });
      const asking = turns % 2 === 0;
      if (asking) paragraph('turn', 'redaktion', [sentence(sentencePair(random, random.chance(0.6)))]);
      else paragraph('turn', 'grossmann', answer(random.int(1, 8)));
      turns++;
      allTurns++;
    }
    const theme = CHAPTER_WORDS[c % CHAPTER_WORDS.length]!;
    chapterInputs.push({
      id: chapterId(c),
      title: { de: `Kapitel ${c + 1}: ${theme.de}`, en: `Chapter ${c + 1}: ${theme.en}` },
      start: paragraphs[first]!.sentences[0]!.id,
    });
  }

  const input: EditionInput = { id, languages: ['de', 'en'], title: { de: title, en: title }, speakers: SPEAKERS, chapters: chapterInputs, paragraphs };
  return { input, germanWords: wordCount, sentences: sentenceCount };
}
