// Which narration plays. Switching keeps the place: the same sentence, from its start.
import type { Lang } from '../../../common/edition/model';
import { keysFor } from '../../../common/keymap';
import { useT } from '../../i18n';
import { keyLabel } from '../../i18n/key-names';
import { usePlayer, usePlayerState } from '../player-context';

/** Each language by its own name, as language pickers do. */
const NAMES: Record<Lang, string> = { de: 'Deutsch', en: 'English' };

export function LanguageSwitch() {
  const t = useT();
  const player = usePlayer();
  const lang = usePlayerState((s) => s.lang);
  const keys = keysFor('switchLanguage');
  // A document narrated in one language has nothing to switch to.
  if (player.languages.length < 2) return null;
  return (
    <div className="control-group language" role="group" aria-label={t('player.narrationLanguage')}>
      {player.languages.map((option) => (
        <button
          key={option}
          type="button"
          className="control language-option"
          lang={option}
          aria-pressed={lang === option}
          aria-keyshortcuts={keys.join(' ')}
          title={t(`player.narrationIn.${option}`, { keys: keys.map((k) => keyLabel(k, t)).join(` ${t('keys.or')} `) })}
          onClick={() => void player.setLanguage(option)}
        >
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
