// Record and compare: the learner records themselves reading the current sentence (the microphone
// is asked for only now, when they press Record, and released as soon as they stop), then hears the
// narration's sentence and their own recording back to back. Recordings are kept on this computer
// (main/cards: <dataDir>/recordings/) and can be deleted.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../common/edition/model';
import type { Recording } from '../../common/learning/cards';
import { useBackend } from '../bridge/backend-context';
import { useCommand } from '../shell/shortcuts';
import { useT, useUiLanguage } from '../i18n';
import { usePlayer, usePlayerState } from '../player/player-context';
import { LearningButton, preciseTime } from './ui';
import { useLearningController } from './use-learning';
import { blobFromBase64 } from '../ui/files';
import '../ui/popover.css';
import './learning.css';

/** The longest recording; a forgotten Stop does not fill the disk. */
const MAX_RECORDING_MS = 60_000;
const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

interface Session {
  recorder: MediaRecorder;
  stream: MediaStream;
  chunks: Blob[];
  sentenceId: string;
  lang: Lang;
  startedAt: number;
  timer: ReturnType<typeof setTimeout>;
}

function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the recording could not be read'));
    reader.readAsDataURL(blob);
  });
}

export function Recorder({ announce }: { announce(text: string): void }) {
  const t = useT();
  const uiLang = useUiLanguage();
  const { api } = useBackend();
  const player = usePlayer();
  const learning = useLearningController();
  const sentenceId = usePlayerState((s) => s.sentenceId);
  const narrated = usePlayerState((s) => s.lang);
  const [phase, setPhase] = useState<'idle' | 'starting' | 'recording' | 'saving'>('idle');
  const [recordings, setRecordings] = useState<Recording[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const session = useRef<Session | null>(null);
  const listRef = useRef<HTMLDetailsElement>(null);
  const playback = useRef<{ audio: HTMLAudioElement; url: string } | null>(null);
  const documentId = player.documentId;

  // The recordings of the sentence heard now (the list follows the narration, sentence by sentence).
  useEffect(() => {
    if (!sentenceId) return setRecordings([]);
    let current = true;
    api.listRecordings({ documentId, sentenceId }).then(
      (list) => current && setRecordings(list.filter((r) => r.lang === narrated)),
      () => current && setRecordings([]),
    );
    return () => {
      current = false;
    };
  }, [api, documentId, sentenceId, narrated]);

  const stopPlayback = useCallback(() => {
    const playing = playback.current;
    if (!playing) return;
    playing.audio.pause();
    URL.revokeObjectURL(playing.url);
    playback.current = null;
  }, []);

  useEffect(
    () => () => {
      stopPlayback();
      const open = session.current;
      if (open) {
        clearTimeout(open.timer);
        open.recorder.onstop = null;
        if (open.recorder.state !== 'inactive') open.recorder.stop();
        for (const track of open.stream.getTracks()) track.stop();
        session.current = null;
      }
    },
    [stopPlayback],
  );

  const save = useCallback(
    async (finished: Session, type: string) => {
      setPhase('saving');
      try {
        const blob = new Blob(finished.chunks, { type });
        if (blob.size === 0) throw new Error(t('learning.recordFailed', { reason: 'no sound was recorded' }));
        const durationMs = Math.min(MAX_RECORDING_MS, Math.round(performance.now() - finished.startedAt));
        const saved = await api.saveRecording({
          documentId,
          sentenceId: finished.sentenceId,
          lang: finished.lang,
          mimeType: type,
          dataBase64: await toBase64(blob),
          durationMs,
        });
        if (saved.sentenceId === player.getSnapshot().sentenceId) setRecordings((list) => [...list, saved]);
        announce(t('learning.announce.recordSaved', { seconds: Math.round(durationMs / 100) / 10 }));
        setProblem(null);
      } catch (error) {
        setProblem(t('learning.recordSaveFailed', { reason: error instanceof Error ? error.message : String(error) }));
      } finally {
        setPhase('idle');
      }
    },
    [api, documentId, player, announce, t],
  );

  const start = useCallback(async () => {
    if (session.current || phase !== 'idle') return;
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
      setProblem(t('learning.recordUnsupported'));
      return;
    }
    const target = learning.currentSentence();
    if (!target) return;
    player.pause();
    stopPlayback();
    setPhase('starting');
    let stream: MediaStream;
    try {
      // The only place the microphone is asked for: this press of Record.
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      const name = (error as { name?: string }).name;
      setProblem(
        name === 'NotAllowedError' || name === 'SecurityError'
          ? t('learning.recordDenied')
          : name === 'NotFoundError' || name === 'OverconstrainedError'
            ? t('learning.recordNoDevice')
            : t('learning.recordFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
      setPhase('idle');
      return;
    }
    const mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    let recorder: MediaRecorder;
    try {
      recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      setProblem(t('learning.recordFailed', { reason: error instanceof Error ? error.message : String(error) }));
      setPhase('idle');
      return;
    }
    const open: Session = {
      recorder,
      stream,
      chunks: [],
      sentenceId: target.id,
      lang: player.getSnapshot().lang,
      startedAt: performance.now(),
      timer: setTimeout(() => recorder.state !== 'inactive' && recorder.stop(), MAX_RECORDING_MS),
    };
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) open.chunks.push(event.data);
    };
    recorder.onstop = () => {
      clearTimeout(open.timer);
      // Release the microphone at once (the system's recording indicator goes off).
      for (const track of stream.getTracks()) track.stop();
      if (session.current === open) session.current = null;
      void save(open, (recorder.mimeType || mimeType || 'audio/webm').toLowerCase());
    };
    session.current = open;
    recorder.start();
    setProblem(null);
    setPhase('recording');
    announce(t('learning.announce.recording'));
  }, [phase, learning, player, stopPlayback, save, announce, t]);

  const stop = useCallback(() => {
    const open = session.current;
    if (open && open.recorder.state !== 'inactive') open.recorder.stop();
  }, []);

  const toggle = useCallback(() => {
    if (session.current) stop();
    else void start();
  }, [start, stop]);

  const playRecording = useCallback(
    async (recording: Recording) => {
      stopPlayback();
      const { dataBase64 } = await api.getRecording({ id: recording.id });
      const url = URL.createObjectURL(blobFromBase64(dataBase64, recording.mimeType.split(';')[0]!));
      const audio = new Audio(url);
      audio.dataset.mitlesenRecording = recording.id;
      playback.current = { audio, url };
      audio.addEventListener('ended', () => {
        if (playback.current?.audio === audio) stopPlayback();
      });
      await audio.play();
    },
    [api, stopPlayback],
  );

  const compare = useCallback(async () => {
    const latest = recordings[recordings.length - 1];
    if (!latest) return announce(t('learning.announce.noRecording'));
    const span = learning.sentenceSpanFor(latest.sentenceId, latest.lang);
    if (!span) return;
    stopPlayback();
    announce(t('learning.announce.compareNarrator'));
    const finished = await learning.playSpanOnce(span);
    if (!finished) return;
    announce(t('learning.announce.compareYou'));
    try {
      await playRecording(latest);
    } catch (error) {
      setProblem(t('learning.recordFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }, [recordings, learning, stopPlayback, playRecording, announce, t]);

  const remove = useCallback(
    async (recording: Recording) => {
      stopPlayback();
      try {
        await api.deleteRecording({ id: recording.id });
        setRecordings((list) => list.filter((r) => r.id !== recording.id));
        announce(t('learning.announce.recordDeleted'));
        // The pressed Delete is gone with its recording: keep the focus on the list's summary.
        listRef.current?.querySelector('summary')?.focus();
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
      }
    },
    [api, stopPlayback, announce, t],
  );

  useCommand('recordSentence', toggle);
  useCommand('compareRecording', () => void compare());

  const recording = phase === 'recording';
  return (
    <div className="learning-cluster recorder" data-testid="recorder" data-phase={phase}>
      <LearningButton
        label={recording ? t('learning.recordStopLabel') : t('learning.recordLabel')}
        command="recordSentence"
        onClick={toggle}
        pressed={recording}
        disabled={phase === 'starting' || phase === 'saving'}
        className={recording ? 'is-recording' : ''}
      >
        {recording ? t('learning.recordStop') : t('learning.record')}
      </LearningButton>
      <LearningButton label={t('learning.compareLabel')} command="compareRecording" onClick={() => void compare()} disabled={recordings.length === 0 || recording}>
        {t('learning.compare')}
      </LearningButton>
      <details className="learning-options recordings" ref={listRef}>
        <summary className="popover-toggle" title={t('learning.recordingsLabel')}>
          {t('learning.recordings')} ({recordings.length})
        </summary>
        <div className="popover learning-popover">
          <p className="help-text">{t('learning.recordingsPrivate')}</p>
          {recordings.length === 0 ? (
            <p>{t('learning.recordingsNone')}</p>
          ) : (
            <ul className="recording-list">
              {recordings.map((r) => {
                const when = new Date(r.createdAt).toLocaleTimeString(uiLang);
                const length = r.durationMs !== null ? ` · ${preciseTime(r.durationMs / 1000, uiLang)}` : '';
                return (
                  <li key={r.id}>
                    <span>
                      {when}
                      {length}
                    </span>
                    <button type="button" aria-label={t('learning.recordingPlayLabel', { time: when })} onClick={() => void playRecording(r)}>
                      {t('learning.recordingPlay')}
                    </button>
                    <button type="button" aria-label={t('learning.recordingDeleteLabel', { time: when })} onClick={() => void remove(r)}>
                      {t('learning.recordingDelete')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </details>
      {problem && (
        <p className="learning-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
