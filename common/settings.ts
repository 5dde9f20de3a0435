// The user's settings: defaults and a forgiving reader. A settings file is the user's, so one bad
// field costs that field only (it falls back to its default and the user is told), never the rest.
import type { Settings } from './bridge/contract';
import { settingsPatchSchema } from './bridge/schemas';

export const DEFAULT_SETTINGS: Settings = {
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
};

type SettingKey = Exclude<keyof Settings, 'version'>;

export interface SettingsReadResult {
  settings: Settings;
  /** Names of fields that were present but invalid (and were reset to defaults). */
  invalidFields: string[];
}

export function readSettings(raw: unknown): SettingsReadResult {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const invalidFields: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings, invalidFields: ['(the file is not a settings object)'] };
  }
  const record = raw as Record<string, unknown>;
  const shape = settingsPatchSchema.shape;
  for (const key of Object.keys(shape) as SettingKey[]) {
    if (!(key in record)) continue;
    const parsed = shape[key].safeParse(record[key]);
    if (parsed.success && parsed.data !== undefined) {
      (settings as unknown as Record<string, unknown>)[key] = parsed.data;
    } else {
      invalidFields.push(key);
    }
  }
  return { settings, invalidFields };
}
