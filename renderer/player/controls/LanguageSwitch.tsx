// Which narration plays. Switching keeps the place: the same sentence, from its start.
import type { Lang } from '../../../common/edition/model';
import { keysFor } from '../../../common/keymap';
import { usePlayer, usePlayerState } from '../player-context';

const NAMES: Record<Lang, string> = { de: 'Deutsch', en: 'English' };

export function LanguageSwitch() {
  const player = usePlayer();
  const lang = usePlayerState((s) => s.lang);
  return (
    <div className="control-group language" role="group" aria-label="Narration language">
      {(['de', 'en'] as const).map((option) => (
        <button
          key={option}
          type="button"
          className="control language-option"
          lang={option}
          aria-pressed={lang === option}
          aria-keyshortcuts={keysFor('switchLanguage').join(' ')}
          title={`Narration in ${option === 'de' ? 'German' : 'English'} (l switches)`}
          onClick={() => void player.setLanguage(option)}
        >
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
