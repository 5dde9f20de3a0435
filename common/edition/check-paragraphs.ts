// The "paragraphs" section: paragraphs in reading order, their sentences, and the rules of shared
// English (`en_with`), which need every sentence id and so run once all paragraphs are read.

import { isMap, isSeq, type YAMLMap } from 'yaml';
import type { ParagraphKind } from './model';
import { textShape, type CheckState, type ParagraphRecord, type SentenceRecord } from './check-state';
import { joinOr } from './hints';
import { PARAGRAPH_ID, SENTENCE_ID } from './ids';
import { describe, isEmptyList, peekId, readText, type Field } from './yaml-nodes';

const PARAGRAPH_KEYS = ['id', 'kind', 'speaker', 'label', 'note', 'sentences'] as const;
const SENTENCE_KEYS = ['id', 'de', 'en', 'en_with'] as const;
const KINDS: readonly ParagraphKind[] = ['title', 'standfirst', 'turn', 'gap', 'pullquote', 'prose'];

export function checkParagraphs(state: CheckState, field: Field): void {
  if (!isSeq(field.value)) {
    state.read.add(field.keyLine, `"paragraphs" must be a list of paragraphs (found ${describe(field.value)})`);
    return;
  }
  if (field.value.items.length === 0) {
    state.read.add(field.keyLine, '"paragraphs" is empty; an edition needs at least one paragraph');
    return;
  }
  const listLine = state.read.lineOf(field.value, field.keyLine);
  field.value.items.forEach((item, i) => {
    if (!isMap(item)) {
      state.read.add(
        state.read.lineOf(item, listLine),
        `paragraph #${i + 1} must be a mapping with id, kind and sentences (found ${describe(item)})`,
      );
      return;
    }
    checkParagraph(state, item, i);
  });
  // Other paragraphs without sentences are reported one by one; only all-gap editions are left.
  if (state.sentences.length === 0 && state.paragraphs.length > 0 && state.paragraphs.every((p) => p.kind === 'gap')) {
    state.read.add(0, 'the edition has no sentences (every paragraph is a gap)');
  }
}

function checkParagraph(state: CheckState, map: YAMLMap, ordinal: number): void {
  const line = state.read.lineOf(map);
  const peeked = peekId(map);
  const label = peeked !== null ? `paragraph ${peeked}` : `paragraph #${ordinal + 1}`;
  const fields = state.read.fields(map, label, PARAGRAPH_KEYS);
  const record: ParagraphRecord = {
    id: null,
    label,
    kind: null,
    speakerId: null,
    printedLabel: null,
    note: null,
    sentences: [],
  };

  const idField = fields.get('id');
  record.id = state.read.id(idField, line, label, 'paragraph', PARAGRAPH_ID, '"p" followed by digits, e.g. p012');
  if (record.id !== null && idField) {
    const first = state.paragraphLines.get(record.id);
    if (first !== undefined) state.read.add(idField.keyLine, `duplicate paragraph id ${record.id} (first used on line ${first})`);
    else state.paragraphLines.set(record.id, idField.keyLine);
  }

  const kinds = joinOr(KINDS);
  const kindField = fields.get('kind');
  if (!kindField) state.read.add(line, `${label} has no kind (${kinds})`);
  else {
    const kind = state.read.reference(kindField, `the kind of ${label}`, kinds);
    if (kind !== null) {
      if ((KINDS as readonly string[]).includes(kind)) record.kind = kind as ParagraphKind;
      else state.read.add(kindField.keyLine, `${label} has unknown kind "${kind}" (use ${kinds})`);
    }
  }
  const kind = record.kind;

  const speakerField = fields.get('speaker');
  if (speakerField) {
    if (kind === 'title' || kind === 'standfirst') {
      state.read.add(speakerField.keyLine, `${label} is a ${kind} and cannot have a speaker (remove "speaker")`);
    } else {
      const known = [...state.speakers.keys()];
      const knownText = known.length > 0 ? known.join(', ') : 'none; add them under "speakers"';
      const speaker = state.read.reference(speakerField, `the speaker of ${label}`, `a speaker id; known: ${knownText}`);
      if (speaker !== null) {
        if (state.speakers.has(speaker)) record.speakerId = speaker;
        else state.read.add(speakerField.keyLine, `${label} names unknown speaker "${speaker}" (known: ${knownText})`);
      }
    }
  } else if (kind === 'turn' || kind === 'gap') {
    state.read.add(line, `${label} is a ${kind} but names no speaker (add "speaker: <id>")`);
  }

  const labelField = fields.get('label');
  if (labelField) {
    const value = readText(labelField.value);
    if (value.kind === 'text') record.printedLabel = value.text;
    else if (value.kind === 'empty') state.read.add(labelField.keyLine, `${label} has an empty label (fill it in or remove "label")`);
    else state.read.add(labelField.keyLine, `the label of ${label} must be plain text (found ${value.found})`);
  }

  const noteField = fields.get('note');
  if (kind === 'gap') {
    if (!noteField) {
      const needs = state.english ? 'a note in both languages' : 'a note';
      state.read.add(line, `${label} is a gap and needs ${needs} (note: ${textShape(state, '"[…]"')})`);
    } else record.note = state.read.bilingual(noteField, `the note of ${label}`, state.english);
  } else if (noteField && kind !== null) {
    state.read.add(noteField.keyLine, `${label} is a ${kind} and cannot have a note (only gaps have notes)`);
  }

  const sentencesField = fields.get('sentences');
  const sentencesNode = sentencesField?.value;
  const hasNone = isEmptyList(sentencesField);
  if (kind === 'gap') {
    if (sentencesField && !hasNone) {
      state.read.add(sentencesField.keyLine, `${label} is a gap and cannot have sentences (it marks a turn missing from the source)`);
    }
  } else if (hasNone) {
    state.read.add(sentencesField?.keyLine ?? line, `${label} has no sentences (${kind === null ? 'a paragraph' : `a ${kind}`} needs at least one)`);
  }
  if (sentencesField && !hasNone) {
    if (!isSeq(sentencesNode)) {
      state.read.add(sentencesField.keyLine, `the sentences of ${label} must be a list (found ${describe(sentencesNode)})`);
    } else {
      const listLine = state.read.lineOf(sentencesNode, sentencesField.keyLine);
      sentencesNode.items.forEach((item, j) => {
        if (!isMap(item)) {
          state.read.add(
            state.read.lineOf(item, listLine),
            `sentence #${j + 1} of ${label} must be a mapping with id, de and en (found ${describe(item)})`,
          );
          return;
        }
        checkSentence(state, item, j, record);
      });
    }
  }

  state.paragraphs.push(record);
}

function checkSentence(state: CheckState, map: YAMLMap, ordinal: number, paragraph: ParagraphRecord): void {
  const line = state.read.lineOf(map);
  const peeked = peekId(map);
  const label = peeked !== null ? `sentence ${peeked}` : `sentence #${ordinal + 1} of ${paragraph.label}`;
  const fields = state.read.fields(map, label, SENTENCE_KEYS);

  const idField = fields.get('id');
  const id = state.read.id(idField, line, label, 'sentence', SENTENCE_ID, '"s" followed by digits, e.g. s017');
  const record: SentenceRecord = {
    id,
    label,
    idLine: idField?.keyLine ?? line,
    paragraph,
    position: paragraph.sentences.length,
    index: state.sentences.length,
    de: '',
    en: '',
    ownEnglish: false,
    enWith: null,
    enWithLine: line,
  };
  if (id !== null) {
    const first = state.sentenceById.get(id);
    if (first) state.read.add(record.idLine, `duplicate sentence id ${id} (first used on line ${first.idLine})`);
    else state.sentenceById.set(id, record);
  }

  record.de = state.read.requiredText(fields.get('de'), line, label, 'de', `${label} has no German (add "de")`) ?? '';

  const enField = fields.get('en');
  const withField = fields.get('en_with');
  if (!state.english) {
    // Reported, not dropped: an English text in a German-only edition is most likely a
    // "languages" line that should say [de, en].
    for (const [key, field] of [['en', enField], ['en_with', withField]] as const) {
      if (field) state.read.add(field.keyLine, `${label} has English, but the edition is in German only (remove "${key}", or add en to "languages")`);
    }
  } else if (enField && withField) {
    state.read.add(
      withField.keyLine,
      `${label} has both "en" and "en_with" (keep "en" for its own English, or "en_with" to share an earlier sentence's)`,
    );
  }
  if (!state.english) {
    // Nothing to read: the edition has no English.
  } else if (enField) {
    record.ownEnglish = !withField;
    record.en = state.read.requiredText(enField, line, label, 'en') ?? '';
  } else if (withField) {
    record.enWithLine = withField.keyLine;
    record.enWith = state.read.reference(withField, `en_with of ${label}`, 'the id of the earlier sentence that carries the English');
  } else {
    state.read.add(line, `${label} has no English (add "en", or "en_with" naming the sentence that carries it)`);
  }

  paragraph.sentences.push(record);
  state.sentences.push(record);
}

/** `en_with` rules need every sentence id, so they run after all paragraphs have been read. */
export function checkSharedEnglish(state: CheckState): void {
  for (const sentence of state.sentences) {
    const target = sentence.enWith;
    if (target === null) continue;
    const says = `${sentence.label} has en_with: ${target}`;
    const carrier = state.sentenceById.get(target);
    const line = sentence.enWithLine;
    if (target === sentence.id) {
      state.read.add(line, `${says}, its own id (name the earlier sentence that carries the English)`);
    } else if (!carrier) {
      state.read.add(line, `${says}, which is not a sentence of this edition`);
    } else if (carrier.paragraph !== sentence.paragraph) {
      state.read.add(line, `${says}, which is in ${carrier.paragraph.label}, not in this sentence's ${sentence.paragraph.label} (English is shared only within a paragraph)`);
    } else if (carrier.position > sentence.position) {
      state.read.add(line, `${says}, which comes after it (en_with must name an earlier sentence)`);
    } else if (!carrier.ownEnglish) {
      const chain = carrier.enWith !== null ? `; it shares ${carrier.enWith}'s, so name ${carrier.enWith}` : '';
      state.read.add(line, `${says}, which has no English of its own${chain}`);
    } else {
      // Checking the neighbour alone suffices: if each sharer follows the carrier or another
      // sharer of the same carrier, the whole group is consecutive.
      const previous = sentence.paragraph.sentences[sentence.position - 1];
      if (previous && previous !== carrier && previous.enWith !== target) {
        state.read.add(line, `${says}, but ${previous.id ?? previous.label} lies between them and does not share it (sentences sharing one English sentence must follow each other)`);
      }
    }
  }
}
