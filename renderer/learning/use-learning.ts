// One LearningController per player, shared by the learning bar, the key commands, the reveal
// buttons in the transcript and the recorder (the way renderer/notes shares its controller).
import { useSyncExternalStore } from 'react';
import { useBackend } from '../bridge/backend-context';
import type { PlayerController } from '../player/controller';
import { usePlayer } from '../player/player-context';
import { LearningController, type LearningViewState } from './learning-controller';
import type { RevealSnapshot } from './reveal';

const controllers = new WeakMap<PlayerController, LearningController>();

export function useLearningController(): LearningController {
  const player = usePlayer();
  const { api } = useBackend();
  let controller = controllers.get(player);
  if (!controller) {
    controller = new LearningController(player, api);
    // Nothing to tear down with the document: the player drops its frame and event listeners when
    // destroyed, and a pending shadowing timer then only calls a player that no longer plays.
    controllers.set(player, controller);
  }
  return controller;
}

export function useLearningState(): LearningViewState {
  const controller = useLearningController();
  return useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}

export function useRevealSnapshot(): RevealSnapshot {
  const { reveal } = useLearningController();
  return useSyncExternalStore(reveal.subscribe, reveal.getSnapshot, reveal.getSnapshot);
}
