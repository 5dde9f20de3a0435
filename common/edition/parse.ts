// Loads and validates an edition file (format: transcripts/README.md) into the model (./model.ts).
//
// Editors write these files by hand, so the parser's job is mostly to explain mistakes: it reports
// every problem it can find in one pass, each with the line to look at, and only builds the model
// when there are none. The YAML syntax itself is left to the `yaml` package. The work is split
// along its seams: ./yaml-nodes.ts reads nodes with their lines, ./hints.ts suggests fixes,
// ./checks.ts and ./check-*.ts hold the rules per section, and ./build.ts builds the model from the checked data.

import { isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { Edition } from './model';
import { buildEdition } from './build';
import { checkEdition } from './checks';
import { yamlErrorText } from './hints';
import { ProblemList, type EditionProblem } from './problems';
import { describe, NodeReader } from './yaml-nodes';

export type { EditionProblem } from './problems';
export { formatProblem } from './problems';

export type ParseResult = { ok: true; edition: Edition } | { ok: false; problems: EditionProblem[] };

export function parseEdition(source: string, file: string): ParseResult {
  try {
    return parseOrThrow(source, file);
  } catch (error) {
    // A loader that throws takes the whole app down with it; a file we cannot read is just a problem.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ file, line: 0, message: `could not read the edition (${reason})` }] };
  }
}

function parseOrThrow(source: string, file: string): ParseResult {
  const problems = new ProblemList(file);
  if (typeof source !== 'string') {
    problems.add(0, 'could not read the edition (its content is not text)');
    return { ok: false, problems: problems.sorted() };
  }

  const lineCounter = new LineCounter();
  // Duplicate keys are reported by the checks, with clearer words than the library's.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;

  // After a syntax error the node tree is a best guess, and checking it would mostly produce
  // confusing follow-on messages; the syntax errors alone are what the editor needs.
  if (doc.errors.length > 0) {
    // One error per line: the library often adds consequences of the first (a tab, then "nested
    // mappings" on the same line), and the first is the one to fix.
    const seen = new Set<number>();
    for (const error of doc.errors) {
      const line = lineAt(error.pos[0]);
      if (seen.has(line)) continue;
      seen.add(line);
      problems.add(line, `malformed YAML: ${yamlErrorText(error)}`);
    }
    return { ok: false, problems: problems.sorted() };
  }

  // Aliases would let one node stand in several places, which breaks "one line, one value" (and
  // the line numbers we report); the format has no use for them.
  visit(doc, {
    Alias(_, alias) {
      const line = alias.range ? lineAt(alias.range[0]) : 0;
      problems.add(line, `the alias *${alias.source} is not supported in an edition (write the value out)`);
    },
  });
  if (problems.count > 0) return { ok: false, problems: problems.sorted() };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null && isBlank(source))) {
    problems.add(0, 'the file is empty; an edition is a mapping with the keys id, title, speakers, chapters and paragraphs');
    return { ok: false, problems: problems.sorted() };
  }
  if (!isMap(root)) {
    problems.add(
      0,
      `the edition must be a mapping with the keys id, title, speakers, chapters and paragraphs (found ${describe(root)})`,
    );
    return { ok: false, problems: problems.sorted() };
  }

  const input = checkEdition(new NodeReader(problems, lineAt), root);
  if (problems.count > 0) return { ok: false, problems: problems.sorted() };
  const edition = input === null ? null : buildOrNull(input);
  if (edition === null) {
    // Unreachable if the checks are complete; kept so that a gap in them is never a silent failure.
    problems.add(0, 'could not build the edition although no problem was found (please report this)');
    return { ok: false, problems: problems.sorted() };
  }
  return { ok: true, edition };
}

/** The builder throws on data the checks should have refused; here that is a gap in the checks. */
function buildOrNull(input: Parameters<typeof buildEdition>[0]): Edition | null {
  try {
    return buildEdition(input);
  } catch {
    return null;
  }
}

function isBlank(source: string): boolean {
  return source.replace(/#[^\n]*/g, '').trim() === '';
}
