// Calm announcements for screen readers: the chapter when it changes (never every word), and the
// current chapter in the window title.
import { useEffect, useRef, useState } from 'react';
import { usePlayer, usePlayerState } from '../player/player-context';
import { useT } from '../i18n';

export function ChapterAnnouncer() {
  const player = usePlayer();
  const chapterId = usePlayerState((s) => s.chapterId);
  const lang = usePlayerState((s) => s.lang);
  const [message, setMessage] = useState('');
  const t = useT();
  const first = useRef(true);
  const index = player.edition.chapters.findIndex((c) => c.id === chapterId);
  const chapter = player.edition.chapters[index];

  useEffect(() => {
    const title = chapter ? chapter.title[lang] : '';
    document.title = [title, player.edition.title[lang], 'Mitlesen'].filter(Boolean).join(' – ');
  }, [chapter, lang, player]);

  useEffect(() => {
    // Opening the document is not a change of chapter.
    if (first.current) {
      first.current = false;
      return;
    }
    if (chapter) setMessage(t('chapters.announce', { number: index + 1, count: player.edition.chapters.length, title: chapter.title[lang] }));
    // Only a change of chapter (or narration language) is news; a change of UI language is not,
    // nor a pair fixed (a new edition, so new chapter objects, of the same chapters).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chapter?.id, index, lang, player]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="chapter-announcer">
      {message}
    </div>
  );
}
