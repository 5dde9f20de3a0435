// Follow mode against a stand-in scroller and document: it brings the current unit into view while
// following, stops following when the reader scrolls away (a scroll shortly after a wheel, a
// scrollbar grab or a scrolling key), never because of its own scrolls, and resume() brings it back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FollowController } from '../../../renderer/transcript/follow';

type Listener = (event: { target?: unknown; key?: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean }) => void;

class FakeTarget {
  readonly listeners = new Map<string, Set<Listener>>();
  addEventListener(type: string, listener: Listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: Listener) {
    this.listeners.get(type)?.delete(listener);
  }
  dispatch(type: string, event: Parameters<Listener>[0] = {}) {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener(event);
  }
  get listenerCount(): number {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
}

function rect(top: number, height: number): DOMRect {
  return { top, bottom: top + height, height, left: 0, right: 800, width: 800, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
}

/** The transcript's scrolling box: 1000 px high, at the top of the window. */
class FakeScroller extends FakeTarget {
  scrollTop = 0;
  clientHeight = 1000;
  readonly scrolls: ScrollToOptions[] = [];
  getBoundingClientRect() {
    return rect(0, this.clientHeight);
  }
  scrollBy(options: ScrollToOptions) {
    this.scrolls.push(options);
    this.scrollTop += options.top ?? 0;
  }
}

/** A unit or word of the transcript at a place on screen. */
class FakeElement {
  readonly reveals: ScrollIntoViewOptions[] = [];
  /** The chapter the unit is in (none by default), and its first word (its first line). */
  chapter: FakeChapter | null = null;
  firstWord: FakeElement | null = null;
  constructor(
    public top: number,
    public height = 40,
  ) {}
  getBoundingClientRect() {
    return rect(this.top, this.height);
  }
  scrollIntoView(options: ScrollIntoViewOptions) {
    this.reveals.push(options);
  }
  closest(selector: string) {
    return selector === 'section.chapter' ? this.chapter : null;
  }
  querySelector(selector: string) {
    return selector === '[data-w]' ? this.firstWord : null;
  }
}

/** A chapter: its heading and its units, in order. */
class FakeChapter {
  constructor(
    readonly heading: FakeElement,
    readonly units: FakeElement[],
  ) {
    for (const unit of units) unit.chapter = this;
  }
  querySelector(selector: string) {
    if (selector === '.chapter-heading') return this.heading;
    if (selector === '[data-unit]') return this.units[0] ?? null;
    return null;
  }
}

let doc: FakeTarget & { documentElement: { dataset: Record<string, string> } };
let scroller: FakeScroller;
let follow: FollowController;

beforeEach(() => {
  vi.useFakeTimers();
  doc = Object.assign(new FakeTarget(), { documentElement: { dataset: {} as Record<string, string> } });
  vi.stubGlobal('document', doc);
  scroller = new FakeScroller();
  follow = new FollowController(scroller as unknown as HTMLElement);
  // Nothing the controller did at start counts as the reader's.
  vi.advanceTimersByTime(5000);
});
afterEach(() => {
  follow.destroy();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const el = (e: FakeElement) => e as unknown as HTMLElement;

/** A chapter's first unit (top, height; its first line `firstLine` high), below a heading (top, height). */
function firstOfChapter(heading: [number, number], unit: [number, number], firstLine?: number): FakeElement {
  const first = new FakeElement(...unit);
  if (firstLine !== undefined) first.firstWord = new FakeElement(unit[0], firstLine);
  new FakeChapter(new FakeElement(...heading), [first]);
  return first;
}

describe('FollowController: following', () => {
  it('brings a unit that left the comfortable part of the view to the middle, and leaves one inside it', () => {
    const inside = new FakeElement(400);
    follow.reveal(el(inside));
    expect(inside.reveals).toEqual([]);
    const below = new FakeElement(2000);
    follow.reveal(el(below));
    // Off screen: at once (a smooth scroll would crawl past pages of text).
    expect(below.reveals).toEqual([{ block: 'center', behavior: 'auto' }]);
    const nearBottom = new FakeElement(900);
    follow.reveal(el(nearBottom));
    // Still on screen: smoothly, so the eye can follow.
    expect(nearBottom.reveals).toEqual([{ block: 'center', behavior: 'smooth' }]);
  });

  it('shows a unit taller than most of the view from its start, and never smoothly when motion is reduced', () => {
    doc.documentElement.dataset.motion = 'reduce';
    const tall = new FakeElement(900, 700);
    follow.reveal(el(tall));
    expect(tall.reveals).toEqual([{ block: 'start', behavior: 'auto' }]);
  });

  it('brings a chapter’s first unit with the heading above it, the two in the middle', () => {
    const heading = new FakeElement(1950, 60);
    const first = new FakeElement(2020, 80);
    const second = new FakeElement(2110, 80);
    new FakeChapter(heading, [first, second]);
    follow.reveal(el(first));
    expect(first.reveals).toEqual([]);
    expect(scroller.scrolls).toEqual([{ top: (1950 + 2100) / 2 - 500, behavior: 'auto' }]);
    // A unit further into the chapter comes alone, as before.
    follow.reveal(el(second));
    expect(second.reveals).toEqual([{ block: 'center', behavior: 'auto' }]);
    expect(scroller.scrolls).toHaveLength(1);
  });

  it('at a large text size shows the heading at the top and the unit’s first line below it, or the unit alone when they do not fit', () => {
    const first = firstOfChapter([1500, 300], [1820, 900], 120);
    follow.reveal(el(first));
    expect(scroller.scrolls).toEqual([{ top: 1500, behavior: 'auto' }]);
    expect(first.reveals).toEqual([]);

    // A heading so tall that the unit's first line would be pushed out of the view: the voice's place wins.
    const after = firstOfChapter([1500, 950], [2460, 900], 120);
    follow.reveal(el(after));
    expect(after.reveals).toEqual([{ block: 'start', behavior: 'auto' }]);
    expect(scroller.scrolls).toHaveLength(1);
  });

  it('leaves a chapter’s first unit and its heading alone when both are comfortably in view', () => {
    const first = firstOfChapter([300, 60], [370, 80]);
    follow.reveal(el(first));
    expect(first.reveals).toEqual([]);
    expect(scroller.scrolls).toEqual([]);
    // The unit is comfortable but its heading is above the view: scrolled so both show.
    const below = firstOfChapter([90, 60], [160, 80]);
    follow.reveal(el(below));
    expect(scroller.scrolls).toEqual([{ top: (90 + 240) / 2 - 500, behavior: 'smooth' }]);
  });

  it('keeps the current word on screen by scrolling its line a third of the way down', () => {
    const word = new FakeElement(950, 30);
    follow.keepInView(el(word));
    expect(scroller.scrolls).toEqual([{ top: 950 - 1000 / 3, behavior: 'smooth' }]);
    const visible = new FakeElement(500, 30);
    follow.keepInView(el(visible));
    expect(scroller.scrolls).toHaveLength(1);
  });

  it('does not move the word while a reveal is still scrolling there', () => {
    follow.reveal(el(new FakeElement(2000)));
    follow.keepInView(el(new FakeElement(950, 30)));
    expect(scroller.scrolls).toEqual([]);
    vi.advanceTimersByTime(600);
    follow.keepInView(el(new FakeElement(950, 30)));
    expect(scroller.scrolls).toHaveLength(1);
  });

  it('its own scrolls never stop following', () => {
    follow.reveal(el(new FakeElement(2000)));
    scroller.dispatch('scroll');
    scroller.dispatch('scroll');
    expect(follow.isFollowing()).toBe(true);
  });
});

describe('FollowController: the reader scrolls away', () => {
  it('a scroll right after a wheel stops following, says so, and nothing is revealed any more', () => {
    const changed = vi.fn();
    follow.subscribe(changed);
    scroller.dispatch('wheel');
    vi.advanceTimersByTime(100);
    scroller.dispatch('scroll');
    expect(follow.isFollowing()).toBe(false);
    expect(changed).toHaveBeenCalledTimes(1);
    const below = new FakeElement(2000);
    follow.reveal(el(below));
    follow.keepInView(el(new FakeElement(950, 30)));
    expect(below.reveals).toEqual([]);
    expect(scroller.scrolls).toEqual([]);
    // Asked for explicitly (force), it still shows the place.
    follow.reveal(el(below), true);
    expect(below.reveals).toHaveLength(1);
  });

  it('a scroll long after the wheel is not the reader’s', () => {
    scroller.dispatch('wheel');
    vi.advanceTimersByTime(1001);
    scroller.dispatch('scroll');
    expect(follow.isFollowing()).toBe(true);
  });

  it('arrow keys and touch count as the reader’s intent; keys with a modifier and the player’s keys do not', () => {
    for (const key of [
      { key: 'ArrowDown', altKey: true },
      { key: 'ArrowUp', ctrlKey: true },
      { key: 'PageDown' },
      { key: ' ' },
    ]) {
      doc.dispatch('keydown', key);
      scroller.dispatch('scroll');
      expect(follow.isFollowing(), key.key).toBe(true);
    }
    doc.dispatch('keydown', { key: 'ArrowDown' });
    scroller.dispatch('scroll');
    expect(follow.isFollowing()).toBe(false);
    follow.resume(null);
    scroller.dispatch('touchmove');
    scroller.dispatch('scroll');
    expect(follow.isFollowing()).toBe(false);
  });

  it('a press on the scrollbar counts, a press on the text does not', () => {
    scroller.dispatch('pointerdown', { target: new FakeElement(10) });
    scroller.dispatch('scroll');
    expect(follow.isFollowing()).toBe(true);
    scroller.dispatch('pointerdown', { target: scroller });
    scroller.dispatch('scroll');
    expect(follow.isFollowing()).toBe(false);
  });

  it('moving between sentences by key reports itself as intent (noteIntent)', () => {
    follow.noteIntent();
    scroller.dispatch('scroll');
    expect(follow.isFollowing()).toBe(false);
  });
});

describe('FollowController: resume', () => {
  it('follows again and shows the place at once; the scroll that causes is not the reader’s', () => {
    scroller.dispatch('wheel');
    scroller.dispatch('scroll');
    expect(follow.isFollowing()).toBe(false);
    const changed = vi.fn();
    follow.subscribe(changed);
    const current = new FakeElement(-3000);
    follow.resume(el(current));
    expect(follow.isFollowing()).toBe(true);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(current.reveals).toEqual([{ block: 'center', behavior: 'auto' }]);
    scroller.dispatch('scroll');
    expect(follow.isFollowing()).toBe(true);
  });

  it('stop() stops following on request', () => {
    follow.stop();
    expect(follow.isFollowing()).toBe(false);
  });
});

describe('FollowController: destroy', () => {
  it('removes every listener it added, on the scroller and on the document', () => {
    expect(scroller.listenerCount).toBeGreaterThan(0);
    expect(doc.listenerCount).toBe(1);
    const changed = vi.fn();
    follow.subscribe(changed);
    follow.destroy();
    expect(scroller.listenerCount).toBe(0);
    expect(doc.listenerCount).toBe(0);
    follow.stop();
    expect(changed).not.toHaveBeenCalled();
  });
});
