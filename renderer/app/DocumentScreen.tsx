// One open document: the shell's landmarks around the chapter list, the transcript, the feature
// panels and the player. Without usable timings it still shows the text, and says why it cannot play.
import { startTransition, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ReadyAnnouncer, SentenceAnnouncer, WhereAmI } from '../a11y/Announcements';
import { useT } from '../i18n';
import { LibraryButton, type LibraryEntryPoint } from '../library/LibraryButton';
import { useSettingsStore } from '../settings/settings-context';
import type { OpenedDocument, ReadingPosition } from '../../common/bridge/contract';
import { pairingOf } from '../../common/edition/pairing';
import { compactTimingProblem, type CompactTiming } from '../../common/timing/compact';
import { ChapterAnnouncer } from '../chapters/ChapterAnnouncer';
import { ChapterList } from '../chapters/ChapterList';
import { connectMediaSession } from '../player/media-session';
import { PlayerCommands } from '../player/PlayerCommands';
import { PlayerControls } from '../player/PlayerControls';
import { usePlayer, usePlayerState } from '../player/player-context';
import { SessionProvider } from '../session/context';
import { DocumentSession } from '../session/document-session';
import { LayoutPicker, SyncOffsetControl, SyncOffsetSettings } from '../settings/DisplaySettings';
import { StaticTranscript } from '../transcript/StaticTranscript';
import { TranscriptView } from '../transcript/TranscriptView';
import type { Layout } from '../transcript/layout-model';
import { Notice } from '../ui/Notice';
import { onPageLeave } from '../ui/page-leave';
import { useBackend } from '../bridge/backend-context';
import { TimingMarksProvider } from '../timing-check/TimingCheck';
import { playerContent, sidebarContent, sidebarLabel, toolbarContent, useSentenceDecorations, useWaveformMarks } from './feature-slots';
import { AppFrame } from '../shell/AppFrame';

export interface DocumentScreenProps {
  documentId: string;
  bundle: OpenedDocument;
  /** The saved place, asked for with the document (the session asks itself when absent). */
  savedPosition?: ReadingPosition | null;
  layout: Layout;
  onLayoutChange(layout: Layout): void;
  onReload(): void;
  /** Messages from outside the document (e.g. settings that could not be read). */
  appNotices?: ReactNode;
  /** The way to the library, for the header's button. */
  library: LibraryEntryPoint;
}

export function DocumentScreen(props: DocumentScreenProps) {
  const { bundle } = props;
  const t = useT();
  // The timings arrive in their compact form; one that is not whole is shown as a reason not to play.
  const timingProblem = useMemo(() => (bundle.timing ? compactTimingProblem(bundle.timing) : null), [bundle.timing]);
  if (!bundle.timing || timingProblem) {
    return (
      <AppFrame
        title={bundle.edition.title.de}
        toolbar={
          <>
            <LibraryButton library={props.library} />
            {pairingOf(bundle.edition).hasTranslation && <LayoutPicker layout={props.layout} onChange={props.onLayoutChange} />}
          </>
        }
        notices={
          <>
            {props.appNotices}
            <Notice tone="error" title={t('player.cannotPlay.title')} actions={[{ label: t('app.reload'), onClick: props.onReload }]}>
              <p>{t('player.textShown', { problem: timingProblem ?? bundle.timingProblem ?? t('player.timingMissing') })}</p>
            </Notice>
          </>
        }
        main={<StaticTranscript edition={bundle.edition} layout={props.layout} />}
      />
    );
  }
  return <PlayingDocument {...props} timing={bundle.timing} />;
}

function PlayingDocument({ documentId, bundle, savedPosition, timing, layout, onLayoutChange, appNotices, library }: DocumentScreenProps & { timing: CompactTiming }) {
  const { api, mediaUrl } = useBackend();
  const settings = useSettingsStore();
  const [session, setSession] = useState<DocumentSession | null>(null);

  useEffect(() => {
    const opened = new DocumentSession({ documentId, edition: bundle.edition, timing, settings, api, mediaUrl, ...(savedPosition !== undefined ? { savedPosition } : {}) });
    // The narration starts loading first (open() creates its audio element at once); the screen is
    // rendered as a transition, which yields to the browser, so the audio's loading runs alongside
    // the first render of a long transcript instead of after it.
    void opened.open();
    startTransition(() => setSession(opened));
    const disconnect = connectMediaSession(opened.player);
    // The place, the settings and notes typing not yet saved: all the session's.
    const offLeave = onPageLeave(() => opened.flush());
    return () => {
      offLeave();
      disconnect();
      opened.destroy();
    };
  }, [documentId, bundle, savedPosition, timing, settings, api, mediaUrl]);

  if (!session || session.isDestroyed) return null;
  return (
    <SessionProvider value={session}>
      <PlayerScreen layout={layout} onLayoutChange={onLayoutChange} appNotices={appNotices} library={library} />
    </SessionProvider>
  );
}

function PlayerScreen({ layout, onLayoutChange, appNotices, library }: { layout: Layout; onLayoutChange(layout: Layout): void; appNotices: ReactNode; library: LibraryEntryPoint }) {
  const player = usePlayer();
  const status = usePlayerState((s) => s.status);
  const lang = usePlayerState((s) => s.lang);
  const decorations = useSentenceDecorations();
  const marks = useWaveformMarks();
  const t = useT();
  return (
    <AppFrame
      title={player.edition.title[lang] || player.edition.title.de}
      titleLang={player.edition.title[lang] ? lang : 'de'}
      status={status}
      toolbar={
        <>
          <LibraryButton library={library} />
          {toolbarContent}
          {/* One language has one layout: nothing to pick. */}
          {pairingOf(player.edition).hasTranslation && <LayoutPicker layout={layout} onChange={onLayoutChange} />}
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
          <TimingMarksProvider>
            <TranscriptView layout={layout} {...(decorations ? { sentenceDecorations: decorations } : {})} />
          </TimingMarksProvider>
          <ChapterAnnouncer />
          <SentenceAnnouncer />
          <WhereAmI />
          <ReadyAnnouncer />
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
