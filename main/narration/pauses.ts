// Pauses inside a sentence that follow its punctuation. eSpeak pauses at commas for only about
// 0.15 s at our rate, which runs clauses together for a learner; here the silence at a comma is
// stretched to `comma` seconds, and at a colon, semicolon, dash or ellipsis to `clause` seconds.
// Silence is only ever added, and only where the audio is already silent, so no sound is cut.

export interface PauseTargets {
  comma: number;
  clause: number;
}

// Silence is inserted at the quietest point between the two words, and only if that point is
// quieter than this (-34 dBFS): eSpeak's pauses are digital zeros, but voices with an echo (f3)
// leave a faint tail in them.
const QUIET = 0.02;
const PROBE = 0.002;

/** The pause a stretch of text between two words asks for, in seconds; 0 for none. */
export function pauseFor(between: string, targets: PauseTargets): number {
  if (/[;:–—…]|\s-\s|\.\.\./u.test(between)) return targets.clause;
  if (/[,()]/u.test(between)) return targets.comma;
  return 0;
}

/** The quietest sample position in [from, to), judged over short windows, or -1 if none is quiet. */
function quietestPoint(samples: Float32Array, from: number, to: number, window: number): number {
  let best = -1;
  let bestLevel = QUIET;
  for (let at = Math.max(0, from); at + window <= Math.min(samples.length, to); at += window) {
    let level = 0;
    for (let i = at; i < at + window; i++) level = Math.max(level, Math.abs(samples[i]!));
    if (level < bestLevel) {
      bestLevel = level;
      best = at + Math.floor(window / 2);
    }
  }
  return best;
}

/**
 * Adds silence between words where the text asks for a longer pause than the engine made.
 * `words` are the written words' spans (seconds) in `samples`; `gaps[i]` is the text between word
 * i and word i + 1. Returns new samples and the words' spans moved accordingly.
 */
export function stretchPauses(
  samples: Float32Array,
  sampleRate: number,
  words: readonly [number, number][],
  gaps: readonly string[],
  targets: PauseTargets,
): { samples: Float32Array; words: [number, number][] } {
  const inserts: { at: number; count: number }[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const want = pauseFor(gaps[i] ?? '', targets);
    if (want <= 0) continue;
    const end = words[i]![1];
    const next = words[i + 1]![0];
    const missing = want - (next - end);
    if (missing <= 0.01) continue;
    const at = quietestPoint(samples, Math.round(end * sampleRate), Math.round(next * sampleRate), Math.round(PROBE * sampleRate));
    if (at < 0) continue;
    inserts.push({ at, count: Math.round(missing * sampleRate) });
  }
  if (inserts.length === 0) return { samples, words: words.map(([s, e]) => [s, e]) };

  const added = inserts.reduce((n, x) => n + x.count, 0);
  const out = new Float32Array(samples.length + added);
  let from = 0;
  let to = 0;
  for (const x of inserts) {
    out.set(samples.subarray(from, x.at), to);
    to += x.at - from + x.count;
    from = x.at;
  }
  out.set(samples.subarray(from), to);

  // A start on an insertion point moves past the silence; an end there stays before it.
  const shift = (t: number, isEnd: boolean): number => {
    let s = 0;
    for (const x of inserts) if (isEnd ? x.at < t * sampleRate : x.at <= t * sampleRate) s += x.count;
    return t + s / sampleRate;
  };
  return { samples: out, words: words.map(([s, e]) => [shift(s, false), shift(e, true)]) };
}
