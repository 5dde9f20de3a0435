// The one animation-frame loop: while the narration plays, each frame reads the clock once and hands
// that time to every listener (highlight, waveform cursor, time display). When paused it runs a
// single frame on request (after a seek), so a still player costs nothing.
import { messageOf } from './persistence';

export class FrameLoop {
  private readonly listeners = new Set<(time: number) => void>();
  private request = 0;
  private stopped = false;

  constructor(
    private readonly readTime: () => number,
    private readonly keepRunning: () => boolean,
  ) {}

  add(listener: (time: number) => void): () => void {
    this.listeners.add(listener);
    this.requestFrame();
    return () => this.listeners.delete(listener);
  }

  /** Runs one frame soon (and keeps running while `keepRunning()`). */
  requestFrame(): void {
    if (!this.request && !this.stopped) this.request = requestAnimationFrame(this.frame);
  }

  stop(): void {
    this.stopped = true;
    if (this.request) cancelAnimationFrame(this.request);
    this.request = 0;
    this.listeners.clear();
  }

  private readonly frame = (): void => {
    this.request = 0;
    // Ask for the next frame first, so our work runs early in every frame from now on.
    if (this.keepRunning()) this.requestFrame();
    const time = this.readTime();
    for (const listener of this.listeners) {
      try {
        listener(time);
      } catch (error) {
        console.error('player: a frame listener failed', messageOf(error));
      }
    }
  };
}
