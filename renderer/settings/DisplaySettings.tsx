// The transcript's layout and the highlight's sync offset.
import { useId } from 'react';
import type { Layout } from '../transcript/layout-model';
import { usePlayer, usePlayerState } from '../player/player-context';

const LAYOUTS: { value: Layout; label: string }[] = [
  { value: 'side-by-side', label: 'Side by side' },
  { value: 'interleaved', label: 'Interleaved' },
  { value: 'de', label: 'German only' },
  { value: 'en', label: 'English only' },
];

export function LayoutPicker({ layout, onChange }: { layout: Layout; onChange(layout: Layout): void }) {
  const id = useId();
  return (
    <div className="toolbar-item">
      <label htmlFor={id}>Layout</label>
      <select id={id} value={layout} onChange={(event) => onChange(event.target.value as Layout)}>
        {LAYOUTS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SyncOffsetControl() {
  const player = usePlayer();
  const offset = usePlayerState((s) => s.syncOffsetMs);
  const id = useId();
  const shown = `${offset > 0 ? '+' : ''}${offset} ms`;
  return (
    <details className="toolbar-item sync-offset">
      <summary>Highlight timing</summary>
      <div className="popover">
        <label htmlFor={id}>Highlight offset</label>
        <input
          id={id}
          type="range"
          min={-500}
          max={500}
          step={10}
          value={offset}
          aria-valuetext={shown}
          aria-describedby={`${id}-help`}
          onChange={(event) => player.setSyncOffset(Number(event.target.value))}
        />
        <output htmlFor={id}>{shown}</output>
        <p id={`${id}-help`} className="help-text">
          Headphones with latency (Bluetooth) play the voice late: move the highlight later (+) until it matches what you hear.
        </p>
        <button type="button" onClick={() => player.setSyncOffset(0)} disabled={offset === 0}>
          Reset to 0
        </button>
      </div>
    </details>
  );
}
