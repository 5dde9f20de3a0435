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
import { useT } from '../i18n';
import { usePlayer, usePlayerState } from './player-context';
import './player.css';

export function PlayerControls({ marks, extra }: { marks?: readonly WaveformMark[]; extra?: ReactNode }) {
  const player = usePlayer();
  const playing = usePlayerState((s) => s.playing);
  const status = usePlayerState((s) => s.status);
  const t = useT();
  return (
    <section id="player" className="player" aria-label={t('player.region')} tabIndex={-1}>
      <Waveform {...(marks ? { marks } : {})} />
      {/* A toolbar, so that a screen reader in browse mode switches to focus mode on its buttons
          (Orca does for toolbar descendants) and every key of the app reaches the app from here. */}
      <div className="player-row" role="toolbar" aria-label={t('player.controls')}>
        <TimeDisplay />
        <div className="control-group transport" role="group" aria-label={t('player.transport')}>
          <ControlButton label={t('player.previousChapter')} command="previousChapter" onClick={() => player.go('chapter', -1)}>
            <Icon name="previousChapter" />
          </ControlButton>
          <ControlButton label={t('player.previousParagraph')} command="previousParagraph" className="skip-secondary" onClick={() => player.go('paragraph', -1)}>
            ¶−
          </ControlButton>
          <ControlButton label={t('player.previousSentence')} command="previousSentence" onClick={() => player.go('sentence', -1)}>
            ‹
          </ControlButton>
          <ControlButton label={t('player.back15')} command="seekBack15" className="skip-secondary" onClick={() => player.skip(-15)}>
            −15
          </ControlButton>
          <ControlButton label={t('player.back5')} command="seekBack5" onClick={() => player.skip(-5)}>
            −5
          </ControlButton>
          <ControlButton
            label={playing ? t('player.pause') : t('player.play')}
            command="playPause"
            className="play-pause"
            skipTarget
            disabled={status === 'loading' && !playing}
            onClick={() => player.togglePlay()}
          >
            <Icon name={playing ? 'pause' : 'play'} />
          </ControlButton>
          <ControlButton label={t('player.forward5')} command="seekForward5" onClick={() => player.skip(5)}>
            +5
          </ControlButton>
          <ControlButton label={t('player.forward15')} command="seekForward15" className="skip-secondary" onClick={() => player.skip(15)}>
            +15
          </ControlButton>
          <ControlButton label={t('player.nextSentence')} command="nextSentence" onClick={() => player.go('sentence', 1)}>
            ›
          </ControlButton>
          <ControlButton label={t('player.nextParagraph')} command="nextParagraph" className="skip-secondary" onClick={() => player.go('paragraph', 1)}>
            ¶+
          </ControlButton>
          <ControlButton label={t('player.nextChapter')} command="nextChapter" onClick={() => player.go('chapter', 1)}>
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
