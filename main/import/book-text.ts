// The text of a book the user imports with their recording (EPUB 2 or 3, without DRM), read in the
// main process and handed to the dialog as Markdown for checking. The archive is opened by
// main/exchange/epub-archive.ts, which refuses what is unsafe or locked. Then:
// - the spine in reading order, without non-linear items (notes, covers placed aside) and the
//   navigation document;
// - chapters from the navigation (EPUB 3 nav "toc", else EPUB 2's NCX): a "# " heading with the
//   entry's label where it points (the start of a file, or the element with its id); the book's
//   own heading right after that point is the same title and is not repeated. Without navigation,
//   the first h1/h2 of each file heads its chapter, and a file without one becomes a chapter under
//   its <title> (else "Section n");
// - paragraphs from block elements (p, li, blockquote, headings that head no chapter, a div's own
//   text, …), whitespace collapsed, soft hyphens dropped, the usual HTML named entities decoded
//   after xml.ts has decoded XML's own; scripts, styles, footnotes and note markers, page numbers
//   and hidden elements are left out, since nobody reads them aloud;
// - every line escaped (common/exchange/markdown.ts) so that a paragraph beginning "1." or "#" is
//   text to common/text/text-edition.ts, not a list or a heading.
import { readFile, stat } from 'node:fs/promises';
import { BridgeError } from '../../common/bridge/contract';
import type { ImportText } from '../../common/bridge/import-contract';
import { escapeMarkdown } from '../../common/exchange/markdown';
import { openEpub, resolveHref, type EpubPackage } from '../exchange/epub-archive';
import { DEFAULT_LIMITS, ImportError, megabytes, type ImportLimits } from '../exchange/limits';
import { findAll, localName, textOf, type XmlElement, type XmlNode } from '../exchange/xml';

export async function readBookText(path: string, shownAs: string, limits: ImportLimits = DEFAULT_LIMITS): Promise<ImportText> {
  return openedBookText(await openBook(path, shownAs, { limits }));
}

/** The text of an opened book, or the reason it has none to read (a BridgeError). */
export function openedBookText(book: EpubPackage): ImportText {
  return refusedAsBridgeError(() => bookText(book));
}

/** The readers' ImportError, which names the file and the entry, is what the user is told. */
function refusedAsBridgeError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ImportError) throw new BridgeError('invalid-argument', error.message);
    throw error;
  }
}

/**
 * Opens the EPUB file, refusing what is unsafe or locked with the reason (a BridgeError). Its
 * pictures, sound and fonts are checked but left packed unless `media` asks for them (the audio
 * of a book with read-aloud audio that is being imported).
 */
export async function openBook(path: string, shownAs: string, { media = false, limits = DEFAULT_LIMITS }: { media?: boolean; limits?: ImportLimits } = {}): Promise<EpubPackage> {
  const { size } = await stat(path);
  const bytes = size > limits.archiveBytes ? null : await readFile(path);
  return refusedAsBridgeError(() => {
    if (!bytes) throw new ImportError(`${shownAs}: the book is larger than ${megabytes(limits.archiveBytes)}; refused.`);
    return openEpub(bytes, shownAs, limits, media ? () => true : (name) => !MEDIA.test(name));
  });
}

// Pictures, sound, video and fonts: checked, never unpacked, since only the text is read.
const MEDIA = /\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|mp3|m4a|m4b|mp4|aac|ogg|oga|opus|wav|flac|webm|otf|ttf|woff2?|pdf)$/i;

interface NavPoint {
  entry: string;
  fragment: string;
  label: string;
}

interface Block {
  kind: 'heading' | 'text';
  text: string;
}

// XHTML's named entities come from its DTD, which the safe reader never loads; these are the ones
// books use (xml.ts leaves any other "&name;" as written).
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', shy: '\u00ad', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d',
  ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  bdquo: '„', ldquo: '“', rdquo: '”', sbquo: '‚', lsquo: '‘', rsquo: '’', prime: '′', Prime: '″',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
  agrave: 'à', aacute: 'á', acirc: 'â', egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', iuml: 'ï', icirc: 'î',
  ocirc: 'ô', ugrave: 'ù', ucirc: 'û', ccedil: 'ç', ntilde: 'ñ', Eacute: 'É', Egrave: 'È', Ccedil: 'Ç',
  euro: '€', pound: '£', copy: '©', reg: '®', trade: '™', deg: '°', sect: '§', para: '¶', times: '×', divide: '÷',
  iexcl: '¡', iquest: '¿', frac12: '½', frac14: '¼', frac34: '¾',
};

function clean(text: string): string {
  return text
    .replace(/&([a-zA-Z]+[0-9]*);/g, (whole, name: string) => HTML_ENTITIES[name] ?? whole)
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'math', 'svg', 'rt', 'rp', 'iframe', 'object', 'audio', 'video', 'canvas', 'img', 'button', 'select', 'textarea', 'input']);
const BLOCKS = new Set([
  'p', 'div', 'li', 'blockquote', 'dd', 'dt', 'figcaption', 'caption', 'td', 'th', 'pre', 'address', 'section', 'article', 'header', 'footer',
  'main', 'figure', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'dl', 'aside', 'nav', 'hr', 'body', 'hgroup', 'details', 'summary', 'center',
]);
const NOTES = /^(?:foot|end|rear)?notes?$|^noteref$|^pagebreak$|^doc-(?:footnote|endnotes?|noteref|pagebreak|backlink)$/;
const NOTE_CLASS = /(?:^|[\s_-])(?:foot|end)notes?(?:$|[\s_-])|(?:^|\s)(?:pagenum|page-?number|pagebreak)(?:$|\s)/i;
const NOTE_MARK = /^[[(]?(?:\d{1,3}|[*†‡§]+|[ivx]{1,5})[\])]?$/i;

/** Footnotes, note markers, page numbers and hidden elements: not read aloud, so not in the text. */
function skipped(element: XmlElement, name: string): boolean {
  if (SKIPPED.has(name) || 'hidden' in element.attributes || element.attributes['aria-hidden'] === 'true') return true;
  const types = Object.entries(element.attributes)
    .filter(([key]) => key === 'role' || localName(key) === 'type')
    .flatMap(([, value]) => value.split(/\s+/));
  if (types.some((t) => NOTES.test(t))) return true;
  if (NOTE_CLASS.test(element.attributes.class ?? '')) return true;
  // A superscript link like "[3]" or "*" is a note marker.
  if (name === 'sup' && findAll(element, 'a').length > 0 && NOTE_MARK.test(textOf(element).trim())) return true;
  return false;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => 'name' in c && localName(c.name) === name);
}

/** The book's table of contents as points into its files: EPUB 3's nav "toc", else EPUB 2's NCX, else empty. */
function navPoints(book: EpubPackage): NavPoint[] {
  const point = (from: string, href: string, label: string, where: string): NavPoint | null => {
    // A link to a web page leads nowhere in the book: not a chapter.
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
    const { entry, fragment } = resolveHref(from, href, where);
    const text = clean(label);
    return text === '' ? null : { entry, fragment, label: text };
  };
  // A table of contents the book lists but lacks only costs the chapters: the text is still there.
  const navItem = [...book.manifest.values()].find((item) => item.properties.includes('nav') && book.entries.has(item.entry));
  if (navItem) {
    const doc = book.xml(navItem.entry, `${book.at(book.opfName, navItem.line)} (the navigation document)`);
    const navs = findAll(doc, 'nav');
    const toc = navs.find((nav) => Object.entries(nav.attributes).some(([key, value]) => localName(key) === 'type' && value.split(/\s+/).includes('toc'))) ?? navs[0];
    const points = (toc ? findAll(toc, 'a') : [])
      .filter((a) => a.attributes.href)
      .map((a) => point(navItem.entry, a.attributes.href!, textOf(a), book.at(navItem.entry, a.line)))
      .filter((p): p is NavPoint => p !== null);
    if (points.length > 0) return points;
  }
  if (book.ncx && book.entries.has(book.ncx.entry)) {
    const ncx = book.xml(book.ncx.entry, `${book.at(book.opfName, book.ncx.line)} (the NCX table of contents)`);
    return findAll(ncx, 'navPoint')
      .map((navPoint) => {
        const label = child(navPoint, 'navLabel');
        const src = child(navPoint, 'content')?.attributes.src;
        return src ? point(book.ncx!.entry, src, label ? textOf(label) : '', book.at(book.ncx!.entry, navPoint.line)) : null;
      })
      .filter((p): p is NavPoint => p !== null);
  }
  return [];
}

function idsOf(element: XmlElement, into = new Set<string>()): Set<string> {
  if (element.attributes.id) into.add(element.attributes.id);
  for (const c of element.children) if ('name' in c) idsOf(c, into);
  return into;
}

/** The blocks of one file of the spine; `points` are the nav entries that point into it. */
function fileBlocks(doc: XmlElement, points: NavPoint[] | null, fallbackTitle: string): Block[] {
  const blocks: Block[] = [];
  const ids = idsOf(doc);
  const at = new Map<string, string[]>();
  for (const p of points ?? []) {
    const key = p.fragment !== '' && ids.has(p.fragment) ? p.fragment : '';
    at.set(key, [...(at.get(key) ?? []), p.label]);
  }
  let buffer: string[] = [];
  // True from a nav heading until the next text: the book's own heading there names the same chapter.
  let afterNav = false;
  let chapterHeading = false;
  const flush = () => {
    const text = clean(buffer.join(''));
    buffer = [];
    if (text === '') return;
    blocks.push({ kind: 'text', text });
    afterNav = false;
  };
  const navHeadings = (key: string) => {
    const labels = at.get(key);
    if (!labels) return;
    at.delete(key);
    flush();
    for (const label of labels) blocks.push({ kind: 'heading', text: label });
    afterNav = true;
  };
  const inline = (node: XmlNode): string => {
    if ('text' in node) return node.text;
    const name = localName(node.name).toLowerCase();
    if (skipped(node, name)) return '';
    return name === 'br' ? ' ' : node.children.map(inline).join('');
  };
  const visit = (node: XmlNode) => {
    if ('text' in node) {
      buffer.push(node.text);
      return;
    }
    const name = localName(node.name).toLowerCase();
    if (node.attributes.id) navHeadings(node.attributes.id);
    if (skipped(node, name)) return;
    if (/^h[1-6]$/.test(name)) {
      flush();
      const text = clean(inline(node));
      if (text === '') return;
      if (points) {
        if (!afterNav) blocks.push({ kind: 'text', text });
        afterNav = false;
      } else if (!chapterHeading && (name === 'h1' || name === 'h2')) {
        blocks.push({ kind: 'heading', text });
        chapterHeading = true;
      } else {
        blocks.push({ kind: 'text', text });
      }
      return;
    }
    if (name === 'br') {
      buffer.push(' ');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const c of node.children) visit(c);
    if (block) flush();
  };
  navHeadings('');
  const body = findAll(doc, 'body')[0] ?? doc;
  visit(body);
  flush();
  if (!points && !chapterHeading && blocks.length > 0) blocks.unshift({ kind: 'heading', text: fallbackTitle });
  return blocks;
}

const XHTML_TYPES = new Set(['application/xhtml+xml', 'text/html', '']);

/** The book's title, language and text as Markdown. Throws ImportError naming the file and the entry. */
export function bookText(book: EpubPackage): ImportText {
  const spine = book.spine.filter(({ item, linear }) => linear && !item.properties.includes('nav') && XHTML_TYPES.has(item.type));
  const inSpine = new Set(spine.map(({ item }) => item.entry));
  const nav = navPoints(book).filter((p) => inSpine.has(p.entry));
  const blocks: Block[] = [];
  spine.forEach(({ item, line }, index) => {
    const doc = book.xml(item.entry, `${book.at(book.opfName, line)} (spine item "${item.id}")`);
    const title = findAll(doc, 'title')[0];
    const titleText = title ? clean(textOf(title)) : '';
    const fallback = titleText !== '' && titleText !== book.title ? titleText : `Section ${index + 1}`;
    blocks.push(...fileBlocks(doc, nav.length > 0 ? nav.filter((p) => p.entry === item.entry) : null, fallback));
  });
  if (!blocks.some((b) => b.kind === 'text')) {
    throw new ImportError(`${book.file}: the book has no text to read (its pages may be pictures of text, which Mitlesen cannot read).`);
  }
  return {
    title: book.title === '' ? null : book.title,
    language: book.languages.find((l) => l !== '') ?? null,
    // A heading's closing "#"s are markup, so a title ending in " #" keeps its own.
    text: blocks.map((b) => (b.kind === 'heading' ? `# ${escapeMarkdown(b.text).replace(/(\s)(#+)$/, (_, space: string, marks: string) => space + marks.replace(/#/g, '\\#'))}` : escapeMarkdown(b.text))).join('\n\n') + '\n',
    format: 'markdown',
    timed: null,
    recording: false,
  };
}
