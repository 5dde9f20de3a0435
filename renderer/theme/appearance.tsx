// How the app looks, from the settings and the system: the theme's colours as CSS custom properties
// on <html>, and data attributes the stylesheet keys on (highlight style, font, motion, forced
// colours). Written once per change of a setting or a system preference — never per frame: the
// highlighter only moves its two classes, and CSS draws them in the chosen style.
import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { Settings } from '../../common/bridge/contract';
import { highlightColors, resolveTheme, themeVariables, THEMES, type Palette, type ThemeId } from '../../common/a11y/themes';
import '@fontsource/opendyslexic/latin-400.css';
import '@fontsource/opendyslexic/latin-400-italic.css';
import '@fontsource/opendyslexic/latin-700.css';

export interface SystemPreferences {
  dark: boolean;
  moreContrast: boolean;
  forcedColors: boolean;
  reducedMotion: boolean;
}

const QUERIES: Record<keyof SystemPreferences, string> = {
  dark: '(prefers-color-scheme: dark)',
  moreContrast: '(prefers-contrast: more)',
  forcedColors: '(forced-colors: active)',
  reducedMotion: '(prefers-reduced-motion: reduce)',
};

function readSystem(): SystemPreferences {
  const match = (query: string) => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  return {
    dark: match(QUERIES.dark),
    moreContrast: match(QUERIES.moreContrast),
    forcedColors: match(QUERIES.forcedColors),
    reducedMotion: match(QUERIES.reducedMotion),
  };
}

/** The system's colour scheme, contrast, forced-colours and motion wishes, kept up to date. */
export function useSystemPreferences(): SystemPreferences {
  const [system, setSystem] = useState(readSystem);
  useEffect(() => {
    const lists = Object.values(QUERIES).map((query) => window.matchMedia(query));
    const onChange = () => setSystem(readSystem());
    for (const list of lists) list.addEventListener('change', onChange);
    return () => {
      for (const list of lists) list.removeEventListener('change', onChange);
    };
  }, []);
  return system;
}

export interface Appearance {
  themeId: ThemeId;
  /** The theme 'system' would give now (for the settings view to name it). */
  systemThemeId: ThemeId;
  palette: Palette;
  forcedColors: boolean;
  reducedMotion: boolean;
}

/** Text size: the transcript grows to the full scale; menus, buttons and panels up to 150%. */
export const MAX_UI_SCALE = 1.5;

export function computeAppearance(settings: Settings, system: SystemPreferences): Appearance {
  const themeId = resolveTheme(settings.theme, system);
  const reducedMotion = settings.reducedMotion === 'system' ? system.reducedMotion : settings.reducedMotion === 'on';
  return { themeId, systemThemeId: resolveTheme('system', system), palette: THEMES[themeId], forcedColors: system.forcedColors, reducedMotion };
}

/** Writes the appearance onto <html>: colours, scales and the attributes the stylesheet keys on. */
export function applyAppearance(root: HTMLElement, settings: Settings, appearance: Appearance): void {
  const { palette } = appearance;
  const vars = themeVariables(palette, highlightColors(palette, { word: settings.wordHighlightColor, sentence: settings.sentenceHighlightColor }));
  const uiScale = Math.min(settings.fontScale, MAX_UI_SCALE);
  vars['--font-scale'] = String(settings.fontScale);
  vars['--ui-scale'] = String(uiScale);
  vars['--reading-scale'] = String(settings.fontScale / uiScale);
  vars['--line-spacing'] = String(settings.lineSpacing);
  for (const [name, value] of Object.entries(vars)) root.style.setProperty(name, value);
  root.style.colorScheme = palette.scheme;
  root.dataset.theme = appearance.themeId;
  root.dataset.highlight = settings.highlightStyle;
  root.dataset.font = settings.font;
  root.dataset.motion = appearance.reducedMotion ? 'reduce' : 'full';
}

export { motionReduced } from './motion';

const AppearanceContext = createContext<Appearance | null>(null);

export function AppearanceProvider({ settings, children }: { settings: Settings; children?: ReactNode }) {
  const system = useSystemPreferences();
  const appearance = useMemo(() => computeAppearance(settings, system), [settings, system]);
  useLayoutEffect(() => applyAppearance(document.documentElement, settings, appearance), [settings, appearance]);
  return <AppearanceContext.Provider value={appearance}>{children}</AppearanceContext.Provider>;
}

export function useAppearance(): Appearance {
  const value = useContext(AppearanceContext);
  return value ?? computeAppearance({ theme: 'system', reducedMotion: 'system' } as Settings, readSystem());
}
