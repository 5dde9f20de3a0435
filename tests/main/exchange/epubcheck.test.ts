// The exported interview, checked by epubcheck (the reference EPUB validator; Debian package
// "epubcheck", installed by .ci/run): 0 errors and 0 warnings, for the German and the English
// narration. epubcheck is a jar; it is run through java so that it works where the binfmt
// handler that would run /usr/bin/epubcheck directly is not active (containers).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEpub } from '../../../main/exchange/epub';
import { interview, REPO } from './support';

const run = promisify(execFile);
const JAR = ['/usr/share/java/epubcheck.jar', '/usr/bin/epubcheck'].find((path) => existsSync(path));
const dir = mkdtempSync(join(tmpdir(), 'mitlesen-epubcheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  messages: { ID: string; severity: string; message: string; locations: { path: string; line: number }[] }[];
  checker: { nFatal: number; nError: number; nWarning: number };
}

describe('epubcheck on the exported interview', () => {
  it('finds epubcheck (apt-get install epubcheck; .ci/run does)', () => {
    expect(JAR, 'epubcheck is not installed').toBeDefined();
  });

  for (const lang of ['de', 'en'] as const) {
    it(`reports 0 errors and 0 warnings with the ${lang} narration`, async () => {
      const { edition, timing } = await interview();
      const audio = readFileSync(join(REPO, 'assets', 'narration', timing.tracks[lang]!.mediaId));
      const file = join(dir, `interview-${lang}.epub`);
      writeFileSync(file, buildEpub({ edition, timing, lang, audio }));
      const json = join(dir, `report-${lang}.json`);
      // epubcheck exits 1 when it finds errors; the report says what they are.
      await run('java', ['-jar', JAR!, file, '--json', json], { maxBuffer: 16 << 20 }).catch(() => undefined);
      const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
      const found = report.messages
        .filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE')
        .map((m) => `${m.severity} ${m.ID} ${m.locations[0]?.path ?? ''}:${m.locations[0]?.line ?? ''} ${m.message}`);
      expect(found).toEqual([]);
      expect(report.checker).toMatchObject({ nFatal: 0, nError: 0, nWarning: 0 });
    }, 120_000);
  }
});
