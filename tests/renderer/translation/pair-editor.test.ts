// The pair editor: an edit is shown and saved, undone and done again in order; a save that fails
// leaves the shown pairs and the undo history as they were; the keys map to the edits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../../common/edition/model';
import { parseEdition } from '../../../common/edition/parse';
import type { Translation } from '../../../common/parallel/translation';
import { PairEditor, pairCommand, type PairEditorApi } from '../../../renderer/translation/pair-editor';

const parsed = parseEdition(readFileSync(new URL('../../../transcripts/china-sieht-alles/edition.yaml', import.meta.url), 'utf8'), 'edition.yaml');
if (!parsed.ok) throw new Error('the bundled edition does not parse');
const edition: Edition = parsed.edition;
// One translation sentence per German sentence, paired one to one.
const translation: Translation = {
  lang: 'ru',
  sentences: edition.sentences.map((s, i) => `Предложение ${i + 1}.`),
  pairs: edition.sentences.map((s, i) => ({ a: [s.id], b: [i], confidence: 0.9 })),
};
const [first, second, third] = edition.sentences.map((s) => s.id) as [string, string, string];

function editorWith(api: PairEditorApi) {
  const shown: { edition: Edition; translation: Translation; focus: string }[] = [];
  const editor = new PairEditor({ documentId: 'doc', edition, translation, api, show: (e, t, focus) => shown.push({ edition: e, translation: t, focus }) });
  return { editor, shown };
}

describe('PairEditor', () => {
  it('shows and saves an edit, undoes and redoes it, and hands the focus to the sentence edited', async () => {
    const saved: Translation[] = [];
    const { editor, shown } = editorWith({ saveTranslation: async ({ translation: t }) => void saved.push(t) });
    expect(await editor.edit('joinAbove', second)).toEqual({ kind: 'done', edit: 'joinAbove' });
    expect(editor.current.pairs[0]).toEqual({ a: [first, second], b: [0, 1], confidence: 1 });
    expect(saved).toHaveLength(1);
    expect(shown[0]!.focus).toBe(second);
    expect(editor.takeFocus()).toBe(second);
    expect(editor.takeFocus()).toBeNull();
    // The shown edition has the pair's translation on its first sentence.
    expect(shown[0]!.edition.sentences[0]!.en).toBe('Предложение 1. Предложение 2.');

    expect(await editor.undo()).toEqual({ kind: 'done', edit: 'undo' });
    expect(editor.current).toEqual(translation);
    expect(saved[1]).toEqual(translation);
    expect(await editor.redo()).toEqual({ kind: 'done', edit: 'redo' });
    expect(editor.current.pairs[0]!.a).toEqual([first, second]);
    expect(await editor.redo()).toEqual({ kind: 'refused', reason: 'nothing-to-redo' });
    // A new edit drops what could be done again.
    await editor.undo();
    await editor.edit('joinBelow', second);
    expect(editor.current.pairs[1]!.a).toEqual([second, third]);
    expect(await editor.redo()).toEqual({ kind: 'refused', reason: 'nothing-to-redo' });
    await editor.undo();
    expect(await editor.undo()).toEqual({ kind: 'refused', reason: 'nothing-to-undo' });
    expect(editor.current).toEqual(translation);
  });

  it('keeps the shown pairs and the history when a save fails', async () => {
    let fail = false;
    const reports: string[] = [];
    const shown: string[] = [];
    const editor = new PairEditor({
      documentId: 'doc',
      edition,
      translation,
      api: { saveTranslation: async () => { if (fail) throw new Error('the disk is full'); } },
      show: (_e, _t, focus) => shown.push(focus),
      report: (outcome) => reports.push(outcome.kind),
    });
    await editor.edit('joinAbove', second);
    fail = true;
    expect(await editor.edit('joinBelow', third)).toEqual({ kind: 'failed', message: 'the disk is full' });
    expect(editor.current.pairs[0]!.a).toEqual([first, second]);
    expect(editor.current.pairs[1]!.a).toEqual([third]);
    expect(await editor.undo()).toEqual({ kind: 'failed', message: 'the disk is full' });
    expect(editor.current.pairs[0]!.a).toEqual([first, second]);
    fail = false;
    // The undo that failed is still there to do.
    expect(await editor.undo()).toEqual({ kind: 'done', edit: 'undo' });
    expect(editor.current).toEqual(translation);
    expect(shown).toEqual([second, second]);
    expect(reports).toEqual(['done', 'failed', 'failed', 'done']);
  });

  it('says why an edit cannot be made', async () => {
    const { editor } = editorWith({ saveTranslation: async () => undefined });
    expect(await editor.edit('joinAbove', first)).toEqual({ kind: 'refused', reason: 'first' });
    expect(await editor.edit('split', first)).toEqual({ kind: 'refused', reason: 'single' });
    expect(await editor.edit('joinAbove', 's999999')).toEqual({ kind: 'refused', reason: 'unknown' });
  });
});

describe('pairCommand', () => {
  const key = (k: string, mods: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) =>
    pairCommand({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });
  it('maps the transcript keys to the edits', () => {
    expect(key('u')).toBe('joinAbove');
    expect(key('d')).toBe('joinBelow');
    expect(key('x')).toBe('split');
    expect(key('X', { shiftKey: true })).toBe('untranslated');
    expect(key('y')).toBe('confirm');
    expect(key('Y', { shiftKey: true })).toBeNull();
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('u', { altKey: true })).toBeNull();
    expect(key('U', { shiftKey: true })).toBeNull();
    expect(key('j')).toBeNull();
    expect(key('c', { ctrlKey: true })).toBeNull();
  });
});
