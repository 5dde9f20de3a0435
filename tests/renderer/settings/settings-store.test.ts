// The one settings store: a change is seen at once by every subscriber (views and controllers),
// quick changes become one write, a failed write is reported and the change kept, and reset is a
// change like any other that everyone follows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../common/bridge/contract';
import { DEFAULT_SETTINGS } from '../../../common/settings';
import { SettingsStore, type SettingsPatch } from '../../../renderer/settings/settings-store';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function recordingApi(fail: string | null = null) {
  const writes: SettingsPatch[] = [];
  return {
    writes,
    api: {
      updateSettings: async ({ patch }: { patch: SettingsPatch }): Promise<Settings> => {
        writes.push(patch);
        if (fail) throw new Error(fail);
        return { ...DEFAULT_SETTINGS, ...patch };
      },
    },
  };
}

describe('SettingsStore', () => {
  it('applies at once and merges quick changes into one write', async () => {
    const { api, writes } = recordingApi();
    const store = new SettingsStore(api, DEFAULT_SETTINGS, 300);
    store.update({ rate: 1.1 });
    store.update({ rate: 1.2 });
    store.update({ muted: true });
    expect(store.settings.rate).toBe(1.2);
    expect(store.settings.muted).toBe(true);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(writes).toEqual([{ rate: 1.2, muted: true }]);
  });

  it('writes nothing for a change to the value it already has', async () => {
    const { api, writes } = recordingApi();
    const store = new SettingsStore(api);
    const seen: number[] = [];
    store.watch((s) => s.rate, (rate) => seen.push(rate));
    store.update({ rate: DEFAULT_SETTINGS.rate });
    await vi.runAllTimersAsync();
    expect(writes).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('tells each watcher only about the part it watches', () => {
    const { api } = recordingApi();
    const store = new SettingsStore(api);
    const rates: number[] = [];
    const themes: string[] = [];
    store.watch((s) => s.rate, (rate) => rates.push(rate));
    store.watch((s) => s.theme, (theme) => themes.push(theme));
    store.update({ rate: 1.5 });
    store.update({ theme: 'dark' });
    store.update({ rate: 2 });
    expect(rates).toEqual([1.5, 2]);
    expect(themes).toEqual(['dark']);
  });

  it('reports a failed write and keeps the change; a later good write clears the report', async () => {
    const failing = recordingApi('disk full');
    const store = new SettingsStore(failing.api);
    store.update({ volume: 0.5 });
    await store.flush();
    expect(store.getView().saveError).toBe('disk full');
    expect(store.settings.volume).toBe(0.5);
  });

  it('clears the report once a save works again', async () => {
    let fail = true;
    const store = new SettingsStore({
      updateSettings: async () => {
        if (fail) throw new Error('disk full');
        return DEFAULT_SETTINGS;
      },
    });
    store.update({ volume: 0.5 });
    await store.flush();
    expect(store.getView().saveError).toBe('disk full');
    fail = false;
    store.update({ volume: 0.6 });
    await store.flush();
    expect(store.getView().saveError).toBeNull();
  });

  it('resets every setting, saves them all at once, and every watcher follows', async () => {
    const { api, writes } = recordingApi();
    const store = new SettingsStore(api, { ...DEFAULT_SETTINGS, rate: 2, repeatCount: 7, hiddenLanguage: 'en' });
    const rates: number[] = [];
    const hidden: string[] = [];
    store.watch((s) => s.rate, (rate) => rates.push(rate));
    store.watch((s) => s.hiddenLanguage, (h) => hidden.push(h));
    await store.reset();
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    expect(rates).toEqual([1]);
    expect(hidden).toEqual(['none']);
    const { version: _version, ...defaults } = DEFAULT_SETTINGS;
    expect(writes).toEqual([defaults]);
  });

  it('sends writes one after the other, so an older one never lands last', async () => {
    const order: number[] = [];
    let release: (() => void) | null = null;
    const store = new SettingsStore({
      updateSettings: ({ patch }) =>
        new Promise<Settings>((resolve) => {
          const finish = () => {
            order.push(patch.rate ?? 0);
            resolve(DEFAULT_SETTINGS);
          };
          if (patch.rate === 1.5) release = finish;
          else finish();
        }),
    });
    store.update({ rate: 1.5 });
    void store.flush();
    store.update({ rate: 2 });
    const second = store.flush();
    await vi.advanceTimersByTimeAsync(10);
    expect(order).toEqual([]);
    release!();
    await second;
    expect(order).toEqual([1.5, 2]);
  });
});
