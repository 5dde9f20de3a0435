// The highlighter against stand-in elements: it lights the word and sentence the player's cursor is
// at (and the other language's sentence), and touches the DOM only when something changes.
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../../common/edition/model';
import { pairingOf } from '../../../common/edition/pairing';
import { TimelineCursor } from '../../../common/timing/lookup';
import { buildNavigationIndex, type NavigationIndex } from '../../../common/timing/navigate';
import { CURRENT_SENTENCE, CURRENT_WORD, Highlighter, registryKey, type ElementRegistry } from '../../../renderer/transcript/highlighter';

let domWrites = 0;

class FakeElement {
  readonly classes = new Set<string>();
  readonly attributes = new Map<string, string>();
  constructor(
    readonly name: string,
    private readonly unit: FakeElement | null = null,
  ) {}
  classList = {
    add: (c: string) => {
      domWrites++;
      this.classes.add(c);
    },
    remove: (c: string) => {
      domWrites++;
      this.classes.delete(c);
    },
  };
  setAttribute(name: string, value: string) {
    domWrites++;
    this.attributes.set(name, value);
  }
  removeAttribute(name: string) {
    domWrites++;
    this.attributes.delete(name);
  }
  closest() {
    return this.unit;
  }
}

const edition = {
  languages: ['de', 'en'],
  sentences: [
    { id: 's001', enWith: null },
    { id: 's002', enWith: null },
    { id: 's003', enWith: 's002' },
  ],
} as unknown as Edition;

const words = (start: number, n: number): [number, number][] => Array.from({ length: n }, (_, i) => [start + i, start + i + 0.8]);
const de = buildNavigationIndex({
  duration: 20,
  sentences: [
    { id: 's001', start: 0, end: 3, words: words(0, 3) },
    { id: 's002', start: 4, end: 6, words: words(4, 2) },
    { id: 's003', start: 7, end: 9, words: words(7, 2) },
  ],
  paragraphs: [{ id: 'p1', start: 0, end: 9 }],
  chapters: [{ id: 'c1', start: 0, end: 9 }],
});
const en = buildNavigationIndex({
  duration: 20,
  sentences: [
    { id: 's001', start: 0, end: 3, words: words(0, 3) },
    { id: 's002', start: 4, end: 9, words: words(4, 5) },
  ],
  paragraphs: [{ id: 'p1', start: 0, end: 9 }],
  chapters: [{ id: 'c1', start: 0, end: 9 }],
});

/** The player's part: one cursor over a track, moved to the time heard. */
function cursorOver(index: NavigationIndex): (time: number) => TimelineCursor {
  const cursor = new TimelineCursor(index.timeline);
  return (time) => {
    cursor.moveTo(time);
    return cursor;
  };
}

function registry(): { registry: ElementRegistry; el: (lang: string, id: string) => FakeElement; word: (lang: string, id: string, i: number) => FakeElement } {
  const map: ElementRegistry = new Map();
  const sentences = new Map<string, FakeElement>();
  const wordEls = new Map<string, FakeElement[]>();
  const add = (lang: 'de' | 'en', id: string, count: number, unit: FakeElement) => {
    const sentence = new FakeElement(`${lang}:${id}`, unit);
    const ws = Array.from({ length: count }, (_, i) => new FakeElement(`${lang}:${id}:${i}`));
    sentences.set(`${lang}:${id}`, sentence);
    wordEls.set(`${lang}:${id}`, ws);
    map.set(registryKey(lang, id), { sentence: sentence as unknown as HTMLElement, words: ws as unknown as HTMLElement[], unit: unit as unknown as HTMLElement });
  };
  const u1 = new FakeElement('unit s001');
  const u2 = new FakeElement('unit s002');
  add('de', 's001', 3, u1);
  add('en', 's001', 3, u1);
  add('de', 's002', 2, u2);
  add('de', 's003', 2, u2);
  add('en', 's002', 5, u2);
  return { registry: map, el: (lang, id) => sentences.get(`${lang}:${id}`)!, word: (lang, id, i) => wordEls.get(`${lang}:${id}`)![i]! };
}

describe('Highlighter', () => {
  it('lights the word heard and its sentence in both languages', () => {
    const r = registry();
    const units: unknown[] = [];
    const highlighter = new Highlighter(r.registry, pairingOf(edition), 'de', (u) => units.push(u));
    const at = cursorOver(de);
    highlighter.update(at(1.2));
    expect(r.word('de', 's001', 1).classes.has(CURRENT_WORD)).toBe(true);
    expect(r.el('de', 's001').classes.has(CURRENT_SENTENCE)).toBe(true);
    expect(r.el('en', 's001').classes.has(CURRENT_SENTENCE)).toBe(true);
    // A German sentence whose English is shared lights the English carrier.
    highlighter.update(at(7.5));
    expect(r.el('de', 's003').classes.has(CURRENT_SENTENCE)).toBe(true);
    expect(r.el('en', 's002').classes.has(CURRENT_SENTENCE)).toBe(true);
    expect(r.el('de', 's001').classes.has(CURRENT_SENTENCE)).toBe(false);
    expect(r.word('de', 's001', 1).classes.has(CURRENT_WORD)).toBe(false);
    expect(units).toHaveLength(2);
  });

  it('lights all German sentences sharing an English one while the English narration reads it', () => {
    const r = registry();
    const highlighter = new Highlighter(r.registry, pairingOf(edition), 'en', () => undefined);
    const at = cursorOver(en);
    highlighter.update(at(6.1));
    expect(r.word('en', 's002', 2).classes.has(CURRENT_WORD)).toBe(true);
    expect(r.el('de', 's002').classes.has(CURRENT_SENTENCE)).toBe(true);
    expect(r.el('de', 's003').classes.has(CURRENT_SENTENCE)).toBe(true);
  });

  it('writes to the DOM only when the word or sentence changes', () => {
    const r = registry();
    const highlighter = new Highlighter(r.registry, pairingOf(edition), 'de', () => undefined);
    let at = cursorOver(de);
    highlighter.update(at(0.1));
    domWrites = 0;
    for (let t = 0.1; t < 0.95; t += 1 / 60) highlighter.update(at(t));
    expect(domWrites).toBe(0);
    highlighter.update(at(1.01));
    expect(domWrites).toBe(2); // one class off, one class on
  });

  it('starts over on a new language or new elements', () => {
    const r = registry();
    const highlighter = new Highlighter(r.registry, pairingOf(edition), 'de', () => undefined);
    let at = cursorOver(de);
    highlighter.update(at(1.2));
    highlighter.setLanguage('en');
    at = cursorOver(en);
    expect(r.word('de', 's001', 1).classes.size).toBe(0);
    highlighter.update(at(1.2));
    expect(r.word('en', 's001', 1).classes.has(CURRENT_WORD)).toBe(true);
    const fresh = registry();
    highlighter.setRegistry(fresh.registry);
    expect(r.word('en', 's001', 1).classes.size).toBe(0);
    highlighter.update(at(1.2));
    expect(fresh.word('en', 's001', 1).classes.has(CURRENT_WORD)).toBe(true);
  });
});
