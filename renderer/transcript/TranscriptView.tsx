// The transcript: rendered by React once per document and layout; after that only the highlighter
// (driven by the player's frames) and the roving focus touch its DOM.
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type MouseEvent } from 'react';
import type { Lang } from '../../common/edition/model';
import { useCommand } from '../shell/shortcuts';
import { usePlayer, usePlayerState } from '../player/player-context';
import { chapterWindow, placeholderHeight, visit } from './chapter-window';
import { buildTranscriptModel, shownLayout, type ChapterModel, type Layout } from './layout-model';
import { FollowController } from './follow';
import { buildRegistry, Highlighter } from './highlighter';
import { pairingOf } from '../../common/edition/pairing';
import { ParagraphView, type SentenceDecorations } from './ParagraphView';
import { useT } from '../i18n';
import { FOCUS_HOME_ATTRIBUTE } from '../ui/use-modal-dialog';
import { pairCommand, usePairEditor } from '../translation/pair-editor';
import { PairMenu, type PairMenuPlace } from '../translation/PairMenu';
import { useLanguageTag } from './language-tags';
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
  // The snapshot's edition, not the player's field: a pair fixed shows here without reopening.
  const edition = usePlayerState((s) => s.edition);
  const model = useMemo(() => buildTranscriptModel(edition, layout), [edition, layout]);
  const pairing = pairingOf(edition);

  // A long document renders the chapters around the one heard (chapter-window.ts).
  const chapterId = usePlayerState((s) => s.chapterId);
  const chapterIndex = useMemo(() => new Map(model.map((c, i) => [c.chapter.id, i])), [model]);
  const [visited, setVisited] = useState<number[]>([]);
  const [pxPerSentence, setPxPerSentence] = useState(48);
  const current = chapterIndex.get(chapterId ?? '') ?? 0;
  const rendered = useMemo(
    () => chapterWindow(model.length, edition.sentences.length, current, visited),
    [model.length, edition.sentences.length, current, visited],
  );
  const shownKey = [...rendered.shown].sort((a, b) => a - b).join(',');
  const onVisit = useMemo(() => (index: number) => setVisited((list) => (list.at(-1) === index ? list : visit(list, index))), []);
  // Where the focus goes once a chapter the reader moved into has rendered.
  const pendingFocus = useRef<{ chapter: number; at: 'first' | 'last' } | null>(null);

  // After a fix to the pairs the rows are drawn anew: the focus goes back to the sentence fixed, once
  // its chapter is rendered. A joined or split row is a new element, and the first frames can still
  // replace it (the chapter window settles), so for a moment a focus that fell to the page is put back.
  const pairEditor = usePairEditor();
  const [pairMenu, setPairMenu] = useState<PairMenuPlace | null>(null);
  const closePairMenu = useCallback(() => setPairMenu(null), []);
  useLayoutEffect(() => {
    // Asked each time the edition shown changes.
    const focusAfterEdit = pairEditor?.takeFocus() ?? null;
    if (!focusAfterEdit) return;
    const until = performance.now() + 1500;
    let frame = 0;
    // Until the unit has had the focus once, the focus is the edit's to give (it may sit on the
    // row the sentence has just left); after that a focus elsewhere is the reader's own move.
    let given = false;
    const unitOf = () => articleRef.current?.querySelector<HTMLElement>(`[data-sentence="${focusAfterEdit}"]`)?.closest<HTMLElement>('[data-unit]') ?? null;
    const step = () => {
      const unit = unitOf();
      const active = document.activeElement;
      // The reader moved on: leave the focus where they put it. A dialog's (Check pairs, where the
      // fix was made) is the reader's too: the transcript is behind it.
      if (given && active && active !== document.body && active !== unit) return;
      if (active?.closest('dialog[open]')) return;
      if (unit && active !== unit) moveRovingFocus(articleRef.current, unit, true);
      if (unit) given = true;
      if (!unit) {
        const chapter = chapterIndex.get(pairing.sentence(focusAfterEdit)?.chapterId ?? '');
        if (chapter !== undefined) onVisit(chapter);
      }
      if (performance.now() < until) frame = requestAnimationFrame(step);
    };
    step();
    return () => cancelAnimationFrame(frame);
    // Once per edition shown: the maps are those of that edition.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [edition, pairEditor]);

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

  // What the last registry was built for: a new text (document, layout, decorations) brings the
  // place into view; only more chapters rendered (the reader scrolled on) must not pull it back.
  const builtFor = useRef<{ model: unknown; decorations: unknown } | null>(null);
  useLayoutEffect(() => {
    const article = articleRef.current;
    const highlighter = highlighterRef.current;
    if (!article || !highlighter) return;
    highlighter.setRegistry(buildRegistry(article));
    const first = article.querySelector<HTMLElement>('[data-unit]');
    if (first && !article.querySelector('[data-unit][tabindex="0"]')) makeStop(first);
    highlighter.update(player.cursor);
    const newText = builtFor.current?.model !== model || builtFor.current?.decorations !== sentenceDecorations;
    builtFor.current = { model, decorations: sentenceDecorations };
    follow?.reveal(highlighter.currentUnit(), newText);
    const pending = pendingFocus.current;
    if (pending) {
      const units = article.querySelectorAll<HTMLElement>(`[data-chapter-index="${pending.chapter}"] [data-unit]`);
      const target = pending.at === 'first' ? units[0] : units[units.length - 1];
      if (target) {
        pendingFocus.current = null;
        follow?.noteIntent();
        moveRovingFocus(article, target, true);
      }
    }
    // Placeholders keep the height rendered sentences have had, so the scroll bar stays honest.
    const full = [...article.querySelectorAll<HTMLElement>('section.chapter[data-rendered]')];
    const sentences = full.reduce((n, el) => n + el.querySelectorAll('[data-unit]').length, 0);
    if (full.length < model.length && sentences > 20) {
      const measured = full.reduce((h, el) => h + el.getBoundingClientRect().height, 0) / sentences;
      if (Math.abs(measured - pxPerSentence) / pxPerSentence > 0.15) setPxPerSentence(measured);
    }
  }, [model, sentenceDecorations, player, follow, shownKey, pxPerSentence]);

  // A chapter not rendered comes in once it nears the view (scrolling by hand or by a screen reader).
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const article = articleRef.current;
    if (!scroller || !article) return;
    const placeholders = article.querySelectorAll<HTMLElement>('section.chapter:not([data-rendered])');
    if (placeholders.length === 0) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) onVisit(Number((entry.target as HTMLElement).dataset.chapterIndex));
      },
      { root: scroller, rootMargin: '50% 0px' },
    );
    placeholders.forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, [shownKey, model, onVisit]);

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

  // The pair fixes by pointer (a translation the learner added): the sentence's own menu.
  const onContextMenu = (event: MouseEvent<HTMLElement>) => {
    const unit = (event.target as Element).closest<HTMLElement>('[data-unit]');
    if (!pairEditor || !unit) return;
    event.preventDefault();
    setPairMenu({ sentenceId: unit.dataset.unit!, x: event.clientX, y: event.clientY, returnTo: unit });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const unit = (event.target as HTMLElement).closest<HTMLElement>('[data-unit]');
    if (!unit || event.target !== unit) return;
    if (pairEditor && (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10'))) {
      event.preventDefault();
      const box = unit.getBoundingClientRect();
      setPairMenu({ sentenceId: unit.dataset.unit!, x: box.left + 16, y: box.bottom, returnTo: unit });
      return;
    }
    const pairs = pairEditor && pairCommand(event);
    if (pairs) {
      event.preventDefault();
      void (pairs === 'undo' ? pairEditor.undo() : pairs === 'redo' ? pairEditor.redo() : pairEditor.edit(pairs, unit.dataset.unit!));
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const units = Array.from(articleRef.current!.querySelectorAll<HTMLElement>('[data-unit]'));
    const at = units.indexOf(unit);
    let next: HTMLElement | undefined;
    const chapterOf = (el: HTMLElement | undefined) => Number(el?.closest<HTMLElement>('section.chapter')?.dataset.chapterIndex ?? -1);
    // Past the chapters rendered: render the next (or previous, first, last) one and move there.
    const into = (chapter: number, where: 'first' | 'last') => {
      if (chapter < 0 || chapter >= model.length) return;
      pendingFocus.current = { chapter, at: where };
      onVisit(chapter);
    };
    if (event.key === 'ArrowDown' || event.key === 'j') {
      next = units[at + 1];
      if (chapterOf(next) > chapterOf(unit) + 1 || (!next && chapterOf(unit) < model.length - 1)) {
        next = undefined;
        into(chapterOf(unit) + 1, 'first');
      }
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      next = units[at - 1];
      if ((next && chapterOf(next) < chapterOf(unit) - 1) || (!next && chapterOf(unit) > 0)) {
        next = undefined;
        into(chapterOf(unit) - 1, 'last');
      }
    } else if (event.key === 'Home') {
      next = chapterOf(units[0]) === 0 ? units[0] : undefined;
      if (!next) into(0, 'first');
    } else if (event.key === 'End') {
      next = chapterOf(units[units.length - 1]) === model.length - 1 ? units[units.length - 1] : undefined;
      if (!next) into(model.length - 1, 'last');
    }
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
        className={`transcript layout-${shownLayout(edition, layout)}`}
        aria-label={t('transcript.label')}
        aria-describedby="transcript-keys"
        onClick={onClick}
        onContextMenu={onContextMenu}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const unit = (event.target as HTMLElement).closest<HTMLElement>('[data-unit]');
          if (unit !== event.target) return;
          moveRovingFocus(articleRef.current, unit, false);
          // A grid row the reader is on is the selected one: Orca says "not selected" after every
          // sentence otherwise.
          if (unit.getAttribute('role') === 'row') unit.setAttribute('aria-selected', 'true');
        }}
        onBlur={(event) => {
          const unit = event.target as HTMLElement;
          if (unit.dataset.unit !== undefined) unit.removeAttribute('aria-selected');
        }}
      >
        <p id="transcript-keys" className="visually-hidden">
          {t('transcript.keys')}
        </p>
        <Chapters model={model} layout={layout} decorations={sentenceDecorations} shown={rendered.shown} pxPerSentence={pxPerSentence} grid />
      </article>
      {follow && <BackToCurrent follow={follow} onActivate={backToCurrent} />}
      {pairMenu && pairEditor && <PairMenu place={pairMenu} editor={pairEditor} onClose={closePairMenu} />}
    </div>
  );
}

interface ChaptersProps {
  model: ChapterModel[];
  layout: Layout;
  decorations: SentenceDecorations | undefined;
  /** Chapter indexes rendered in full (every one when omitted); the others show their heading. */
  shown?: ReadonlySet<number>;
  pxPerSentence?: number;
  /** Each chapter's two-language rows as a grid the arrow keys move through (ParagraphView.tsx). */
  grid?: boolean;
}

export const Chapters = memo(function Chapters({ model, layout, decorations, shown, pxPerSentence = 48, grid = false }: ChaptersProps) {
  const rows = grid && layout !== 'de' && layout !== 'en';
  const deTag = useLanguageTag('de');
  const enTag = useLanguageTag('en');
  return model.map(({ chapter, paragraphs }, index) => {
    const full = !shown || shown.has(index);
    const body = full && paragraphs.map((p) => <ParagraphView key={p.paragraph.id} model={p} layout={layout} decorations={decorations} grid={rows} />);
    return (
      // A chapter is a heading, not a landmark: seventeen named regions would bury the app's own
      // landmarks in a screen reader's list, while headings give the document's outline.
      <section
        key={chapter.id}
        className="chapter"
        data-chapter={chapter.id}
        data-chapter-index={index}
        data-rendered={full ? 'true' : undefined}
        style={full ? undefined : { minHeight: placeholderHeight(chapter.sentenceIds.length, pxPerSentence) }}
      >
        <h2 id={`heading-${chapter.id}`} className="chapter-heading">
          {layout !== 'en' && <span lang={deTag} id={`heading-${chapter.id}-de`}>{chapter.title.de}</span>}
          {layout !== 'de' && layout !== 'en' && <span className="heading-separator" aria-hidden="true"> · </span>}
          {layout !== 'de' && <span lang={enTag} id={`heading-${chapter.id}-en`}>{chapter.title.en}</span>}
        </h2>
        {rows && full ? (
          <div role="grid" aria-readonly="true" aria-labelledby={`heading-${chapter.id}-de heading-${chapter.id}-en`} className="chapter-grid">
            {body}
          </div>
        ) : (
          body
        )}
      </section>
    );
  });
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

/** The unit in the Tab order, and where a dialog gives the focus back when its opener is gone. */
function makeStop(unit: HTMLElement): void {
  unit.tabIndex = 0;
  unit.setAttribute(FOCUS_HOME_ATTRIBUTE, '');
}

/** Roving tabindex: exactly one unit is in the Tab order; optionally focus it. */
function moveRovingFocus(article: HTMLElement | null, unit: HTMLElement | null, focus: boolean): void {
  if (!article || !unit) return;
  // While the reader's focus is inside the transcript, the narration must not pull the Tab stop away.
  if (!focus && article.contains(document.activeElement) && document.activeElement !== unit) return;
  const previous = article.querySelector<HTMLElement>('[data-unit][tabindex="0"]');
  if (previous !== unit) {
    if (previous) {
      previous.tabIndex = -1;
      previous.removeAttribute(FOCUS_HOME_ATTRIBUTE);
    }
    makeStop(unit);
  }
  if (focus) unit.focus();
}
