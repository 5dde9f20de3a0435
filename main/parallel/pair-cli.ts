// `npm run pair -- <original> <translation> [--lines] [--json <out.json>]`: pairs a text with its
// translation sentence by sentence (common/align) and writes
//   { "pairs": [ { "a": [..], "b": [..], "confidence": 0.97 } ], "a": [sentences], "b": [sentences],
//     "uncertain": [indexes of pairs to check] }
// to the file named by --json or to stdout. Progress goes to stderr, so stdout stays clean JSON.
// Exit codes: 0 done, 1 a file could not be read or written, 2 bad arguments.

import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { alignSentences, type AlignProgress } from '../../common/parallel/align';
import { lineSentences, segmentText } from '../../common/text/segment';

const USAGE = `Usage: npm run pair -- <original> <translation> [options]

Pairs the sentences of a plain text (UTF-8) with those of its translation.

  --lines            take each non-empty line as one sentence, as given, instead of segmenting
  --json <out.json>  write the result there instead of to stdout
  --lang-a <tag>     language of the original (e.g. de), for its abbreviations and ordinals
  --lang-b <tag>     language of the translation (e.g. en, ru, el)
  --help             this text
`;

function usage(message: string): never {
  process.stderr.write(`pair: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function readText(file: string, role: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    process.stderr.write(`pair: cannot read the ${role} ${file}: ${reason}\n`);
    process.exit(1);
  }
}

function progressLine(): (progress: AlignProgress) => void {
  // On a terminal one line is rewritten in place; in a log, a line per stage and tenth.
  const tty = process.stderr.isTTY === true;
  let last = '';
  return ({ stage, fraction }) => {
    const line = `${stage} ${tty ? Math.round(fraction * 100) : Math.floor(fraction * 10) * 10}%`;
    if (line === last) return;
    last = line;
    process.stderr.write(tty ? `\rpair: ${line}   ` : `pair: ${line}\n`);
  };
}

/** The result as JSON, one pair and one sentence a line, so that a diff or a pager reads it. */
function formatResult(result: { pairs: object[]; a: string[]; b: string[]; uncertain: number[] }): string {
  const list = (items: readonly unknown[]): string => (items.length === 0 ? '[]' : `[\n    ${items.map((x) => JSON.stringify(x)).join(',\n    ')}\n  ]`);
  return `{\n  "pairs": ${list(result.pairs)},\n  "a": ${list(result.a)},\n  "b": ${list(result.b)},\n  "uncertain": ${JSON.stringify(result.uncertain)}\n}\n`;
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        lines: { type: 'boolean', default: false },
        json: { type: 'string' },
        'lang-a': { type: 'string' },
        'lang-b': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (parsed.positionals.length !== 2) usage(`expected two files, the original and its translation, got ${parsed.positionals.length}`);
  const [originalFile, translationFile] = parsed.positionals as [string, string];
  const out = parsed.values.json;
  if (out === '') usage('--json needs a file name');

  const [original, translation] = [await readText(originalFile, 'original'), await readText(translationFile, 'translation')];
  const split = (text: string, lang: string | undefined) => (parsed.values.lines ? lineSentences(text) : segmentText(text, lang));
  const a = split(original, parsed.values['lang-a']);
  const b = split(translation, parsed.values['lang-b']);
  process.stderr.write(`pair: ${a.length} sentences in ${originalFile}, ${b.length} in ${translationFile}\n`);

  const started = performance.now();
  const result = alignSentences(a, b, { onProgress: progressLine() });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}pair: ${result.pairs.length} pairs in ${seconds.toFixed(1)} s, ${result.uncertain.length} uncertain (confidence below 0.5)\n`);

  const json = formatResult({
    pairs: result.pairs.map((p) => ({ a: p.a, b: p.b, confidence: Math.round(p.confidence * 1000) / 1000 })),
    a: a.map((s) => s.text),
    b: b.map((s) => s.text),
    uncertain: result.uncertain,
  });
  if (out === undefined) {
    process.stdout.write(json);
    return;
  }
  try {
    await writeFile(out, json);
  } catch (error) {
    process.stderr.write(`pair: cannot write ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  process.stderr.write(`pair: written to ${out}\n`);
}

await main();
