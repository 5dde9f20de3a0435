// The checks of an edition file, section by section (top level, speakers, paragraphs and their
// sentences, shared English, chapters), in the words an editor needs to fix each mistake. They
// collect checked plain data as they go; when nothing is wrong, that data is what ./build.ts turns
// into the model. The format is described in transcripts/README.md.

import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { LANGS, type Bilingual, type Lang, type ParagraphKind, type SpeakerRole } from './model';
import type { EditionInput } from './build';
import { joinOr } from './hints';
import { CHAPTER_ID, PARAGRAPH_ID, SENTENCE_ID } from './ids';
import { describe, isEmptyList, keyName, peekId, readText, type Field, type NodeReader } from './yaml-nodes';

const TOP_KEYS = ['id', 'languages', 'title', 'speakers', 'chapters', 'paragraphs'] as const;
const SPEAKER_KEYS = ['name', 'role'] as const;
const CHAPTER_KEYS = ['id', 'start', 'title'] as const;
const PARAGRAPH_KEYS = ['id', 'kind', 'speaker', 'label', 'note', 'sentences'] as const;
const SENTENCE_KEYS = ['id', 'de', 'en', 'en_with'] as const;

const KINDS: readonly ParagraphKind[] = ['title', 'standfirst', 'turn', 'gap', 'pullquote'];
// A role is free (the narration picks a voice by it, see main/narration/pipeline.ts), but it is one
// short lowercase word, so that "Interviewer" and "interviewer " cannot be two roles.
const ROLE = /^[a-z]+(?:-[a-z]+)*$/;
const ROLE_MAX = 24;
const ROLE_EXAMPLES = 'e.g. narrator, host, guest, interviewer or interviewee';
const ROLE_SHAPE = `a short lowercase word, ${ROLE_EXAMPLES}`;

const DOCUMENT_ID = /^[a-z0-9-]+$/;
const SPEAKER_ID = /^[a-z0-9-]+$/;

interface SpeakerRecord {
  id: string;
  name: Bilingual | null;
  role: SpeakerRole | null;
}

interface ParagraphRecord {
  id: string | null;
  label: string;
  kind: ParagraphKind | null;
  speakerId: string | null;
  printedLabel: string | null;
  note: Bilingual | null;
  sentences: SentenceRecord[];
}

interface SentenceRecord {
  id: string | null;
  label: string;
  idLine: number;
  paragraph: ParagraphRecord;
  /** Position within its paragraph. */
  position: number;
  /** Position in reading order over the edition. */
  index: number;
  de: string;
  en: string;
  /** True when the sentence has an `en` key (and no `en_with`), i.e. it can carry shared English. */
  ownEnglish: boolean;
  enWith: string | null;
  enWithLine: number;
}

interface ChapterRecord {
  id: string | null;
  title: Bilingual | null;
  start: string | null;
}

/**
 * Checks one edition's root mapping. Every check runs even after others failed, so that one pass
 * reports every problem it can; records keep null where a value was unusable.
 */
export class EditionChecker {
  private readonly speakers = new Map<string, SpeakerRecord>();
  private readonly speakerLines = new Map<string, number>();
  private readonly paragraphs: ParagraphRecord[] = [];
  private readonly paragraphLines = new Map<string, number>();
  private readonly sentences: SentenceRecord[] = [];
  private readonly sentenceById = new Map<string, SentenceRecord>();
  private readonly chapters: ChapterRecord[] = [];
  private readonly chapterLines = new Map<string, number>();

  /** Whether the edition has English; until "languages" is read, the default (it has). */
  private english = true;

  constructor(private readonly read: NodeReader) {}

  /** How a message shows a mapping of texts, e.g. `{ de: …, en: … }`, for the edition's languages. */
  private shape(placeholder = '…'): string {
    return this.english ? `{ de: ${placeholder}, en: ${placeholder} }` : `{ de: ${placeholder} }`;
  }

  /** The checked data of the edition, or null when a problem was reported (or a value is unusable). */
  edition(root: YAMLMap): EditionInput | null {
    const top = this.read.fields(root, 'the edition', TOP_KEYS);

    let id: string | null = null;
    const idField = top.get('id');
    if (!idField) this.read.add(0, 'the edition has no "id" (the document id, e.g. china-sieht-alles)');
    else {
      const value = readText(idField.value);
      if (value.kind === 'text') {
        id = value.text;
        if (!DOCUMENT_ID.test(id)) {
          this.read.add(idField.keyLine, `document id "${id}" must be lowercase letters, digits and hyphens ([a-z0-9-]+)`);
        }
      } else if (value.kind === 'empty') this.read.add(idField.keyLine, 'the document id is empty (e.g. china-sieht-alles)');
      else this.read.add(idField.keyLine, `the document id must be text like china-sieht-alles (found ${value.found})`);
    }

    // Read first: whether English is required or refused depends on it everywhere below.
    const languages = this.readLanguages(top.get('languages'));
    this.english = languages.includes('en');

    let title: Bilingual | null = null;
    const titleField = top.get('title');
    if (!titleField) this.read.add(0, `the edition has no "title" (title: ${this.shape()})`);
    else title = this.read.bilingual(titleField, 'the edition title', this.english);

    const speakersField = top.get('speakers');
    if (!speakersField) {
      this.read.add(0, 'the edition has no "speakers" (a mapping from speaker id to name and role; "speakers: {}" if nobody speaks)');
    } else this.readSpeakers(speakersField);

    // Chapters are read after the paragraphs because they point at sentences.
    const chaptersField = top.get('chapters');
    if (!chaptersField) {
      this.read.add(0, 'the edition has no "chapters" (a list of chapters in reading order, the first starting at the first sentence)');
    }

    const paragraphsField = top.get('paragraphs');
    if (!paragraphsField) this.read.add(0, 'the edition has no "paragraphs" (the list of paragraphs in reading order)');
    else this.readParagraphs(paragraphsField);

    this.checkSharedEnglish();
    if (chaptersField) this.readChapters(chaptersField);

    if (this.read.problemCount > 0 || id === null || title === null) return null;
    return this.input(id, languages, title);
  }

  private readSpeakers(field: Field): void {
    if (!isMap(field.value)) {
      this.read.add(field.keyLine, `"speakers" must be a mapping from speaker id to name and role (found ${describe(field.value)})`);
      return;
    }
    const mapLine = this.read.lineOf(field.value, field.keyLine);
    for (const pair of field.value.items) {
      const line = this.read.lineOf(pair.key, this.read.lineOf(pair.value, mapLine));
      const id = keyName(pair.key);
      if (id === null) {
        this.read.add(line, `"speakers" has an entry without a speaker id`);
        continue;
      }
      const first = this.speakerLines.get(id);
      if (first !== undefined) {
        this.read.add(line, `duplicate speaker id ${id} (first used on line ${first})`);
        continue;
      }
      this.speakerLines.set(id, line);
      const record: SpeakerRecord = { id, name: null, role: null };
      this.speakers.set(id, record);
      if (!SPEAKER_ID.test(id)) this.read.add(line, `speaker id "${id}" must be lowercase letters, digits and hyphens ([a-z0-9-]+)`);

      const what = `speaker ${id}`;
      if (!isMap(pair.value)) {
        this.read.add(line, `${what} must be a mapping with name and role (found ${describe(pair.value)})`);
        continue;
      }
      const fields = this.read.fields(pair.value, what, SPEAKER_KEYS);
      const nameField = fields.get('name');
      if (!nameField) this.read.add(line, `${what} has no name (name: ${this.shape()})`);
      else record.name = this.read.bilingual(nameField, `the name of ${what}`, this.english);

      const roleField = fields.get('role');
      if (!roleField) this.read.add(line, `${what} has no role (${ROLE_SHAPE})`);
      else {
        const role = this.read.reference(roleField, `the role of ${what}`, ROLE_SHAPE);
        if (role !== null) {
          if (ROLE.test(role) && role.length <= ROLE_MAX) record.role = role as SpeakerRole;
          else this.read.add(roleField.keyLine, `${what} has role "${role}", which is not a short lowercase word (${ROLE_EXAMPLES})`);
        }
      }
    }
  }

  private readParagraphs(field: Field): void {
    if (!isSeq(field.value)) {
      this.read.add(field.keyLine, `"paragraphs" must be a list of paragraphs (found ${describe(field.value)})`);
      return;
    }
    if (field.value.items.length === 0) {
      this.read.add(field.keyLine, '"paragraphs" is empty; an edition needs at least one paragraph');
      return;
    }
    const listLine = this.read.lineOf(field.value, field.keyLine);
    field.value.items.forEach((item, i) => {
      if (!isMap(item)) {
        this.read.add(
          this.read.lineOf(item, listLine),
          `paragraph #${i + 1} must be a mapping with id, kind and sentences (found ${describe(item)})`,
        );
        return;
      }
      this.readParagraph(item, i);
    });
    // Other paragraphs without sentences are reported one by one; only all-gap editions are left.
    if (this.sentences.length === 0 && this.paragraphs.length > 0 && this.paragraphs.every((p) => p.kind === 'gap')) {
      this.read.add(0, 'the edition has no sentences (every paragraph is a gap)');
    }
  }

  private readParagraph(map: YAMLMap, ordinal: number): void {
    const line = this.read.lineOf(map);
    const peeked = peekId(map);
    const label = peeked !== null ? `paragraph ${peeked}` : `paragraph #${ordinal + 1}`;
    const fields = this.read.fields(map, label, PARAGRAPH_KEYS);
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
    record.id = this.read.id(idField, line, label, 'paragraph', PARAGRAPH_ID, '"p" followed by digits, e.g. p012');
    if (record.id !== null && idField) {
      const first = this.paragraphLines.get(record.id);
      if (first !== undefined) this.read.add(idField.keyLine, `duplicate paragraph id ${record.id} (first used on line ${first})`);
      else this.paragraphLines.set(record.id, idField.keyLine);
    }

    const kinds = joinOr(KINDS);
    const kindField = fields.get('kind');
    if (!kindField) this.read.add(line, `${label} has no kind (${kinds})`);
    else {
      const kind = this.read.reference(kindField, `the kind of ${label}`, kinds);
      if (kind !== null) {
        if ((KINDS as readonly string[]).includes(kind)) record.kind = kind as ParagraphKind;
        else this.read.add(kindField.keyLine, `${label} has unknown kind "${kind}" (use ${kinds})`);
      }
    }
    const kind = record.kind;

    const speakerField = fields.get('speaker');
    if (speakerField) {
      if (kind === 'title' || kind === 'standfirst') {
        this.read.add(speakerField.keyLine, `${label} is a ${kind} and cannot have a speaker (remove "speaker")`);
      } else {
        const known = [...this.speakers.keys()];
        const knownText = known.length > 0 ? known.join(', ') : 'none; add them under "speakers"';
        const speaker = this.read.reference(speakerField, `the speaker of ${label}`, `a speaker id; known: ${knownText}`);
        if (speaker !== null) {
          if (this.speakers.has(speaker)) record.speakerId = speaker;
          else this.read.add(speakerField.keyLine, `${label} names unknown speaker "${speaker}" (known: ${knownText})`);
        }
      }
    } else if (kind === 'turn' || kind === 'gap') {
      this.read.add(line, `${label} is a ${kind} but names no speaker (add "speaker: <id>")`);
    }

    const labelField = fields.get('label');
    if (labelField) {
      const value = readText(labelField.value);
      if (value.kind === 'text') record.printedLabel = value.text;
      else if (value.kind === 'empty') this.read.add(labelField.keyLine, `${label} has an empty label (fill it in or remove "label")`);
      else this.read.add(labelField.keyLine, `the label of ${label} must be plain text (found ${value.found})`);
    }

    const noteField = fields.get('note');
    if (kind === 'gap') {
      if (!noteField) {
        const needs = this.english ? 'a note in both languages' : 'a note';
        this.read.add(line, `${label} is a gap and needs ${needs} (note: ${this.shape('"[…]"')})`);
      } else record.note = this.read.bilingual(noteField, `the note of ${label}`, this.english);
    } else if (noteField && kind !== null) {
      this.read.add(noteField.keyLine, `${label} is a ${kind} and cannot have a note (only gaps have notes)`);
    }

    const sentencesField = fields.get('sentences');
    const sentencesNode = sentencesField?.value;
    const hasNone = isEmptyList(sentencesField);
    if (kind === 'gap') {
      if (sentencesField && !hasNone) {
        this.read.add(sentencesField.keyLine, `${label} is a gap and cannot have sentences (it marks a turn missing from the source)`);
      }
    } else if (hasNone) {
      this.read.add(sentencesField?.keyLine ?? line, `${label} has no sentences (${kind === null ? 'a paragraph' : `a ${kind}`} needs at least one)`);
    }
    if (sentencesField && !hasNone) {
      if (!isSeq(sentencesNode)) {
        this.read.add(sentencesField.keyLine, `the sentences of ${label} must be a list (found ${describe(sentencesNode)})`);
      } else {
        const listLine = this.read.lineOf(sentencesNode, sentencesField.keyLine);
        sentencesNode.items.forEach((item, j) => {
          if (!isMap(item)) {
            this.read.add(
              this.read.lineOf(item, listLine),
              `sentence #${j + 1} of ${label} must be a mapping with id, de and en (found ${describe(item)})`,
            );
            return;
          }
          this.readSentence(item, j, record);
        });
      }
    }

    this.paragraphs.push(record);
  }

  private readSentence(map: YAMLMap, ordinal: number, paragraph: ParagraphRecord): void {
    const line = this.read.lineOf(map);
    const peeked = peekId(map);
    const label = peeked !== null ? `sentence ${peeked}` : `sentence #${ordinal + 1} of ${paragraph.label}`;
    const fields = this.read.fields(map, label, SENTENCE_KEYS);

    const idField = fields.get('id');
    const id = this.read.id(idField, line, label, 'sentence', SENTENCE_ID, '"s" followed by digits, e.g. s017');
    const record: SentenceRecord = {
      id,
      label,
      idLine: idField?.keyLine ?? line,
      paragraph,
      position: paragraph.sentences.length,
      index: this.sentences.length,
      de: '',
      en: '',
      ownEnglish: false,
      enWith: null,
      enWithLine: line,
    };
    if (id !== null) {
      const first = this.sentenceById.get(id);
      if (first) this.read.add(record.idLine, `duplicate sentence id ${id} (first used on line ${first.idLine})`);
      else this.sentenceById.set(id, record);
    }

    record.de = this.read.requiredText(fields.get('de'), line, label, 'de', `${label} has no German (add "de")`) ?? '';

    const enField = fields.get('en');
    const withField = fields.get('en_with');
    if (!this.english) {
      // Reported, not dropped: an English text in a German-only edition is most likely a
      // "languages" line that should say [de, en].
      for (const [key, field] of [['en', enField], ['en_with', withField]] as const) {
        if (field) this.read.add(field.keyLine, `${label} has English, but the edition is in German only (remove "${key}", or add en to "languages")`);
      }
    } else if (enField && withField) {
      this.read.add(
        withField.keyLine,
        `${label} has both "en" and "en_with" (keep "en" for its own English, or "en_with" to share an earlier sentence's)`,
      );
    }
    if (!this.english) {
      // Nothing to read: the edition has no English.
    } else if (enField) {
      record.ownEnglish = !withField;
      record.en = this.read.requiredText(enField, line, label, 'en') ?? '';
    } else if (withField) {
      record.enWithLine = withField.keyLine;
      record.enWith = this.read.reference(withField, `en_with of ${label}`, 'the id of the earlier sentence that carries the English');
    } else {
      this.read.add(line, `${label} has no English (add "en", or "en_with" naming the sentence that carries it)`);
    }

    paragraph.sentences.push(record);
    this.sentences.push(record);
  }

  /** `en_with` rules need every sentence id, so they run after all paragraphs have been read. */
  private checkSharedEnglish(): void {
    for (const sentence of this.sentences) {
      const target = sentence.enWith;
      if (target === null) continue;
      const says = `${sentence.label} has en_with: ${target}`;
      const carrier = this.sentenceById.get(target);
      const line = sentence.enWithLine;
      if (target === sentence.id) {
        this.read.add(line, `${says}, its own id (name the earlier sentence that carries the English)`);
      } else if (!carrier) {
        this.read.add(line, `${says}, which is not a sentence of this edition`);
      } else if (carrier.paragraph !== sentence.paragraph) {
        this.read.add(line, `${says}, which is in ${carrier.paragraph.label}, not in this sentence's ${sentence.paragraph.label} (English is shared only within a paragraph)`);
      } else if (carrier.position > sentence.position) {
        this.read.add(line, `${says}, which comes after it (en_with must name an earlier sentence)`);
      } else if (!carrier.ownEnglish) {
        const chain = carrier.enWith !== null ? `; it shares ${carrier.enWith}'s, so name ${carrier.enWith}` : '';
        this.read.add(line, `${says}, which has no English of its own${chain}`);
      } else {
        // Checking the neighbour alone suffices: if each sharer follows the carrier or another
        // sharer of the same carrier, the whole group is consecutive.
        const previous = sentence.paragraph.sentences[sentence.position - 1];
        if (previous && previous !== carrier && previous.enWith !== target) {
          this.read.add(line, `${says}, but ${previous.id ?? previous.label} lies between them and does not share it (sentences sharing one English sentence must follow each other)`);
        }
      }
    }
  }

  private readChapters(field: Field): void {
    if (!isSeq(field.value)) {
      this.read.add(field.keyLine, `"chapters" must be a list of chapters (found ${describe(field.value)})`);
      return;
    }
    if (field.value.items.length === 0) {
      this.read.add(field.keyLine, '"chapters" is empty; at least one chapter must start at the first sentence');
      return;
    }
    const listLine = this.read.lineOf(field.value, field.keyLine);
    let previous: { label: string; start: string; index: number; line: number } | null = null;
    field.value.items.forEach((item, i) => {
      if (!isMap(item)) {
        this.read.add(this.read.lineOf(item, listLine), `chapter #${i + 1} must be a mapping with id, start and title (found ${describe(item)})`);
        return;
      }
      const line = this.read.lineOf(item);
      const peeked = peekId(item);
      const label = peeked !== null ? `chapter ${peeked}` : `chapter #${i + 1}`;
      const fields = this.read.fields(item, label, CHAPTER_KEYS);
      const record: ChapterRecord = { id: null, title: null, start: null };
      this.chapters.push(record);

      const idField = fields.get('id');
      record.id = this.read.id(idField, line, label, 'chapter', CHAPTER_ID, '"ch" followed by digits, e.g. ch03');
      if (record.id !== null && idField) {
        const first = this.chapterLines.get(record.id);
        if (first !== undefined) this.read.add(idField.keyLine, `duplicate chapter id ${record.id} (first used on line ${first})`);
        else this.chapterLines.set(record.id, idField.keyLine);
      }

      const titleField = fields.get('title');
      if (!titleField) this.read.add(line, `${label} has no title (title: ${this.shape()})`);
      else record.title = this.read.bilingual(titleField, `the title of ${label}`, this.english);

      const startField = fields.get('start');
      if (!startField) {
        this.read.add(line, `${label} has no start (the id of its first sentence)`);
        return;
      }
      const start = this.read.reference(startField, `the start of ${label}`, 'the id of its first sentence');
      if (start === null) return;
      record.start = start;
      const sentence = this.sentenceById.get(start);
      if (!sentence) {
        this.read.add(startField.keyLine, `${label} starts at ${start}, which is not a sentence of this edition`);
        return;
      }
      if (sentence.position !== 0) {
        this.read.add(startField.keyLine, `${label} starts at ${start}, which is not the first sentence of ${sentence.paragraph.label} (a chapter must start where a paragraph starts)`);
        return;
      }
      if (i === 0 && sentence.index !== 0) {
        const firstSentence = this.sentences[0]!;
        this.read.add(startField.keyLine, `${label} starts at ${start}, but the edition begins at ${firstSentence.id ?? firstSentence.label} (the first chapter must start at the first sentence, so that the chapters cover every sentence)`);
      }
      if (previous !== null) {
        if (sentence.index === previous.index) {
          this.read.add(startField.keyLine, `${label} starts at ${start}, as does ${previous.label} (line ${previous.line}); each chapter needs its own first sentence`);
        } else if (sentence.index < previous.index) {
          this.read.add(startField.keyLine, `${label} starts at ${start}, before ${previous.label} (which starts at ${previous.start}, line ${previous.line}); list the chapters in reading order`);
        }
      }
      previous = { label, start, index: sentence.index, line: startField.keyLine };
    });
  }

  /**
   * `languages`: absent means German and English (every edition written before the key existed);
   * otherwise a list with German and optionally English. After a problem, the languages it did
   * recognise (and German) are used, so the rest is checked as the editor most likely meant it.
   */
  private readLanguages(field: Field | undefined): Lang[] {
    if (!field) return [...LANGS];
    const shape = 'a list: [de] for German only, [de, en] for German and English';
    if (!isSeq(field.value)) {
      this.read.add(field.keyLine, `"languages" must be ${shape} (found ${describe(field.value)})`);
      return [...LANGS];
    }
    const found = new Set<Lang>();
    const listLine = this.read.lineOf(field.value, field.keyLine);
    for (const item of field.value.items) {
      const line = this.read.lineOf(item, listLine);
      const value = readText(item);
      if (value.kind !== 'text') {
        this.read.add(line, `"languages" must be ${shape} (found ${value.kind === 'empty' ? 'nothing' : value.found} in it)`);
        continue;
      }
      const lang = value.text;
      if (!(LANGS as readonly string[]).includes(lang)) {
        this.read.add(line, `"languages" names unknown language "${lang}" (known: ${LANGS.join(', ')})`);
      } else if (found.has(lang as Lang)) {
        this.read.add(line, `"languages" names ${lang} twice`);
      } else found.add(lang as Lang);
    }
    if (!found.has('de')) {
      this.read.add(field.keyLine, '"languages" must include de (an edition is a German text, with or without English)');
    }
    found.add('de');
    return LANGS.filter((lang) => found.has(lang));
  }

  /** The records as plain data; null if any value the model needs is missing. */
  private input(id: string, languages: Lang[], title: Bilingual): EditionInput | null {
    const speakers: EditionInput['speakers'][number][] = [];
    for (const record of this.speakers.values()) {
      if (record.name === null || record.role === null) return null;
      speakers.push({ id: record.id, name: record.name, role: record.role });
    }
    const chapters: EditionInput['chapters'][number][] = [];
    for (const record of this.chapters) {
      if (record.id === null || record.title === null || record.start === null) return null;
      chapters.push({ id: record.id, title: record.title, start: record.start });
    }
    const paragraphs: EditionInput['paragraphs'][number][] = [];
    for (const record of this.paragraphs) {
      if (record.id === null || record.kind === null) return null;
      const sentences: EditionInput['paragraphs'][number]['sentences'][number][] = [];
      for (const s of record.sentences) {
        if (s.id === null) return null;
        sentences.push({ id: s.id, de: s.de, en: s.en, enWith: s.enWith });
      }
      paragraphs.push({
        id: record.id,
        kind: record.kind,
        speakerId: record.speakerId,
        label: record.printedLabel,
        note: record.note,
        sentences,
      });
    }
    return { id, languages, title, speakers, chapters, paragraphs };
  }
}
