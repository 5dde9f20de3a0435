// Keys as people read them, in the UI language: "Shift+ArrowLeft" → "Shift+←" / "Umschalt+←",
// "ArrowDown or j" → "↓ or j" / "↓ oder j", "Ctrl+f" → "Ctrl+F" / "Strg+F".
import type { MessageKey, Translate } from './index';

const NAMED = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Space', 'Ctrl', 'Shift', 'Alt', 'Home', 'End', 'Enter', 'Escape', 'ContextMenu']);

function one(key: string, t: Translate): string {
  if (NAMED.has(key)) return t(`keys.name.${key}` as MessageKey);
  return key.length === 1 ? key : key;
}

function combo(keys: string, t: Translate): string {
  // "+" itself is a key: "Ctrl++" is Ctrl and "+".
  const parts = keys.endsWith('+') ? [...keys.slice(0, -1).split('+').filter(Boolean), '+'] : keys.split('+');
  const last = parts.length - 1;
  return parts
    .map((part, i) => {
      // A letter pressed with a modifier is written in capitals, as on the keycap ("Ctrl+F").
      if (i === last && last > 0 && /^[a-z]$/.test(part)) return part.toUpperCase();
      return one(part, t);
    })
    .join('+');
}

/** One binding as written in common/keymap.ts, readable. */
export function keyLabel(keys: string, t: Translate): string {
  return keys
    .split(' or ')
    .map((alternative) =>
      alternative
        .split(' / ')
        .map((k) => combo(k, t))
        .join(' / '),
    )
    .join(` ${t('keys.or')} `);
}
