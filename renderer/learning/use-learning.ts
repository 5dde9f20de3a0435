// The open document's learning tools, shared by the learning bar, the key commands, the reveal
// buttons in the transcript and the recorder. The document session owns (and destroys) them.
import { useSyncExternalStore } from 'react';
import { useSession } from '../session/context';
import type { LearningController, LearningViewState } from './learning-controller';
import type { RevealSnapshot } from './reveal';

export function useLearningController(): LearningController {
  return useSession().learning;
}

export function useLearningState(): LearningViewState {
  const controller = useLearningController();
  return useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}

export function useRevealSnapshot(): RevealSnapshot {
  const { reveal } = useLearningController();
  return useSyncExternalStore(reveal.subscribe, reveal.getSnapshot, reveal.getSnapshot);
}
