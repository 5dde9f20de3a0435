// The player's keyboard commands (see common/keymap.ts), registered while a document is open.
import { useCommand } from '../shell/shortcuts';
import { usePlayer } from './player-context';

export function PlayerCommands() {
  const player = usePlayer();
  useCommand('playPause', () => player.togglePlay());
  useCommand('seekBack5', () => player.skip(-5));
  useCommand('seekForward5', () => player.skip(5));
  useCommand('seekBack15', () => player.skip(-15));
  useCommand('seekForward15', () => player.skip(15));
  useCommand('previousSentence', () => player.go('sentence', -1));
  useCommand('nextSentence', () => player.go('sentence', 1));
  useCommand('previousParagraph', () => player.go('paragraph', -1));
  useCommand('nextParagraph', () => player.go('paragraph', 1));
  useCommand('previousChapter', () => player.go('chapter', -1));
  useCommand('nextChapter', () => player.go('chapter', 1));
  useCommand('slower', () => player.changeRate(-0.1));
  useCommand('faster', () => player.changeRate(0.1));
  useCommand('toggleMute', () => player.toggleMute());
  useCommand('switchLanguage', () => void player.switchLanguage());
  return null;
}
