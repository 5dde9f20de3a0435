// The exported interview, checked by epubcheck (the reference EPUB validator; Debian package
// "epubcheck", installed by .ci/run): 0 errors and 0 warnings, for the German and the English
// narration; and the small fixture (every paragraph kind, shared English) and a German-only
// document, whose stand-in audio bytes epubcheck does not decode. epubcheck is a jar; it is run through java so that it works where the binfmt
// handler that would run /usr/bin/epubcheck directly is not active (containers).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEpub } from '../../../main/exchange/epub';
import { germanOnly, interview, REPO, small, type Narrated } from './support';

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

  async function check(name: string, bytes: Uint8Array): Promise<void> {
    const { found, checker } = await validate(name, bytes);
    expect(found).toEqual([]);
    expect(checker).toMatchObject({ nFatal: 0, nError: 0, nWarning: 0 });
  }

  async function validate(name: string, bytes: Uint8Array): Promise<{ found: string[]; checker: Report['checker'] }> {
    const file = join(dir, `${name}.epub`);
    writeFileSync(file, bytes);
    const json = join(dir, `${name}.json`);
    // epubcheck exits 1 when it finds errors; the report says what they are.
    await run('java', ['-jar', JAR!, file, '--json', json], { maxBuffer: 16 << 20 }).catch(() => undefined);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    const found = report.messages
      .filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE')
      .map((m) => `${m.severity} ${m.ID} ${m.locations[0]?.path ?? ''}:${m.locations[0]?.line ?? ''} ${m.message}`);
    return { found, checker: report.checker };
  }

  it('sees a broken EPUB as broken (so a pass above means something)', async () => {
    const { edition, timing } = small();
    const good = unzipSync(buildEpub({ edition, timing, lang: 'de', audio: new Uint8Array(2048).fill(0xff) }));
    // The SMIL's first text points at a span that is not there.
    const smil = strFromU8(good['OEBPS/smil/ch01.smil']!).replace('#de-s001', '#de-s999');
    const broken = zipSync({ mimetype: [good.mimetype!, { level: 0 }], ...Object.fromEntries(Object.entries(good).filter(([n]) => n !== 'mimetype')), 'OEBPS/smil/ch01.smil': strToU8(smil) });
    const { found, checker } = await validate('broken', broken);
    expect(checker.nError).toBeGreaterThan(0);
    expect(found.join('\n')).toContain('ch01.smil');
  }, 120_000);

  for (const lang of ['de', 'en'] as const) {
    it(`reports 0 errors and 0 warnings with the ${lang} narration`, async () => {
      const { edition, timing } = await interview();
      const audio = readFileSync(join(REPO, 'assets', 'narration', timing.tracks[lang]!.mediaId));
      await check(`interview-${lang}`, buildEpub({ edition, timing, lang, audio }));
    }, 120_000);
  }

  const others: [string, () => Narrated, 'de' | 'en'][] = [
    ['small-de', small, 'de'],
    ['small-en', small, 'en'],
    ['german-only', germanOnly, 'de'],
  ];
  it('marks a French text with its German translation as French and German, and passes as well', async () => {
    const { edition, timing } = small();
    const tagged = { ...edition, languageTags: { de: 'fr', en: 'de' } };
    const bytes = buildEpub({ edition: tagged, timing, lang: 'de', audio: new Uint8Array(2048).fill(0xff) });
    const files = unzipSync(bytes);
    const opf = strFromU8(files[Object.keys(files).find((n) => n.endsWith('.opf'))!]!);
    expect(opf).toContain('<dc:language>fr</dc:language>');
    expect(opf).toContain('<dc:language>de</dc:language>');
    const chapter = strFromU8(files[Object.keys(files).find((n) => /ch01\.xhtml$/.test(n))!]!);
    expect(chapter).toMatch(/<html [^>]*lang="fr" xml:lang="fr"/);
    expect(chapter).toContain('class="translation');
    expect(chapter).not.toMatch(/lang="en"/);
    await check('french-german', bytes);
  }, 120_000);

  for (const [name, doc, lang] of others) {
    it(`reports 0 errors and 0 warnings for ${name}`, async () => {
      const { edition, timing } = doc();
      await check(name, buildEpub({ edition, timing, lang, audio: new Uint8Array(2048).fill(0xff) }));
    }, 120_000);
  }
});
