// A small typed event emitter: on() returns the function that undoes it, so a subscriber cleans up
// with the same value it got (the habit wavesurfer.js taught us).
type Listener<Args extends unknown[]> = (...args: Args) => void;

export class Emitter<Events extends { [K in keyof Events]: unknown[] }> {
  private listeners: { [K in keyof Events]?: Set<Listener<Events[K]>> } = {};

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    const set = (this.listeners[event] ??= new Set());
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends keyof Events>(event: K, ...args: Events[K]): void {
    const set = this.listeners[event];
    if (!set) return;
    // A copy, so a listener that unsubscribes (or subscribes) while we notify changes nothing now.
    for (const listener of [...set]) listener(...args);
  }

  clear(): void {
    this.listeners = {};
  }
}
