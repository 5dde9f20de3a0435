// Numbers written out the way a listener expects them, where eSpeak's own reading is wrong:
// German years ("1984" is "neunzehnhundertvierundachtzig", not "eintausendneunhundert…"),
// German ordinals ("im 19. Jahrhundert", which eSpeak reads as a sentence end) and English years
// ("nineteen eighty-four", "twenty twenty").

const DE_ONES = [
  'null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn',
  'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn',
];
const DE_TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];

/** "ein" inside compounds (einundzwanzig, einhundert), "eins" at the end (hunderteins). */
function deBelow100(n: number, final: boolean): string {
  if (n === 1) return final ? 'eins' : 'ein';
  if (n < 20) return DE_ONES[n]!;
  const unit = n % 10;
  const tens = DE_TENS[Math.floor(n / 10)]!;
  if (unit === 0) return tens;
  return `${unit === 1 ? 'ein' : DE_ONES[unit]}und${tens}`;
}

function deBelow1000(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds > 0 ? `${deBelow100(hundreds, false)}hundert` : '';
  if (rest === 0) return head || 'null';
  return head + deBelow100(rest, final);
}

/** German cardinal number in words, 0..999 999. */
export function germanCardinal(n: number, final = true): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`no German words for ${n}`);
  if (n < 1000) return deBelow1000(n, final);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  return `${deBelow1000(thousands, false)}tausend${rest > 0 ? deBelow1000(rest, final) : ''}`;
}

/** A year as Germans say it: 1100..1999 in hundreds ("neunzehnhundertvierundachtzig"). */
export function germanYear(n: number): string {
  if (n >= 1100 && n <= 1999) {
    const rest = n % 100;
    return `${deBelow100(Math.floor(n / 100), false)}hundert${rest > 0 ? deBelow100(rest, true) : ''}`;
  }
  return germanCardinal(n);
}

const DE_ORDINAL_IRREGULAR: Record<number, string> = { 1: 'erst', 3: 'dritt', 7: 'siebt', 8: 'acht' };

/** Ordinal stem without ending: 19 → "neunzehnt", 21 → "einundzwanzigst", 101 → "hunderterst". */
export function germanOrdinalStem(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new RangeError(`no German ordinal for ${n}`);
  const last = n % 100;
  if (n >= 100 && last > 0 && last < 20) return germanCardinal(n - last, false) + germanOrdinalStem(last);
  if (n < 20) return DE_ORDINAL_IRREGULAR[n] ?? `${DE_ONES[n]}t`;
  return `${germanCardinal(n, false)}st`;
}

/**
 * The ordinal with the ending its context most likely needs. After "der/die/das" the weak
 * nominative ending "-e" ("der 3. Platz"); everywhere else "-en", which covers the common
 * "im 19. Jahrhundert", "am 4. Juni", "des 21. Jahrhunderts". A guess, not grammar analysis.
 */
export function germanOrdinal(n: number, previousWord: string | null): string {
  const article = previousWord?.toLowerCase();
  const ending = article === 'der' || article === 'die' || article === 'das' ? 'e' : 'en';
  return germanOrdinalStem(n) + ending;
}

const EN_ONES = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function enBelow100(n: number): string {
  if (n < 20) return EN_ONES[n]!;
  const unit = n % 10;
  const tens = EN_TENS[Math.floor(n / 10)]!;
  return unit === 0 ? tens : `${tens}-${EN_ONES[unit]}`;
}

/**
 * A year as English speakers say it, in pairs ("nineteen eighty-four", "nineteen oh five",
 * "twenty twenty"); null where the plain number reading is right (2000..2009, other ranges).
 */
export function englishYear(n: number): string | null {
  if (!Number.isInteger(n) || n < 1100 || n > 2099 || (n >= 2000 && n <= 2009)) return null;
  const head = enBelow100(Math.floor(n / 100));
  const rest = n % 100;
  if (rest === 0) return `${head} hundred`;
  if (rest < 10) return `${head} oh ${EN_ONES[rest]}`;
  return `${head} ${enBelow100(rest)}`;
}
