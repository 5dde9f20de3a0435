// Small pieces shared by the learning bar and the recorder: a button with its key, a polite live
// region, and times with tenths.
import { useCallback, useState, type ReactNode } from 'react';
import { keysFor, type CommandId } from '../../common/keymap';
import { useT, type UiLang } from '../i18n';
import { keyLabel } from '../i18n/key-names';

/** Seconds with tenths, as a learner sets loop points: 83.25 → "1:23.3" ("1:23,3" in German). */
export function preciseTime(seconds: number, lang: UiLang): string {
  const tenths = Math.max(0, Math.round(seconds * 10));
  const m = Math.floor(tenths / 600);
  const s = (tenths % 600) / 10;
  const text = `${m}:${s < 10 ? '0' : ''}${s.toFixed(1)}`;
  return lang === 'de' ? text.replace('.', ',') : text;
}

/** A polite live region: each new message is read once. */
export function useAnnouncer(testId = 'learning-announcer'): [ReactNode, (text: string) => void] {
  const [message, setMessage] = useState({ text: '', n: 0 });
  const region = (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {/* A changing key makes the same text (said twice in a row) a new announcement. */}
      <span key={message.n}>{message.text}</span>
    </p>
  );
  const announce = useCallback((text: string) => setMessage((m) => ({ text, n: m.n + 1 })), []);
  return [region, announce];
}

export function LearningButton({
  label,
  command,
  onClick,
  pressed,
  disabled,
  expanded,
  children,
  className,
}: {
  label: string;
  command?: CommandId;
  onClick(): void;
  pressed?: boolean;
  disabled?: boolean;
  expanded?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const t = useT();
  const keys = command ? keysFor(command) : [];
  const shown = keys.map((k) => keyLabel(k, t)).join(` ${t('keys.or')} `);
  // The key is shown beside the button, not in it: a button's name must contain its visible text.
  return (
    <span className="learning-control">
      <button
        type="button"
        className={`learning-button ${className ?? ''}`}
        aria-label={label}
        aria-pressed={pressed}
        aria-expanded={expanded}
        aria-keyshortcuts={keys.length > 0 ? keys.map(ariaKeys).join(' ') : undefined}
        title={shown ? `${label} (${shown})` : label}
        // aria-disabled, not disabled: a button that disables itself when pressed (Clear loop,
        // Record while starting) must not drop the keyboard focus onto the page.
        aria-disabled={disabled || undefined}
        onClick={() => {
          if (!disabled) onClick();
        }}
      >
        {children}
      </button>
      {shown && (
        <kbd className="learning-key" aria-hidden="true">
          {shown}
        </kbd>
      )}
    </span>
  );
}

/** "Shift+r" → "Shift+R" (aria-keyshortcuts names letters as their key value). */
function ariaKeys(keys: string): string {
  return keys.replace(/\+([a-z])$/, (_, letter: string) => `+${letter.toUpperCase()}`);
}

