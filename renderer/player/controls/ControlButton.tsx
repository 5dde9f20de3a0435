// A player button: a real <button> with a spoken label, its shortcut in the tooltip and in
// aria-keyshortcuts, and a visible glyph that assistive technology skips.
import type { ReactNode } from 'react';
import { keysFor, type CommandId } from '../../../common/keymap';

interface ControlButtonProps {
  label: string;
  command?: CommandId;
  onClick(): void;
  children: ReactNode;
  pressed?: boolean;
  disabled?: boolean;
  className?: string;
}

export function ControlButton({ label, command, onClick, children, pressed, disabled, className }: ControlButtonProps) {
  const keys = command ? keysFor(command) : [];
  const title = keys.length > 0 ? `${label} (${keys.map(readableKey).join(' or ')})` : label;
  return (
    <button
      type="button"
      className={`control ${className ?? ''}`}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={keys.length > 0 ? keys.join(' ') : undefined}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

export function readableKey(keys: string): string {
  return keys
    .replace('ArrowLeft', '←')
    .replace('ArrowRight', '→')
    .replace('ArrowUp', '↑')
    .replace('ArrowDown', '↓')
    .replace('PageUp', 'Page Up')
    .replace('PageDown', 'Page Down');
}
