// What screen readers hear besides the chapter changes (chapters/ChapterAnnouncer.tsx): each new
// sentence when the user asked for it (off by default), and "where am I" on its key. Each has its own
// polite live region, so one never cuts the other off, and each says a thing once: a sentence is
// announced when it starts, not again on pause, resume or a re-render.
import { languageTag } from '../../common/edition/language-tags';
import { useEffect, useRef, useState } from 'react';
import { describePlace } from '../../common/a11y/where';
import { useCommand } from '../shell/shortcuts';
import { useT } from '../i18n';
import { usePlayer, usePlayerState } from '../player/player-context';
import { useSettings } from '../settings/settings-context';
import { formatTime, speakTime } from '../ui/format';

export function SentenceAnnouncer() {
  const player = usePlayer();
  const { settings } = useSettings();
  const sentenceId = usePlayerState((s) => s.sentenceId);
  const lang = usePlayerState((s) => s.lang);
  const [message, setMessage] = useState<{ text: string; lang: string } | null>(null);
  const last = useRef<string | null>(sentenceId);

  useEffect(() => {
    if (sentenceId === last.current) return;
    last.current = sentenceId;
    if (!settings.announceSentences || !sentenceId) return;
    const sentence = player.edition.sentences.find((s) => s.id === sentenceId);
    const text = sentence ? sentence[lang] : '';
    if (text) setMessage({ text, lang: languageTag(player.edition, lang) });
  }, [sentenceId, lang, player, settings.announceSentences]);

  // Turning the option off silences what was queued.
  useEffect(() => {
    if (!settings.announceSentences) setMessage(null);
  }, [settings.announceSentences]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="sentence-announcer">
      {message && <span lang={message.lang}>{message.text}</span>}
    </div>
  );
}

/**
 * Says once that the document is open and can be played: a screen reader reads the page as it
 * loads (the loading screen, then a page that is still filling in), and nothing told the user when
 * it was done. The region is there from the first render, empty, so its message is announced.
 */
export function ReadyAnnouncer() {
  const t = useT();
  const player = usePlayer();
  const status = usePlayerState((s) => s.status);
  const duration = usePlayerState((s) => s.duration);
  const lang = usePlayerState((s) => s.lang);
  const [message, setMessage] = useState('');
  const said = useRef(false);
  useEffect(() => {
    if (said.current || status !== 'ready') return;
    said.current = true;
    const title = player.edition.title[lang] || player.edition.title.de;
    setMessage(t('player.ready', { title, count: player.edition.chapters.length, duration: speakTime(duration, t) }));
  }, [status, duration, lang, player, t]);
  // Said once, then gone: left in the page, Orca read it again when it lost its place (after a dialog).
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 5000);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="ready-announcer">
      {message}
    </div>
  );
}

export function WhereAmI() {
  const t = useT();
  const player = usePlayer();
  const [said, setSaid] = useState<{ text: string; n: number } | null>(null);

  useCommand('whereAmI', () => {
    const snapshot = player.getSnapshot();
    const place = describePlace(player.edition, snapshot.lang, snapshot.sentenceId, snapshot.chapterId);
    const parts: string[] = [];
    if (place) {
      parts.push(t('whereAmI.chapter', { number: place.chapterNumber, count: place.chapterCount, title: place.chapterTitle }));
      parts.push(
        place.sentenceNumber !== null && place.sentenceText
          ? t('whereAmI.sentence', { number: place.sentenceNumber, count: place.sentenceCount, text: place.sentenceText })
          : t('whereAmI.noSentence'),
      );
    }
    parts.push(t('whereAmI.time', { time: speakTime(player.heardTime(), t), total: speakTime(snapshot.duration, t) }));
    parts.push(t(snapshot.playing ? 'whereAmI.playing' : 'whereAmI.paused'));
    // A new element each time, so pressing the key twice is spoken twice.
    setSaid((previous) => ({ text: parts.join(' '), n: (previous?.n ?? 0) + 1 }));
  });

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="where-am-i">
      {said && (
        <span key={said.n} data-time={formatTime(player.heardTime())}>
          {said.text}
        </span>
      )}
    </div>
  );
}
