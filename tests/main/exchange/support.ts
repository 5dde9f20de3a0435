// Documents for the exchange tests: the bundled interview with its real narration timings, the small
// fixture edition (every paragraph kind, shared English) with timings made to fit, and a German-only
// edition narrated in German only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edition } from '../../../common/edition/model';
import { parseEdition } from '../../../common/edition/parse';
import { parseTimedTranscript, type TimedTranscript } from '../../../common/timing/model';
import { fittingTiming } from '../library/support';
import { DOC, REPO, repoLibrary } from '../notes/helpers';

export { DOC, REPO };

export interface Narrated {
  edition: Edition;
  timing: TimedTranscript;
}

export async function interview(): Promise<Narrated> {
  const bundle = await repoLibrary().load(DOC);
  if (!bundle.timing) throw new Error(`the interview has no narration: ${bundle.timingProblem ?? ''} (run npm run narrate)`);
  return { edition: bundle.edition, timing: bundle.timing };
}

function fixture(name: string): Edition {
  const file = join(REPO, 'tests', 'fixtures', 'editions', name);
  const parsed = parseEdition(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.edition;
}

/** Checked like the app checks a narration, so the tests never run on timings the app would refuse. */
function checked(edition: Edition, timing: TimedTranscript): Narrated {
  const result = parseTimedTranscript(timing, edition);
  if (!result.ok) throw new Error(`test timings do not fit: ${result.problems.join('; ')}`);
  return { edition, timing: result.value };
}

export function small(): Narrated {
  const edition = fixture('valid-small.yaml');
  return checked(edition, fittingTiming(edition));
}

export function germanOnly(): Narrated {
  const edition = fixture('valid-german-only.yaml');
  const timing = fittingTiming(edition);
  delete timing.tracks.en;
  return checked(edition, timing);
}
