// Anchors: what survives translation and so tells which sentences say the same. Numbers ("2020",
// "2,5" = "2.5"), names and other words that both texts share ("China", "Xinjiang", "Orwell",
// cognates such as "Technologie"/"technology"), compared after folding case and accents and
// transliterating Cyrillic and Greek to Latin ("Берлин" = "Berlin"). Which tokens count is
// learned from the two texts themselves, with no dictionary: a key must occur in both, and it
// weighs more the rarer it is and the more alike its frequency is on both sides (German "die"
// occurs in hundreds of sentences, English "die" in two: it weighs nothing).

import { splitWords } from '../text/words';

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '',
  ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'i', є: 'e', ґ: 'g', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', ђ: 'dj', џ: 'dz',
};
const GREEK: Record<string, string> = {
  α: 'a', β: 'b', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** Lowercase, without accents, in Latin letters where Cyrillic or Greek is written. */
export function foldWord(word: string): string {
  const bare = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const ch of bare) out += CYRILLIC[ch] ?? GREEK[ch] ?? ch;
  return out;
}

// Words are compared by their first letters, so that inflections and cognates meet
// ("digitale"/"digital", "Systems"/"system"); shorter words are mostly function words, whose
// chance matches across languages would only add noise.
const PREFIX = 5;
const MIN_WORD = 4;
const ACRONYM = /^\p{Lu}{2,}$/u;

/** The anchor keys of one sentence, each once: "#2020" for numbers, "=kp" for acronyms, word prefixes. */
export function anchorKeys(sentence: string): string[] {
  const keys = new Set<string>();
  for (const { text } of splitWords(sentence)) {
    if (/\p{Nd}/u.test(text)) {
      // Separators differ between languages (2,5 / 2.5; 1.000 / 1,000), so only digits count.
      // Digits in other scripts are read by their value, so "٢٠٢٠" meets "2020".
      const digits = Array.from(text.matchAll(/\p{Nd}/gu), (m) => digitValue(m[0])).join('');
      keys.add(`#${digits}`);
    } else if (ACRONYM.test(text)) {
      keys.add(`=${foldWord(text)}`);
    } else {
      const folded = foldWord(text);
      if (folded.length >= MIN_WORD) keys.add(folded.slice(0, PREFIX));
    }
  }
  return [...keys];
}

function digitValue(digit: string): string {
  const code = digit.codePointAt(0)!;
  // Every Unicode decimal digit block is ten consecutive code points starting at a zero.
  for (let zero = code; zero > code - 10; zero--) {
    if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) return String(code - zero);
  }
  return digit;
}

/** The anchors of both texts, as small integer ids with a weight each, ready for the aligner. */
export interface AnchorTable {
  /** Number of distinct keys. */
  size: number;
  /** Weight of each key, 0 to 1. */
  weight: Float64Array;
  /** 1 for a number's key, 0 for a word's. */
  isNumber: Uint8Array;
  /** Sentence i of A has the keys `keysA.slice(startA[i], startA[i + 1])`. */
  startA: Int32Array;
  keysA: Int32Array;
  startB: Int32Array;
  keysB: Int32Array;
}

/** Keys too weak to count are left out, so that the aligner's inner loop sees only useful ones. */
const MIN_WEIGHT = 0.05;

export function buildAnchors(a: readonly string[], b: readonly string[]): AnchorTable {
  const keysOfA = a.map(anchorKeys);
  const keysOfB = b.map(anchorKeys);
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (const keys of keysOfA) for (const k of keys) countA.set(k, (countA.get(k) ?? 0) + 1);
  for (const keys of keysOfB) for (const k of keys) countB.set(k, (countB.get(k) ?? 0) + 1);

  const total = a.length + b.length;
  // A key found once on each side weighs 1; one in every sentence weighs nothing.
  const scale = Math.log(1 + total / 2);
  const ids = new Map<string, number>();
  const weights: number[] = [];
  const numbers: number[] = [];
  for (const [key, inA] of countA) {
    const inB = countB.get(key);
    if (inB === undefined) continue;
    const rarity = Math.log(1 + total / (inA + inB)) / scale;
    const balance = Math.min(inA, inB) / Math.max(inA, inB);
    const weight = rarity * balance;
    // Numbers stay whatever their weight: the aligner counts the ones a pair fails to share.
    if (weight < MIN_WEIGHT && !key.startsWith('#')) continue;
    ids.set(key, weights.length);
    weights.push(weight);
    numbers.push(key.startsWith('#') ? 1 : 0);
  }

  const pack = (lists: string[][]): { start: Int32Array; keys: Int32Array } => {
    const start = new Int32Array(lists.length + 1);
    const flat: number[] = [];
    lists.forEach((keys, i) => {
      for (const k of keys) {
        const id = ids.get(k);
        if (id !== undefined) flat.push(id);
      }
      start[i + 1] = flat.length;
    });
    return { start, keys: Int32Array.from(flat) };
  };
  const packedA = pack(keysOfA);
  const packedB = pack(keysOfB);
  return {
    size: weights.length,
    weight: Float64Array.from(weights),
    isNumber: Uint8Array.from(numbers),
    startA: packedA.start,
    keysA: packedA.keys,
    startB: packedB.start,
    keysB: packedB.keys,
  };
}
