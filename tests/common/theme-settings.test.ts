// The accessibility settings as stored: defaults, and a bad value costs only that field.
import { describe, expect, it } from 'vitest';
import { settingsPatchSchema } from '../../common/bridge/schemas';
import { DEFAULT_SETTINGS, readSettings } from '../../common/settings';

describe('accessibility settings', () => {
  it('default to following the system, the background highlight, 100% text, no announcements', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      uiLanguage: 'system',
      theme: 'system',
      highlightStyle: 'background',
      wordHighlightColor: null,
      sentenceHighlightColor: null,
      fontScale: 1,
      lineSpacing: 1.6,
      font: 'default',
      reducedMotion: 'system',
      announceSentences: false,
    });
  });

  it('read back what was saved', () => {
    const saved = { theme: 'contrast-dark', highlightStyle: 'none', wordHighlightColor: '#7A1FA2', fontScale: 2.5, lineSpacing: 2, font: 'dyslexic', reducedMotion: 'on', announceSentences: true };
    const { settings, invalidFields } = readSettings({ ...DEFAULT_SETTINGS, ...saved });
    expect(invalidFields).toEqual([]);
    expect(settings).toMatchObject(saved);
  });

  it('reset only the fields that are wrong', () => {
    const { settings, invalidFields } = readSettings({ theme: 'neon', fontScale: 5, lineSpacing: 1.6, wordHighlightColor: 'red', sentenceHighlightColor: '#00aa00', highlightStyle: 'blink', announceSentences: 'yes' });
    expect(invalidFields.sort()).toEqual(['announceSentences', 'fontScale', 'highlightStyle', 'theme', 'wordHighlightColor']);
    expect(settings).toMatchObject({ theme: 'system', fontScale: 1, lineSpacing: 1.6, wordHighlightColor: null, sentenceHighlightColor: '#00aa00', highlightStyle: 'background', announceSentences: false });
  });

  it('refuse out-of-range patches over the bridge', () => {
    expect(settingsPatchSchema.safeParse({ fontScale: 0.5 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ fontScale: 3 }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ lineSpacing: 4 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ wordHighlightColor: null }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ wordHighlightColor: '#12345' }).success).toBe(false);
  });
});
