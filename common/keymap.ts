// Every keyboard shortcut of the app, in one list: the dispatcher (renderer/app/shortcuts.ts) maps
// keys to commands with it, and the help overlay lists it, so the two can never disagree. Features
// (player, notes, search) register handlers for commands; a command nobody handles does nothing.

export type CommandId =
  | 'playPause'
  | 'seekBack5'
  | 'seekForward5'
  | 'seekBack15'
  | 'seekForward15'
  | 'previousSentence'
  | 'nextSentence'
  | 'previousParagraph'
  | 'nextParagraph'
  | 'previousChapter'
  | 'nextChapter'
  | 'slower'
  | 'faster'
  | 'switchLanguage'
  | 'toggleMute'
  | 'backToCurrent'
  | 'focusTranscript'
  | 'help'
  | 'newNote'
  | 'search';

export type CommandGroup = 'Playback' | 'Navigation' | 'Transcript' | 'Notes and search' | 'Help';

export interface CommandInfo {
  label: string;
  group: CommandGroup;
}

export const COMMANDS: Readonly<Record<CommandId, CommandInfo>> = {
  playPause: { label: 'Play or pause', group: 'Playback' },
  seekBack5: { label: 'Back 5 seconds', group: 'Playback' },
  seekForward5: { label: 'Forward 5 seconds', group: 'Playback' },
  seekBack15: { label: 'Back 15 seconds', group: 'Playback' },
  seekForward15: { label: 'Forward 15 seconds', group: 'Playback' },
  slower: { label: 'Slower (0.1× less)', group: 'Playback' },
  faster: { label: 'Faster (0.1× more)', group: 'Playback' },
  toggleMute: { label: 'Mute or unmute', group: 'Playback' },
  switchLanguage: { label: 'Switch the narration between German and English', group: 'Playback' },
  previousSentence: { label: 'Previous sentence', group: 'Navigation' },
  nextSentence: { label: 'Next sentence', group: 'Navigation' },
  previousParagraph: { label: 'Previous paragraph', group: 'Navigation' },
  nextParagraph: { label: 'Next paragraph', group: 'Navigation' },
  previousChapter: { label: 'Previous chapter', group: 'Navigation' },
  nextChapter: { label: 'Next chapter', group: 'Navigation' },
  backToCurrent: { label: 'Scroll the transcript back to the current place and follow it', group: 'Transcript' },
  focusTranscript: { label: 'Move the focus to the current sentence in the transcript', group: 'Transcript' },
  newNote: { label: 'New note at the current place', group: 'Notes and search' },
  search: { label: 'Search the transcript', group: 'Notes and search' },
  help: { label: 'Show or hide this list of keys', group: 'Help' },
};

/**
 * A key as written in the list: modifiers ("Ctrl", "Alt", "Shift") joined with "+" before a
 * KeyboardEvent.key value ("ArrowLeft", "PageUp", " " is written "Space"). "Ctrl" also matches the
 * Command key on macOS. For a single character that is not a letter ("?", "[", "+") the Shift state
 * is ignored: keyboard layouts differ in whether Shift is needed to type it.
 */
export interface KeyBinding {
  keys: string;
  command: CommandId;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: 'Space', command: 'playPause' },
  { keys: 'ArrowLeft', command: 'seekBack5' },
  { keys: 'ArrowRight', command: 'seekForward5' },
  { keys: 'Shift+ArrowLeft', command: 'seekBack15' },
  { keys: 'Shift+ArrowRight', command: 'seekForward15' },
  { keys: ',', command: 'previousSentence' },
  { keys: '.', command: 'nextSentence' },
  { keys: '[', command: 'previousParagraph' },
  { keys: ']', command: 'nextParagraph' },
  { keys: 'PageUp', command: 'previousChapter' },
  { keys: 'PageDown', command: 'nextChapter' },
  { keys: 'Alt+ArrowUp', command: 'previousChapter' },
  { keys: 'Alt+ArrowDown', command: 'nextChapter' },
  { keys: '-', command: 'slower' },
  { keys: '+', command: 'faster' },
  { keys: '=', command: 'faster' },
  { keys: 'l', command: 'switchLanguage' },
  { keys: 'm', command: 'toggleMute' },
  { keys: 'c', command: 'backToCurrent' },
  { keys: 't', command: 'focusTranscript' },
  { keys: 'n', command: 'newNote' },
  { keys: '/', command: 'search' },
  { keys: 'Ctrl+f', command: 'search' },
  { keys: '?', command: 'help' },
];

/** Keys the transcript handles itself while a sentence has the focus (listed in the help overlay). */
export const TRANSCRIPT_KEYS: readonly { keys: string; label: string }[] = [
  { keys: 'ArrowDown or j', label: 'Next sentence in the transcript' },
  { keys: 'ArrowUp or k', label: 'Previous sentence in the transcript' },
  { keys: 'Home / End', label: 'First / last sentence in the transcript' },
  { keys: 'Enter', label: 'Play from the focused sentence' },
];

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

interface ParsedKey {
  key: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
}

function parseKeys(keys: string): ParsedKey {
  const parts = keys.split('+');
  // "+" itself is a key: "+" splits into ["", ""], "Ctrl++" into ["Ctrl", "", ""].
  const key = keys.endsWith('+') ? '+' : parts[parts.length - 1]!;
  const modifiers = keys.endsWith('+') ? parts.slice(0, -2) : parts.slice(0, -1);
  return {
    key: key === 'Space' ? ' ' : key,
    ctrl: modifiers.includes('Ctrl'),
    alt: modifiers.includes('Alt'),
    shift: modifiers.includes('Shift'),
  };
}

function isSymbol(key: string): boolean {
  return key.length === 1 && key.toLowerCase() === key.toUpperCase() && key !== ' ';
}

const PARSED = KEY_BINDINGS.map((binding) => ({ binding, parsed: parseKeys(binding.keys) }));

/** The command a key press asks for, or null. */
export function commandForKey(event: KeyLike): CommandId | null {
  const ctrl = event.ctrlKey || event.metaKey;
  // On Windows, AltGr (needed for "[" or "]" on a German keyboard) reports Ctrl+Alt.
  const altGr = event.ctrlKey && event.altKey;
  for (const { binding, parsed } of PARSED) {
    if (isSymbol(parsed.key) && !parsed.ctrl && !parsed.alt) {
      const plain = !ctrl && !event.altKey;
      if (event.key === parsed.key && (plain || altGr)) return binding.command;
      continue;
    }
    if (parsed.ctrl !== ctrl || parsed.alt !== event.altKey) continue;
    if (parsed.shift !== event.shiftKey) continue;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key === parsed.key) return binding.command;
  }
  return null;
}

/** The keys bound to a command, as written in the list (for the help overlay and button titles). */
export function keysFor(command: CommandId): string[] {
  return KEY_BINDINGS.filter((b) => b.command === command).map((b) => b.keys);
}

/** The help overlay's content: commands grouped, each with its keys. */
export function helpSections(): { group: CommandGroup; rows: { command: CommandId; label: string; keys: string[] }[] }[] {
  const groups: CommandGroup[] = ['Playback', 'Navigation', 'Transcript', 'Notes and search', 'Help'];
  return groups.map((group) => ({
    group,
    rows: (Object.keys(COMMANDS) as CommandId[])
      .filter((id) => COMMANDS[id].group === group)
      .map((command) => ({ command, label: COMMANDS[command].label, keys: keysFor(command) })),
  }));
}
