// An EPUB opened safely, for every reader of EPUBs (the timed sentences of epub-read.ts, the text of
// a book the user imports in main/import/book-text.ts). The archive is hostile until proven
// otherwise: entry names must stay inside the book, entries are refused by count, size and
// compression ratio before they are unpacked (a zip bomb is caught by its headers), XML with entity
// declarations is refused (xml.ts), every href must resolve inside the book, and a book locked with
// DRM is refused with a message that says so (font obfuscation is not DRM and is let through).
// Problems name the file, the entry and the line.
import { unzipSync } from 'fflate';
import { posix } from 'node:path';
import { DEFAULT_LIMITS, ImportError, megabytes, type ImportLimits } from './limits';
import { XmlError, findAll, parseXml, textOf, type XmlElement } from './xml';

const SMALL_ENTRY = 64 * 1024;

/** A path inside the book, or null when it is absolute, has "..", backslashes or a drive letter. */
function safeEntryName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..');
}

function unpack(bytes: Uint8Array, file: string, limits: ImportLimits, wanted: (name: string) => boolean): { entries: Map<string, Uint8Array>; names: Set<string> } {
  if (bytes.length > limits.archiveBytes) throw new ImportError(`${file}: the archive is larger than ${megabytes(limits.archiveBytes)}; refused.`);
  let count = 0;
  let total = 0;
  let refusal: string | null = null;
  const entries = new Map<string, Uint8Array>();
  const names = new Set<string>();
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
        if (refusal !== null || entry.name.endsWith('/')) return false;
        names.add(entry.name);
        return wanted(entry.name);
      },
    });
  } catch (error) {
    throw new ImportError(`${file}: not a readable ZIP archive (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (refusal) throw new ImportError(refusal);
  for (const [name, data] of Object.entries(unzipped)) entries.set(name, data);
  return { entries, names };
}

/** Resolves `href` (relative to the entry `from`) to an entry name, refusing what leaves the book. */
export function resolveHref(from: string, href: string, where: string): { entry: string; fragment: string } {
  const hash = href.indexOf('#');
  let path: string;
  let fragment: string;
  try {
    path = decodeURIComponent(hash === -1 ? href : href.slice(0, hash));
    fragment = hash === -1 ? '' : decodeURIComponent(href.slice(hash + 1));
  } catch {
    throw new ImportError(`${where}: "${href}" is not a valid link (a broken %-escape).`);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/')) throw new ImportError(`${where}: "${href}" points outside the book; refused.`);
  const joined = path === '' ? from : posix.normalize(posix.join(posix.dirname(from), path));
  if (joined.startsWith('../') || joined === '..' || posix.isAbsolute(joined)) throw new ImportError(`${where}: "${href}" points outside the book; refused.`);
  return { entry: joined, fragment };
}

// Font obfuscation (IDPF and Adobe) scrambles embedded fonts with a key from the book's own
// identifier; it hides nothing else and every reading system undoes it, so it is not DRM.
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

/** The kind of DRM that locks the book, or null: Adobe ADEPT's rights.xml, or content encrypted by anything but font obfuscation. */
function drmOf(entries: Map<string, Uint8Array>, file: string): string | null {
  if (entries.has('META-INF/rights.xml')) return 'Adobe ADEPT, META-INF/rights.xml';
  const encryption = entries.get('META-INF/encryption.xml');
  if (!encryption) return null;
  const where = `${file}, entry "META-INF/encryption.xml"`;
  let root: XmlElement;
  try {
    root = parseXml(new TextDecoder().decode(encryption), where);
  } catch (error) {
    // An encryption list that cannot be read: assume the worst rather than show scrambled text.
    if (error instanceof XmlError) return `META-INF/encryption.xml, which cannot be read: ${error.message}`;
    throw error;
  }
  for (const data of findAll(root, 'EncryptedData')) {
    const algorithm = findAll(data, 'EncryptionMethod')[0]?.attributes.Algorithm ?? '';
    if (FONT_OBFUSCATION.has(algorithm)) continue;
    const target = findAll(data, 'CipherReference')[0]?.attributes.URI ?? '';
    const keyName = findAll(data, 'KeyName')[0];
    const scheme = keyName ? textOf(keyName).trim() : '';
    const what = scheme ? `${scheme}, ` : '';
    return `${what}"${target || 'content'}" encrypted with ${algorithm || 'an unnamed algorithm'}`;
  }
  return null;
}

export interface ManifestItem {
  id: string;
  href: string;
  /** The entry the href resolves to. */
  entry: string;
  type: string;
  /** The EPUB 3 properties, e.g. "nav". */
  properties: string[];
  overlay: string | null;
  line: number;
}

export interface EpubPackage {
  /** The file as the messages name it. */
  file: string;
  entries: Map<string, Uint8Array>;
  /** Every entry of the book, unpacked or not (`wanted` may have left its bytes packed). */
  names: ReadonlySet<string>;
  /** The package document's entry and root element. */
  opfName: string;
  opf: XmlElement;
  manifest: Map<string, ManifestItem>;
  /** The spine in reading order; `linear` is false for itemrefs marked linear="no". */
  spine: { item: ManifestItem; linear: boolean; line: number }[];
  /** The spine's toc attribute (EPUB 2's NCX), as a manifest item, or null. */
  ncx: ManifestItem | null;
  title: string;
  languages: string[];
  /** "file, entry "name", line n" */
  at(name: string, line: number): string;
  /** The entry parsed as XML, refusing it (named with `where`) when it is missing. Parsed once. */
  xml(name: string, where: string): XmlElement;
}

/**
 * Opens the archive, checks it is an EPUB without DRM and reads its package document. Throws
 * ImportError. Entries `wanted` refuses are checked against the limits but not unpacked (a reader
 * of the text has no use for the pictures and the audio).
 */
export function openEpub(bytes: Uint8Array, file: string, limits: ImportLimits = DEFAULT_LIMITS, wanted: (name: string) => boolean = () => true): EpubPackage {
  const { entries, names } = unpack(bytes, file, limits, wanted);
  const parsed = new Map<string, XmlElement>();
  const xml = (name: string, where: string): XmlElement => {
    const cached = parsed.get(name);
    if (cached) return cached;
    const data = entries.get(name);
    if (!data) throw new ImportError(`${where}: "${name}" is not in the book.`);
    try {
      const root = parseXml(new TextDecoder().decode(data), `${file}, entry "${name}"`);
      parsed.set(name, root);
      return root;
    } catch (error) {
      if (error instanceof XmlError) throw new ImportError(error.message);
      throw error;
    }
  };
  const mimetype = entries.get('mimetype');
  if (!mimetype || new TextDecoder().decode(mimetype).trim() !== 'application/epub+zip') {
    throw new ImportError(`${file}: there is no "mimetype" entry saying application/epub+zip; this is not an EPUB.`);
  }
  const drm = drmOf(entries, file);
  if (drm) throw new ImportError(`${file}: the book is protected by DRM (${drm}); Mitlesen can only read books without DRM.`);

  const container = xml('META-INF/container.xml', file);
  const rootfile = findAll(container, 'rootfile')[0];
  const opfHref = rootfile?.attributes['full-path'];
  if (!opfHref) throw new ImportError(`${file}, entry "META-INF/container.xml": no rootfile names the package document.`);
  const opfName = resolveHref('', opfHref, `${file}, entry "META-INF/container.xml", line ${rootfile.line}`).entry;
  const opf = xml(opfName, `${file}, entry "META-INF/container.xml"`);
  const at = (name: string, line: number) => `${file}, entry "${name}", line ${line}`;

  const manifest = new Map<string, ManifestItem>();
  for (const item of findAll(opf, 'item')) {
    const { id, href } = item.attributes;
    if (!id || !href) throw new ImportError(`${at(opfName, item.line)}: a manifest item needs an id and an href.`);
    const { entry } = resolveHref(opfName, href, `${at(opfName, item.line)} (item "${id}")`);
    manifest.set(id, {
      id,
      href,
      entry,
      type: item.attributes['media-type'] ?? '',
      properties: (item.attributes.properties ?? '').split(/\s+/).filter((p) => p !== ''),
      overlay: item.attributes['media-overlay'] ?? null,
      line: item.line,
    });
  }
  const spineElement = findAll(opf, 'spine')[0];
  const spine: EpubPackage['spine'] = [];
  for (const itemref of spineElement ? findAll(spineElement, 'itemref') : []) {
    const item = manifest.get(itemref.attributes.idref ?? '');
    if (!item) throw new ImportError(`${at(opfName, itemref.line)}: the spine names "${itemref.attributes.idref ?? ''}", which the manifest does not list.`);
    spine.push({ item, linear: itemref.attributes.linear !== 'no', line: itemref.line });
  }
  const tocId = spineElement?.attributes.toc;
  const ncx = (tocId ? manifest.get(tocId) : undefined) ?? [...manifest.values()].find((i) => i.type === 'application/x-dtbncx+xml') ?? null;
  const title = findAll(opf, 'title')[0];
  return {
    file,
    entries,
    names,
    opfName,
    opf,
    manifest,
    spine,
    ncx,
    title: title ? textOf(title).replace(/\s+/g, ' ').trim() : '',
    languages: findAll(opf, 'language').map((l) => textOf(l).trim()),
    at,
    xml,
  };
}
