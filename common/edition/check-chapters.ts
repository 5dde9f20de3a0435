// The "chapters" section: chapters in reading order, each starting at the first sentence of a
// paragraph, together covering every sentence. Read after the paragraphs, whose sentences they name.

import { isMap, isSeq } from 'yaml';
import { textShape, type CheckState, type ChapterRecord } from './check-state';
import { CHAPTER_ID } from './ids';
import { describe, peekId, type Field } from './yaml-nodes';

const CHAPTER_KEYS = ['id', 'start', 'title'] as const;

export function checkChapters(state: CheckState, field: Field): void {
  if (!isSeq(field.value)) {
    state.read.add(field.keyLine, `"chapters" must be a list of chapters (found ${describe(field.value)})`);
    return;
  }
  if (field.value.items.length === 0) {
    state.read.add(field.keyLine, '"chapters" is empty; at least one chapter must start at the first sentence');
    return;
  }
  const listLine = state.read.lineOf(field.value, field.keyLine);
  let previous: { label: string; start: string; index: number; line: number } | null = null;
  field.value.items.forEach((item, i) => {
    if (!isMap(item)) {
      state.read.add(state.read.lineOf(item, listLine), `chapter #${i + 1} must be a mapping with id, start and title (found ${describe(item)})`);
      return;
    }
    const line = state.read.lineOf(item);
    const peeked = peekId(item);
    const label = peeked !== null ? `chapter ${peeked}` : `chapter #${i + 1}`;
    const fields = state.read.fields(item, label, CHAPTER_KEYS);
    const record: ChapterRecord = { id: null, title: null, start: null };
    state.chapters.push(record);

    const idField = fields.get('id');
    record.id = state.read.id(idField, line, label, 'chapter', CHAPTER_ID, '"ch" followed by digits, e.g. ch03');
    if (record.id !== null && idField) {
      const first = state.chapterLines.get(record.id);
      if (first !== undefined) state.read.add(idField.keyLine, `duplicate chapter id ${record.id} (first used on line ${first})`);
      else state.chapterLines.set(record.id, idField.keyLine);
    }

    const titleField = fields.get('title');
    if (!titleField) state.read.add(line, `${label} has no title (title: ${textShape(state)})`);
    else record.title = state.read.bilingual(titleField, `the title of ${label}`, state.english);

    const startField = fields.get('start');
    if (!startField) {
      state.read.add(line, `${label} has no start (the id of its first sentence)`);
      return;
    }
    const start = state.read.reference(startField, `the start of ${label}`, 'the id of its first sentence');
    if (start === null) return;
    record.start = start;
    const sentence = state.sentenceById.get(start);
    if (!sentence) {
      state.read.add(startField.keyLine, `${label} starts at ${start}, which is not a sentence of this edition`);
      return;
    }
    if (sentence.position !== 0) {
      state.read.add(startField.keyLine, `${label} starts at ${start}, which is not the first sentence of ${sentence.paragraph.label} (a chapter must start where a paragraph starts)`);
      return;
    }
    if (i === 0 && sentence.index !== 0) {
      const firstSentence = state.sentences[0]!;
      state.read.add(startField.keyLine, `${label} starts at ${start}, but the edition begins at ${firstSentence.id ?? firstSentence.label} (the first chapter must start at the first sentence, so that the chapters cover every sentence)`);
    }
    if (previous !== null) {
      if (sentence.index === previous.index) {
        state.read.add(startField.keyLine, `${label} starts at ${start}, as does ${previous.label} (line ${previous.line}); each chapter needs its own first sentence`);
      } else if (sentence.index < previous.index) {
        state.read.add(startField.keyLine, `${label} starts at ${start}, before ${previous.label} (which starts at ${previous.start}, line ${previous.line}); list the chapters in reading order`);
      }
    }
    previous = { label, start, index: sentence.index, line: startField.keyLine };
  });
}
