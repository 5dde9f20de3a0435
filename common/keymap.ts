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
  | 'whereAmI'
  | 'help'
  | 'settings'
  | 'newNote'
  | 'search'
  | 'repeatSentence'
  | 'repeatSentenceMany'
  | 'loopStart'
  | 'loopEnd'
  | 'loopSelection'
  | 'clearLoop'
  | 'toggleShadowing'
  | 'toggleHideEnglish'
  | 'toggleHideGerman'
  | 'revealSentence'
  | 'revealAll'
  | 'saveCard'
  | 'showCards'
  | 'recordSentence'
  | 'compareRecording';

/** Sections of the help overlay, in this order. Their names are messages 'keys.group.<id>'. */
export const COMMAND_GROUPS = ['playback', 'navigation', 'transcript', 'notesSearch', 'learning', 'app'] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

/**
 * A command's place in the help overlay. Its label is not here: the renderer shows the message
 * 'keys.<commandId>' in the UI language (renderer/i18n/messages/keys.ts), so this pure layer stays
 * free of UI text.
 */
export interface CommandInfo {
  group: CommandGroup;
}

export const COMMANDS: Readonly<Record<CommandId, CommandInfo>> = {
  playPause: { group: 'playback' },
  seekBack5: { group: 'playback' },
  seekForward5: { group: 'playback' },
  seekBack15: { group: 'playback' },
  seekForward15: { group: 'playback' },
  slower: { group: 'playback' },
  faster: { group: 'playback' },
  toggleMute: { group: 'playback' },
  switchLanguage: { group: 'playback' },
  previousSentence: { group: 'navigation' },
  nextSentence: { group: 'navigation' },
  previousParagraph: { group: 'navigation' },
  nextParagraph: { group: 'navigation' },
  previousChapter: { group: 'navigation' },
  nextChapter: { group: 'navigation' },
  whereAmI: { group: 'navigation' },
  backToCurrent: { group: 'transcript' },
  focusTranscript: { group: 'transcript' },
  newNote: { group: 'notesSearch' },
  search: { group: 'notesSearch' },
  repeatSentence: { group: 'learning' },
  repeatSentenceMany: { group: 'learning' },
  loopStart: { group: 'learning' },
  loopEnd: { group: 'learning' },
  loopSelection: { group: 'learning' },
  clearLoop: { group: 'learning' },
  toggleShadowing: { group: 'learning' },
  toggleHideEnglish: { group: 'learning' },
  toggleHideGerman: { group: 'learning' },
  revealSentence: { group: 'learning' },
  revealAll: { group: 'learning' },
  saveCard: { group: 'learning' },
  showCards: { group: 'learning' },
  recordSentence: { group: 'learning' },
  compareRecording: { group: 'learning' },
  settings: { group: 'app' },
  help: { group: 'app' },
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
  { keys: 'r', command: 'repeatSentence' },
  { keys: 'Shift+r', command: 'repeatSentenceMany' },
  { keys: 'a', command: 'loopStart' },
  { keys: 'b', command: 'loopEnd' },
  { keys: 'Shift+a', command: 'loopSelection' },
  { keys: 'Shift+l', command: 'clearLoop' },
  { keys: 's', command: 'toggleShadowing' },
  { keys: 'h', command: 'toggleHideEnglish' },
  { keys: 'Shift+h', command: 'toggleHideGerman' },
  { keys: 'v', command: 'revealSentence' },
  { keys: 'Shift+v', command: 'revealAll' },
  { keys: 'Shift+c', command: 'saveCard' },
  { keys: 'Shift+k', command: 'showCards' },
  { keys: 'Shift+s', command: 'recordSentence' },
  { keys: 'Shift+p', command: 'compareRecording' },
  { keys: 'w', command: 'whereAmI' },
  { keys: 'Ctrl+,', command: 'settings' },
  { keys: '?', command: 'help' },
];

/**
 * Keys a focused part of the app handles itself (listed in the help overlay, under their group):
 * the transcript while a sentence has the focus, the notes panel after a delete. Labels are the
 * messages 'keys.context.<id>'.
 */
export interface ContextKey {
  keys: string;
  id: string;
  group: CommandGroup;
}

export const CONTEXT_KEYS: readonly ContextKey[] = [
  { keys: 'ArrowDown or j', id: 'transcriptNext', group: 'transcript' },
  { keys: 'ArrowUp or k', id: 'transcriptPrevious', group: 'transcript' },
  { keys: 'Home / End', id: 'transcriptFirstLast', group: 'transcript' },
  { keys: 'Enter', id: 'transcriptPlay', group: 'transcript' },
  { keys: 'u', id: 'pairJoinAbove', group: 'transcript' },
  { keys: 'd', id: 'pairJoinBelow', group: 'transcript' },
  { keys: 'x', id: 'pairSplit', group: 'transcript' },
  { keys: 'Shift+x', id: 'pairUntranslated', group: 'transcript' },
  { keys: 'y', id: 'pairConfirm', group: 'transcript' },
  { keys: 'Ctrl+z / Ctrl+Shift+z', id: 'pairUndo', group: 'transcript' },
  { keys: 'Shift+F10 / ContextMenu', id: 'pairMenu', group: 'transcript' },
  { keys: 'Ctrl+z', id: 'undoDeleteNote', group: 'notesSearch' },
  { keys: 'Escape', id: 'escape', group: 'app' },
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

/** The help overlay's content: commands grouped, each with its keys, then the group's context keys. */
export function helpSections(): {
  group: CommandGroup;
  rows: { command: CommandId; keys: string[] }[];
  contextKeys: ContextKey[];
}[] {
  return COMMAND_GROUPS.map((group) => ({
    group,
    rows: (Object.keys(COMMANDS) as CommandId[])
      .filter((id) => COMMANDS[id].group === group)
      .map((command) => ({ command, keys: keysFor(command) })),
    contextKeys: CONTEXT_KEYS.filter((key) => key.group === group),
  }));
}
