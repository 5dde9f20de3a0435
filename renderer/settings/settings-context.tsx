// The user's settings in the renderer: one copy, shared by every view. update() applies a change at
// once (everything reading the settings re-renders) and saves it; reset() puts every setting back to
// its default, saves that, and tells the parts that keep settings of their own (the player's speed,
// volume, offset) to take the defaults too.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Bridge, Settings } from '../../common/bridge/contract';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { Emitter } from '../ui/emitter';

export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

export interface SettingsApi {
  settings: Settings;
  /** Applies at once and saves; a failed save is reported in `saveError` (the change stays applied). */
  update(patch: SettingsPatch): void;
  /** Every setting back to its default, saved. */
  reset(): Promise<void>;
  /** Called after reset() with the defaults (for state kept outside this context). */
  onReset(listener: (defaults: Settings) => void): () => void;
  saveError: string | null;
}

const SettingsContext = createContext<SettingsApi | null>(null);

export function SettingsProvider({ api, initial, children }: { api: Pick<Bridge, 'updateSettings'>; initial: Settings; children?: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  const [saveError, setSaveError] = useState<string | null>(null);
  const resets = useRef(new Emitter<{ reset: [Settings] }>());

  // A newer start (settings loaded after the first render) replaces the initial values.
  useEffect(() => setSettings(initial), [initial]);

  const update = useCallback(
    (patch: SettingsPatch) => {
      setSettings((current) => ({ ...current, ...patch }));
      api.updateSettings({ patch }).then(
        () => setSaveError(null),
        (error: unknown) => setSaveError(error instanceof Error ? error.message : String(error)),
      );
    },
    [api],
  );

  const reset = useCallback(async () => {
    const { version: _version, ...defaults } = DEFAULT_SETTINGS;
    setSettings(DEFAULT_SETTINGS);
    resets.current.emit('reset', DEFAULT_SETTINGS);
    try {
      await api.updateSettings({ patch: defaults });
      setSaveError(null);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  }, [api]);

  const onReset = useCallback((listener: (defaults: Settings) => void) => resets.current.on('reset', listener), []);

  const value = useMemo(() => ({ settings, update, reset, onReset, saveError }), [settings, update, reset, onReset, saveError]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsApi {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings needs a SettingsProvider above it');
  return value;
}
