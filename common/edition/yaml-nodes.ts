// Reading an edition's YAML nodes: values as text, keys as names, and every problem with its line.
// The parser walks the document's nodes (not plain JS values) because only the nodes know their
// line numbers; this file is the one place that knows how a node is turned into a value or a
// problem, so the section checks (./checks.ts) read as rules, not as YAML plumbing.

import { isMap, isNode, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { Bilingual, Lang } from './model';
import { likelyKey } from './hints';
import type { ProblemList } from './problems';

export interface Field {
  keyLine: number;
  value: unknown;
}

export type TextValue = { kind: 'text'; text: string } | { kind: 'empty' } | { kind: 'other'; found: string };

export const LANG_NAME: Record<Lang, string> = { de: 'German', en: 'English' };

// Only ASCII whitespace is collapsed: no-break and thin spaces are typography the editor chose
// (e.g. before a unit or inside «»), not layout noise from YAML line folding.
const WHITESPACE_RUN = /[ \t\n\r\f\v]+/g;
const EDGE_WHITESPACE = /^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g;

export function normalize(text: string): string {
  return text.replace(EDGE_WHITESPACE, '').replace(WHITESPACE_RUN, ' ');
}

/** Any scalar counts as text (`en: 1984` means the text "1984"), written as the editor wrote it. */
export function readText(node: unknown): TextValue {
  if (node === null || node === undefined) return { kind: 'empty' };
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return { kind: 'empty' };
    const raw = typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
    const text = normalize(raw);
    return text === '' ? { kind: 'empty' } : { kind: 'text', text };
  }
  return { kind: 'other', found: describe(node) };
}

/** A node as a message names it: "a mapping", "a list", "nothing" or the (shortened) text. */
export function describe(node: unknown): string {
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

export function keyName(key: unknown): string | null {
  if (!isScalar(key) || key.value === null || key.value === undefined) return null;
  return typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
}

/** The `id` of a mapping, if usable, so that messages about the mapping can name it. */
export function peekId(map: YAMLMap): string | null {
  for (const pair of map.items) {
    if (keyName(pair.key) === 'id') {
      const value = readText(pair.value);
      return value.kind === 'text' ? value.text : null;
    }
  }
  return null;
}

/** True when a list-valued field holds nothing: absent, `null`, or `[]`. */
export function isEmptyList(field: Field | undefined): boolean {
  const node = field?.value;
  return !field || (isScalar(node) && node.value === null) || node === null || (isSeq(node) && node.items.length === 0);
}

/**
 * Reads values out of nodes and reports what is wrong with them, each problem at its line. The
 * section checks share one reader, so every section reports keys, ids and texts in the same words.
 */
export class NodeReader {
  constructor(
    private readonly problems: ProblemList,
    private readonly lineAt: (offset: number) => number,
  ) {}

  get problemCount(): number {
    return this.problems.count;
  }

  lineOf(node: unknown, fallback = 0): number {
    if (isNode(node) && node.range) return this.lineAt(node.range[0]);
    return fallback;
  }

  add(line: number, message: string): void {
    this.problems.add(line, message);
  }

  /**
   * The fields of a mapping by key; reports unknown, duplicate and non-name keys. A misspelt key
   * (`enn:`) is reported once and then read as the key it most likely means, so that the editor
   * is not also told that `en` is missing, and its value still gets checked.
   */
  fields(map: YAMLMap, what: string, allowed: readonly string[]): Map<string, Field> {
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
  requiredText(field: Field | undefined, ownerLine: number, what: string, lang: Lang, missing?: string): string | null {
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

  /**
   * A `{ de, en }` mapping. With `english` false (an edition in German only) only `de` is read and
   * an `en` is reported rather than dropped, so that no translation is lost without a word.
   */
  bilingual(field: Field, what: string, english = true): Bilingual | null {
    if (!isMap(field.value)) {
      const keys = english ? '"de" and "en"' : '"de"';
      this.add(field.keyLine, `${what} must be a mapping with ${keys} (found ${describe(field.value)})`);
      return null;
    }
    const line = this.lineOf(field.value, field.keyLine);
    const fields = this.fields(field.value, what, ['de', 'en']);
    const de = this.requiredText(fields.get('de'), line, what, 'de');
    if (!english) {
      const en = fields.get('en');
      if (en) this.add(en.keyLine, `${what} has English, but the edition is in German only (remove "en", or add en to "languages")`);
      return de !== null ? { de, en: '' } : null;
    }
    const en = this.requiredText(fields.get('en'), line, what, 'en');
    return de !== null && en !== null ? { de, en } : null;
  }

  /**
   * Reads an `id` field and checks its pattern. Returns the id even when it breaks the pattern (it
   * is still the name the editor will search for), null when there is nothing to name.
   */
  id(field: Field | undefined, ownerLine: number, what: string, noun: string, pattern: RegExp, shape: string): string | null {
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
  reference(field: Field, what: string, shape: string): string | null {
    const value = readText(field.value);
    if (value.kind === 'empty') this.add(field.keyLine, `${what} is empty (${shape})`);
    if (value.kind === 'other') this.add(field.keyLine, `${what} must be ${shape} (found ${value.found})`);
    return value.kind === 'text' ? value.text : null;
  }
}
