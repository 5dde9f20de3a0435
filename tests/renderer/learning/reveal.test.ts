// Hide a language and reveal it sentence by sentence: which sentences a reveal covers, toggling
// back, "reveal all" and hiding one again after it, and the setting being saved.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEdition } from '../../../common/edition/parse';
import { RevealStore } from '../../../renderer/learning/reveal';

const edition = (() => {
  const file = join(import.meta.dirname, '..', '..', 'fixtures', 'editions', 'valid-small.yaml');
  const parsed = parseEdition(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error('fixture');
  return parsed.edition;
})();

describe('reveal', () => {
  it('shows everything until a language is hidden, and saves the choice', () => {
    const saved: string[] = [];
    const store = new RevealStore(() => edition, 'none', (hidden) => saved.push(hidden));
    expect(store.isShown('en', ['s004'])).toBe(true);
    expect(store.toggleHidden('en')).toBe('en');
    expect(store.isShown('en', ['s004'])).toBe(false);
    expect(store.isShown('de', ['s004'])).toBe(true);
    expect(store.toggleHidden('en')).toBe('none');
    expect(store.toggleHidden('de')).toBe('de');
    expect(saved).toEqual(['en', 'none', 'de']);
  });

  it('maps the sentence heard to the hidden language: a shared English is one reveal for both German sentences', () => {
    const store = new RevealStore(() => edition, 'en', () => undefined);
    // s005 shares the English carried by s004.
    expect(store.idsFor('s005', 'de')).toEqual(['s004']);
    store.toggle(store.idsFor('s005', 'de'));
    expect(store.isShown('en', ['s004'])).toBe(true);
    store.setHidden('de');
    expect(store.idsFor('s004', 'en')).toEqual(['s004', 's005']);
  });

  it('toggles one sentence back; reveal all, then hiding one keeps the others revealed', () => {
    const store = new RevealStore(() => edition, 'de', () => undefined);
    expect(store.toggle(['s003'])).toBe(true);
    expect(store.toggle(['s003'])).toBe(false);
    expect(store.isShown('de', ['s003'])).toBe(false);
    expect(store.toggleAll()).toBe(true);
    expect(store.isShown('de', ['s001'])).toBe(true);
    store.toggle(['s003']);
    expect(store.isShown('de', ['s003'])).toBe(false);
    expect(store.isShown('de', ['s001'])).toBe(true);
    // Hiding a language anew starts with everything hidden.
    store.setHidden('en');
    store.setHidden('de');
    expect(store.isShown('de', ['s001'])).toBe(false);
  });
});
