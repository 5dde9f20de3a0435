// Follow mode: the transcript scrolls with the narration until the reader scrolls away on their
// own; then it stays put and offers a way back. Scrolls we cause ourselves never count as the
// reader's: only a scroll shortly after a wheel, touch, scrollbar grab or scrolling key does.
import { motionReduced } from '../theme/motion';
import { Emitter } from '../ui/emitter';

const INTENT_WINDOW_MS = 1000;
const REVEAL_SETTLE_MS = 600;

export class FollowController {
  private following = true;
  private lastIntent = Number.NEGATIVE_INFINITY;
  private lastReveal = Number.NEGATIVE_INFINITY;
  private readonly changes = new Emitter<{ change: [] }>();
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly scroller: HTMLElement) {
    const intent = () => {
      this.lastIntent = performance.now();
    };
    const listen = <K extends keyof HTMLElementEventMap>(type: K, handler: (event: HTMLElementEventMap[K]) => void) => {
      scroller.addEventListener(type, handler, { passive: true });
      this.cleanups.push(() => scroller.removeEventListener(type, handler));
    };
    listen('wheel', intent);
    listen('touchmove', intent);
    // A press on the scroller itself (not on its content) is a grab of the scrollbar.
    listen('pointerdown', (event) => {
      if (event.target === scroller) intent();
    });
    // Keys that scroll natively. PageUp/PageDown, Space, Home and End are the player's own commands
    // (they never scroll here), and moving between sentences reports itself through noteIntent().
    const onKey = (event: KeyboardEvent) => {
      if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !event.altKey && !event.ctrlKey && !event.metaKey) intent();
    };
    document.addEventListener('keydown', onKey, true);
    this.cleanups.push(() => document.removeEventListener('keydown', onKey, true));
    listen('scroll', () => {
      if (this.following && performance.now() - this.lastIntent < INTENT_WINDOW_MS) this.setFollowing(false);
    });
  }

  isFollowing = (): boolean => this.following;

  /** The reader is about to move the view themselves (e.g. focusing another sentence). */
  noteIntent(): void {
    this.lastIntent = performance.now();
  }

  subscribe = (listener: () => void): (() => void) => this.changes.on('change', listener);

  /**
   * Brings `element` into a comfortable view, if following (or if `force`). A chapter's first unit
   * comes with the chapter's heading above it (a jump to a chapter shows where it went), as long as
   * the heading and the unit's first line fit the view together; at a large text size a long heading
   * may not, and then the unit shows from its start, where the voice is.
   */
  reveal(element: HTMLElement | null, force = false): void {
    if (!element || (!this.following && !force)) return;
    const view = this.scroller.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    const headingTop = this.headingTopAbove(element, box, view);
    const top = headingTop ?? box.top;
    const comfortable = top >= view.top + view.height * 0.1 && box.bottom <= view.bottom - view.height * 0.2;
    if (comfortable) return;
    // A unit taller than most of the view (large text) shows from its start, where the voice is.
    const tall = box.bottom - top > view.height * 0.6;
    this.lastReveal = performance.now();
    if (headingTop === null) {
      element.scrollIntoView({ block: tall ? 'start' : 'center', behavior: this.behavior(box, view) });
      return;
    }
    const delta = tall ? top - view.top : (top + box.bottom) / 2 - (view.top + view.height / 2);
    this.scroller.scrollBy({ top: delta, behavior: this.behavior(box, view) });
  }

  /** Where the heading above a chapter's first unit starts, if the heading and the unit's first line fit the view. */
  private headingTopAbove(unit: HTMLElement, box: DOMRect, view: DOMRect): number | null {
    const chapter = unit.closest('section.chapter');
    if (!chapter || chapter.querySelector('[data-unit]') !== unit) return null;
    const heading = chapter.querySelector<HTMLElement>('.chapter-heading');
    if (!heading) return null;
    const top = heading.getBoundingClientRect().top;
    const firstLine = unit.querySelector('[data-w]')?.getBoundingClientRect() ?? box;
    return firstLine.bottom - top <= view.height ? top : null;
  }

  /**
   * Keeps the current word on screen while following: a unit taller than the view (large text, a
   * small window) is revealed from its start, and its later lines would otherwise run out of view.
   * Called when the word changes (a few times a second), never per frame; it reads two rectangles
   * and scrolls only when the word is about to leave the view.
   */
  keepInView(word: HTMLElement): void {
    // Not while a reveal is still scrolling there.
    if (!this.following || performance.now() - this.lastReveal < REVEAL_SETTLE_MS) return;
    const view = this.scroller.getBoundingClientRect();
    const box = word.getBoundingClientRect();
    // Move on while the word is still on the second-to-last line, so the next line is never cut.
    const margin = Math.min(view.height * 0.4, Math.max(view.height * 0.15, box.height * 1.4));
    if (box.top >= view.top && box.bottom <= view.bottom - margin) return;
    // Put the word's line a third of the way down, so the lines after it are visible too.
    const delta = box.top - (view.top + view.height / 3);
    this.scroller.scrollBy({ top: delta, behavior: this.behavior(box, view) });
  }

  /**
   * Smooth while the place is still on screen (it helps the eye keep it); at once when it is not
   * (the voice is already there, and a long jump would otherwise crawl past pages of text), and
   * always at once when motion is reduced.
   */
  private behavior(box: DOMRect, view: DOMRect): ScrollBehavior {
    const lineOnScreen = box.top >= view.top && box.top + Math.min(box.height, 80) <= view.bottom;
    return motionReduced() || !lineOnScreen ? 'auto' : 'smooth';
  }

  /** Follows the narration again and shows its place at once. */
  resume(element: HTMLElement | null): void {
    this.lastIntent = Number.NEGATIVE_INFINITY;
    this.setFollowing(true);
    this.reveal(element, true);
  }

  stop(): void {
    this.setFollowing(false);
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.changes.clear();
  }

  private setFollowing(following: boolean): void {
    if (following === this.following) return;
    this.following = following;
    this.changes.emit('change');
  }
}
