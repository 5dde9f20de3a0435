// Reads an EPUB 3 with Media Overlays (ours, or one made by Storyteller or another tool) into its
// timed sentences: for each <par> of each overlay, in spine order, the text of the element its
// <text> points at and the audio clip of its <audio>. The archive is hostile until proven otherwise:
// entry names must stay inside the book, entries are refused by count, size and compression ratio
// before they are unpacked (a zip bomb is caught by its headers), XML with entity declarations is
// refused (xml.ts), and every href must resolve to an entry that exists. Problems name the entry and
// the line.
import { unzipSync } from 'fflate';
import { posix } from 'node:path';
import { DEFAULT_LIMITS, ImportError, megabytes, type ImportLimits } from './limits';
import { XmlError, byId, findAll, localName, parseXml, textOf, type XmlElement } from './xml';

export interface EpubPar {
  /** The SMIL entry and the line of the <par>. */
  smil: string;
  line: number;
  /** The XHTML entry and the fragment the text points at. */
  textFile: string;
  fragment: string;
  /** The text of that element, whitespace collapsed. */
  text: string;
  audioFile: string;
  clipBegin: number;
  clipEnd: number;
}

export interface EpubBook {
  title: string;
  languages: string[];
  /** The overlays in spine order, each with its pars in order. */
  overlays: { smil: string; textFile: string; declaredDuration: number | null; pars: EpubPar[] }[];
  /** The package's total media:duration, if stated. */
  declaredDuration: number | null;
  activeClass: string | null;
  /** The audio entries the overlays use, unpacked. */
  audio: Map<string, Uint8Array>;
}

const SMALL_ENTRY = 64 * 1024;

/** A path inside the book, or null when it is absolute, has "..", backslashes or a drive letter. */
function safeEntryName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..');
}

function unpack(bytes: Uint8Array, file: string, limits: ImportLimits): Map<string, Uint8Array> {
  if (bytes.length > limits.archiveBytes) throw new ImportError(`${file}: the archive is larger than ${megabytes(limits.archiveBytes)}; refused.`);
  let count = 0;
  let total = 0;
  let refusal: string | null = null;
  const entries = new Map<string, Uint8Array>();
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      // Called with each entry's header before anything is inflated: refusing here unpacks nothing.
      filter(entry) {
        if (refusal) return false;
        count += 1;
        total += entry.originalSize;
        const where = `${file}, entry "${entry.name}"`;
        if (!safeEntryName(entry.name)) refusal = `${where}: the path points outside the book (absolute, "..", or a drive); refused.`;
        else if (count > limits.entries) refusal = `${file}: more than ${limits.entries} entries; refused.`;
        else if (entry.originalSize > limits.entryBytes) refusal = `${where}: unpacks to ${megabytes(entry.originalSize)}, more than the ${megabytes(limits.entryBytes)} allowed for one entry; refused.`;
        else if (total > limits.totalBytes) refusal = `${where}: the entries unpack to more than ${megabytes(limits.totalBytes)} together; refused.`;
        else if (entry.originalSize > SMALL_ENTRY && entry.originalSize / Math.max(1, entry.size) > limits.entryRatio) {
          refusal = `${where}: packed ${Math.round(entry.originalSize / Math.max(1, entry.size))} to 1, more than any real book (${limits.entryRatio} to 1); refused as a likely zip bomb.`;
        }
        return refusal === null && !entry.name.endsWith('/');
      },
    });
  } catch (error) {
    throw new ImportError(`${file}: not a readable ZIP archive (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (refusal) throw new ImportError(refusal);
  for (const [name, data] of Object.entries(unzipped)) entries.set(name, data);
  return entries;
}

/** Resolves `href` (relative to the entry `from`) to an entry name, refusing what leaves the book. */
function resolveHref(from: string, href: string, where: string): { entry: string; fragment: string } {
  const hash = href.indexOf('#');
  const path = decodeURIComponent(hash === -1 ? href : href.slice(0, hash));
  const fragment = hash === -1 ? '' : decodeURIComponent(href.slice(hash + 1));
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/')) throw new ImportError(`${where}: "${href}" points outside the book; refused.`);
  const joined = path === '' ? from : posix.normalize(posix.join(posix.dirname(from), path));
  if (joined.startsWith('../') || joined === '..' || posix.isAbsolute(joined)) throw new ImportError(`${where}: "${href}" points outside the book; refused.`);
  return { entry: joined, fragment };
}

/** SMIL clock values: "h:mm:ss.fff", "mm:ss.fff", or a count with h, min, s or ms (seconds when bare). */
export function parseClock(value: string): number | null {
  const text = value.trim();
  let match = /^(?:(\d+):)?([0-5]?\d):([0-5]\d(?:\.\d+)?)$/.exec(text);
  if (match) return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  match = /^(\d+(?:\.\d+)?)(h|min|s|ms)?$/.exec(text);
  if (!match) return null;
  const n = Number(match[1]);
  return match[2] === 'h' ? n * 3600 : match[2] === 'min' ? n * 60 : match[2] === 'ms' ? n / 1000 : n;
}

export function readEpub(bytes: Uint8Array, file: string, limits: ImportLimits = DEFAULT_LIMITS): EpubBook {
  const entries = unpack(bytes, file, limits);
  const text = (name: string, where: string): string => {
    const data = entries.get(name);
    if (!data) throw new ImportError(`${where}: "${name}" is not in the book.`);
    return new TextDecoder().decode(data);
  };
  const xml = (name: string, where: string): XmlElement => {
    try {
      return parseXml(text(name, where), `${file}, entry "${name}"`);
    } catch (error) {
      if (error instanceof XmlError) throw new ImportError(error.message);
      throw error;
    }
  };
  const mimetype = entries.get('mimetype');
  if (!mimetype || new TextDecoder().decode(mimetype).trim() !== 'application/epub+zip') {
    throw new ImportError(`${file}: there is no "mimetype" entry saying application/epub+zip; this is not an EPUB.`);
  }

  const container = xml('META-INF/container.xml', file);
  const rootfile = findAll(container, 'rootfile')[0];
  const opfHref = rootfile?.attributes['full-path'];
  if (!opfHref) throw new ImportError(`${file}, entry "META-INF/container.xml": no rootfile names the package document.`);
  const opfName = resolveHref('', opfHref, `${file}, entry "META-INF/container.xml", line ${rootfile.line}`).entry;
  const opf = xml(opfName, `${file}, entry "META-INF/container.xml"`);
  const at = (name: string, line: number) => `${file}, entry "${name}", line ${line}`;

  const metas = findAll(opf, 'meta');
  const metaValue = (property: string, refines?: string) =>
    metas.find((m) => m.attributes.property === property && (refines === undefined ? !m.attributes.refines : m.attributes.refines === refines));
  const clockOf = (meta: XmlElement | undefined) => (meta ? parseClock(textOf(meta)) : null);

  const manifest = new Map<string, { href: string; entry: string; type: string; overlay: string | null; line: number }>();
  for (const item of findAll(opf, 'item')) {
    const { id, href } = item.attributes;
    if (!id || !href) throw new ImportError(`${at(opfName, item.line)}: a manifest item needs an id and an href.`);
    const { entry } = resolveHref(opfName, href, `${at(opfName, item.line)} (item "${id}")`);
    manifest.set(id, { href, entry, type: item.attributes['media-type'] ?? '', overlay: item.attributes['media-overlay'] ?? null, line: item.line });
  }

  const audio = new Map<string, Uint8Array>();
  const overlays: EpubBook['overlays'] = [];
  for (const itemref of findAll(opf, 'itemref')) {
    const item = manifest.get(itemref.attributes.idref ?? '');
    if (!item) throw new ImportError(`${at(opfName, itemref.line)}: the spine names "${itemref.attributes.idref ?? ''}", which the manifest does not list.`);
    if (!item.overlay) continue;
    const overlay = manifest.get(item.overlay);
    if (!overlay) throw new ImportError(`${at(opfName, item.line)}: media-overlay "${item.overlay}" is not in the manifest.`);
    const smil = xml(overlay.entry, at(opfName, overlay.line));
    const xhtmlCache = new Map<string, XmlElement>();
    const pars: EpubPar[] = [];
    for (const par of findAll(smil, 'par')) {
      const where = at(overlay.entry, par.line);
      const textEl = par.children.find((c): c is XmlElement => 'name' in c && localName(c.name) === 'text');
      const audioEl = par.children.find((c): c is XmlElement => 'name' in c && localName(c.name) === 'audio');
      if (!textEl?.attributes.src) throw new ImportError(`${where}: the <par> has no <text src>.`);
      const target = resolveHref(overlay.entry, textEl.attributes.src, where);
      if (!entries.has(target.entry)) throw new ImportError(`${where}: the text "${textEl.attributes.src}" points at "${target.entry}", which is not in the book.`);
      let doc = xhtmlCache.get(target.entry);
      if (!doc) {
        doc = xml(target.entry, where);
        xhtmlCache.set(target.entry, doc);
      }
      const element = target.fragment ? byId(doc, target.fragment) : null;
      if (!element) throw new ImportError(`${where}: the text "${textEl.attributes.src}" points at no element: "${target.entry}" has no id "${target.fragment}".`);
      let clipBegin = 0;
      let clipEnd = 0;
      let audioFile = '';
      if (audioEl) {
        if (!audioEl.attributes.src) throw new ImportError(`${where}: the <audio> has no src.`);
        const source = resolveHref(overlay.entry, audioEl.attributes.src, where);
        const data = entries.get(source.entry);
        if (!data) throw new ImportError(`${where}: the audio "${audioEl.attributes.src}" is not in the book (looked for "${source.entry}").`);
        audio.set(source.entry, data);
        audioFile = source.entry;
        const begin = parseClock(audioEl.attributes.clipBegin ?? '0');
        const end = audioEl.attributes.clipEnd === undefined ? null : parseClock(audioEl.attributes.clipEnd);
        if (begin === null) throw new ImportError(`${where}: clipBegin "${audioEl.attributes.clipBegin}" is not a SMIL clock value.`);
        if (end === null) throw new ImportError(`${where}: clipEnd "${audioEl.attributes.clipEnd ?? ''}" is missing or not a SMIL clock value.`);
        if (end < begin) throw new ImportError(`${where}: the clip ends (${end} s) before it begins (${begin} s).`);
        clipBegin = begin;
        clipEnd = end;
      }
      pars.push({ smil: overlay.entry, line: par.line, textFile: target.entry, fragment: target.fragment, text: textOf(element).replace(/\s+/g, ' ').trim(), audioFile, clipBegin, clipEnd });
    }
    overlays.push({ smil: overlay.entry, textFile: item.entry, declaredDuration: clockOf(metaValue('media:duration', `#${item.overlay}`)), pars });
  }
  const title = findAll(opf, 'title')[0];
  return {
    title: title ? textOf(title).trim() : '',
    languages: findAll(opf, 'language').map((l) => textOf(l).trim()),
    overlays,
    declaredDuration: clockOf(metaValue('media:duration')),
    activeClass: metaValue('media:active-class') ? textOf(metaValue('media:active-class')!).trim() : null,
    audio,
  };
}
