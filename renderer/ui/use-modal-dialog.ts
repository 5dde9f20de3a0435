// One behaviour for every modal <dialog> of the app: opening it remembers where the focus was and
// moves the focus in; Tab and Shift+Tab go round the dialog's own controls (a browser lets them run
// out of the page into its toolbar, where a screen-reader user is lost); closing it (button, Escape)
// reports the close and puts the focus back, so a keyboard user is never left on the page body.
import { useEffect, useRef, type SyntheticEvent } from 'react';
import { flushSync } from 'react-dom';

/**
 * Marks the element that stands for "where the reader is" (the transcript's current sentence). A
 * dialog opened while nothing had the focus, or whose opener is gone when it closes, gives the
 * focus back there instead of to the page, which a screen reader would read from the top.
 */
export const FOCUS_HOME_ATTRIBUTE = 'data-focus-home';

export interface ModalDialog {
  dialogRef: React.RefObject<HTMLDialogElement | null>;
  /** For the dialog's onClose. */
  handleClose(event: SyntheticEvent<HTMLDialogElement>): void;
  /** Closes the dialog the way Escape does. */
  close(): void;
  /**
   * Closes the dialog and, once it is closed, lets `focus` put the focus somewhere of the caller's
   * choosing instead of back on the opener: a "go to" that moves the reader.
   */
  closeAndFocus(focus: () => void): void;
}

const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';

/** The dialog's controls in Tab order (document order; the app sets no positive tabindex). */
export function tabbableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => {
    if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) return false;
    if (el.closest('[inert], [hidden]')) return false;
    // Inside a nested dialog that is closed (e.g. the settings' reset confirmation): not reachable.
    const dialog = el.parentElement?.closest('dialog');
    if (dialog && dialog !== root && !dialog.open) return false;
    // Radio buttons: only the checked one of a group is a Tab stop (or the first, if none is).
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      const group = [...root.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]`)];
      const stop = group.find((r) => r.checked) ?? group[0];
      if (stop !== el) return false;
    }
    return el.getClientRects().length > 0;
  });
}

/** Keeps Tab inside the dialog: past the last control it goes to the first, and back. */
export function wrapTab(dialog: HTMLElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  // A nested dialog that is open handles its own Tab.
  const inner = (event.target as HTMLElement | null)?.closest('dialog');
  if (inner && inner !== dialog) return;
  const stops = tabbableIn(dialog);
  if (stops.length === 0) {
    event.preventDefault();
    return;
  }
  const at = document.activeElement;
  const inside = at instanceof HTMLElement && dialog.contains(at) && at !== dialog;
  // Let the browser move within the dialog; step in only where it would leave it.
  const before = inside ? stops.filter((el) => el.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING) : [];
  const after = inside ? stops.filter((el) => el.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_PRECEDING) : [];
  if (event.shiftKey && before.length === 0) {
    event.preventDefault();
    stops[stops.length - 1]!.focus();
  } else if (!event.shiftKey && after.length === 0) {
    event.preventDefault();
    stops[0]!.focus();
  }
}

function focusHome(): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[${FOCUS_HOME_ATTRIBUTE}]`);
}

export function useModalDialog(
  open: boolean,
  onClose: () => void,
  initialFocus: (dialog: HTMLDialogElement) => HTMLElement | null | undefined,
): ModalDialog {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const focusAfterClose = useRef<(() => void) | null>(null);
  // Read at open time, so callers may pass an inline function without re-running the effect.
  const initialFocusRef = useRef(initialFocus);
  initialFocusRef.current = initialFocus;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // A scrolling dialog is a Tab stop of its own in Chromium, heard as its whole text and
    // "clickable": it is reached through its controls instead.
    dialog.tabIndex = -1;
    const onKeyDown = (event: KeyboardEvent) => wrapTab(dialog, event);
    dialog.addEventListener('keydown', onKeyDown);
    return () => dialog.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const active = document.activeElement;
      returnFocus.current = active instanceof HTMLElement && active !== document.body ? active : focusHome();
      dialog.showModal();
      (initialFocusRef.current(dialog) ?? tabbableIn(dialog)[0])?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return {
    dialogRef,
    handleClose(event) {
      // React passes a nested dialog's close event up the tree: only our own counts.
      if (event.target !== event.currentTarget) return;
      // Committed at once: were "closed" still pending when the user asks to open the dialog again
      // (a fast key after Escape, a loaded machine), React would fold closed-then-open into no
      // change and the dialog would stay shut.
      flushSync(onClose);
      const target = returnFocus.current;
      returnFocus.current = null;
      const elsewhere = focusAfterClose.current;
      focusAfterClose.current = null;
      if (elsewhere) return elsewhere();
      // The opener may have gone while the dialog was open (a chapter re-rendered, a list changed).
      const back = target?.isConnected ? target : focusHome();
      if (!back) return;
      if (document.activeElement !== back) back.focus();
      if (document.activeElement !== back) focusHome()?.focus();
    },
    close() {
      focusAfterClose.current = null;
      dialogRef.current?.close();
    },
    closeAndFocus(focus) {
      focusAfterClose.current = focus;
      dialogRef.current?.close();
    },
  };
}
