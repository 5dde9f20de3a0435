// The pair fixes by pointer: a right click on a sentence of a translation the learner added (or
// the context-menu key, or Shift+F10, on the focused sentence) opens a menu with the same fixes as
// the keys u, d, x, Shift+X, y and Ctrl+Z. A menu in the ARIA sense: ↑/↓, Home/End move, Enter
// chooses, Escape or Tab closes it and gives the focus back to the sentence.
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { CONTEXT_KEYS } from '../../common/keymap';
import type { PairEdit } from '../../common/parallel/translation';
import { useT, type MessageKey } from '../i18n';
import { keyLabel } from '../i18n/key-names';
import type { PairEditor } from './pair-editor';
import '../ui/popover.css';
import './pair-menu.css';

export interface PairMenuPlace {
  /** The sentence (unit) the fixes apply to. */
  sentenceId: string;
  /** Where it opens, in viewport pixels. */
  x: number;
  y: number;
  /** Gets the focus back when the menu closes without a change. */
  returnTo: HTMLElement;
}

/** Each fix with the context key (common/keymap.ts) that does the same in the transcript. */
const ITEMS: readonly { edit: PairEdit | 'undo'; label: MessageKey; keyId: string }[] = [
  { edit: 'joinAbove', label: 'pairs.action.joinAbove', keyId: 'pairJoinAbove' },
  { edit: 'joinBelow', label: 'pairs.action.joinBelow', keyId: 'pairJoinBelow' },
  { edit: 'split', label: 'pairs.action.split', keyId: 'pairSplit' },
  { edit: 'untranslated', label: 'pairs.action.untranslated', keyId: 'pairUntranslated' },
  { edit: 'confirm', label: 'pairs.action.confirm', keyId: 'pairConfirm' },
  { edit: 'undo', label: 'pairs.action.undo', keyId: 'pairUndo' },
];

/** The item's key as the keymap writes it; for Undo, the first of "Ctrl+z / Ctrl+Shift+z" (the second is redo). */
function keysOf(keyId: string): string {
  return CONTEXT_KEYS.find((key) => key.id === keyId)!.keys.split(' / ')[0]!;
}

/** "Shift+x" → "Shift+X", "Ctrl+z" → "Control+Z": the keymap's way of writing a key, as aria-keyshortcuts writes it. */
function ariaKeys(keys: string): string {
  return keys
    .split('+')
    .map((part) => (part === 'Ctrl' ? 'Control' : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

export function PairMenu({ place, editor, onClose }: { place: PairMenuPlace; editor: PairEditor; onClose(): void }) {
  const t = useT();
  const menuRef = useRef<HTMLDivElement>(null);

  // Inside the window, and the first fix focused, as a menu opens.
  useLayoutEffect(() => {
    const menu = menuRef.current!;
    const { width, height } = menu.getBoundingClientRect();
    menu.style.left = `${Math.max(4, Math.min(place.x, window.innerWidth - width - 4))}px`;
    menu.style.top = `${Math.max(4, Math.min(place.y, window.innerHeight - height - 4))}px`;
    menu.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [place]);

  // A press anywhere else closes it, as a menu does.
  useEffect(() => {
    const away = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [onClose]);

  const close = () => {
    onClose();
    place.returnTo.focus();
  };
  const choose = (edit: PairEdit | 'undo') => {
    onClose();
    // The edit redraws the rows and focuses the sentence; a refused one leaves it here.
    place.returnTo.focus();
    void (edit === 'undo' ? editor.undo() : editor.edit(edit, place.sentenceId));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(menuRef.current!.querySelectorAll<HTMLElement>('[role="menuitem"]'));
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div ref={menuRef} className="popover pair-menu" role="menu" aria-label={t('pairs.menu')} style={{ position: 'fixed' }} onKeyDown={onKeyDown}>
      {ITEMS.map((item) => {
        const keys = keysOf(item.keyId);
        return (
          <button key={item.edit} type="button" role="menuitem" tabIndex={-1} aria-keyshortcuts={ariaKeys(keys)} onClick={() => choose(item.edit)}>
            <span>{t(item.label)}</span>
            <kbd aria-hidden="true">{keyLabel(keys, t)}</kbd>
          </button>
        );
      })}
    </div>
  );
}
