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

/** Installs the one keydown listener; returns its removal. */
export function installShortcuts(target: Window = window): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (keyBelongsToTarget(event.target, event.key)) return;
    const command = commandForKey(event);
    if (!command) return;
    if (runCommand(command)) event.preventDefault();
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
