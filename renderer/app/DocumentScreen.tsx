// One open document: the shell's landmarks around the chapter list, the transcript, the feature
// panels and the player. Without usable timings it still shows the text, and says why it cannot play.
import { startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ReadyAnnouncer, SentenceAnnouncer, WhereAmI } from '../a11y/Announcements';
import { useT } from '../i18n';
import { LibraryButton, type LibraryEntryPoint } from '../library/LibraryButton';
import { useSettingsStore } from '../settings/settings-context';
import type { OpenedDocument, ReadingPosition } from '../../common/bridge/contract';
import { pairingOf } from '../../common/edition/pairing';
import { compactTimingProblem } from '../../common/timing/compact';
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
import { DocumentLanguages } from '../transcript/language-tags';
import type { Layout } from '../transcript/layout-model';
import { Notice } from '../ui/Notice';
import { onPageLeave } from '../ui/page-leave';
import { useBackend } from '../bridge/backend-context';
import { TimingMarksProvider } from '../timing-check/TimingCheck';
import { playerContent, sidebarContent, sidebarLabel, toolbarContent, useSentenceDecorations, useWaveformMarks } from './feature-slots';
import { AppFrame } from '../shell/AppFrame';
import { PairEditor, PairEditorContext, type EditOutcome } from '../translation/pair-editor';
import { keepsOriginal } from '../../common/parallel/translation';
import { TranslationButton, UncertainPairsProvider } from '../translation/TranslationTools';
import type { MessageKey } from '../i18n';

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

/**
 * What is on screen: the App's bundle, or the same text with pairs fixed or a translation added
 * since. Those are shown in the open player; only a bundle of another text opens a new session.
 */
interface Shown {
  /** The bundle the App gave (a new one starts over). */
  source: OpenedDocument;
  /** The bundle the player session opened with, and the place it opened at when it was reopened. */
  opening: OpenedDocument;
  position?: ReadingPosition | null;
  /** The bundle the pair editor edits: the source, or the document read again after a translation was added. */
  editorBase: OpenedDocument;
  bundle: OpenedDocument;
}

const shownFrom = (bundle: OpenedDocument): Shown => ({ source: bundle, opening: bundle, editorBase: bundle, bundle });

function outcomeMessage(outcome: EditOutcome): MessageKey | null {
  if (outcome.kind === 'done') return `pairs.done.${outcome.edit}`;
  if (outcome.kind === 'refused') return `pairs.refused.${outcome.reason}`;
  return null;
}

export function DocumentScreen(props: DocumentScreenProps) {
  const t = useT();
  const { api } = useBackend();
  const [shown, setShown] = useState<Shown>(() => shownFrom(props.bundle));
  if (shown.source !== props.bundle) setShown(shownFrom(props.bundle));
  const current = shown.source === props.bundle ? shown : shownFrom(props.bundle);
  const bundle = current.bundle;
  const [pairStatus, setPairStatusText] = useState('');
  // The same words twice in a row (two undos) are still said: the text alternates a trailing space.
  const setPairStatus = (text: string) => setPairStatusText((previous) => (previous === text ? `${text}\u00a0` : text));
  // The session on screen, for the place to reopen at should a change not be one of pairs only.
  const sessionRef = useRef<DocumentSession | null>(null);
  const livePosition = (): ReadingPosition | null => {
    const session = sessionRef.current;
    if (!session || session.isDestroyed) return null;
    return { documentId: props.documentId, ...session.player.getPosition() };
  };
  const base = current.editorBase;
  const editor = useMemo(
    () =>
      base.translation
        ? new PairEditor({
            documentId: props.documentId,
            edition: base.edition,
            translation: base.translation,
            api,
            show: (edition, translation) => setShown((s) => ({ ...s, bundle: { ...s.bundle, edition, translation } })),
            report: (outcome) => setPairStatus(outcome.kind === 'failed' ? t('pairs.failed', { message: outcome.message }) : t(outcomeMessage(outcome)!)),
          })
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one editor per translation read from disk
    [base, api, props.documentId],
  );
  const translationAdded = async (message: string) => {
    const position = livePosition();
    const reread = await api.loadDocument({ documentId: props.documentId });
    // The same text with a translation: shown in place. Anything else (the text changed on disk
    // meanwhile) reopens the player at the place it was at.
    setShown((s) => (keepsOriginal(s.bundle.edition, reread.edition) ? { ...s, editorBase: reread, bundle: reread } : { ...s, opening: reread, position, editorBase: reread, bundle: reread }));
    setPairStatus(message);
  };
  const pairTools = <TranslationButton documentId={props.documentId} kind={bundle.kind} hasTranslation={bundle.translation !== null} onAdded={(message) => void translationAdded(message)} />;
  // Outside the player's screen, which another opening makes anew: a live region made anew with
  // its text would not be read. After the app's frame, so that the page still starts with its
  // skip links (a screen reader's "top of page" lands there).
  const status = (
    <p className="visually-hidden" role="status">
      {pairStatus}
    </p>
  );
  const screenProps = { ...props, bundle, ...(current.position !== undefined ? { savedPosition: current.position } : {}) };
  // The timings arrive in their compact form; one that is not whole is shown as a reason not to play.
  const timingProblem = useMemo(() => (bundle.timing ? compactTimingProblem(bundle.timing) : null), [bundle.timing]);
  if (!bundle.timing || timingProblem) {
    return (
      <DocumentLanguages edition={bundle.edition}>
      <AppFrame
        title={bundle.edition.title.de}
        toolbar={
          <>
            <LibraryButton library={props.library} />
            {pairTools}
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
      {status}
      </DocumentLanguages>
    );
  }
  return (
    <DocumentLanguages edition={bundle.edition}>
      <PairEditorContext.Provider value={editor}>
        <PlayingDocument {...screenProps} opened={current.opening} sessionRef={sessionRef} pairTools={pairTools} />
        {status}
      </PairEditorContext.Provider>
    </DocumentLanguages>
  );
}

function PlayingDocument({
  documentId,
  bundle,
  savedPosition,
  layout,
  onLayoutChange,
  appNotices,
  library,
  sessionRef,
  pairTools,
  opened,
}: DocumentScreenProps & { sessionRef: { current: DocumentSession | null }; pairTools: ReactNode; opened: OpenedDocument }) {
  const { api, mediaUrl } = useBackend();
  const settings = useSettingsStore();
  const [session, setSession] = useState<DocumentSession | null>(null);
  // What a session opens with. A fixed pair or an added translation comes as a new bundle of the
  // same text: it is shown in the open session (below), so playback, the place, a loop and what is
  // revealed carry on. Only another opening (the App's new bundle) starts a new session.
  const opening = useRef({ opened, bundle, savedPosition });
  if (opening.current.opened !== opened) opening.current = { opened, bundle, savedPosition };

  useEffect(() => {
    const start = opening.current;
    const created = new DocumentSession({
      documentId,
      edition: start.bundle.edition,
      timing: start.bundle.timing!,
      settings,
      api,
      mediaUrl,
      ...(start.savedPosition !== undefined ? { savedPosition: start.savedPosition } : {}),
    });
    // The narration starts loading first (open() creates its audio element at once); the screen is
    // rendered as a transition, which yields to the browser, so the audio's loading runs alongside
    // the first render of a long transcript instead of after it.
    void created.open();
    sessionRef.current = created;
    startTransition(() => setSession(created));
    const disconnect = connectMediaSession(created.player);
    // The place, the settings and notes typing not yet saved: all the session's.
    const offLeave = onPageLeave(() => created.flush());
    return () => {
      offLeave();
      disconnect();
      created.destroy();
    };
  }, [documentId, opened, settings, api, mediaUrl, sessionRef]);

  // Before paint, so the rows show the new pairs in the frame the fix is announced in.
  useLayoutEffect(() => {
    if (session && !session.isDestroyed && session.edition !== bundle.edition) session.showEdition(bundle.edition);
  }, [session, bundle.edition]);

  if (!session || session.isDestroyed) return null;
  return (
    <SessionProvider value={session}>
      <UncertainPairsProvider translation={bundle.translation}>
        <PlayerScreen layout={layout} onLayoutChange={onLayoutChange} appNotices={appNotices} library={library} pairTools={pairTools} />
      </UncertainPairsProvider>
    </SessionProvider>
  );
}

function PlayerScreen({
  layout,
  onLayoutChange,
  appNotices,
  library,
  pairTools,
}: {
  layout: Layout;
  onLayoutChange(layout: Layout): void;
  appNotices: ReactNode;
  library: LibraryEntryPoint;
  pairTools: ReactNode;
}) {
  const status = usePlayerState((s) => s.status);
  const lang = usePlayerState((s) => s.lang);
  const edition = usePlayerState((s) => s.edition);
  const decorations = useSentenceDecorations();
  const marks = useWaveformMarks();
  const t = useT();
  return (
    <AppFrame
      title={edition.title[lang] || edition.title.de}
      titleLang={edition.title[lang] ? lang : 'de'}
      status={status}
      toolbar={
        <>
          <LibraryButton library={library} />
          {toolbarContent}
          {pairTools}
          {/* One language has one layout: nothing to pick. */}
          {pairingOf(edition).hasTranslation && <LayoutPicker layout={layout} onChange={onLayoutChange} />}
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
