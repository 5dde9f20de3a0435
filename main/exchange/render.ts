// What an export of a document holds: the files of a format, as bytes with their names, before
// anything is written. Shared by the bridge's service and `npm run export`, so both give the very
// same files. Which languages: the one asked for, or every narrated one (an EPUB narrates one
// language: the first narrated, German when there is German narration).
import { BridgeError, type DocumentBundle } from '../../common/bridge/contract';
import type { DocumentExportFormat } from '../../common/bridge/exchange-contract';
import type { Lang } from '../../common/edition/model';
import { toBilingualMarkdown } from '../../common/exchange/markdown';
import { podcastJson, toPodcastChapters, toPodcastTranscript } from '../../common/exchange/podcast';
import { toSrt } from '../../common/exchange/srt';
import { syncMapJson, toSyncMap } from '../../common/exchange/syncmap';
import { timedLanguages, timedText } from '../../common/exchange/timed-text';
import { toChaptersVtt, toWebVtt } from '../../common/exchange/vtt';
import { buildEpub } from './epub';

export interface RenderedFile {
  /** What follows "<document>-<stamp>" in the name: ".de.vtt", ".md", … */
  suffix: string;
  mimeType: string;
  data: Uint8Array;
}

export interface RenderOptions {
  format: DocumentExportFormat;
  language?: Lang | undefined;
  /** Reads a track's audio by its media id (only an EPUB needs it). */
  readAudio(mediaId: string): Promise<Uint8Array>;
  modified?: Date;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const LANGUAGE_NAME: Record<Lang, string> = { de: 'German', en: 'English' };

export async function renderExport(bundle: DocumentBundle, { format, language, readAudio, modified }: RenderOptions): Promise<RenderedFile[]> {
  const { edition, timing } = bundle;
  if (format === 'md') return [{ suffix: '.md', mimeType: 'text/markdown', data: utf8(toBilingualMarkdown(edition, timing)) }];

  if (!timing) {
    throw new BridgeError('failed', `"${edition.id}" has no narration timings to export${bundle.timingProblem ? ` (${bundle.timingProblem})` : ''}; only the Markdown text can be exported.`);
  }
  const narrated = timedLanguages(edition, timing);
  if (language && !narrated.includes(language)) {
    throw new BridgeError('invalid-argument', `"${edition.id}" has no ${LANGUAGE_NAME[language]} narration; it is narrated in ${narrated.map((l) => LANGUAGE_NAME[l]).join(' and ')}.`);
  }
  const languages = language ? [language] : format === 'epub' ? narrated.slice(0, 1) : narrated;
  const files: RenderedFile[] = [];
  for (const lang of languages) {
    const timed = timedText(edition, timing, lang)!;
    switch (format) {
      case 'vtt':
        files.push({ suffix: `.${lang}.vtt`, mimeType: 'text/vtt', data: utf8(toWebVtt(timed)) });
        files.push({ suffix: `.${lang}.chapters.vtt`, mimeType: 'text/vtt', data: utf8(toChaptersVtt(timed)) });
        break;
      case 'srt':
        files.push({ suffix: `.${lang}.srt`, mimeType: 'application/x-subrip', data: utf8(toSrt(timed)) });
        break;
      case 'podcast':
        files.push({ suffix: `.${lang}.transcript.json`, mimeType: 'application/json', data: utf8(podcastJson(toPodcastTranscript(timed))) });
        files.push({ suffix: `.${lang}.chapters.json`, mimeType: 'application/json+chapters', data: utf8(podcastJson(toPodcastChapters(timed))) });
        break;
      case 'syncmap':
        files.push({ suffix: `.${lang}.syncmap.json`, mimeType: 'application/json', data: utf8(syncMapJson(toSyncMap(timed))) });
        break;
      case 'epub': {
        const audio = await readAudio(timed.mediaId);
        files.push({ suffix: `.${lang}.epub`, mimeType: 'application/epub+zip', data: buildEpub({ edition, timing, lang, audio, ...(modified ? { modified } : {}) }) });
        break;
      }
    }
  }
  return files;
}

/** "<document>-YYYY-MM-DD-hh-mm-ss": the stem every file of one export shares. */
export function exportStem(documentId: string, now: Date): string {
  return `${documentId}-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
}
