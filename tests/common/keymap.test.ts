import { describe, expect, it } from 'vitest';
import { commandForKey, COMMANDS, helpSections, KEY_BINDINGS, keysFor, type KeyLike } from '../../common/keymap';

function press(key: string, modifiers: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike {
  return { key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...modifiers };
}

describe('keymap', () => {
  it('maps the documented player keys to their commands', () => {
    expect(commandForKey(press(' '))).toBe('playPause');
    expect(commandForKey(press('ArrowLeft'))).toBe('seekBack5');
    expect(commandForKey(press('ArrowRight'))).toBe('seekForward5');
    expect(commandForKey(press('ArrowLeft', { shiftKey: true }))).toBe('seekBack15');
    expect(commandForKey(press('ArrowRight', { shiftKey: true }))).toBe('seekForward15');
    expect(commandForKey(press(','))).toBe('previousSentence');
    expect(commandForKey(press('.'))).toBe('nextSentence');
    expect(commandForKey(press('['))).toBe('previousParagraph');
    expect(commandForKey(press(']'))).toBe('nextParagraph');
    expect(commandForKey(press('PageUp'))).toBe('previousChapter');
    expect(commandForKey(press('PageDown'))).toBe('nextChapter');
    expect(commandForKey(press('ArrowUp', { altKey: true }))).toBe('previousChapter');
    expect(commandForKey(press('ArrowDown', { altKey: true }))).toBe('nextChapter');
    expect(commandForKey(press('-'))).toBe('slower');
    expect(commandForKey(press('+', { shiftKey: true }))).toBe('faster');
    expect(commandForKey(press('='))).toBe('faster');
    expect(commandForKey(press('l'))).toBe('switchLanguage');
    expect(commandForKey(press('m'))).toBe('toggleMute');
    expect(commandForKey(press('?', { shiftKey: true }))).toBe('help');
  });

  it('lists the notes and search keys so nothing else takes them', () => {
    expect(commandForKey(press('n'))).toBe('newNote');
    expect(commandForKey(press('/'))).toBe('search');
    expect(commandForKey(press('f', { ctrlKey: true }))).toBe('search');
    expect(commandForKey(press('f', { metaKey: true }))).toBe('search');
  });

  it('does not fire on other modifier combinations', () => {
    expect(commandForKey(press('ArrowUp'))).toBeNull();
    expect(commandForKey(press('l', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(press('M', { shiftKey: true }))).toBeNull();
    expect(commandForKey(press('f'))).toBeNull();
    expect(commandForKey(press('ArrowLeft', { ctrlKey: true }))).toBeNull();
  });

  it('accepts AltGr (Ctrl+Alt) for symbols typed with it on some layouts', () => {
    expect(commandForKey(press('[', { ctrlKey: true, altKey: true }))).toBe('previousParagraph');
  });

  it('binds every key once and names only known commands', () => {
    const keys = KEY_BINDINGS.map((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const binding of KEY_BINDINGS) expect(COMMANDS[binding.command]).toBeDefined();
    expect(keysFor('previousChapter')).toEqual(['PageUp', 'Alt+ArrowUp']);
  });

  it('gives the help overlay every command with its keys', () => {
    const rows = helpSections().flatMap((s) => s.rows);
    expect(rows.map((r) => r.command).sort()).toEqual(Object.keys(COMMANDS).sort());
    for (const row of rows) expect(row.keys.length).toBeGreaterThan(0);
  });
});
