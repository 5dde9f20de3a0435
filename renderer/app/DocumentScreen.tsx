// One open document: the shell's landmarks around the chapter list, the transcript, the feature
// panels and the player. Without usable timings it still shows the text, and says why it cannot play.
import { useEffect, useState, type ReactNode } from 'react';
import { SentenceAnnouncer, WhereAmI } from '../a11y/Announcements';
import { useT } from '../i18n';
import { useSettings } from '../settings/settings-context';
import type { DocumentBundle, Settings } from '../../common/bridge/contract';
import type { TimedTranscript } from '../../common/timing/model';
import { ChapterAnnouncer } from '../chapters/ChapterAnnouncer';
import { ChapterList } from '../chapters/ChapterList';
import { PlayerController } from '../player/controller';
import { connectMediaSession } from '../player/media-session';
import { PlayerCommands } from '../player/PlayerCommands';
import { PlayerControls } from '../player/PlayerControls';
import { PlayerProvider, usePlayer, usePlayerState } from '../player/player-context';
import { LayoutPicker, SyncOffsetControl, SyncOffsetSettings } from '../settings/DisplaySettings';
import { StaticTranscript } from '../transcript/StaticTranscript';
import { TranscriptView } from '../transcript/TranscriptView';
import type { Layout } from '../transcript/layout-model';
import { Notice } from '../ui/Notice';
import { useBackend } from '../bridge/backend-context';
import { playerContent, sidebarContent, sidebarLabel, toolbarContent, useSentenceDecorations, useWaveformMarks } from './feature-slots';
import { AppFrame } from '../shell/AppFrame';

export interface DocumentScreenProps {
  documentId: string;
  bundle: DocumentBundle;
  settings: Settings;
  layout: Layout;
  onLayoutChange(layout: Layout): void;
  onReload(): void;
  /** Messages from outside the document (e.g. settings that could not be read). */
  appNotices?: ReactNode;
}

export function DocumentScreen(props: DocumentScreenProps) {
  const { bundle } = props;
  const t = useT();
  if (!bundle.timing) {
    return (
      <AppFrame
        title={bundle.edition.title.de}
        toolbar={<LayoutPicker layout={props.layout} onChange={props.onLayoutChange} />}
        notices={
          <>
            {props.appNotices}
            <Notice tone="error" title={t('player.cannotPlay.title')} actions={[{ label: t('app.reload'), onClick: props.onReload }]}>
              <p>{t('player.textShown', { problem: bundle.timingProblem ?? t('player.timingMissing') })}</p>
            </Notice>
          </>
        }
        main={<StaticTranscript edition={bundle.edition} layout={props.layout} />}
      />
    );
  }
  return <PlayingDocument {...props} timing={bundle.timing} />;
}

function PlayingDocument({ documentId, bundle, timing, settings, layout, onLayoutChange, appNotices }: DocumentScreenProps & { timing: TimedTranscript }) {
  const { api, mediaUrl } = useBackend();
  const [player, setPlayer] = useState<PlayerController | null>(null);

  useEffect(() => {
    const controller = new PlayerController({ documentId, edition: bundle.edition, timing, settings, api, mediaUrl });
    setPlayer(controller);
    void controller.open();
    const disconnect = connectMediaSession(controller);
    const leave = () => controller.flush();
    window.addEventListener('pagehide', leave);
    const onHidden = () => document.visibilityState === 'hidden' && controller.flush();
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onHidden);
      disconnect();
      controller.destroy();
    };
    // The settings are the starting values; later changes go through the controller itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentId, bundle, timing, api, mediaUrl]);

  if (!player) return null;
  return (
    <PlayerProvider value={player}>
      <PlayerScreen layout={layout} onLayoutChange={onLayoutChange} appNotices={appNotices} />
    </PlayerProvider>
  );
}

function PlayerScreen({ layout, onLayoutChange, appNotices }: { layout: Layout; onLayoutChange(layout: Layout): void; appNotices: ReactNode }) {
  const player = usePlayer();
  const status = usePlayerState((s) => s.status);
  const lang = usePlayerState((s) => s.lang);
  const decorations = useSentenceDecorations();
  const marks = useWaveformMarks();
  const t = useT();
  const { onReset } = useSettings();
  // "Reset all settings" also resets what the player keeps itself.
  useEffect(
    () =>
      onReset((defaults) => {
        player.setRate(defaults.rate);
        player.setVolume(defaults.volume);
        player.setMuted(defaults.muted);
        player.setSyncOffset(defaults.syncOffsetMs);
        void player.setLanguage(defaults.narrationLang);
      }),
    [onReset, player],
  );
  return (
    <AppFrame
      title={player.edition.title[lang]}
      status={status}
      toolbar={
        <>
          {toolbarContent}
          <LayoutPicker layout={layout} onChange={onLayoutChange} />
          <SyncOffsetControl />
        </>
      }
      notices={
        <>
          {appNotices}
          <PlayerNotices />
        </>
      }
      navigation={<ChapterList />}
      settingsExtra={<SyncOffsetSettings />}
      main={
        <>
          <TranscriptView layout={layout} {...(decorations ? { sentenceDecorations: decorations } : {})} />
          <ChapterAnnouncer />
          <SentenceAnnouncer />
          <WhereAmI />
        </>
      }
      sidebar={sidebarContent ? { label: t(sidebarLabel), content: sidebarContent } : undefined}
      player={
        <>
          <PlayerControls {...(marks ? { marks } : {})} extra={playerContent} />
          <PlayerCommands />
        </>
      }
    />
  );
}

function PlayerNotices() {
  const t = useT();
  const player = usePlayer();
  const status = usePlayerState((s) => s.status);
  const audioError = usePlayerState((s) => s.audioError);
  const [messages, setMessages] = useState<string[]>([]);
  useEffect(() => player.events.on('notice', (message) => setMessages((list) => (list.includes(message) ? list : [...list, message]))), [player]);
  return (
    <>
      {status === 'no-audio' && (
        <Notice tone="error" title={t('player.cannotPlay.title')} actions={[{ label: t('app.tryAgain'), onClick: () => void player.retryAudio() }]}>
          <p>{t('player.cannotPlay.body', { problem: audioError ?? '' })}</p>
        </Notice>
      )}
      {messages.map((message) => (
        <Notice key={message} tone="warning" title={message} actions={[{ label: t('app.dismiss'), onClick: () => setMessages((list) => list.filter((m) => m !== message)) }]} />
      ))}
    </>
  );
}
