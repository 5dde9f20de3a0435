// A player button: a real <button> with a spoken label, its shortcut in the tooltip and in
// aria-keyshortcuts, and a visible glyph that assistive technology skips.
import type { ReactNode } from 'react';
import { keysFor, type CommandId } from '../../../common/keymap';
import { useT } from '../../i18n';
import { keyLabel } from '../../i18n/key-names';

interface ControlButtonProps {
  label: string;
  command?: CommandId;
  onClick(): void;
  children: ReactNode;
  pressed?: boolean;
  disabled?: boolean;
  className?: string;
  /** Marks the button the "Skip to the player" link focuses. */
  skipTarget?: boolean;
}

export function ControlButton({ label, command, onClick, children, pressed, disabled, className, skipTarget }: ControlButtonProps) {
  const t = useT();
  const keys = command ? keysFor(command) : [];
  const title = keys.length > 0 ? t('player.withKeys', { label, keys: keys.map((k) => keyLabel(k, t)).join(` ${t('keys.or')} `) }) : label;
  return (
    <button
      type="button"
      className={`control ${className ?? ''}`}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={keys.length > 0 ? keys.map(ariaKeys).join(' ') : undefined}
      title={title}
      disabled={disabled}
      data-skip-target={skipTarget ? 'true' : undefined}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

/** A binding as aria-keyshortcuts writes it: "Ctrl+f" → "Control+F", "Space" → "Space". */
export function ariaKeys(keys: string): string {
  return keys.replace(/^Ctrl\+/, 'Control+').replace(/\+([a-z])$/, (_, letter: string) => `+${letter.toUpperCase()}`);
}
