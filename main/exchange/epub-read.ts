// Reads an EPUB 3 with Media Overlays (ours, or one made by Storyteller or another tool) into its
// timed sentences: for each <par> of each overlay, in spine order, the text of the element its
// <text> points at and the audio clip of its <audio>. The archive is opened by epub-archive.ts, which
// refuses what is unsafe (paths leaving the book, zip bombs, entity declarations, DRM); here every
// href must also resolve to an entry that exists. Problems name the entry and the line.
import { openEpub, resolveHref, type EpubPackage } from './epub-archive';
import { DEFAULT_LIMITS, ImportError, type ImportLimits } from './limits';
import { byId, findAll, localName, textOf, type XmlElement, type XmlNode } from './xml';

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
  overlays: { smil: string; textFile: string; declaredDuration: number | null; pars: EpubPar[]; heading: string | null }[];
  /** The package's total media:duration, if stated. */
  declaredDuration: number | null;
  activeClass: string | null;
  /** The audio entries the overlays use, unpacked (none when the book was opened without its media). */
  audio: Map<string, Uint8Array>;
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

const HEADING = /^h[1-6]$/;

/**
 * The text of a heading in the book's own language: a part marked as another language (the
 * translation a bilingual book puts beside the title) is left out.
 */
function headingText(element: XmlElement, language: string | undefined): string {
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  const own = (node: XmlNode): string => {
    if ('text' in node) return node.text;
    const lang = node.attributes.lang ?? node.attributes['xml:lang'];
    if (lang && language && primary(lang) !== primary(language)) return '';
    return node.children.map(own).join('');
  };
  return own(element).replace(/\s+/g, ' ').trim();
}

/** The chapter heading an overlay's text opens with: the one its <seq epub:textref> names, else the first h1-h6. */
function overlayHeading(smil: XmlElement, doc: XmlElement, language: string | undefined): string | null {
  const textref = findAll(smil, 'seq').map((seq) => seq.attributes['epub:textref']).find((ref) => ref?.includes('#'));
  const named = textref ? byId(doc, textref.slice(textref.indexOf('#') + 1)) : null;
  const element = named ?? findFirst(doc, (e) => HEADING.test(localName(e.name)));
  const text = element ? headingText(element, language) : '';
  return text === '' ? null : text;
}

function findFirst(element: XmlElement, test: (e: XmlElement) => boolean): XmlElement | null {
  for (const child of element.children) {
    if (!('name' in child)) continue;
    if (test(child)) return child;
    const found = findFirst(child, test);
    if (found) return found;
  }
  return null;
}

export function readEpub(bytes: Uint8Array, file: string, limits: ImportLimits = DEFAULT_LIMITS): EpubBook {
  return overlaysOf(openEpub(bytes, file, limits));
}

/** The overlays of an opened book. Its audio must be there; its bytes are taken when they were unpacked. */
export function overlaysOf(book: EpubPackage): EpubBook {
  const { entries, opfName, opf, manifest, at, xml } = book;
  const metas = findAll(opf, 'meta');
  const metaValue = (property: string, refines?: string) =>
    metas.find((m) => m.attributes.property === property && (refines === undefined ? !m.attributes.refines : m.attributes.refines === refines));
  const clockOf = (meta: XmlElement | undefined) => (meta ? parseClock(textOf(meta)) : null);

  const audio = new Map<string, Uint8Array>();
  const overlays: EpubBook['overlays'] = [];
  for (const { item } of book.spine) {
    if (!item.overlay) continue;
    const overlay = manifest.get(item.overlay);
    if (!overlay) throw new ImportError(`${at(opfName, item.line)}: media-overlay "${item.overlay}" is not in the manifest.`);
    const smil = xml(overlay.entry, at(opfName, overlay.line));
    const pars: EpubPar[] = [];
    for (const par of findAll(smil, 'par')) {
      const where = at(overlay.entry, par.line);
      const textEl = par.children.find((c): c is XmlElement => 'name' in c && localName(c.name) === 'text');
      const audioEl = par.children.find((c): c is XmlElement => 'name' in c && localName(c.name) === 'audio');
      if (!textEl?.attributes.src) throw new ImportError(`${where}: the <par> has no <text src>.`);
      const target = resolveHref(overlay.entry, textEl.attributes.src, where);
      if (!entries.has(target.entry)) throw new ImportError(`${where}: the text "${textEl.attributes.src}" points at "${target.entry}", which is not in the book.`);
      const doc = xml(target.entry, where);
      const element = target.fragment ? byId(doc, target.fragment) : null;
      if (!element) throw new ImportError(`${where}: the text "${textEl.attributes.src}" points at no element: "${target.entry}" has no id "${target.fragment}".`);
      let clipBegin = 0;
      let clipEnd = 0;
      let audioFile = '';
      if (audioEl) {
        if (!audioEl.attributes.src) throw new ImportError(`${where}: the <audio> has no src.`);
        const source = resolveHref(overlay.entry, audioEl.attributes.src, where);
        if (!book.names.has(source.entry)) throw new ImportError(`${where}: the audio "${audioEl.attributes.src}" is not in the book (looked for "${source.entry}").`);
        const data = entries.get(source.entry);
        if (data) audio.set(source.entry, data);
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
    const page = entries.has(item.entry) ? xml(item.entry, at(opfName, item.line)) : null;
    overlays.push({
      smil: overlay.entry,
      textFile: item.entry,
      declaredDuration: clockOf(metaValue('media:duration', `#${item.overlay}`)),
      pars,
      heading: page ? overlayHeading(smil, page, book.languages[0]) : null,
    });
  }
  return {
    title: book.title,
    languages: book.languages,
    overlays,
    declaredDuration: clockOf(metaValue('media:duration')),
    activeClass: metaValue('media:active-class') ? textOf(metaValue('media:active-class')!).trim() : null,
    audio,
  };
}
