// "Check timings": for a recording the aligner timed, a header button with the number of sentences
// worth checking, and a dialog that lists them (time, text, why) so the listener can hear each one
// and take a note where the text and the recording disagree. Hidden when there is nothing to check,
// so the bundled narration (exact eSpeak times) never shows it.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { TimingMarksContext, type TimingMarks } from '../transcript/timing-marks';
import { usePlayer, usePlayerState } from '../player/player-context';
import { useT } from '../i18n';
import { formatTime } from '../ui/format';
import { useModalDialog } from '../ui/use-modal-dialog';
import { uncertainSentences } from './uncertain';
import '../ui/dialog.css';
import './timing-check.css';

/** The narrated language's sentences to check, worked out once per document and language. */
const uncertainCache = new WeakMap<object, Map<string, ReturnType<typeof uncertainSentences>>>();
function useUncertain() {
  const player = usePlayer();
  const lang = usePlayerState((s) => s.lang);
  const track = player.timing.tracks[lang];
  const list = useMemo(() => {
    if (!track) return [];
    const perLang = uncertainCache.get(track) ?? new Map<string, ReturnType<typeof uncertainSentences>>();
    uncertainCache.set(track, perLang);
    if (!perLang.has(lang)) perLang.set(lang, uncertainSentences(player.edition, track, lang));
    return perLang.get(lang)!;
  }, [player.edition, track, lang]);
  return { lang, list };
}

/** The sentences of the narrated language to mark in the transcript (see transcript/timing-marks.ts). */
export function TimingMarksProvider({ children }: { children: ReactNode }) {
  const { lang, list } = useUncertain();
  const value = useMemo<TimingMarks>(() => ({ lang, marks: new Map(list.map((s) => [s.id, s.reason === 'estimated' ? 'estimated' : 'weak'] as const)) }), [lang, list]);
  return <TimingMarksContext.Provider value={value}>{children}</TimingMarksContext.Provider>;
}

export function TimingCheckButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { list } = useUncertain();
  if (list.length === 0) return null;
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('timingCheck.button', { count: list.length })}
      </button>
      <TimingCheckDialog open={open} onClose={() => setOpen(false)} list={list} />
    </>
  );
}

function TimingCheckDialog({ open, onClose, list }: { open: boolean; onClose(): void; list: ReturnType<typeof uncertainSentences> }) {
  const t = useT();
  const player = usePlayer();
  const id = useId();
  const { dialogRef, handleClose, close } = useModalDialog(open, onClose, (dialog) => dialog.querySelector<HTMLElement>('.timing-check-list button'));
  return (
    <dialog ref={dialogRef} className="modal-dialog timing-check-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`} onClose={handleClose}>
      <div className="dialog-header">
        <h2 id={`${id}-title`}>
          {t('timingCheck.title', { count: list.length })}
        </h2>
        <button type="button" onClick={close}>
          {t('keys.close')}
        </button>
      </div>
      <p id={`${id}-help`} className="help-text">
        {t('timingCheck.help')}
      </p>
      <ol className="timing-check-list">
        {list.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              onClick={() => {
                close();
                player.playFromSentence(s.id);
              }}
            >
              <span className="timing-check-time">{formatTime(s.start)}</span> <span lang={player.edition.languages[0]}>{s.text}</span>
              <span className="timing-check-reason">
                {s.reason === 'estimated' ? t('timingCheck.estimated') : t('timingCheck.lowConfidence', { percent: Math.round((s.confidence ?? 0) * 100) })}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </dialog>
  );
}
