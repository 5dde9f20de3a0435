// How components reach the player: usePlayer() for commands and data (edition, timing, position),
// usePlayerState(select) for the few values that change at human speed (playing, chapter, rate…).
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { PlayerController, PlayerSnapshot } from './controller';

const PlayerContext = createContext<PlayerController | null>(null);

export const PlayerProvider = PlayerContext.Provider;

export function usePlayer(): PlayerController {
  const player = useContext(PlayerContext);
  if (!player) throw new Error('usePlayer needs a PlayerProvider above it');
  return player;
}

/** Re-renders only when the selected value changes; select a primitive or a stable object. */
export function usePlayerState<T>(select: (snapshot: PlayerSnapshot) => T): T {
  const player = usePlayer();
  const getSelected = useCallback(() => select(player.getSnapshot()), [player, select]);
  return useSyncExternalStore(player.subscribe, getSelected, getSelected);
}
