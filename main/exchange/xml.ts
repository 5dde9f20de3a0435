// XML for imports, read safely: fast-xml-parser with entity processing off, and before it a refusal
// of any document type declaration with an internal subset (<!DOCTYPE x [ … ]>) or an <!ENTITY>:
// that is where XXE (external entities reading local files) and "billion laughs" expansion live,
// and no EPUB needs them (XHTML's plain <!DOCTYPE html> is allowed). Only the five predefined
// entities and numeric character references are decoded, by hand, after parsing. Every node keeps
// its line, so problems can name it.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  line: number;
}

export type XmlNode = XmlElement | { text: string };

export class XmlError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}, line ${line}: ${detail}`);
    this.name = 'XmlError';
  }
}

/** Where each line starts, so an element's line is a binary search rather than a count from the top (a long chapter has thousands of elements). */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= index) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; any other entity stays as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  captureMetaData: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(nodes: RawNode[], starts: readonly number[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name) continue;
    if (name === '#text') {
      out.push({ text: decodeXmlText(String(node[name])) });
      continue;
    }
    if (name.startsWith('?') || name === '#comment') continue;
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(node[':@'] ?? {})) attributes[key] = decodeXmlText(String(value));
    const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
    out.push({
      name,
      attributes,
      children: Array.isArray(node[name]) ? convert(node[name] as RawNode[], starts) : [],
      line: lineAt(starts, meta?.startIndex ?? 0),
    });
  }
  return out;
}

/** Parses `source` (named `file` in messages) and returns its root element. */
export function parseXml(source: string, file: string): XmlElement {
  const doctype = /<!DOCTYPE[^>[]*\[|<!ENTITY/i.exec(source);
  if (doctype) {
    throw new XmlError(file, lineAt(lineStarts(source), doctype.index), 'declares entities (a DOCTYPE with an internal subset or <!ENTITY>); refused, since entities can read other files (XXE) or expand without bound');
  }
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new XmlError(file, valid.err.line, `not well-formed XML: ${valid.err.msg}`);
  const root = convert(parser.parse(source) as RawNode[], lineStarts(source)).find((node): node is XmlElement => 'name' in node);
  if (!root) throw new XmlError(file, 1, 'there is no root element');
  return root;
}

/** Elements below `element` (depth first, in document order) named `name`, ignoring a namespace prefix. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const child of node.children) {
      if (!('name' in child)) continue;
      if (localName(child.name) === name) out.push(child);
      visit(child);
    }
  };
  visit(element);
  return out;
}

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export function textOf(node: XmlNode): string {
  return 'text' in node ? node.text : node.children.map(textOf).join('');
}

/** The element with this id attribute, or null. */
export function byId(element: XmlElement, id: string): XmlElement | null {
  if (element.attributes.id === id) return element;
  for (const child of element.children) {
    if (!('name' in child)) continue;
    const found = byId(child, id);
    if (found) return found;
  }
  return null;
}
