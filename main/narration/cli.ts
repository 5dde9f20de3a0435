// `npm run narrate`: builds the narration of every edition (or of one, with --edition) when it is
// missing or stale, with progress per chapter and a summary. Exit code 0 when the narration is
// up to date afterwards, 1 with a message otherwise.

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../../common/edition/model';
import { buildNarration, formatDuration, NarrationError } from './build';
import { DEFAULT_REPO_ROOT, describeResult, editionFiles, narrationRoot } from './ensure';
import { DEFAULT_SETTINGS, VOICE_ROLES, type NarrationSettings, type VoiceRole } from './settings';

const HELP = `Usage: npm run narrate -- [options]

Builds assets/narration/<document>/ (audio, word timings, waveform peaks) from each edition in
transcripts/, skipping editions whose narration is up to date.

  --edition <file>         narrate only this edition.yaml
  --out <dir>              output folder (default: assets/narration)
  --force                  rebuild even when up to date
  --voice <lang>.<role>=<name>
                           use another eSpeak voice, e.g. --voice de.interviewer=de+f2
                           (roles: ${VOICE_ROLES.join(', ')})
  --rate <lang>=<wpm>      nominal speaking rate, e.g. --rate de=140
  --help                   this text
`;

function fail(message: string): never {
  process.stderr.write(`narrate: ${message}\n`);
  process.exit(1);
}

function applyOverrides(voices: string[], rates: string[]): NarrationSettings {
  const settings: NarrationSettings = structuredClone(DEFAULT_SETTINGS);
  for (const v of voices) {
    const m = /^(de|en)\.([a-z]+)=(.+)$/.exec(v);
    if (!m || !VOICE_ROLES.includes(m[2] as VoiceRole)) fail(`--voice expects <de|en>.<${VOICE_ROLES.join('|')}>=<voice>, got "${v}"`);
    const [, lang, role, name] = m;
    settings.voices[lang as Lang][role as VoiceRole] = { ...settings.voices[lang as Lang][role as VoiceRole], name: name! };
  }
  for (const r of rates) {
    const m = /^(de|en)=(\d+)$/.exec(r);
    if (!m) fail(`--rate expects <de|en>=<words per minute>, got "${r}"`);
    settings.rate[m[1] as Lang] = Number(m[2]);
  }
  return settings;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        edition: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        voice: { type: 'string', multiple: true, default: [] },
        rate: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`);
  }
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  const repoRoot = DEFAULT_REPO_ROOT;
  const settings = applyOverrides(args.voice ?? [], args.rate ?? []);
  const outRoot = args.out ? resolve(args.out) : narrationRoot(repoRoot);
  const files = args.edition ? [resolve(args.edition)] : await editionFiles(repoRoot);
  if (files.length === 0) fail(`no editions found under ${repoRoot}/transcripts`);

  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  for (const editionFile of files) {
    const result = await buildNarration({
      editionFile,
      outRoot,
      settings,
      force: args.force ?? false,
      log: say,
      onProgress: (p) =>
        say(`  ${p.lang}  ${p.chapterId.padEnd(5)} ${String(p.chapterIndex + 1).padStart(2)}/${p.chapterCount}  ${formatDuration(p.audioSeconds)} audio so far`),
    });
    for (const line of describeResult(result, repoRoot)) say(line);
  }
}

main().catch((error: unknown) => {
  if (error instanceof NarrationError) fail(error.message);
  fail(`the narration build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
