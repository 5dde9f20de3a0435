// What other features (notes, search) may use of the player.
export { usePlayer, usePlayerState } from './player-context';
export type { PlayerController, PlayerSnapshot } from './controller';
