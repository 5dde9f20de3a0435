// The table of contents: every chapter with its length in the narration heard, the current one
// marked; choosing one plays from its start.
import { languageTag } from '../../common/edition/language-tags';
import { useMemo } from 'react';
import { chapterDurations, startOf } from '../../common/timing/navigate';
import { usePlayer, usePlayerState } from '../player/player-context';
import { formatTime, speakTime } from '../ui/format';
import { useT } from '../i18n';
import './chapters.css';

const selectChapter = (s: { chapterId: string | null }) => s.chapterId;
const selectLang = (s: { lang: 'de' | 'en' }) => s.lang;

export function ChapterList() {
  const player = usePlayer();
  const current = usePlayerState(selectChapter);
  const lang = usePlayerState(selectLang);
  const t = useT();
  const durations = useMemo(() => chapterDurations(player.index(lang)), [player, lang]);

  return (
    <nav className="chapters" aria-labelledby="chapters-heading">
      <h2 id="chapters-heading" className="panel-heading">
        {t('chapters.heading')}
      </h2>
      <ol>
        {player.edition.chapters.map((chapter, i) => {
          const start = startOf(player.index(lang), 'chapter', chapter.id);
          const duration = durations.get(chapter.id) ?? 0;
          const isCurrent = chapter.id === current;
          return (
            <li key={chapter.id}>
              <button
                type="button"
                className="chapter-link"
                aria-current={isCurrent ? 'true' : undefined}
                disabled={start === null}
                onClick={() => start !== null && player.playFromTime(start)}
              >
                <span className="chapter-number">{i + 1}.</span>{' '}
                {/* Heard as "1. Title (length 18 seconds)": Orca heard the time twice, not called a
                    length, and a stray space before a comma (each grid cell is a block to it). The
                    seen time is left out of the name, the spoken length sits in the title's cell. */}
                <span className="chapter-title">
                  <span lang={languageTag(player.edition, lang)}>{chapter.title[lang]}</span>
                  <span className="visually-hidden"> ({t('chapters.length', { length: speakTime(duration, t) })})</span>
                </span>
                <span className="chapter-duration" aria-hidden="true">
                  <time dateTime={`PT${Math.round(duration)}S`}>{formatTime(duration)}</time>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
