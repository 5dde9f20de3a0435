// The user's settings, defined once: each field's rule and its default side by side. The type
// (`Settings`), the defaults (`DEFAULT_SETTINGS`), the bridge's patch schema (`settingsPatchSchema`,
// re-exported by common/bridge/schemas.ts) and the forgiving reader all come from the table below,
// so a new setting is one line here and cannot be missing from any of them.
//
// A settings file is the user's, so one bad field costs that field only (it falls back to its
// default and the user is told), never the rest.
import { z } from 'zod';
import { THEME_IDS } from './a11y/themes';

/**
 * The choices of each setting that is one of a list, in the order the settings view offers them.
 * The schema below is built from these, so the view cannot offer a value the schema refuses.
 */
export const SETTING_CHOICES = {
  uiLanguage: ['system', 'de', 'en'],
  layout: ['side-by-side', 'interleaved', 'de', 'en'],
  theme: ['system', ...THEME_IDS],
  highlightStyle: ['background', 'underline', 'bold', 'outline', 'none'],
  font: ['default', 'dyslexic'],
  reducedMotion: ['system', 'on', 'off'],
  hiddenLanguage: ['none', 'en', 'de'],
} as const;

const lang = z.enum(['de', 'en']);
const hexColor = z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour is written #rrggbb');

interface Field<T extends z.ZodType> {
  rule: T;
  default: z.output<T>;
}

/** A setting: what it accepts and what it is until the user chooses. */
function field<T extends z.ZodType>(rule: T, fallback: z.output<T>): Field<T> {
  return { rule, default: fallback };
}

const FIELDS = {
  uiLanguage: field(z.enum(SETTING_CHOICES.uiLanguage), 'system'),
  layout: field(z.enum(SETTING_CHOICES.layout), 'side-by-side'),
  narrationLang: field(lang, 'de'),
  rate: field(z.number().min(0.5).max(3), 1),
  volume: field(z.number().min(0).max(1), 1),
  muted: field(z.boolean(), false),
  /** Milliseconds; positive shifts the highlight later (for headphones with latency). */
  syncOffsetMs: field(z.number().int().min(-500).max(500), 0),
  // Accessibility (renderer/settings, common/a11y):
  theme: field(z.enum(SETTING_CHOICES.theme), 'system'),
  highlightStyle: field(z.enum(SETTING_CHOICES.highlightStyle), 'background'),
  /** "#rrggbb", or null for the theme's colour. */
  wordHighlightColor: field(hexColor.nullable(), null),
  sentenceHighlightColor: field(hexColor.nullable(), null),
  /** Text size, 1 (100%) to 3 (300%). */
  fontScale: field(z.number().min(1).max(3), 1),
  /** Line height of the transcript, 1.2 to 3. */
  lineSpacing: field(z.number().min(1.2).max(3), 1.6),
  font: field(z.enum(SETTING_CHOICES.font), 'default'),
  reducedMotion: field(z.enum(SETTING_CHOICES.reducedMotion), 'system'),
  /** Speak each sentence as it starts (screen readers). */
  announceSentences: field(z.boolean(), false),
  // Learning (renderer/learning, common/learning):
  /** Shadowing: the pause after each sentence is its length times this (0.5 to 3). */
  shadowingFactor: field(z.number().min(0.5, 'the shadowing factor is at least 0.5').max(3, 'the shadowing factor is at most 3'), 1),
  /** Shift+R hears the sentence this many times (2 to 10). */
  repeatCount: field(
    z.number().int('the repeat count is a whole number').min(2, 'the repeat count is at least 2').max(10, 'the repeat count is at most 10'),
    3,
  ),
  /** Shift+R rises from 0.7× to 1.0× over the hearings instead of keeping the speed. */
  repeatRising: field(z.boolean(), false),
  /** A language hidden in the transcript until revealed, sentence by sentence. */
  hiddenLanguage: field(z.enum(SETTING_CHOICES.hiddenLanguage), 'none'),
};

type Fields = typeof FIELDS;
export type SettingKey = keyof Fields;
type Shape = { [K in SettingKey]: Fields[K]['rule'] };

/** The settings file's format version, kept in the file for a future migration. */
export const SETTINGS_VERSION = 1;

export const SETTING_KEYS = Object.keys(FIELDS) as SettingKey[];

const shape = Object.fromEntries(SETTING_KEYS.map((key) => [key, FIELDS[key].rule])) as Shape;

/** A whole settings object, as stored and as the renderer holds it. */
export const settingsSchema = z.object({ version: z.literal(SETTINGS_VERSION), ...shape }).strict();

/** What `updateSettings` accepts over the bridge: any known fields, each by its rule, nothing else. */
export const settingsPatchSchema = z.object(shape).partial().strict();

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  ...(Object.fromEntries(SETTING_KEYS.map((key) => [key, FIELDS[key].default])) as Omit<Settings, 'version'>),
};

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
  // Field by field, not the whole schema at once: a bad field must not cost the good ones.
  for (const key of SETTING_KEYS) {
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
