import { useId } from 'react';
import { usePlayer, usePlayerState } from '../player-context';
import { Icon } from '../../ui/icons';
import { ControlButton } from './ControlButton';

export function VolumeControl() {
  const player = usePlayer();
  const volume = usePlayerState((s) => s.volume);
  const muted = usePlayerState((s) => s.muted);
  const id = useId();
  return (
    <div className="control-group volume" role="group" aria-label="Volume">
      <ControlButton label="Mute" command="toggleMute" pressed={muted} onClick={() => player.toggleMute()}>
        <Icon name={muted ? 'muted' : 'volume'} />
      </ControlButton>
      <label htmlFor={id} className="visually-hidden">
        Volume
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={volume}
        aria-valuetext={`${Math.round(volume * 100)} percent${muted ? ', muted' : ''}`}
        onChange={(event) => player.setVolume(Number(event.target.value))}
      />
    </div>
  );
}
