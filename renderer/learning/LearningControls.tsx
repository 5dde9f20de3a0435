// The learning bar beside the player: repeat, A-B loop, shadowing (with its options), hide and
// reveal a language, recording, and saving cards. Every control is a labelled button or field
// with its key; what changes is said once in a polite live region; nothing here takes the focus.
import { useEffect, useId, type ReactNode } from 'react';
import type { LearningMessage } from '../../common/learning/scheduler';
import { MAX_REPEAT_COUNT, MAX_SHADOWING_FACTOR, MIN_REPEAT_COUNT, MIN_SHADOWING_FACTOR } from '../../common/learning/scheduler';
import type { Lang } from '../../common/edition/model';
import { useCommand } from '../shell/shortcuts';
import { useT, useUiLanguage, type Translate } from '../i18n';
import { usePlayer } from '../player/player-context';
import type { UiLang } from '../i18n';
import { Recorder } from './Recorder';
import { LearningButton, preciseTime, useAnnouncer } from './ui';
import type { HiddenLanguage } from './reveal';
import { transcriptSelection } from './selection';
import { useLearningController, useLearningState, useRevealSnapshot } from './use-learning';
import '../ui/popover.css';
import './learning.css';

export function describeLearning(message: LearningMessage, t: Translate, lang: UiLang): string {
  switch (message.key) {
    case 'repeatOnce':
      return t('learning.announce.repeatOnce');
    case 'repeatMany':
      return t('learning.announce.repeatMany', { count: message.count });
    case 'repeatRising':
      return t('learning.announce.repeatRising', { count: message.count, from: message.from, to: message.to });
    case 'repeatDone':
      return t('learning.announce.repeatDone');
    case 'repeatStopped':
      return t('learning.announce.repeatStopped');
    case 'loopStart':
      return t('learning.announce.loopStart', { time: preciseTime(message.time, lang) });
    case 'loopSet':
      return t('learning.announce.loopSet', { from: preciseTime(message.from, lang), to: preciseTime(message.to, lang) });
    case 'loopInvalid':
      return t('learning.announce.loopInvalid');
    case 'loopCleared':
      return t('learning.announce.loopCleared');
    case 'shadowingOn':
      return t('learning.announce.shadowingOn', { factor: message.factor });
    case 'shadowingOff':
      return t('learning.announce.shadowingOff');
    case 'spanPlayed':
      return '';
  }
}

export function LearningControls({ extra }: { extra?: ReactNode }) {
  const t = useT();
  const lang = useUiLanguage();
  const player = usePlayer();
  const learning = useLearningController();
  const state = useLearningState();
  const reveal = useRevealSnapshot();
  const [announcer, announce] = useAnnouncer();
  const id = useId();
  const { scheduler, repeatCount, repeatRising } = state;

  useEffect(() => learning.events.on('announce', (message) => announce(describeLearning(message, t, lang))), [learning, t, lang, announce]);
  const toggleHidden = (which: Lang) => {
    const now = learning.reveal.toggleHidden(which);
    announce(now === 'none' ? t('learning.announce.shownAgain') : t(now === 'en' ? 'learning.announce.hiddenEn' : 'learning.announce.hiddenDe'));
  };
  const setHidden = (hidden: HiddenLanguage) => {
    learning.reveal.setHidden(hidden);
    announce(hidden === 'none' ? t('learning.announce.shownAgain') : t(hidden === 'en' ? 'learning.announce.hiddenEn' : 'learning.announce.hiddenDe'));
  };
  const revealCurrent = () => {
    const snapshot = learning.reveal.getSnapshot();
    if (snapshot.hidden === 'none') return announce(t('learning.announce.nothingHidden'));
    // The sentence that has the focus in the transcript, else the one heard now.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('#main [data-unit]') : null;
    let ids: string[] = [];
    if (focused) {
      ids = [...focused.querySelectorAll<HTMLElement>(`[data-sentence][data-lang="${snapshot.hidden}"]`)].map((el) => el.dataset.sentence!);
    }
    if (ids.length === 0) {
      const here = player.getPosition();
      ids = learning.reveal.idsFor(here.sentenceId, here.lang);
    }
    learning.reveal.toggle(ids);
  };
  const revealAll = () => {
    if (learning.reveal.getSnapshot().hidden === 'none') return announce(t('learning.announce.nothingHidden'));
    announce(learning.reveal.toggleAll() ? t('learning.announce.revealedAll') : t('learning.announce.hiddenAll'));
  };
  const loopSelection = () => {
    const selection = transcriptSelection();
    learning.loopSelection(selection);
    // The selection has done its work (as for a note or a card): a click on a word plays again.
    if (selection) window.getSelection()?.removeAllRanges();
  };

  useCommand('repeatSentence', () => learning.repeatOnce());
  useCommand('repeatSentenceMany', () => learning.repeatMany());
  useCommand('loopStart', () => learning.setLoopStart());
  useCommand('loopEnd', () => learning.setLoopEnd());
  useCommand('loopSelection', loopSelection);
  useCommand('clearLoop', () => learning.clearLoop());
  useCommand('toggleShadowing', () => learning.toggleShadowing());
  useCommand('toggleHideEnglish', () => toggleHidden('en'));
  useCommand('toggleHideGerman', () => toggleHidden('de'));
  useCommand('revealSentence', revealCurrent);
  useCommand('revealAll', revealAll);

  const loop = scheduler.loop;
  const status = scheduler.waiting
    ? t('learning.shadowingWaiting')
    : scheduler.repeat
      ? t('learning.repeating', { pass: scheduler.repeat.pass + 1, passes: scheduler.repeat.passes })
      : scheduler.loopActive
        ? t('learning.loopShown', { from: preciseTime(loop.a!, lang), to: preciseTime(loop.b!, lang) })
        : loop.a !== null
          ? t('learning.loopStartShown', { from: preciseTime(loop.a, lang) })
          : '';

  return (
    <div className="learning-bar" role="group" aria-label={t('learning.group')}>
      <div className="learning-cluster">
        <LearningButton label={t('learning.repeatLabel')} command="repeatSentence" onClick={() => learning.repeatOnce()}>
          {t('learning.repeat')}
        </LearningButton>
        <LearningButton
          label={repeatRising ? t('learning.repeatRisingLabel', { count: repeatCount }) : t('learning.repeatManyLabel', { count: repeatCount })}
          command="repeatSentenceMany"
          onClick={() => learning.repeatMany()}
        >
          {repeatRising ? t('learning.repeatRisingButton') : t('learning.repeatMany', { count: repeatCount })}
        </LearningButton>
      </div>
      <div className="learning-cluster">
        <LearningButton label={t('learning.loopALabel')} command="loopStart" onClick={() => learning.setLoopStart()} pressed={loop.a !== null}>
          {t('learning.loopA')}
        </LearningButton>
        <LearningButton label={t('learning.loopBLabel')} command="loopEnd" onClick={() => learning.setLoopEnd()} pressed={scheduler.loopActive}>
          {t('learning.loopB')}
        </LearningButton>
        <LearningButton label={t('learning.loopSelectionLabel')} command="loopSelection" onClick={loopSelection}>
          {t('learning.loopSelection')}
        </LearningButton>
        <LearningButton
          label={t('learning.loopClearLabel')}
          command="clearLoop"
          onClick={() => learning.clearLoop()}
          disabled={loop.a === null && loop.b === null && scheduler.repeat === null}
        >
          {t('learning.loopClear')}
        </LearningButton>
      </div>
      <div className="learning-cluster">
        <LearningButton label={t('learning.shadowingLabel')} command="toggleShadowing" onClick={() => learning.toggleShadowing()} pressed={scheduler.shadowing}>
          {t('learning.shadowing')}
        </LearningButton>
        <details className="learning-options">
          <summary className="popover-toggle" aria-label={t('learning.optionsLabel')}>{t('learning.options')}</summary>
          <div className="popover learning-popover">
            <label htmlFor={`${id}-count`}>{t('learning.repeatCount')}</label>
            <input
              id={`${id}-count`}
              type="number"
              min={MIN_REPEAT_COUNT}
              max={MAX_REPEAT_COUNT}
              step={1}
              value={repeatCount}
              onChange={(event) => event.target.value !== '' && learning.setRepeatCount(Number(event.target.value))}
            />
            <label className="learning-check">
              <input type="checkbox" checked={repeatRising} onChange={(event) => learning.setRepeatRising(event.target.checked)} />
              {t('learning.repeatRising')}
            </label>
            <label htmlFor={`${id}-factor`}>{t('learning.shadowingFactor')}</label>
            <input
              id={`${id}-factor`}
              type="number"
              min={MIN_SHADOWING_FACTOR}
              max={MAX_SHADOWING_FACTOR}
              step={0.1}
              value={scheduler.shadowingFactor}
              onChange={(event) => event.target.value !== '' && learning.setShadowingFactor(Number(event.target.value))}
            />
          </div>
        </details>
      </div>
      <div className="learning-cluster">
        <label htmlFor={`${id}-hide`} className="control-label">
          {t('learning.hide')}
        </label>
        <select id={`${id}-hide`} value={reveal.hidden} title={t('learning.hideLabel')} onChange={(event) => setHidden(event.target.value as HiddenLanguage)}>
          <option value="none">{t('learning.hideNone')}</option>
          <option value="en">{t('learning.hideEnglish')}</option>
          <option value="de">{t('learning.hideGerman')}</option>
        </select>
        <LearningButton
          label={t('learning.revealAllLabel')}
          command="revealAll"
          onClick={revealAll}
          pressed={reveal.hidden !== 'none' && reveal.allRevealed}
          disabled={reveal.hidden === 'none'}
        >
          {t('learning.revealAll')}
        </LearningButton>
      </div>
      <Recorder announce={announce} />
      {extra}
      <span
        className="learning-status"
        aria-hidden="true"
        data-testid="learning-status"
        data-loop-a={loop.a ?? undefined}
        data-loop-b={loop.b ?? undefined}
        data-waiting={scheduler.waiting ? 'true' : undefined}
      >
        {status}
      </span>
      {announcer}
    </div>
  );
}
