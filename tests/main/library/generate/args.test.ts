// The command line of `npm run generate`: every option checked, with a message naming it.
import { describe, expect, it } from 'vitest';
import { parseGenerateArgs } from '../../../../main/library/generate/args';

const base = ['--words', '100000', '--chapters', '300', '--title', 'Das Buch', '--data-dir', '/tmp/x'];

describe('parseGenerateArgs', () => {
  it('reads the options', () => {
    expect(parseGenerateArgs([...base, '--seed', 'a', '--wpm', '150', '--id', 'buch'])).toEqual({
      ok: true,
      help: false,
      dataDir: '/tmp/x',
      options: { words: 100000, chapters: 300, title: 'Das Buch', seed: 'a', wordsPerMinute: 150, id: 'buch' },
    });
    expect(parseGenerateArgs(['--words', '100,000', ...base.slice(2)])).toMatchObject({ ok: true, options: { words: 100000 } });
    expect(parseGenerateArgs(['--help'])).toEqual({ ok: true, help: true });
  });

  const refused: [string[], RegExp][] = [
    [base.slice(2), /--words is required/],
    [base.slice(0, 6), /--data-dir is required/],
    [['--words', '1e5', ...base.slice(2)], /--words must be a whole number \(got "1e5"\)/],
    [['--words=-5', ...base.slice(2)], /--words must be a whole number/],
    [['--words', '50', ...base.slice(2)], /from 100 to 2,000,000/],
    [[...base.slice(0, 2), '--chapters', '0', ...base.slice(4)], /--chapters must be a whole number from 1/],
    [[...base.slice(0, 2), '--chapters', '6000', ...base.slice(4)], /--chapters must be a whole number from 1 to 5,000/],
    [['--words', '1000', '--chapters', '100', ...base.slice(4)], /at least 20 per chapter \(2000 for 100 chapters\)/],
    [[...base.slice(0, 4), '--title', ' ', ...base.slice(6)], /--title must not be empty/],
    [[...base.slice(0, 4), '--title', 'a\nb', ...base.slice(6)], /one line/],
    [[...base, '--wpm', '1000'], /--wpm must be a whole number from 60 to 300/],
    [[...base, '--seed', ''], /--seed must not be empty/],
    [[...base, '--colour', 'red'], /Unknown option '--colour'/],
    [[...base, 'extra'], /positional/],
  ];
  for (const [args, message] of refused) {
    it(`refuses ${args.join(' ')}`, () => {
      const parsed = parseGenerateArgs(args);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(message);
    });
  }
});
