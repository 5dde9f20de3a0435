// The list of keys ("?"), as a real modal dialog: the focus moves in, Escape closes it, and the
// focus returns to where it was. Everything in it is in the UI language.
import { helpSections } from '../../common/keymap';
import { useT, type MessageKey } from '../i18n';
import { keyLabel } from '../i18n/key-names';
import { useModalDialog } from './use-modal-dialog';
import './dialog.css';
import './help-dialog.css';

export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { dialogRef, handleClose, close } = useModalDialog(open, onClose, (dialog) => dialog.querySelector<HTMLElement>('button'));

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog help-dialog"
      aria-labelledby="help-title"
      onClose={handleClose}
    >
      <div className="dialog-header help-header">
        <h2 id="help-title">{t('keys.title')}</h2>
        <button type="button" onClick={close}>
          {t('keys.close')}
        </button>
      </div>
      {helpSections()
        .filter((section) => section.rows.length + section.contextKeys.length > 0)
        .map((section) => (
          <section key={section.group} aria-labelledby={`help-${section.group}`}>
            <h3 id={`help-${section.group}`}>{t(`keys.group.${section.group}`)}</h3>
            <dl className="key-list">
              {section.rows.map((row) => (
                <div key={row.command} className="key-row">
                  <dt>
                    {row.keys.map((keys, i) => (
                      <span key={keys}>
                        {i > 0 && ` ${t('keys.or')} `}
                        <kbd>{keyLabel(keys, t)}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{t(`keys.${row.command}`)}</dd>
                </div>
              ))}
              {section.contextKeys.map((row) => (
                <div key={row.id} className="key-row">
                  <dt>
                    <kbd>{keyLabel(row.keys, t)}</kbd>
                  </dt>
                  <dd>{t(`keys.context.${row.id}` as MessageKey)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      <p>{t('keys.textFieldHint')}</p>
    </dialog>
  );
}
