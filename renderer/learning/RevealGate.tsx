// Hidden text in the transcript: while a language is hidden, each of its sentences shows a real
// button ("Show English", aria-expanded) in place of the text, and the text itself is `hidden`, so
// screen readers do not read it either. Revealed, the button offers to hide it again. The buttons
// stay out of the Tab order (there is one per sentence); the `v` key reveals the focused or current
// sentence, Shift+V everything.
import { useId, useSyncExternalStore, type ReactNode } from 'react';
import type { Lang } from '../../common/edition/model';
import { useT } from '../i18n';
import { useOptionalSession } from '../session/context';
import type { RevealStore } from './reveal';

const noStore = { subscribe: () => () => undefined };

/** The open document's reveal state; none (everything shown) for the text without its narration. */
function useRevealStore(): RevealStore | null {
  return useOptionalSession()?.reveal ?? null;
}

export function RevealGate({ lang, ids, children }: { lang: Lang; ids: readonly string[]; children: ReactNode }) {
  const store = useRevealStore();
  const t = useT();
  const textId = useId();
  const subscribe = store ? store.subscribe : noStore.subscribe;
  const hidden = useSyncExternalStore(subscribe, () => store?.getSnapshot().hidden === lang);
  const shown = useSyncExternalStore(subscribe, () => !store || store.isShown(lang, ids));
  const button = hidden ? (
    <button
      type="button"
      className={`reveal-button ${shown ? 'is-revealed' : ''}`}
      tabIndex={-1}
      aria-expanded={shown}
      aria-controls={textId}
      aria-label={t(shown ? (lang === 'en' ? 'learning.hideEnLabel' : 'learning.hideDeLabel') : lang === 'en' ? 'learning.revealEnLabel' : 'learning.revealDeLabel')}
      aria-keyshortcuts="V"
      data-reveal={lang}
      onClick={() => store?.toggle(ids)}
    >
      {t(shown ? (lang === 'en' ? 'learning.hideEnglishAgain' : 'learning.hideGermanAgain') : lang === 'en' ? 'learning.showEnglish' : 'learning.showGerman')}
    </button>
  ) : null;
  return (
    <>
      {button}
      <span id={textId} className="reveal-text" hidden={!shown}>
        {children}
      </span>
    </>
  );
}
