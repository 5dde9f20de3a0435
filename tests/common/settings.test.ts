// The settings from their one source (common/settings.ts): defaults, the patch schema and the
// reader all follow the same table, so they cannot drift apart.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Settings as ContractSettings } from '../../common/bridge/contract';
import { settingsPatchSchema as bridgePatchSchema } from '../../common/bridge/schemas';
import { DEFAULT_SETTINGS, readSettings, SETTING_KEYS, settingsPatchSchema, settingsSchema, type Settings } from '../../common/settings';

// The settings as they were defined by hand before there was one source; the inferred type must
// still be exactly this, or renderer code written against the old interface would change meaning.
interface HandWrittenSettings {
  version: 1;
  uiLanguage: 'system' | 'de' | 'en';
  layout: 'de' | 'en' | 'side-by-side' | 'interleaved';
  narrationLang: 'de' | 'en';
  rate: number;
  volume: number;
  muted: boolean;
  syncOffsetMs: number;
  theme: 'system' | 'light' | 'dark' | 'contrast-light' | 'contrast-dark';
  highlightStyle: 'background' | 'underline' | 'bold' | 'outline' | 'none';
  wordHighlightColor: string | null;
  sentenceHighlightColor: string | null;
  fontScale: number;
  lineSpacing: number;
  font: 'default' | 'dyslexic';
  reducedMotion: 'system' | 'on' | 'off';
  announceSentences: boolean;
  shadowingFactor: number;
  repeatCount: number;
  repeatRising: boolean;
  hiddenLanguage: 'none' | 'de' | 'en';
}

describe('settings from one source', () => {
  it('infer the same type the contract always had, and the contract names that type', () => {
    expectTypeOf<Settings>().toEqualTypeOf<HandWrittenSettings>();
    expectTypeOf<ContractSettings>().toEqualTypeOf<Settings>();
  });

  it('have a default for every field, and the defaults pass their own rules', () => {
    expect(Object.keys(DEFAULT_SETTINGS).sort()).toEqual(['version', ...SETTING_KEYS].sort());
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('keep the defaults the app has always started with', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      version: 1,
      uiLanguage: 'system',
      layout: 'side-by-side',
      narrationLang: 'de',
      rate: 1,
      volume: 1,
      muted: false,
      syncOffsetMs: 0,
      theme: 'system',
      highlightStyle: 'background',
      wordHighlightColor: null,
      sentenceHighlightColor: null,
      fontScale: 1,
      lineSpacing: 1.6,
      font: 'default',
      reducedMotion: 'system',
      announceSentences: false,
      shadowingFactor: 1,
      repeatCount: 3,
      repeatRising: false,
      hiddenLanguage: 'none',
    });
  });

  it('give the bridge the same patch schema: every field optional, unknown fields and the version refused', () => {
    expect(bridgePatchSchema).toBe(settingsPatchSchema);
    expect(settingsPatchSchema.parse({})).toEqual({});
    // Absent fields stay absent: a patch must never carry defaults that would overwrite a choice.
    expect(settingsPatchSchema.parse({ rate: 2 })).toEqual({ rate: 2 });
    expect(settingsPatchSchema.safeParse({ colour: 'red' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ version: 1 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ repeatCount: 2.5 }).error?.issues[0]?.message).toBe('the repeat count is a whole number');
  });

  it('read every field back, and reset each bad one alone to its own default', () => {
    const chosen = { ...DEFAULT_SETTINGS, rate: 2, layout: 'de', repeatCount: 5, hiddenLanguage: 'en' } as const;
    expect(readSettings(chosen)).toEqual({ settings: chosen, invalidFields: [] });
    const broken = Object.fromEntries(SETTING_KEYS.map((key) => [key, { not: 'a setting' }]));
    const { settings, invalidFields } = readSettings({ ...broken, rate: 2 });
    expect(invalidFields.sort()).toEqual(SETTING_KEYS.filter((key) => key !== 'rate').sort());
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, rate: 2 });
  });

  it('hand out a fresh object, so changing one reading cannot change the defaults', () => {
    const { settings } = readSettings({});
    settings.rate = 3;
    expect(DEFAULT_SETTINGS.rate).toBe(1);
    expect(readSettings('nonsense')).toEqual({ settings: DEFAULT_SETTINGS, invalidFields: ['(the file is not a settings object)'] });
  });
});
