// "1:23 / 18:40", updated straight into the DOM once per second of narration, not through React.
import { useEffect, useRef } from 'react';
import { usePlayer, usePlayerState } from '../player-context';
import { formatTime } from '../../ui/format';
import { useT } from '../../i18n';

export function TimeDisplay() {
  const player = usePlayer();
  const duration = usePlayerState((s) => s.duration);
  const currentRef = useRef<HTMLSpanElement>(null);
  const t = useT();

  useEffect(() => {
    let shown = -1;
    return player.onFrame((time) => {
      const second = Math.floor(time);
      if (second === shown || !currentRef.current) return;
      shown = second;
      // The text node's data, not textContent: replacing the node would tell a screen reader that
      // the player's children changed, every second of playing.
      const text = currentRef.current.firstChild;
      if (text instanceof Text) text.data = formatTime(second);
      else currentRef.current.textContent = formatTime(second);
    });
  }, [player]);

  return (
    <p className="time-display" aria-label={t('player.time')}>
      <span ref={currentRef} data-testid="current-time">
        0:00
      </span>
      <span aria-hidden="true"> / </span>
      <span className="visually-hidden"> {t('player.timeOf')} </span>
      <span>{formatTime(duration)}</span>
    </p>
  );
}
