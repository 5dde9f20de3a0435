// A value React can subscribe to (useSyncExternalStore): a new object only when a field changed,
// so selectors that pick one field re-render only for that field.
import { Emitter } from './emitter';

export class Store<T extends object> {
  private readonly changes = new Emitter<{ change: [] }>();

  constructor(private value: T) {}

  get = (): T => this.value;

  subscribe = (listener: () => void): (() => void) => this.changes.on('change', listener);

  update(patch: Partial<T>): void {
    const changed = (Object.keys(patch) as (keyof T)[]).some((key) => this.value[key] !== patch[key]);
    if (!changed) return;
    this.value = { ...this.value, ...patch };
    this.changes.emit('change');
  }

  clear(): void {
    this.changes.clear();
  }
}
