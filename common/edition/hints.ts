// Hints that turn a mistake into its likely fix: the key a misspelt key means, a list written the
// way a sentence says it, and the YAML library's errors in words an editor can act on. Pure string
// work, kept apart from the checks so that each check reads as the rule it enforces.

const WHITESPACE_RUN = /[ \t\n\r\f\v]+/g;

/** Optimal string alignment distance: a swapped pair of letters is one typo, not two. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [];
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        row.push(i + j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** The allowed key a misspelt key most likely means, if any is close enough to guess. */
export function likelyKey(name: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = editDistance(name.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : null;
}

/** "a, b or c": how a message lists the choices. */
export function joinOr(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The YAML library's error on one line, with the usual cause added where we know it. */
export function yamlErrorText(error: { code: string; message: string }): string {
  if (error.code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (remove the extra "---" line)';
  const text = error.message.replace(WHITESPACE_RUN, ' ').trim();
  // The usual cause: an unquoted German sentence containing ": " (e.g. «Er sagte: Ja»).
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') return `${text} (if a text on this line contains ": ", put it in quotes)`;
  return text;
}
