// Loads and validates an edition file (format: transcripts/README.md) into the model (./model.ts).
//
// Editors write these files by hand, so the parser's job is mostly to explain mistakes: it reports
// every problem it can find in one pass, each with the line to look at, and only builds the model
// when there are none. The YAML syntax itself is left to the `yaml` package; this file walks the
// document's nodes (not plain JS values) because only the nodes know their line numbers.

import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type YAMLMap } from 'yaml';
import type {
  Bilingual,
  Chapter,
  Edition,
  Lang,
  Paragraph,
  ParagraphKind,
  Sentence,
  Speaker,
  SpeakerRole,
} from './model';
import { ProblemList, type EditionProblem } from './problems';

export type { EditionProblem } from './problems';
export { formatProblem } from './problems';

export type ParseResult = { ok: true; edition: Edition } | { ok: false; problems: EditionProblem[] };

const TOP_KEYS = ['id', 'title', 'speakers', 'chapters', 'paragraphs'] as const;
const SPEAKER_KEYS = ['name', 'role'] as const;
const CHAPTER_KEYS = ['id', 'start', 'title'] as const;
const PARAGRAPH_KEYS = ['id', 'kind', 'speaker', 'label', 'note', 'sentences'] as const;
const SENTENCE_KEYS = ['id', 'de', 'en', 'en_with'] as const;
const BILINGUAL_KEYS = ['de', 'en'] as const;

const KINDS: readonly ParagraphKind[] = ['title', 'standfirst', 'turn', 'gap', 'pullquote'];
const ROLES: readonly SpeakerRole[] = ['interviewer', 'interviewee'];
const LANG_NAME: Record<Lang, string> = { de: 'German', en: 'English' };

const DOCUMENT_ID = /^[a-z0-9-]+$/;
const SPEAKER_ID = /^[a-z0-9-]+$/;
const SENTENCE_ID = /^s[0-9]+$/;
const PARAGRAPH_ID = /^p[0-9]+$/;
const CHAPTER_ID = /^ch[0-9]+$/;

// Only ASCII whitespace is collapsed: no-break and thin spaces are typography the editor chose
// (e.g. before a unit or inside «»), not layout noise from YAML line folding.
const WHITESPACE_RUN = /[ \t\n\r\f\v]+/g;
const EDGE_WHITESPACE = /^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g;

export function parseEdition(source: string, file: string): ParseResult {
  try {
    return parseOrThrow(source, file);
  } catch (error) {
    // A loader that throws takes the whole app down with it; a file we cannot read is just a problem.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ file, line: 0, message: `could not read the edition (${reason})` }] };
  }
}

function parseOrThrow(source: string, file: string): ParseResult {
  const problems = new ProblemList(file);
  if (typeof source !== 'string') {
    problems.add(0, 'could not read the edition (its content is not text)');
    return { ok: false, problems: problems.sorted() };
  }

  const lineCounter = new LineCounter();
  // Duplicate keys are reported by the walker below, with clearer words than the library's.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;

  // After a syntax error the node tree is a best guess, and checking it would mostly produce
  // confusing follow-on messages; the syntax errors alone are what the editor needs.
  if (doc.errors.length > 0) {
    // One error per line: the library often adds consequences of the first (a tab, then "nested
    // mappings" on the same line), and the first is the one to fix.
    const seen = new Set<number>();
    for (const error of doc.errors) {
      const line = lineAt(error.pos[0]);
      if (seen.has(line)) continue;
      seen.add(line);
      problems.add(line, `malformed YAML: ${yamlErrorText(error)}`);
    }
    return { ok: false, problems: problems.sorted() };
  }

  // Aliases would let one node stand in several places, which breaks "one line, one value" (and
  // the line numbers we report); the format has no use for them.
  visit(doc, {
    Alias(_, alias) {
      const line = alias.range ? lineAt(alias.range[0]) : 0;
      problems.add(line, `the alias *${alias.source} is not supported in an edition (write the value out)`);
    },
  });
  if (problems.count > 0) return { ok: false, problems: problems.sorted() };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null && isBlank(source))) {
    problems.add(0, 'the file is empty; an edition is a mapping with the keys id, title, speakers, chapters and paragraphs');
    return { ok: false, problems: problems.sorted() };
  }
  if (!isMap(root)) {
    problems.add(
      0,
      `the edition must be a mapping with the keys id, title, speakers, chapters and paragraphs (found ${describe(root)})`,
    );
    return { ok: false, problems: problems.sorted() };
  }

  const edition = new Walker(problems, lineAt).edition(root);
  if (edition === null && problems.count === 0) {
    // Unreachable if the checks are complete; kept so that a gap in them is never a silent failure.
    problems.add(0, 'could not build the edition although no problem was found (please report this)');
  }
  if (problems.count > 0 || edition === null) return { ok: false, problems: problems.sorted() };
  return { ok: true, edition };
}

function yamlErrorText(error: { code: string; message: string }): string {
  if (error.code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (remove the extra "---" line)';
  const text = error.message.replace(WHITESPACE_RUN, ' ').trim();
  // The usual cause: an unquoted German sentence containing ": " (e.g. «Er sagte: Ja»).
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') return `${text} (if a text on this line contains ": ", put it in quotes)`;
  return text;
}

function isBlank(source: string): boolean {
  return source.replace(/#[^\n]*/g, '').trim() === '';
}

// ---------------------------------------------------------------------------------------------
// Reading single values

interface Field {
  keyLine: number;
  value: unknown;
}

type TextValue = { kind: 'text'; text: string } | { kind: 'empty' } | { kind: 'other'; found: string };

function normalize(text: string): string {
  return text.replace(EDGE_WHITESPACE, '').replace(WHITESPACE_RUN, ' ');
}

/** Any scalar counts as text (`en: 1984` means the text "1984"), written as the editor wrote it. */
function readText(node: unknown): TextValue {
  if (node === null || node === undefined) return { kind: 'empty' };
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return { kind: 'empty' };
    const raw = typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
    const text = normalize(raw);
    return text === '' ? { kind: 'empty' } : { kind: 'text', text };
  }
  return { kind: 'other', found: describe(node) };
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return 'nothing';
    const raw = typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
    const short = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
    return JSON.stringify(short);
  }
  return 'nothing';
}

function keyName(key: unknown): string | null {
  if (!isScalar(key) || key.value === null || key.value === undefined) return null;
  return typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
}

/** The `id` of a mapping, if usable, so that messages about the mapping can name it. */
function peekId(map: YAMLMap): string | null {
  for (const pair of map.items) {
    if (keyName(pair.key) === 'id') {
      const value = readText(pair.value);
      return value.kind === 'text' ? value.text : null;
    }
  }
  return null;
}

/** Optimal string alignment distance: a swapped pair of letters is one typo, not two. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [];
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        row.push(i + j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** The allowed key a misspelt key most likely means, if any is close enough to guess. */
function likelyKey(name: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = editDistance(name.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : null;
}

function joinOr(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// The walk over the document

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

class Walker {
  private readonly speakers = new Map<string, SpeakerRecord>();
  private readonly speakerLines = new Map<string, number>();
  private readonly paragraphs: ParagraphRecord[] = [];
  private readonly paragraphLines = new Map<string, number>();
  private readonly sentences: SentenceRecord[] = [];
  private readonly sentenceById = new Map<string, SentenceRecord>();
  private readonly chapters: ChapterRecord[] = [];
  private readonly chapterLines = new Map<string, number>();

  constructor(
    private readonly problems: ProblemList,
    private readonly lineAt: (offset: number) => number,
  ) {}

  private lineOf(node: unknown, fallback = 0): number {
    if (isNode(node) && node.range) return this.lineAt(node.range[0]);
    return fallback;
  }

  private add(line: number, message: string): void {
    this.problems.add(line, message);
  }

  /**
   * The fields of a mapping by key; reports unknown, duplicate and non-name keys. A misspelt key
   * (`enn:`) is reported once and then read as the key it most likely means, so that the editor
   * is not also told that `en` is missing, and its value still gets checked.
   */
  private fields(map: YAMLMap, what: string, allowed: readonly string[]): Map<string, Field> {
    const fields = new Map<string, Field>();
    const guesses: Array<[string, Field]> = [];
    const mapLine = this.lineOf(map);
    for (const pair of map.items) {
      const line = this.lineOf(pair.key, this.lineOf(pair.value, mapLine));
      const name = keyName(pair.key);
      if (name === null) {
        this.add(
          line,
          isScalar(pair.key) || pair.key === null
            ? `${what} has an entry without a key (expected one of: ${allowed.join(', ')})`
            : `${what} has a key that is ${describe(pair.key)}; keys are plain names (${allowed.join(', ')})`,
        );
        continue;
      }
      if (!allowed.includes(name)) {
        const guess = likelyKey(name, allowed);
        if (guess === null) this.add(line, `unknown key "${name}" in ${what} (allowed: ${allowed.join(', ')})`);
        else {
          this.add(line, `unknown key "${name}" in ${what} (did you mean "${guess}"?)`);
          guesses.push([guess, { keyLine: line, value: pair.value }]);
        }
        continue;
      }
      const first = fields.get(name);
      if (first) {
        this.add(line, `duplicate key "${name}" in ${what} (first used on line ${first.keyLine})`);
        continue;
      }
      fields.set(name, { keyLine: line, value: pair.value });
    }
    for (const [guess, field] of guesses) if (!fields.has(guess)) fields.set(guess, field);
    return fields;
  }

  /** A required plain text; null (after reporting) when it is missing, empty or not text. */
  private requiredText(field: Field | undefined, ownerLine: number, what: string, lang: Lang, missing?: string): string | null {
    if (!field) {
      this.add(ownerLine, missing ?? `${what} has no ${LANG_NAME[lang]} (add "${lang}")`);
      return null;
    }
    const value = readText(field.value);
    if (value.kind === 'empty') this.add(field.keyLine, `${what} has empty ${LANG_NAME[lang]} text`);
    if (value.kind === 'other') {
      this.add(field.keyLine, `the ${LANG_NAME[lang]} text of ${what} must be plain text (found ${value.found})`);
    }
    return value.kind === 'text' ? value.text : null;
  }

  private bilingual(field: Field, what: string): Bilingual | null {
    if (!isMap(field.value)) {
      this.add(field.keyLine, `${what} must be a mapping with "de" and "en" (found ${describe(field.value)})`);
      return null;
    }
    const line = this.lineOf(field.value, field.keyLine);
    const fields = this.fields(field.value, what, BILINGUAL_KEYS);
    const de = this.requiredText(fields.get('de'), line, what, 'de');
    const en = this.requiredText(fields.get('en'), line, what, 'en');
    return de !== null && en !== null ? { de, en } : null;
  }

  /**
   * Reads an `id` field and checks its pattern. Returns the id even when it breaks the pattern (it
   * is still the name the editor will search for), null when there is nothing to name.
   */
  private id(field: Field | undefined, ownerLine: number, what: string, noun: string, pattern: RegExp, shape: string): string | null {
    if (!field) {
      this.add(ownerLine, `${what} has no id (add "id", ${shape})`);
      return null;
    }
    const value = readText(field.value);
    if (value.kind === 'empty') {
      this.add(field.keyLine, `${what} has an empty id (${shape})`);
      return null;
    }
    if (value.kind === 'other') {
      this.add(field.keyLine, `the id of ${what} must be ${shape} (found ${value.found})`);
      return null;
    }
    if (!pattern.test(value.text)) this.add(field.keyLine, `${noun} id "${value.text}" must be ${shape}`);
    return value.text;
  }

  /** Reference to another thing by id (speaker, sentence): the text, or null after reporting. */
  private reference(field: Field, what: string, shape: string): string | null {
    const value = readText(field.value);
    if (value.kind === 'empty') this.add(field.keyLine, `${what} is empty (${shape})`);
    if (value.kind === 'other') this.add(field.keyLine, `${what} must be ${shape} (found ${value.found})`);
    return value.kind === 'text' ? value.text : null;
  }

  edition(root: YAMLMap): Edition | null {
    const top = this.fields(root, 'the edition', TOP_KEYS);

    let id: string | null = null;
    const idField = top.get('id');
    if (!idField) this.add(0, 'the edition has no "id" (the document id, e.g. china-sieht-alles)');
    else {
      const value = readText(idField.value);
      if (value.kind === 'text') {
        id = value.text;
        if (!DOCUMENT_ID.test(id)) {
          this.add(idField.keyLine, `document id "${id}" must be lowercase letters, digits and hyphens ([a-z0-9-]+)`);
        }
      } else if (value.kind === 'empty') this.add(idField.keyLine, 'the document id is empty (e.g. china-sieht-alles)');
      else this.add(idField.keyLine, `the document id must be text like china-sieht-alles (found ${value.found})`);
    }

    let title: Bilingual | null = null;
    const titleField = top.get('title');
    if (!titleField) this.add(0, 'the edition has no "title" (title: { de: …, en: … })');
    else title = this.bilingual(titleField, 'the edition title');

    const speakersField = top.get('speakers');
    if (!speakersField) {
      this.add(0, 'the edition has no "speakers" (a mapping from speaker id to name and role; "speakers: {}" if nobody speaks)');
    } else this.readSpeakers(speakersField);

    // Chapters are read after the paragraphs because they point at sentences.
    const chaptersField = top.get('chapters');
    if (!chaptersField) {
      this.add(0, 'the edition has no "chapters" (a list of chapters in reading order, the first starting at the first sentence)');
    }

    const paragraphsField = top.get('paragraphs');
    if (!paragraphsField) this.add(0, 'the edition has no "paragraphs" (the list of paragraphs in reading order)');
    else this.readParagraphs(paragraphsField);

    this.checkSharedEnglish();
    if (chaptersField) this.readChapters(chaptersField);

    if (this.problems.count > 0 || id === null || title === null) return null;
    return this.build(id, title);
  }

  private readSpeakers(field: Field): void {
    if (!isMap(field.value)) {
      this.add(field.keyLine, `"speakers" must be a mapping from speaker id to name and role (found ${describe(field.value)})`);
      return;
    }
    const mapLine = this.lineOf(field.value, field.keyLine);
    for (const pair of field.value.items) {
      const line = this.lineOf(pair.key, this.lineOf(pair.value, mapLine));
      const id = keyName(pair.key);
      if (id === null) {
        this.add(line, `"speakers" has an entry without a speaker id`);
        continue;
      }
      const first = this.speakerLines.get(id);
      if (first !== undefined) {
        this.add(line, `duplicate speaker id ${id} (first used on line ${first})`);
        continue;
      }
      this.speakerLines.set(id, line);
      const record: SpeakerRecord = { id, name: null, role: null };
      this.speakers.set(id, record);
      if (!SPEAKER_ID.test(id)) this.add(line, `speaker id "${id}" must be lowercase letters, digits and hyphens ([a-z0-9-]+)`);

      const what = `speaker ${id}`;
      if (!isMap(pair.value)) {
        this.add(line, `${what} must be a mapping with name and role (found ${describe(pair.value)})`);
        continue;
      }
      const fields = this.fields(pair.value, what, SPEAKER_KEYS);
      const nameField = fields.get('name');
      if (!nameField) this.add(line, `${what} has no name (name: { de: …, en: … })`);
      else record.name = this.bilingual(nameField, `the name of ${what}`);

      const roleField = fields.get('role');
      const roles = joinOr(ROLES);
      if (!roleField) this.add(line, `${what} has no role (${roles})`);
      else {
        const role = this.reference(roleField, `the role of ${what}`, roles);
        if (role !== null) {
          if ((ROLES as readonly string[]).includes(role)) record.role = role as SpeakerRole;
          else this.add(roleField.keyLine, `${what} has unknown role "${role}" (use ${roles})`);
        }
      }
    }
  }

  private readParagraphs(field: Field): void {
    if (!isSeq(field.value)) {
      this.add(field.keyLine, `"paragraphs" must be a list of paragraphs (found ${describe(field.value)})`);
      return;
    }
    if (field.value.items.length === 0) {
      this.add(field.keyLine, '"paragraphs" is empty; an edition needs at least one paragraph');
      return;
    }
    const listLine = this.lineOf(field.value, field.keyLine);
    field.value.items.forEach((item, i) => {
      if (!isMap(item)) {
        this.add(
          this.lineOf(item, listLine),
          `paragraph #${i + 1} must be a mapping with id, kind and sentences (found ${describe(item)})`,
        );
        return;
      }
      this.readParagraph(item, i);
    });
    // Other paragraphs without sentences are reported one by one; only all-gap editions are left.
    if (this.sentences.length === 0 && this.paragraphs.length > 0 && this.paragraphs.every((p) => p.kind === 'gap')) {
      this.add(0, 'the edition has no sentences (every paragraph is a gap)');
    }
  }

  private readParagraph(map: YAMLMap, ordinal: number): void {
    const line = this.lineOf(map);
    const peeked = peekId(map);
    const label = peeked !== null ? `paragraph ${peeked}` : `paragraph #${ordinal + 1}`;
    const fields = this.fields(map, label, PARAGRAPH_KEYS);
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
    record.id = this.id(idField, line, label, 'paragraph', PARAGRAPH_ID, '"p" followed by digits, e.g. p012');
    if (record.id !== null && idField) {
      const first = this.paragraphLines.get(record.id);
      if (first !== undefined) this.add(idField.keyLine, `duplicate paragraph id ${record.id} (first used on line ${first})`);
      else this.paragraphLines.set(record.id, idField.keyLine);
    }

    const kinds = joinOr(KINDS);
    const kindField = fields.get('kind');
    if (!kindField) this.add(line, `${label} has no kind (${kinds})`);
    else {
      const kind = this.reference(kindField, `the kind of ${label}`, kinds);
      if (kind !== null) {
        if ((KINDS as readonly string[]).includes(kind)) record.kind = kind as ParagraphKind;
        else this.add(kindField.keyLine, `${label} has unknown kind "${kind}" (use ${kinds})`);
      }
    }
    const kind = record.kind;

    const speakerField = fields.get('speaker');
    if (speakerField) {
      if (kind === 'title' || kind === 'standfirst') {
        this.add(speakerField.keyLine, `${label} is a ${kind} and cannot have a speaker (remove "speaker")`);
      } else {
        const known = [...this.speakers.keys()];
        const knownText = known.length > 0 ? known.join(', ') : 'none; add them under "speakers"';
        const speaker = this.reference(speakerField, `the speaker of ${label}`, `a speaker id; known: ${knownText}`);
        if (speaker !== null) {
          if (this.speakers.has(speaker)) record.speakerId = speaker;
          else this.add(speakerField.keyLine, `${label} names unknown speaker "${speaker}" (known: ${knownText})`);
        }
      }
    } else if (kind === 'turn' || kind === 'gap') {
      this.add(line, `${label} is a ${kind} but names no speaker (add "speaker: <id>")`);
    }

    const labelField = fields.get('label');
    if (labelField) {
      const value = readText(labelField.value);
      if (value.kind === 'text') record.printedLabel = value.text;
      else if (value.kind === 'empty') this.add(labelField.keyLine, `${label} has an empty label (fill it in or remove "label")`);
      else this.add(labelField.keyLine, `the label of ${label} must be plain text (found ${value.found})`);
    }

    const noteField = fields.get('note');
    if (kind === 'gap') {
      if (!noteField) this.add(line, `${label} is a gap and needs a note in both languages (note: { de: "[…]", en: "[…]" })`);
      else record.note = this.bilingual(noteField, `the note of ${label}`);
    } else if (noteField && kind !== null) {
      this.add(noteField.keyLine, `${label} is a ${kind} and cannot have a note (only gaps have notes)`);
    }

    const sentencesField = fields.get('sentences');
    const sentencesNode = sentencesField?.value;
    const hasNone =
      !sentencesField ||
      (isScalar(sentencesNode) && sentencesNode.value === null) ||
      sentencesNode === null ||
      (isSeq(sentencesNode) && sentencesNode.items.length === 0);
    if (kind === 'gap') {
      if (sentencesField && !hasNone) {
        this.add(sentencesField.keyLine, `${label} is a gap and cannot have sentences (it marks a turn missing from the source)`);
      }
    } else if (hasNone) {
      this.add(sentencesField?.keyLine ?? line, `${label} has no sentences (${kind === null ? 'a paragraph' : `a ${kind}`} needs at least one)`);
    }
    if (sentencesField && !hasNone) {
      if (!isSeq(sentencesNode)) {
        this.add(sentencesField.keyLine, `the sentences of ${label} must be a list (found ${describe(sentencesNode)})`);
      } else {
        const listLine = this.lineOf(sentencesNode, sentencesField.keyLine);
        sentencesNode.items.forEach((item, j) => {
          if (!isMap(item)) {
            this.add(
              this.lineOf(item, listLine),
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
    const line = this.lineOf(map);
    const peeked = peekId(map);
    const label = peeked !== null ? `sentence ${peeked}` : `sentence #${ordinal + 1} of ${paragraph.label}`;
    const fields = this.fields(map, label, SENTENCE_KEYS);

    const idField = fields.get('id');
    const id = this.id(idField, line, label, 'sentence', SENTENCE_ID, '"s" followed by digits, e.g. s017');
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
      if (first) this.add(record.idLine, `duplicate sentence id ${id} (first used on line ${first.idLine})`);
      else this.sentenceById.set(id, record);
    }

    record.de = this.requiredText(fields.get('de'), line, label, 'de', `${label} has no German (add "de")`) ?? '';

    const enField = fields.get('en');
    const withField = fields.get('en_with');
    if (enField && withField) {
      this.add(
        withField.keyLine,
        `${label} has both "en" and "en_with" (keep "en" for its own English, or "en_with" to share an earlier sentence's)`,
      );
    }
    if (enField) {
      record.ownEnglish = !withField;
      record.en = this.requiredText(enField, line, label, 'en') ?? '';
    } else if (withField) {
      record.enWithLine = withField.keyLine;
      record.enWith = this.reference(withField, `en_with of ${label}`, 'the id of the earlier sentence that carries the English');
    } else {
      this.add(line, `${label} has no English (add "en", or "en_with" naming the sentence that carries it)`);
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
        this.add(line, `${says}, its own id (name the earlier sentence that carries the English)`);
      } else if (!carrier) {
        this.add(line, `${says}, which is not a sentence of this edition`);
      } else if (carrier.paragraph !== sentence.paragraph) {
        this.add(line, `${says}, which is in ${carrier.paragraph.label}, not in this sentence's ${sentence.paragraph.label} (English is shared only within a paragraph)`);
      } else if (carrier.position > sentence.position) {
        this.add(line, `${says}, which comes after it (en_with must name an earlier sentence)`);
      } else if (!carrier.ownEnglish) {
        const chain = carrier.enWith !== null ? `; it shares ${carrier.enWith}'s, so name ${carrier.enWith}` : '';
        this.add(line, `${says}, which has no English of its own${chain}`);
      } else {
        // Checking the neighbour alone suffices: if each sharer follows the carrier or another
        // sharer of the same carrier, the whole group is consecutive.
        const previous = sentence.paragraph.sentences[sentence.position - 1];
        if (previous && previous !== carrier && previous.enWith !== target) {
          this.add(line, `${says}, but ${previous.id ?? previous.label} lies between them and does not share it (sentences sharing one English sentence must follow each other)`);
        }
      }
    }
  }

  private readChapters(field: Field): void {
    if (!isSeq(field.value)) {
      this.add(field.keyLine, `"chapters" must be a list of chapters (found ${describe(field.value)})`);
      return;
    }
    if (field.value.items.length === 0) {
      this.add(field.keyLine, '"chapters" is empty; at least one chapter must start at the first sentence');
      return;
    }
    const listLine = this.lineOf(field.value, field.keyLine);
    let previous: { label: string; start: string; index: number; line: number } | null = null;
    field.value.items.forEach((item, i) => {
      if (!isMap(item)) {
        this.add(this.lineOf(item, listLine), `chapter #${i + 1} must be a mapping with id, start and title (found ${describe(item)})`);
        return;
      }
      const line = this.lineOf(item);
      const peeked = peekId(item);
      const label = peeked !== null ? `chapter ${peeked}` : `chapter #${i + 1}`;
      const fields = this.fields(item, label, CHAPTER_KEYS);
      const record: ChapterRecord = { id: null, title: null, start: null };
      this.chapters.push(record);

      const idField = fields.get('id');
      record.id = this.id(idField, line, label, 'chapter', CHAPTER_ID, '"ch" followed by digits, e.g. ch03');
      if (record.id !== null && idField) {
        const first = this.chapterLines.get(record.id);
        if (first !== undefined) this.add(idField.keyLine, `duplicate chapter id ${record.id} (first used on line ${first})`);
        else this.chapterLines.set(record.id, idField.keyLine);
      }

      const titleField = fields.get('title');
      if (!titleField) this.add(line, `${label} has no title (title: { de: …, en: … })`);
      else record.title = this.bilingual(titleField, `the title of ${label}`);

      const startField = fields.get('start');
      if (!startField) {
        this.add(line, `${label} has no start (the id of its first sentence)`);
        return;
      }
      const start = this.reference(startField, `the start of ${label}`, 'the id of its first sentence');
      if (start === null) return;
      record.start = start;
      const sentence = this.sentenceById.get(start);
      if (!sentence) {
        this.add(startField.keyLine, `${label} starts at ${start}, which is not a sentence of this edition`);
        return;
      }
      if (sentence.position !== 0) {
        this.add(startField.keyLine, `${label} starts at ${start}, which is not the first sentence of ${sentence.paragraph.label} (a chapter must start where a paragraph starts)`);
        return;
      }
      if (i === 0 && sentence.index !== 0) {
        const firstSentence = this.sentences[0]!;
        this.add(startField.keyLine, `${label} starts at ${start}, but the edition begins at ${firstSentence.id ?? firstSentence.label} (the first chapter must start at the first sentence, so that the chapters cover every sentence)`);
      }
      if (previous !== null) {
        if (sentence.index === previous.index) {
          this.add(startField.keyLine, `${label} starts at ${start}, as does ${previous.label} (line ${previous.line}); each chapter needs its own first sentence`);
        } else if (sentence.index < previous.index) {
          this.add(startField.keyLine, `${label} starts at ${start}, before ${previous.label} (which starts at ${previous.start}, line ${previous.line}); list the chapters in reading order`);
        }
      }
      previous = { label, start, index: sentence.index, line: startField.keyLine };
    });
  }

  private build(id: string, title: Bilingual): Edition | null {
    const speakers: Speaker[] = [];
    for (const record of this.speakers.values()) {
      if (record.name === null || record.role === null) return null;
      speakers.push({ id: record.id, name: record.name, role: record.role });
    }

    const chapterAt = new Map<number, Chapter>();
    const chapters: Chapter[] = [];
    for (const [index, record] of this.chapters.entries()) {
      if (record.id === null || record.title === null || record.start === null) return null;
      const start = this.sentenceById.get(record.start);
      if (!start) return null;
      const chapter: Chapter = { id: record.id, index, title: record.title, startSentenceId: record.start, sentenceIds: [] };
      chapters.push(chapter);
      chapterAt.set(start.index, chapter);
    }

    // Chapter boundaries are sentences, so a paragraph without sentences (a gap) belongs to the
    // chapter that is running when it appears.
    let chapter = chapters[0];
    if (!chapter) return null;
    const paragraphs: Paragraph[] = [];
    const sentences: Sentence[] = [];
    for (const [index, record] of this.paragraphs.entries()) {
      if (record.id === null || record.kind === null) return null;
      const first = record.sentences[0];
      if (first) chapter = chapterAt.get(first.index) ?? chapter;
      const paragraph: Paragraph = {
        id: record.id,
        index,
        kind: record.kind,
        speakerId: record.speakerId,
        label: record.printedLabel,
        note: record.note,
        chapterId: chapter.id,
        sentenceIds: [],
      };
      paragraphs.push(paragraph);
      for (const s of record.sentences) {
        if (s.id === null) return null;
        paragraph.sentenceIds.push(s.id);
        chapter.sentenceIds.push(s.id);
        sentences.push({
          id: s.id,
          index: sentences.length,
          paragraphId: record.id,
          chapterId: chapter.id,
          speakerId: record.speakerId,
          de: s.de,
          en: s.enWith === null ? s.en : '',
          enWith: s.enWith,
        });
      }
    }

    return { id, title, speakers, chapters, paragraphs, sentences };
  }
}
