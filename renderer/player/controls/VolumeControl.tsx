import { useId } from 'react';
import { useSettings } from '../../settings/settings-context';
import { usePlayer } from '../player-context';
import { Icon } from '../../ui/icons';
import { useT } from '../../i18n';
import { ControlButton } from './ControlButton';

export function VolumeControl() {
  const player = usePlayer();
  const { volume, muted } = useSettings().settings;
  const id = useId();
  const t = useT();
  return (
    <div className="control-group volume" role="group" aria-label={t('player.volumeGroup')}>
      <ControlButton label={t('player.mute')} command="toggleMute" pressed={muted} onClick={() => player.toggleMute()}>
        <Icon name={muted ? 'muted' : 'volume'} />
      </ControlButton>
      <label htmlFor={id} className="visually-hidden">
        {t('player.volume')}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={volume}
        aria-valuetext={t(muted ? 'player.volumeSpokenMuted' : 'player.volumeSpoken', { percent: Math.round(volume * 100) })}
        onChange={(event) => player.setVolume(Number(event.target.value))}
      />
    </div>
  );
}
