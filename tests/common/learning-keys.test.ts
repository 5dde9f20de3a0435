// The learning tools' keys: each maps to its command, none needs Ctrl or Alt (Electron and browsers
// reserve many of those: Ctrl+R reloads, Alt opens menus), and none takes a key already used.
import { describe, expect, it } from 'vitest';
import { commandForKey, COMMANDS, KEY_BINDINGS, type CommandId, type KeyLike } from '../../common/keymap';

const LEARNING: Record<string, CommandId> = {
  r: 'repeatSentence',
  'Shift+r': 'repeatSentenceMany',
  a: 'loopStart',
  b: 'loopEnd',
  'Shift+a': 'loopSelection',
  'Shift+l': 'clearLoop',
  s: 'toggleShadowing',
  h: 'toggleHideEnglish',
  'Shift+h': 'toggleHideGerman',
  v: 'revealSentence',
  'Shift+v': 'revealAll',
  'Shift+c': 'saveCard',
  'Shift+k': 'showCards',
  'Shift+s': 'recordSentence',
  'Shift+p': 'compareRecording',
};

function press(keys: string): KeyLike {
  const shift = keys.startsWith('Shift+');
  const key = keys.slice(shift ? 6 : 0);
  return { key: shift ? key.toUpperCase() : key, shiftKey: shift, altKey: false, ctrlKey: false, metaKey: false };
}

describe('learning keys', () => {
  it('map to their commands, in the help group "learning"', () => {
    for (const [keys, command] of Object.entries(LEARNING)) {
      expect(commandForKey(press(keys)), keys).toBe(command);
      expect(COMMANDS[command].group).toBe('learning');
    }
  });

  it('need neither Ctrl nor Alt, and leave the plain letters of other commands alone', () => {
    const learning = KEY_BINDINGS.filter((b) => COMMANDS[b.command].group === 'learning');
    expect(learning.map((b) => b.keys).sort()).toEqual(Object.keys(LEARNING).sort());
    for (const binding of learning) expect(binding.keys).not.toMatch(/Ctrl|Alt/);
    // l, m, c stay what they were (language, mute, back to the place); Ctrl+R is never ours.
    expect(commandForKey(press('l'))).toBe('switchLanguage');
    expect(commandForKey(press('m'))).toBe('toggleMute');
    expect(commandForKey(press('c'))).toBe('backToCurrent');
    expect(commandForKey({ key: 'r', shiftKey: false, altKey: false, ctrlKey: true, metaKey: false })).toBeNull();
  });
});
