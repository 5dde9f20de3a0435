// `npm run generate`: adds a generated test document of a chosen size (text, timings, silent
// audio, peaks) to the library of a data folder, so tests, benchmarks and
// `npm run web -- --data-dir <folder>` can open a book-length document. Exit codes: 0 added,
// 1 it could not be added (the message says why), 2 the arguments are wrong (with the usage).
// Progress goes to stderr, the summary to stdout.

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathsFromRoot } from '../paths';
import { parseGenerateArgs, USAGE } from './generate/args';
import { generateDocument } from './generate/document';
import { createLibrary } from './library';

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

async function main(): Promise<void> {
  const parsed = parseGenerateArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`${parsed.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const dataDir = resolve(parsed.dataDir);
  const info = await stat(dataDir).catch(() => null);
  if (info && !info.isDirectory()) {
    console.error(`--data-dir: ${dataDir} is not a folder.\n\n${USAGE}`);
    process.exit(2);
  }

  const generated = await generateDocument({ ...parsed.options, progress: (step) => console.error(`[${elapsed()}] ${step}`) });
  console.error(`[${elapsed()}] checking and writing into ${dataDir}`);
  const root = resolve(import.meta.dirname, '..', '..');
  const paths = pathsFromRoot(root, dataDir);
  const library = createLibrary({ transcriptsDir: paths.transcriptsDir, narrationDir: paths.narrationDir, dataDir });
  const entry = await library.createOwnDocument(generated.input);

  const sizes = [
    `edition ${megabytes(Buffer.byteLength(generated.input.editionSource))}`,
    `timings ${megabytes(Buffer.byteLength(JSON.stringify(generated.timing)))}`,
    ...(generated.input.media ?? []).map((file) => `${file.name} ${megabytes(file.data?.length ?? 0)}`),
  ];
  const hours = Object.entries(generated.timing.tracks).map(([lang, track]) => `${lang} ${(track.duration / 3600).toFixed(2)} h`);
  console.log(
    [
      `Added "${entry.title.de}" as ${entry.id} to ${dataDir}`,
      `  ${generated.germanWords.toLocaleString('en')} German words, ${generated.sentences.toLocaleString('en')} sentences, ${parsed.options.chapters} chapters`,
      `  narration: ${hours.join(', ')}`,
      `  files: ${sizes.join(', ')}`,
      `  took ${elapsed()}`,
      `Open it with: npm run web -- --data-dir ${dataDir}`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`The document could not be generated: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
