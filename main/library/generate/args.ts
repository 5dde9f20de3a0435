// The command line of `npm run generate`, read into checked options; kept apart from the script so
// the rules (and their messages) are tested without starting a process.

import { parseArgs } from 'node:util';
import { checkOptions, type GenerateOptions } from './document';

export const USAGE = `Usage: npm run generate -- --words <n> --chapters <n> --title <title> --data-dir <folder> [--seed <text>] [--wpm <n>] [--id <id>]
  --words     German words in the document (100 to 2,000,000), e.g. 100000
  --chapters  chapters (1 to 5,000; at least 20 words each), e.g. 300
  --title     the document's title
  --data-dir  the data folder whose library gets the document (as for npm run web -- --data-dir)
  --seed      any text; the same options and seed give the same document (default: made from the options)
  --wpm       narration pace in words per minute (60 to 300, default 130)
  --id        the document id (default: the title's slug and a suffix from the seed)`;

export type ParsedArgs = { ok: true; help: true } | { ok: true; help: false; options: GenerateOptions; dataDir: string } | { ok: false; message: string };

function whole(text: string | undefined, name: string, problems: string[]): number {
  if (text === undefined) {
    problems.push(`--${name} is required`);
    return Number.NaN;
  }
  // Digits only (thousands separators allowed): "1e5" or "12abc" are more likely typing mistakes than meant.
  const digits = text.replace(/[_,]/g, '');
  if (!/^[0-9]+$/.test(digits)) {
    problems.push(`--${name} must be a whole number (got "${text}")`);
    return Number.NaN;
  }
  return Number(digits);
}

export function parseGenerateArgs(argv: readonly string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        words: { type: 'string' },
        chapters: { type: 'string' },
        title: { type: 'string' },
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        wpm: { type: 'string' },
        id: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help) return { ok: true, help: true };

  const problems: string[] = [];
  const words = whole(values.words, 'words', problems);
  const chapters = whole(values.chapters, 'chapters', problems);
  const wordsPerMinute = values.wpm === undefined ? undefined : whole(values.wpm, 'wpm', problems);
  if (values.title === undefined) problems.push('--title is required');
  const dataDir = values['data-dir'];
  if (dataDir === undefined || dataDir.trim() === '') problems.push('--data-dir is required (the generator never writes into your own data folder unasked)');
  if (values.seed !== undefined && values.seed === '') problems.push('--seed must not be empty');
  if (problems.length > 0) return { ok: false, message: problems.join('\n') };

  const options: GenerateOptions = {
    words,
    chapters,
    title: values.title!,
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    ...(wordsPerMinute !== undefined ? { wordsPerMinute } : {}),
    ...(values.id !== undefined ? { id: values.id } : {}),
  };
  const checked = checkOptions(options);
  if (checked.length > 0) return { ok: false, message: checked.join('\n') };
  return { ok: true, help: false, options, dataDir: dataDir! };
}
