// The waveform strip, a keyboard-operable slider over the narration: arrows skip (the player's own
// keys), Home and End go to the start and the end; a click or a drag seeks.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { parseWaveformPeaks } from '../../common/timing/model';
import { useBackend } from '../bridge/backend-context';
import { markedChapters } from './chapter-marks';
import { usePlayer, usePlayerState } from '../player/player-context';
import { formatTime, speakTime } from '../ui/format';
import { WaveformView, type WaveformMark } from './waveform-view';
import { useT } from '../i18n';
import { useAppearance } from '../theme/appearance';
import './waveform.css';

export type { WaveformMark } from './waveform-view';

type PeaksState = { status: 'loading' } | { status: 'ready'; peaks: number[] } | { status: 'failed'; message: string };

export function Waveform({ marks }: { marks?: readonly WaveformMark[] }) {
  const player = usePlayer();
  const { mediaUrl } = useBackend();
  const lang = usePlayerState((s) => s.lang);
  const t = useT();
  const tRef = useRef(t);
  const { palette } = useAppearance();
  tRef.current = t;
  const track = player.track(lang);
  const containerRef = useRef<HTMLDivElement>(null);
  const sliderRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<WaveformView | null>(null);
  const [peaks, setPeaks] = useState<PeaksState>({ status: 'loading' });

  // Fetch the peaks of the narration heard; a newer request (language switch) wins.
  useEffect(() => {
    const abort = new AbortController();
    setPeaks({ status: 'loading' });
    fetch(mediaUrl(track.peaksMediaId), { signal: abort.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        return response.json() as Promise<unknown>;
      })
      .then((json) => {
        const parsed = parseWaveformPeaks(json);
        if (!parsed.ok) throw new Error(parsed.problem);
        setPeaks({ status: 'ready', peaks: parsed.value.data });
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setPeaks({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => abort.abort();
  }, [mediaUrl, track.peaksMediaId]);

  useEffect(() => {
    if (peaks.status !== 'ready' || !containerRef.current) return;
    const titles = new Map(player.edition.chapters.map((c) => [c.id, c.title[lang]]));
    const { ids: { chapter: chapterIds }, starts: { chapter: chapterStarts } } = player.index(lang);
    let pendingSeek: number | null = null;
    const view = new WaveformView({
      container: containerRef.current,
      peaks: peaks.peaks,
      duration: track.duration,
      chapters: markedChapters(chapterIds.map((id, i) => ({ time: chapterStarts[i]!, label: `${i + 1}. ${titles.get(id) ?? id}` }))),
      marks: marks ?? [],
      colors: { wave: palette.wave, progress: palette.waveProgress, cursor: palette.waveCursor, chapterMark: palette.chapterMark, noteMark: palette.noteMark },
      // A drag reports many positions; seek once per frame with the latest.
      onSeek: (time) => {
        if (pendingSeek === null)
          requestAnimationFrame(() => {
            if (pendingSeek !== null) player.seek(pendingSeek);
            pendingSeek = null;
          });
        pendingSeek = time;
      },
    });
    viewRef.current = view;
    const off = player.onFrame((time) => view.setTime(time));
    return () => {
      off();
      view.destroy();
      viewRef.current = null;
    };
    // Marks are applied by their own effect below, without rebuilding the waveform.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [peaks, player, track, lang, palette]);

  useEffect(() => {
    viewRef.current?.setMarks(marks ?? []);
  }, [marks]);

  // The slider's value for assistive technology, updated once per second of narration at most.
  useEffect(() => {
    let shown = -1;
    return player.onFrame((time) => {
      const second = Math.floor(time);
      if (second === shown || !sliderRef.current) return;
      shown = second;
      sliderRef.current.setAttribute('aria-valuenow', String(second));
      sliderRef.current.setAttribute('aria-valuetext', tRef.current('waveform.valueText', { time: speakTime(second, tRef.current), total: speakTime(track.duration, tRef.current) }));
    });
  }, [player, track.duration]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Home') player.seek(0);
    else if (event.key === 'End') player.seek(track.duration);
    else return;
    event.preventDefault();
  };

  return (
    <div className="waveform-wrap">
      <div
        ref={sliderRef}
        className="waveform"
        role="slider"
        tabIndex={0}
        aria-label={t('waveform.label')}
        aria-valuemin={0}
        aria-valuemax={Math.floor(track.duration)}
        aria-valuenow={0}
        aria-valuetext={t('waveform.valueText', { time: speakTime(0, t), total: speakTime(track.duration, t) })}
        aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Home End"
        onKeyDown={onKeyDown}
      >
        <div ref={containerRef} className="waveform-canvas" />
      </div>
      {peaks.status === 'loading' && <p className="waveform-note">{t('waveform.loading')}</p>}
      {peaks.status === 'failed' && (
        <p className="waveform-note">{t('waveform.failed', { problem: peaks.message, total: formatTime(track.duration) })}</p>
      )}
    </div>
  );
}
