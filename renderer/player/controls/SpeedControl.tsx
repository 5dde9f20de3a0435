// Speed from 0.5× to 3.0× in steps of 0.1; the pitch stays (see audio-clock.ts).
import { useId } from 'react';
import { MAX_RATE, MIN_RATE } from '../controller';
import { usePlayer, usePlayerState } from '../player-context';
import { formatRate } from '../../ui/format';
import { useT, useUiLanguage } from '../../i18n';
import { ControlButton } from './ControlButton';

export function SpeedControl() {
  const player = usePlayer();
  const rate = usePlayerState((s) => s.rate);
  const id = useId();
  const t = useT();
  const uiLang = useUiLanguage();
  return (
    <div className="control-group speed" role="group" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-input`} className="control-label">
        {t('player.speed')}
      </label>
      <ControlButton label={t('player.slower')} command="slower" onClick={() => player.changeRate(-0.1)} disabled={rate <= MIN_RATE}>
        −
      </ControlButton>
      <input
        id={`${id}-input`}
        type="range"
        min={MIN_RATE}
        max={MAX_RATE}
        step={0.1}
        value={rate}
        aria-valuetext={t('player.rateSpoken', { rate: rate.toLocaleString(uiLang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
        onChange={(event) => player.setRate(Number(event.target.value))}
      />
      {/* An <output> is an implicit polite live region: Orca read "1.0×" at start and at every change,
          while the slider itself already says the speed. The value is seen here, heard on the slider. */}
      <output htmlFor={`${id}-input`} className="rate-value" data-testid="rate" aria-live="off" aria-hidden="true">
        {formatRate(rate)}
      </output>
      <ControlButton label={t('player.faster')} command="faster" onClick={() => player.changeRate(0.1)} disabled={rate >= MAX_RATE}>
        +
      </ControlButton>
    </div>
  );
}
