// The list of keys ("?"), as a real modal dialog: the focus moves in, Escape closes it, and the
// focus returns to where it was.
import { useEffect, useRef } from 'react';
import { helpSections, TRANSCRIPT_KEYS } from '../../common/keymap';
import { readableKey } from '../player/controls/ControlButton';

export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('button')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="help-dialog"
      aria-labelledby="help-title"
      onClose={() => {
        onClose();
        returnFocus.current?.focus();
        returnFocus.current = null;
      }}
    >
      <div className="help-header">
        <h2 id="help-title">Keyboard keys</h2>
        <button type="button" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
      {helpSections()
        .filter((section) => section.rows.length > 0)
        .map((section) => (
          <section key={section.group} aria-labelledby={`help-${section.group}`}>
            <h3 id={`help-${section.group}`}>{section.group}</h3>
            <dl className="key-list">
              {section.rows.map((row) => (
                <div key={row.command} className="key-row">
                  <dt>
                    {row.keys.map((keys, i) => (
                      <span key={keys}>
                        {i > 0 && ' or '}
                        <kbd>{readableKey(keys)}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{row.label}</dd>
                </div>
              ))}
              {section.group === 'Transcript' &&
                TRANSCRIPT_KEYS.map((row) => (
                  <div key={row.keys} className="key-row">
                    <dt>
                      <kbd>{readableKey(row.keys)}</kbd>
                    </dt>
                    <dd>{row.label} (when a sentence has the focus)</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      <p>A key typed into a text field is text, not a command; Escape leaves the field.</p>
    </dialog>
  );
}
