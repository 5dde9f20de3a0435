// The import's progress: what it is doing (sending the recording, decoding, aligning, reading
// aloud, adding), how far, and about how long is left, with the Cancel. The bar carries the whole
// line as its text, so a screen reader asked for it hears phase and percent together.
import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n';
import type { RunState, RunStep } from './use-import-run';

const STEP_LABELS: Record<RunStep, `import.step.${RunStep}`> = {
  uploading: 'import.step.uploading',
  narrating: 'import.step.narrating',
  decoding: 'import.step.decoding',
  aligning: 'import.step.aligning',
  adding: 'import.step.adding',
  pairing: 'import.step.pairing',
};

export function ImportProgress({ state, onCancel, takeFocus = true }: { state: Exclude<RunState, { step: 'idle' }>; onCancel(): void; takeFocus?: boolean }) {
  const t = useT();
  const id = useId();
  // The form (and the Import button that had the focus) is gone: the focus goes to Cancel.
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeFocus) cancelRef.current?.focus();
  }, [takeFocus]);
  const percent = state.progress === null ? null : Math.round(state.progress * 100);
  const left = state.secondsLeft === null ? '' : state.secondsLeft < 60 ? t('import.secondsLeft', { seconds: Math.max(1, state.secondsLeft) }) : t('import.minutesLeft', { minutes: Math.round(state.secondsLeft / 60) });
  const valueText = [percent === null ? t('import.working') : t('import.percent', { percent }), left].filter(Boolean).join(', ');
  return (
    <div className="import-progress">
      <label htmlFor={`${id}-bar`}>{t(STEP_LABELS[state.step])}</label>
      <progress id={`${id}-bar`} max={100} value={percent ?? undefined} aria-valuetext={valueText} />
      <span aria-hidden="true">{valueText}</span>
      <button ref={cancelRef} type="button" onClick={onCancel} aria-disabled={state.cancelling || undefined}>
        {state.cancelling ? t('import.cancelling') : t('import.cancel')}
      </button>
    </div>
  );
}
