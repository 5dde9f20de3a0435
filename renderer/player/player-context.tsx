// How components reach the player of the open document: usePlayer() for commands and data
// (edition, timing, position), usePlayerState(select) for the few values that change at human
// speed (playing, chapter, rate…). The player belongs to the document session.
import { useCallback, useSyncExternalStore } from 'react';
import { useSession } from '../session/context';
import type { PlayerController, PlayerSnapshot } from './controller';

export function usePlayer(): PlayerController {
  return useSession().player;
}

/** Re-renders only when the selected value changes; select a primitive or a stable object. */
export function usePlayerState<T>(select: (snapshot: PlayerSnapshot) => T): T {
  const player = usePlayer();
  const getSelected = useCallback(() => select(player.getSnapshot()), [player, select]);
  return useSyncExternalStore(player.subscribe, getSelected, getSelected);
}
