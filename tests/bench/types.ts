// A benchmark reports figures; it never asserts (machines here are shared and noisy).
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** The figure we aim for, in words, e.g. "<= 0.03". */
  target?: string;
}

export interface BenchResult {
  name: string;
  rows: BenchRow[];
  /** Free-form context worth keeping with the figures (sizes, settings). */
  notes?: Record<string, string | number>;
}

/** Each `tests/bench/*.bench.ts` default-exports one of these. */
export type Benchmark = () => Promise<BenchResult>;
