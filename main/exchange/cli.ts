// `npm run export -- <document-id> --format vtt|srt|podcast|epub|md|syncmap --out <path>
// [--language de|en] [--data-dir <folder>]`: the export dialog's files, for people who script.
// The very same files as the app writes (render.ts); --out is a folder, or a file name when the
// export is a single file. Argument errors exit 2 with the usage; a failed export exits 1.
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DOCUMENT_EXPORT_FORMATS, type DocumentExportFormat } from '../../common/bridge/exchange-contract';
import { DOCUMENT_ID_PATTERN } from '../../common/bridge/ids';
import type { Lang } from '../../common/edition/model';
import { createLibrary } from '../library/library';
import { createMediaCatalog } from '../media/catalog';
import { pathsFromRoot } from '../paths';
import { defaultUserDataDir } from '../user-data';
import { writeExport } from './service';

const usage = `Usage: npm run export -- <document-id> --format <format> --out <path> [--language de|en] [--data-dir <folder>]
  <document-id>  the bundled interview is "china-sieht-alles"; your own are in the data folder's library/
  --format       vtt (WebVTT and a chapters track), srt, podcast (Podcasting 2.0 transcript and chapters),
                 epub (EPUB 3 with Media Overlays), md (bilingual Markdown), syncmap (aeneas-style JSON)
  --out          a folder for the files, or a file name when the export is one file
  --language     only this language (default: every narrated language; an EPUB narrates the first)
  --data-dir     the data folder holding your own documents (default: the desktop app's folder)`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        language: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length !== 1) fail(positionals.length === 0 ? 'Name the document to export.' : `One document at a time, not ${positionals.length}.`);
  const documentId = positionals[0]!;
  if (!DOCUMENT_ID_PATTERN.test(documentId)) fail(`"${documentId}" is not a document id (1-64 characters a-z, 0-9 or -).`);
  if (!values.format || !(DOCUMENT_EXPORT_FORMATS as readonly string[]).includes(values.format)) {
    fail(values.format ? `--format must be one of ${DOCUMENT_EXPORT_FORMATS.join(', ')}, not "${values.format}".` : '--format is required.');
  }
  if (!values.out) fail('--out is required.');
  if (values.language !== undefined && values.language !== 'de' && values.language !== 'en') fail(`--language must be de or en, not "${values.language}".`);

  const root = resolve(import.meta.dirname, '..', '..');
  const paths = pathsFromRoot(root, values['data-dir'] ? resolve(values['data-dir']) : defaultUserDataDir());
  const library = createLibrary({ transcriptsDir: paths.transcriptsDir, narrationDir: paths.narrationDir, dataDir: paths.dataDir });
  const media = createMediaCatalog((id) => library.mediaFolder(id));
  const out = resolve(values.out);
  const intoFolder = (existsSync(out) && statSync(out).isDirectory()) || values.out.endsWith('/');
  const folder = intoFolder ? out : dirname(out);
  await mkdir(folder, { recursive: true });

  const bundle = await library.load(documentId);
  const request = { format: values.format as DocumentExportFormat, ...(values.language ? { language: values.language as Lang } : {}) };
  const files = await writeExport(bundle, request, { folder, media, now: new Date() });
  if (!intoFolder) {
    if (files.length !== 1) {
      console.error(`This export is ${files.length} files; --out must be a folder for it (end it with "/"). They were written to ${folder}.`);
      for (const file of files) console.log(file.path);
      process.exit(1);
    }
    // Written atomically beside the target first, so renaming it into place is atomic too.
    await rename(files[0]!.path, out);
    files[0]!.path = out;
  }
  for (const file of files) console.log(`${file.path}  (${file.bytes.toLocaleString('en')} bytes)`);
}

main().catch((error: unknown) => {
  console.error(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
