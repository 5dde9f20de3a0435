// The operating system's view of the player: Media Session metadata (document, chapter) and the
// media keys (play/pause, seek, previous/next chapter), which reach us as action handlers.
import type { PlayerController } from './controller';

const SEEK_OFFSET = 15;

export function connectMediaSession(player: PlayerController): () => void {
  const session = typeof navigator !== 'undefined' ? navigator.mediaSession : undefined;
  if (!session) return () => undefined;
  const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
    ['play', () => player.play()],
    ['pause', () => player.pause()],
    ['stop', () => player.pause()],
    ['seekbackward', (details) => player.skip(-(details.seekOffset ?? SEEK_OFFSET))],
    ['seekforward', (details) => player.skip(details.seekOffset ?? SEEK_OFFSET)],
    ['seekto', (details) => details.seekTime !== undefined && player.seek(details.seekTime)],
    ['previoustrack', () => player.go('chapter', -1)],
    ['nexttrack', () => player.go('chapter', 1)],
  ];
  for (const [action, handler] of handlers) {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // An action this browser does not know; the others still work.
    }
  }

  let shownKey = '';
  const sync = () => {
    const snapshot = player.getSnapshot();
    const chapter = player.edition.chapters.find((c) => c.id === snapshot.chapterId);
    const key = `${snapshot.lang}|${chapter?.id ?? ''}`;
    if (key !== shownKey) {
      shownKey = key;
      session.metadata = new MediaMetadata({
        title: chapter ? chapter.title[snapshot.lang] : player.edition.title[snapshot.lang],
        album: player.edition.title[snapshot.lang],
        artist: 'Mitlesen',
      });
    }
    session.playbackState = snapshot.playing ? 'playing' : 'paused';
    if (snapshot.status === 'ready' && snapshot.duration > 0) {
      try {
        session.setPositionState({
          duration: snapshot.duration,
          playbackRate: snapshot.rate,
          position: Math.min(player.time(), snapshot.duration),
        });
      } catch {
        // Position state is a nicety; a rejected one changes nothing else.
      }
    }
  };
  sync();
  const offChange = player.subscribe(sync);
  const offJump = player.events.on('jumped', sync);
  return () => {
    offChange();
    offJump();
    for (const [action] of handlers) {
      try {
        session.setActionHandler(action, null);
      } catch {
        // See above.
      }
    }
    session.metadata = null;
  };
}
