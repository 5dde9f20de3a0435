// The keyboard dispatcher: one keydown listener turns keys into commands (common/keymap.ts) and runs
// the handler a feature registered for that command. Features register with useCommand(); the
// notes and search features do the same for 'newNote' and 'search'.
import { useEffect, useRef } from 'react';
import { commandForKey, type CommandId } from '../../common/keymap';

type Handler = () => void;

const handlers = new Map<CommandId, Handler[]>();

/** Registers a handler; the latest registration wins until it is removed. Returns the removal. */
export function registerCommand(command: CommandId, handler: Handler): () => void {
  const list = handlers.get(command) ?? [];
  list.push(handler);
  handlers.set(command, list);
  return () => {
    const current = handlers.get(command) ?? [];
    const at = current.lastIndexOf(handler);
    if (at >= 0) current.splice(at, 1);
  };
}

/** Runs a command as if its key had been pressed (buttons and menus use this too). */
export function runCommand(command: CommandId): boolean {
  const list = handlers.get(command);
  const handler = list?.[list.length - 1];
  if (!handler) return false;
  handler();
  return true;
}

/** React: handle a command while the component is mounted (the handler may change every render). */
export function useCommand(command: CommandId, handler: Handler): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => registerCommand(command, () => latest.current()), [command]);
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time']);
const ACTIVATION_KEYS = new Set([' ', 'Enter']);
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** Whether the focused element needs this key for itself (typing, pressing a button, moving a slider). */
export function keyBelongsToTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  // Escape always reaches the commands (to close what is open), even from a text field.
  if (key === 'Escape') return false;
  if (target.closest('dialog[open]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) {
    if (TEXT_INPUT_TYPES.has(target.type)) return true;
    if (target.type === 'range') return SLIDER_KEYS.has(key) || ACTIVATION_KEYS.has(key);
    return ACTIVATION_KEYS.has(key);
  }
  if (target.closest('button, a[href], summary, [role="button"], [role="tab"], [role="menuitem"], [role="option"]')) return ACTIVATION_KEYS.has(key);
  return false;
}

/** A field that takes typing (where a key is text, not a command). */
function isTextEntry(target: EventTarget | null): target is HTMLElement {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/**
 * Escape in a text field (a note, a tag list) leaves it for the transcript's current sentence, so
 * single-key commands work again: the way out the help promises. Fields that use Escape themselves
 * (the search box closes its results) handle it first and mark it handled; dialogs close natively.
 */
function leaveTextField(event: KeyboardEvent): boolean {
  if (event.key !== 'Escape' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  if (!isTextEntry(event.target) || event.target.closest('dialog[open]')) return false;
  if (!runCommand('focusTranscript')) document.getElementById('main')?.focus();
  return true;
}

/** Installs the one keydown listener; returns its removal. */
export function installShortcuts(target: Window = window): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (leaveTextField(event)) {
      event.preventDefault();
      return;
    }
    if (keyBelongsToTarget(event.target, event.key)) return;
    const command = commandForKey(event);
    if (!command) return;
    if (runCommand(command)) event.preventDefault();
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
