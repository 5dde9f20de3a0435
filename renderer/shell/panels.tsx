// The side panels (chapters, notes) on small windows or at large text sizes: the frame measures
// itself in rem (so the text size setting and the system's zoom both count) and folds the panels
// away behind buttons in the header when the transcript would otherwise be squeezed. A feature that
// moves the focus into a folded panel (a new note) asks for it to be shown first: revealPanel().
import { createContext, useContext, useEffect, useState, type RefObject } from 'react';

export type PanelId = 'navigation' | 'sidebar';

export interface FrameSize {
  /** wide: chapters, transcript and notes side by side; medium: notes fold away; narrow: both do. */
  width: 'wide' | 'medium' | 'narrow';
  /** A short window: the player shows only its main controls. */
  short: boolean;
}

/** In rem of the interface's own size (1rem = the root font size, which the text size scales). */
export const WIDE_MIN_REM = 75;
export const MEDIUM_MIN_REM = 50;
export const SHORT_MAX_REM = 40;

export function frameSizeFor(widthPx: number, heightPx: number, remPx: number): FrameSize {
  const width = widthPx / remPx;
  const height = heightPx / remPx;
  return {
    width: width >= WIDE_MIN_REM ? 'wide' : width >= MEDIUM_MIN_REM ? 'medium' : 'narrow',
    short: height < SHORT_MAX_REM,
  };
}

/** The frame's size class, kept up to date by a ResizeObserver (and on a change of text size). */
export function useFrameSize(ref: RefObject<HTMLElement | null>): FrameSize {
  const [size, setSize] = useState<FrameSize>({ width: 'wide', short: false });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const next = frameSizeFor(element.clientWidth, element.clientHeight, rem);
      setSize((current) => (current.width === next.width && current.short === next.short ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // The root font size changes with the text size setting without resizing the frame.
    const styles = new MutationObserver(measure);
    styles.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
    return () => {
      observer.disconnect();
      styles.disconnect();
    };
  }, [ref]);
  return size;
}

const PanelContext = createContext<{ reveal(panel: PanelId): void }>({ reveal: () => undefined });

export const PanelProvider = PanelContext.Provider;

/** Shows a folded panel (at once, in the DOM) so the focus can move into it. */
export function useRevealPanel(): (panel: PanelId) => void {
  return useContext(PanelContext).reveal;
}
