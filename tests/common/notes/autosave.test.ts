// Autosave: a steady typist gets a save at least every delay (so a crash loses under a second),
// saves of one note never overlap and each builds on the last, and a failed save keeps the text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, type NotePatch } from '../../../common/notes/autosave';
import type { Note } from '../../../common/notes/model';

function note(id: string, text: string, updatedAt: string): Note {
  return { id, documentId: 'd', sentenceIds: ['s1'], quote: null, quoteLang: null, time: 0, text, tags: [], createdAt: updatedAt, updatedAt };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(options: { fail?: () => boolean; latencyMs?: number } = {}) {
  const saves: { id: string; patch: NotePatch; base: string; at: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let version = 0;
  const saved: Note[] = [];
  const errors: string[] = [];
  const autosave = new Autosave({
    delayMs: 400,
    save: async (id, patch, base) => {
      saves.push({ id, patch, base, at: Date.now() });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, options.latencyMs ?? 5));
      inFlight--;
      if (options.fail?.()) throw new Error('disk full');
      return note(id, patch.text ?? '', `v${++version}`);
    },
    onSaved: (n) => saved.push(n),
    onError: (_id, message) => errors.push(message),
  });
  return { autosave, saves, saved, errors, maxInFlight: () => maxInFlight };
}

describe('Autosave', () => {
  it('saves continuous typing at least every 400 ms, not only when typing stops', async () => {
    const { autosave, saves } = setup();
    let text = '';
    for (let i = 0; i < 40; i++) {
      text += 'a';
      autosave.edit('n1', { text }, 'v0');
      await vi.advanceTimersByTimeAsync(50); // a key every 50 ms for 2 s
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < saves.length; i++) expect(saves[i]!.at - saves[i - 1]!.at).toBeLessThanOrEqual(450);
    expect(saves.at(-1)!.patch.text).toBe(text);
  });

  it('never overlaps saves of one note, and bases each on the previous result', async () => {
    const { autosave, saves, maxInFlight } = setup({ latencyMs: 600 });
    autosave.edit('n1', { text: 'a' }, 'v0');
    await vi.advanceTimersByTimeAsync(450);
    autosave.edit('n1', { text: 'ab' }, 'v0');
    autosave.edit('n1', { tags: ['t'] }, 'v0');
    await vi.advanceTimersByTimeAsync(2000);
    expect(maxInFlight()).toBe(1);
    expect(saves.map((s) => [s.base, s.patch])).toEqual([
      ['v0', { text: 'a' }],
      ['v1', { text: 'ab', tags: ['t'] }],
    ]);
  });

  it('flush saves at once and waits for it', async () => {
    const { autosave, saves } = setup();
    autosave.edit('n1', { text: 'x' }, 'v0');
    expect(autosave.state('n1')).toBe('unsaved');
    const flushed = autosave.flush('n1');
    await vi.advanceTimersByTimeAsync(10);
    await flushed;
    expect(saves).toHaveLength(1);
    expect(autosave.state('n1')).toBe('saved');
  });

  it('keeps the text of a failed save and saves it with the next edit', async () => {
    let failing = true;
    const { autosave, saves, errors } = setup({ fail: () => failing });
    autosave.edit('n1', { text: 'wichtig' }, 'v0');
    await vi.advanceTimersByTimeAsync(500);
    expect(errors).toEqual(['disk full']);
    expect(autosave.state('n1')).toBe('failed');
    expect(autosave.unsaved('n1')).toEqual({ text: 'wichtig' });
    failing = false;
    autosave.edit('n1', { tags: ['a'] }, 'v0');
    await vi.advanceTimersByTimeAsync(500);
    expect(saves.at(-1)!.patch).toEqual({ text: 'wichtig', tags: ['a'] });
    expect(autosave.state('n1')).toBe('saved');
  });

  it('drops the pending edit of a deleted note', async () => {
    const { autosave, saves } = setup();
    autosave.edit('n1', { text: 'x' }, 'v0');
    autosave.drop('n1');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toEqual([]);
  });
});
