// Settings and reading positions against real files in a temporary folder.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/settings';
import { createSettingsStore } from '../../../main/settings/settings-store';

let dir: string;
const fixedNow = () => new Date('2026-11-25T10:20:30.456Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mitlesen-settings-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings store', () => {
  it('starts with the defaults and no problem when there is no file', async () => {
    expect(await createSettingsStore(dir).get()).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
  });

  it('persists an update and reads it back in a new store', async () => {
    await createSettingsStore(dir).update({ rate: 1.5, layout: 'interleaved' });
    const reread = await createSettingsStore(dir).get();
    expect(reread.settings).toMatchObject({ rate: 1.5, layout: 'interleaved', narrationLang: DEFAULT_SETTINGS.narrationLang });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ rate: 1.5 });
  });

  it('keeps both of two quick updates', async () => {
    const store = createSettingsStore(dir);
    await Promise.all([store.update({ rate: 2 }), store.update({ muted: true })]);
    expect((await createSettingsStore(dir).get()).settings).toMatchObject({ rate: 2, muted: true });
  });

  it('sets a damaged file aside once, says so, and uses the defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{"rate": 1.5,');
    const store = createSettingsStore(dir, fixedNow);
    const [first, second] = await Promise.all([store.get(), store.get()]);
    expect(second).toBe(first);
    expect(first.settings).toEqual(DEFAULT_SETTINGS);
    const aside = join(dir, 'settings.json.corrupt-2026-11-25T10-20-30-456Z');
    expect(first.problem).toBe(`Your settings file was damaged and has been set aside as ${aside}; the defaults are in use.`);
    expect(await readFile(aside, 'utf8')).toBe('{"rate": 1.5,');
  });

  it('resets only the invalid fields and names them', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ rate: 99, layout: 'interleaved', syncOffsetMs: 'late' }));
    const state = await createSettingsStore(dir).get();
    expect(state.settings).toMatchObject({ rate: DEFAULT_SETTINGS.rate, layout: 'interleaved', syncOffsetMs: DEFAULT_SETTINGS.syncOffsetMs });
    expect(state.problem).toBe('Some settings were invalid and were reset to their defaults: rate, syncOffsetMs.');
  });

  it('leaves no temporary files behind', async () => {
    const store = createSettingsStore(dir);
    for (let i = 0; i < 5; i += 1) await store.update({ volume: i / 10 });
    expect((await readdir(dir)).sort()).toEqual(['settings.json']);
  });
});

describe('reading positions', () => {
  it('saves and restores the place per document', async () => {
    const store = createSettingsStore(dir);
    await store.savePosition({ documentId: 'a', sentenceId: 's010', time: 42.5, lang: 'de' });
    await store.savePosition({ documentId: 'b', sentenceId: 's002', time: 3, lang: 'en' });
    const again = createSettingsStore(dir);
    expect(await again.getPosition('a')).toEqual({ documentId: 'a', sentenceId: 's010', time: 42.5, lang: 'de' });
    expect(await again.getPosition('b')).toMatchObject({ sentenceId: 's002' });
    expect(await again.getPosition('c')).toBeNull();
  });

  it('drops malformed entries of a damaged positions file instead of failing', async () => {
    await writeFile(join(dir, 'positions.json'), JSON.stringify({ a: { documentId: 'a', sentenceId: 'nope', time: -1, lang: 'xx' } }));
    expect(await createSettingsStore(dir).getPosition('a')).toBeNull();
    await writeFile(join(dir, 'positions.json'), 'garbage');
    expect(await createSettingsStore(dir).getPosition('a')).toBeNull();
  });
});

describe('documents opened', () => {
  it('remembers when each document was last opened, across a restart', async () => {
    let clock = new Date('2026-12-01T10:00:00.000Z');
    const store = createSettingsStore(dir, () => clock);
    await store.markOpened('china-sieht-alles');
    clock = new Date('2026-12-02T08:30:00.000Z');
    await store.markOpened('a-book');
    await store.markOpened('china-sieht-alles');
    expect(await createSettingsStore(dir).lastOpened()).toEqual({
      'china-sieht-alles': '2026-12-02T08:30:00.000Z',
      'a-book': '2026-12-02T08:30:00.000Z',
    });
  });

  it('forgets nothing else when the file is damaged: it only costs which document opens first', async () => {
    await writeFile(join(dir, 'opened.json'), '{"../etc": "yesterday"');
    expect(await createSettingsStore(dir).lastOpened()).toEqual({});
    await writeFile(join(dir, 'opened.json'), JSON.stringify({ 'Not An Id': '2026-12-02T08:30:00.000Z' }));
    expect(await createSettingsStore(dir).lastOpened()).toEqual({});
  });
});
