// The player's controls, as one labelled region: the waveform, the time, transport and navigation
// buttons, speed, volume and narration language. Every button is a real button with a spoken label.
import type { ReactNode } from 'react';
import { Waveform, type WaveformMark } from '../waveform/Waveform';
import { Icon } from '../ui/icons';
import { ControlButton } from './controls/ControlButton';
import { LanguageSwitch } from './controls/LanguageSwitch';
import { SpeedControl } from './controls/SpeedControl';
import { TimeDisplay } from './controls/TimeDisplay';
import { VolumeControl } from './controls/VolumeControl';
import { usePlayer, usePlayerState } from './player-context';

export function PlayerControls({ marks, extra }: { marks?: readonly WaveformMark[]; extra?: ReactNode }) {
  const player = usePlayer();
  const playing = usePlayerState((s) => s.playing);
  const status = usePlayerState((s) => s.status);
  return (
    <section className="player" aria-label="Player">
      <Waveform {...(marks ? { marks } : {})} />
      <div className="player-row">
        <TimeDisplay />
        <div className="control-group transport" role="group" aria-label="Playback">
          <ControlButton label="Previous chapter" command="previousChapter" onClick={() => player.go('chapter', -1)}>
            <Icon name="previousChapter" />
          </ControlButton>
          <ControlButton label="Previous paragraph" command="previousParagraph" onClick={() => player.go('paragraph', -1)}>
            ¶−
          </ControlButton>
          <ControlButton label="Previous sentence" command="previousSentence" onClick={() => player.go('sentence', -1)}>
            ‹
          </ControlButton>
          <ControlButton label="Back 15 seconds" command="seekBack15" onClick={() => player.skip(-15)}>
            −15
          </ControlButton>
          <ControlButton label="Back 5 seconds" command="seekBack5" onClick={() => player.skip(-5)}>
            −5
          </ControlButton>
          <ControlButton
            label={playing ? 'Pause' : 'Play'}
            command="playPause"
            className="play-pause"
            disabled={status === 'loading' && !playing}
            onClick={() => player.togglePlay()}
          >
            <Icon name={playing ? 'pause' : 'play'} />
          </ControlButton>
          <ControlButton label="Forward 5 seconds" command="seekForward5" onClick={() => player.skip(5)}>
            +5
          </ControlButton>
          <ControlButton label="Forward 15 seconds" command="seekForward15" onClick={() => player.skip(15)}>
            +15
          </ControlButton>
          <ControlButton label="Next sentence" command="nextSentence" onClick={() => player.go('sentence', 1)}>
            ›
          </ControlButton>
          <ControlButton label="Next paragraph" command="nextParagraph" onClick={() => player.go('paragraph', 1)}>
            ¶+
          </ControlButton>
          <ControlButton label="Next chapter" command="nextChapter" onClick={() => player.go('chapter', 1)}>
            <Icon name="nextChapter" />
          </ControlButton>
        </div>
        <SpeedControl />
        <VolumeControl />
        <LanguageSwitch />
        {extra}
      </div>
    </section>
  );
}
