// Follow mode: the transcript scrolls with the narration until the reader scrolls away on their
// own; then it stays put and offers a way back. Scrolls we cause ourselves never count as the
// reader's: only a scroll shortly after a wheel, touch, scrollbar grab or scrolling key does.
import { motionReduced } from '../theme/motion';
import { Emitter } from '../ui/emitter';

const INTENT_WINDOW_MS = 1000;

export class FollowController {
  private following = true;
  private lastIntent = Number.NEGATIVE_INFINITY;
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

  /** Brings `element` into a comfortable view, if following (or if `force`). */
  reveal(element: HTMLElement | null, force = false): void {
    if (!element || (!this.following && !force)) return;
    const view = this.scroller.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    const comfortable = box.top >= view.top + view.height * 0.1 && box.bottom <= view.bottom - view.height * 0.2;
    if (comfortable) return;
    // No smooth scrolling when motion is reduced (the setting, or the system's wish).
    const smooth = !motionReduced();
    element.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
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
