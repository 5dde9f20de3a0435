// The transcript's layout and the highlight's sync offset.
import { useId } from 'react';
import type { Layout } from '../transcript/layout-model';
import { SETTING_CHOICES } from '../../common/settings';
import { useSettings } from './settings-context';
import { useT } from '../i18n';
import '../ui/popover.css';
import './display-settings.css';


export function LayoutPicker({ layout, onChange }: { layout: Layout; onChange(layout: Layout): void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="toolbar-item layout-picker">
      <label htmlFor={id}>{t('layout.label')}</label>
      <select id={id} value={layout} onChange={(event) => onChange(event.target.value as Layout)}>
        {SETTING_CHOICES.layout.map((value) => (
          <option key={value} value={value}>
            {t(`layout.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The slider, its value, help and reset: the same in the toolbar popover and the settings view. */
function SyncOffsetFields({ id, className }: { id: string; className: string }) {
  const t = useT();
  const { settings, update } = useSettings();
  const offset = settings.syncOffsetMs;
  const setOffset = (ms: number) => update({ syncOffsetMs: Math.round(Math.min(500, Math.max(-500, ms))) });
  const shown = t('sync.value', { sign: offset > 0 ? '+' : '', ms: offset });
  return (
    <div className={className}>
      <label htmlFor={id}>{t('sync.label')}</label>
      <input
        id={id}
        type="range"
        min={-500}
        max={500}
        step={10}
        value={offset}
        aria-valuetext={shown}
        aria-describedby={`${id}-help`}
        onChange={(event) => setOffset(Number(event.target.value))}
      />
      <output htmlFor={id}>{shown}</output>
      <p id={`${id}-help`} className="help-text">
        {t('sync.help')}
      </p>
      <button type="button" onClick={() => setOffset(0)} disabled={offset === 0}>
        {t('sync.reset')}
      </button>
    </div>
  );
}

export function SyncOffsetControl() {
  const t = useT();
  const id = useId();
  return (
    <details className="toolbar-item sync-offset">
      <summary className="popover-toggle">{t('sync.summary')}</summary>
      <SyncOffsetFields id={id} className="popover" />
    </details>
  );
}

/** The same offset as a section of the settings view (where it lives on narrow windows). */
export function SyncOffsetSettings() {
  const t = useT();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('sync.summary')}</h3>
      <SyncOffsetFields id={id} className="settings-field" />
    </section>
  );
}
