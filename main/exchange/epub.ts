// EPUB 3 with Media Overlays: the text with its narration, for reading systems that read aloud and
// highlight (Thorium, Apple Books, BookFusion) and for audiobook tools (Storyteller). The contents
// come from epub-content.ts; this packs them with fflate: the "mimetype" entry first and stored
// (uncompressed, no extra field), which is how a reading system recognises the file; the MP3 stored
// too (it does not compress), the text deflated.
import { readFile } from 'node:fs/promises';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Edition, Lang } from '../../common/edition/model';
import { timedText } from '../../common/exchange/timed-text';
import type { TimedTranscript } from '../../common/timing/model';
import { CONTAINER_XML, STYLE_CSS, chapterFiles, navDocument, packageDocument } from './epub-content';

export interface EpubInput {
  edition: Edition;
  timing: TimedTranscript;
  /** The narrated language; its audio goes inside and its sentences are highlighted. */
  lang: Lang;
  /** The narration audio of that language. */
  audio: Uint8Array;
  modified?: Date;
}

export function buildEpub({ edition, timing, lang, audio, modified = new Date() }: EpubInput): Uint8Array {
  const narrated = timedText(edition, timing, lang);
  if (!narrated) throw new Error(`"${edition.id}" has no ${lang === 'de' ? 'German' : 'English'} narration to put in an EPUB.`);
  const audioName = `${lang}.${narrated.mimeType === 'audio/ogg' ? 'ogg' : 'mp3'}`;
  const files = chapterFiles(edition, narrated, `../audio/${audioName}`);
  const text = (content: string): [Uint8Array, { level: 9 }] => [strToU8(content), { level: 9 }];
  // Key order is entry order: "mimetype" must come first.
  const entries: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': text(CONTAINER_XML),
    'OEBPS/package.opf': text(packageDocument({ edition, narrated, files, audioName, modified })),
    'OEBPS/nav.xhtml': text(navDocument(edition, files)),
    'OEBPS/style.css': text(STYLE_CSS),
  };
  for (const file of files) {
    entries[`OEBPS/text/${file.xhtmlName}`] = text(file.xhtml);
    if (file.smil && file.smilName) entries[`OEBPS/smil/${file.smilName}`] = text(file.smil);
  }
  entries[`OEBPS/audio/${audioName}`] = [audio, { level: 0 }];
  return zipSync(entries, { mtime: modified });
}

/** Builds the EPUB of a document whose narration lies in `mediaFolder` (see main/library). */
export async function buildEpubFromFolder(input: Omit<EpubInput, 'audio'>, audioPath: string): Promise<Uint8Array> {
  return buildEpub({ ...input, audio: await readFile(audioPath) });
}
