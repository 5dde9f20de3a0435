// The transcript: rendered by React once per document and layout; after that only the highlighter
// (driven by the player's frames) and the roving focus touch its DOM.
import { memo, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type MouseEvent } from 'react';
import type { Lang } from '../../common/edition/model';
import { useCommand } from '../shell/shortcuts';
import { usePlayer } from '../player/player-context';
import { buildTranscriptModel, type ChapterModel, type Layout } from './layout-model';
import { FollowController } from './follow';
import { buildRegistry, Highlighter } from './highlighter';
import { pairingOf } from '../../common/edition/pairing';
import { ParagraphView, type SentenceDecorations } from './ParagraphView';
import { useT } from '../i18n';
import './transcript.css';

export type { SentenceDecoration, SentenceDecorations } from './ParagraphView';

export interface TranscriptViewProps {
  layout: Layout;
  /** A small labelled button beside a sentence (e.g. its notes). */
  sentenceDecorations?: SentenceDecorations;
}

export function TranscriptView({ layout, sentenceDecorations }: TranscriptViewProps) {
  const player = usePlayer();
  const t = useT();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const [follow, setFollow] = useState<FollowController | null>(null);
  const highlighterRef = useRef<Highlighter | null>(null);
  const model = useMemo(() => buildTranscriptModel(player.edition, layout), [player.edition, layout]);
  const pairing = pairingOf(player.edition);

  useLayoutEffect(() => {
    const controller = new FollowController(scrollerRef.current!);
    setFollow(controller);
    return () => controller.destroy();
  }, []);

  // The highlight: one per document; it gets new elements whenever the transcript re-renders.
  useLayoutEffect(() => {
    if (!follow) return;
    const highlighter = new Highlighter(
      new Map(),
      pairing,
      player.getSnapshot().lang,
      (unit) => {
        follow.reveal(unit);
        moveRovingFocus(articleRef.current, unit, false);
      },
      (word) => follow.keepInView(word),
    );
    highlighterRef.current = highlighter;
    // The player moves its cursor first in every frame (and before it announces a jump).
    const offFrame = player.onFrame(() => highlighter.update(player.cursor));
    const offLanguage = player.events.on('language', (lang) => highlighter.setLanguage(lang));
    // A jump the listener asked for: light the new place now and bring it into view.
    const offJump = player.events.on('jumped', () => {
      highlighter.update(player.cursor);
      follow.resume(highlighter.currentUnit());
    });
    return () => {
      offFrame();
      offLanguage();
      offJump();
      highlighter.clear();
      highlighterRef.current = null;
    };
  }, [player, pairing, follow]);

  useLayoutEffect(() => {
    const article = articleRef.current;
    const highlighter = highlighterRef.current;
    if (!article || !highlighter) return;
    highlighter.setRegistry(buildRegistry(article));
    const first = article.querySelector<HTMLElement>('[data-unit]');
    if (first && !article.querySelector('[data-unit][tabindex="0"]')) first.tabIndex = 0;
    highlighter.update(player.cursor);
    follow?.reveal(highlighter.currentUnit(), true);
  }, [model, sentenceDecorations, player, follow]);

  const backToCurrent = () => {
    const unit = highlighterRef.current?.currentUnit() ?? null;
    follow?.resume(unit);
    if (unit) {
      moveRovingFocus(articleRef.current, unit, true);
    }
  };
  useCommand('backToCurrent', backToCurrent);
  useCommand('focusTranscript', () => {
    const unit = highlighterRef.current?.currentUnit() ?? articleRef.current?.querySelector<HTMLElement>('[data-unit]') ?? null;
    moveRovingFocus(articleRef.current, unit, true);
  });

  const onClick = (event: MouseEvent<HTMLElement>) => {
    const target = event.target as Element;
    if (target.closest('button, a, input, select, textarea')) return;
    // Selecting text (to copy or quote it) is not a request to play.
    if (window.getSelection()?.isCollapsed === false) return;
    const sentence = target.closest<HTMLElement>('[data-sentence]');
    const word = target.closest<HTMLElement>('[data-w]');
    const unit = target.closest<HTMLElement>('[data-unit]');
    if (!unit) return;
    const narrated: Lang = player.getSnapshot().lang;
    if (sentence && word && sentence.dataset.lang === narrated) player.playFromWord(sentence.dataset.sentence!, Number(word.dataset.w));
    else player.playFromSentence(sentence?.dataset.sentence ?? unit.dataset.unit!);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const unit = (event.target as HTMLElement).closest<HTMLElement>('[data-unit]');
    if (!unit || event.target !== unit || event.altKey || event.ctrlKey || event.metaKey) return;
    const units = Array.from(articleRef.current!.querySelectorAll<HTMLElement>('[data-unit]'));
    const at = units.indexOf(unit);
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown' || event.key === 'j') next = units[at + 1];
    else if (event.key === 'ArrowUp' || event.key === 'k') next = units[at - 1];
    else if (event.key === 'Home') next = units[0];
    else if (event.key === 'End') next = units[units.length - 1];
    else if (event.key === 'Enter') {
      event.preventDefault();
      player.playFromSentence(unit.dataset.unit!);
      return;
    } else return;
    event.preventDefault();
    if (next) {
      follow?.noteIntent();
      moveRovingFocus(articleRef.current, next, true);
    }
  };

  return (
    <div className="transcript-scroller" ref={scrollerRef}>
      <article
        ref={articleRef}
        className={`transcript layout-${layout}`}
        aria-label={t('transcript.label')}
        aria-describedby="transcript-keys"
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const unit = (event.target as HTMLElement).closest<HTMLElement>('[data-unit]');
          if (unit === event.target) moveRovingFocus(articleRef.current, unit, false);
        }}
      >
        <p id="transcript-keys" className="visually-hidden">
          {t('transcript.keys')}
        </p>
        <Chapters model={model} layout={layout} decorations={sentenceDecorations} />
      </article>
      {follow && <BackToCurrent follow={follow} onActivate={backToCurrent} />}
    </div>
  );
}

export const Chapters = memo(function Chapters({ model, layout, decorations }: { model: ChapterModel[]; layout: Layout; decorations: SentenceDecorations | undefined }) {
  return model.map(({ chapter, paragraphs }) => (
    // A chapter is a heading, not a landmark: seventeen named regions would bury the app's own
    // landmarks in a screen reader's list, while headings give the document's outline.
    <section key={chapter.id} className="chapter" data-chapter={chapter.id}>
      <h2 id={`heading-${chapter.id}`} className="chapter-heading">
        {layout !== 'en' && <span lang="de">{chapter.title.de}</span>}
        {layout !== 'de' && layout !== 'en' && <span className="heading-separator" aria-hidden="true"> · </span>}
        {layout !== 'de' && <span lang="en">{chapter.title.en}</span>}
      </h2>
      {paragraphs.map((p) => (
        <ParagraphView key={p.paragraph.id} model={p} layout={layout} decorations={decorations} />
      ))}
    </section>
  ));
});

function BackToCurrent({ follow, onActivate }: { follow: FollowController; onActivate(): void }) {
  const t = useT();
  const following = useSyncExternalStore(follow.subscribe, follow.isFollowing);
  if (following) return null;
  return (
    <button type="button" className="back-to-current" onClick={onActivate} aria-keyshortcuts="c">
      {t('transcript.backToCurrent')}
    </button>
  );
}

/** Roving tabindex: exactly one unit is in the Tab order; optionally focus it. */
function moveRovingFocus(article: HTMLElement | null, unit: HTMLElement | null, focus: boolean): void {
  if (!article || !unit) return;
  // While the reader's focus is inside the transcript, the narration must not pull the Tab stop away.
  if (!focus && article.contains(document.activeElement) && document.activeElement !== unit) return;
  const previous = article.querySelector<HTMLElement>('[data-unit][tabindex="0"]');
  if (previous !== unit) {
    if (previous) previous.tabIndex = -1;
    unit.tabIndex = 0;
  }
  if (focus) unit.focus();
}
