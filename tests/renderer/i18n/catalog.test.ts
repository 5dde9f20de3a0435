// Every message exists in German and English, with the same parameters, and no key is defined by two
// catalogs (a later one would silently win).
import { describe, expect, it } from 'vitest';
import { CATALOGS, MESSAGES } from '../../../renderer/i18n/messages';
import { messageParams } from '../../../renderer/i18n/format';

describe('message catalogs', () => {
  it('have every key in both languages', () => {
    for (const catalog of CATALOGS) {
      const en = Object.keys(catalog.en).sort();
      const de = Object.keys(catalog.de).sort();
      expect(de, `German keys of the catalog starting with ${en[0]}`).toEqual(en);
    }
  });

  it('use the same {params} in both languages', () => {
    for (const key of Object.keys(MESSAGES.en)) {
      const en = [...messageParams(MESSAGES.en[key]!)].sort();
      const de = [...messageParams(MESSAGES.de[key] ?? '')].sort();
      expect(de, `params of ${key}`).toEqual(en);
    }
  });

  it('define each key once, namespaced, non-empty', () => {
    const seen = new Map<string, number>();
    for (const [index, catalog] of CATALOGS.entries()) {
      for (const key of Object.keys(catalog.en)) {
        expect(seen.has(key), `${key} is defined by catalogs ${seen.get(key)} and ${index}`).toBe(false);
        seen.set(key, index);
        expect(key).toMatch(/^[a-z][A-Za-z0-9]*\.[A-Za-z0-9.-]+$/);
        expect((catalog.en as Record<string, string>)[key]!.trim()).not.toBe('');
        expect((catalog.de as Record<string, string>)[key]!.trim()).not.toBe('');
      }
    }
  });

  it('close every brace', () => {
    for (const lang of ['en', 'de'] as const) {
      for (const [key, message] of Object.entries(MESSAGES[lang])) {
        let depth = 0;
        for (const ch of message) {
          if (ch === '{') depth++;
          if (ch === '}') depth--;
          expect(depth, `${lang} ${key}`).toBeGreaterThanOrEqual(0);
        }
        expect(depth, `${lang} ${key}`).toBe(0);
      }
    }
  });
});

describe('keyboard messages', () => {
  it('name every command, group and context key of the keymap in both languages', async () => {
    const { COMMANDS, COMMAND_GROUPS, CONTEXT_KEYS } = await import('../../../common/keymap');
    const needed = [
      ...Object.keys(COMMANDS).map((id) => `keys.${id}`),
      ...COMMAND_GROUPS.map((group) => `keys.group.${group}`),
      ...CONTEXT_KEYS.map((key) => `keys.context.${key.id}`),
    ];
    for (const key of needed) {
      expect(MESSAGES.en[key], key).toBeTruthy();
      expect(MESSAGES.de[key], key).toBeTruthy();
    }
  });

  it('write keys readably in each language', async () => {
    const { keyLabel } = await import('../../../renderer/i18n/key-names');
    const { translate } = await import('../../../renderer/i18n');
    const en = (k: Parameters<typeof translate>[1]) => translate('en', k);
    const de = (k: Parameters<typeof translate>[1]) => translate('de', k);
    expect(keyLabel('Shift+ArrowLeft', en)).toBe('Shift+←');
    expect(keyLabel('Shift+ArrowLeft', de)).toBe('Umschalt+←');
    expect(keyLabel('Ctrl+f', de)).toBe('Strg+F');
    expect(keyLabel('Ctrl+,', en)).toBe('Ctrl+,');
    expect(keyLabel('ArrowDown or j', de)).toBe('↓ oder j');
    expect(keyLabel('Home / End', de)).toBe('Pos1 / Ende');
    expect(keyLabel('+', en)).toBe('+');
    expect(keyLabel('Space', de)).toBe('Leertaste');
  });
});
