// One behaviour for every modal <dialog> of the app: opening it remembers where the focus was and
// moves the focus in; closing it (button, Escape) reports the close and puts the focus back, so a
// keyboard user is never left on the page body.
import { useEffect, useRef, type SyntheticEvent } from 'react';
import { flushSync } from 'react-dom';

export interface ModalDialog {
  dialogRef: React.RefObject<HTMLDialogElement | null>;
  /** For the dialog's onClose. */
  handleClose(event: SyntheticEvent<HTMLDialogElement>): void;
  /** Closes the dialog the way Escape does. */
  close(): void;
}

export function useModalDialog(
  open: boolean,
  onClose: () => void,
  initialFocus: (dialog: HTMLDialogElement) => HTMLElement | null | undefined,
): ModalDialog {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  // Read at open time, so callers may pass an inline function without re-running the effect.
  const initialFocusRef = useRef(initialFocus);
  initialFocusRef.current = initialFocus;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      initialFocusRef.current(dialog)?.focus();
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
      returnFocus.current?.focus();
      returnFocus.current = null;
    },
    close() {
      dialogRef.current?.close();
    },
  };
}
