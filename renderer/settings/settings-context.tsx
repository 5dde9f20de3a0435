// How views reach the one settings store (settings-store.ts): useSettings() re-renders when a
// setting changes, whoever changed it (a view, a key command, a controller, reset).
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { Settings } from '../../common/bridge/contract';
import type { SettingsPatch, SettingsStore } from './settings-store';

export type { SettingsPatch } from './settings-store';

export interface SettingsApi {
  settings: Settings;
  /** Applies at once and saves; a failed save is reported in `saveError` (the change stays applied). */
  update(patch: SettingsPatch): void;
  /** Every setting back to its default, saved. */
  reset(): Promise<void>;
  saveError: string | null;
}

const SettingsContext = createContext<SettingsStore | null>(null);

export const SettingsProvider = SettingsContext.Provider;

export function useSettingsStore(): SettingsStore {
  const store = useContext(SettingsContext);
  if (!store) throw new Error('useSettings needs a SettingsProvider above it');
  return store;
}

export function useSettings(): SettingsApi {
  const store = useSettingsStore();
  const view = useSyncExternalStore(store.subscribe, store.getView, store.getView);
  return useMemo(
    () => ({ settings: view.settings, saveError: view.saveError, update: (patch: SettingsPatch) => store.update(patch), reset: () => store.reset() }),
    [view, store],
  );
}
