// The text of a book the user imports with a recording: EPUB 3 and EPUB 2 books built here read
// into Markdown with the right title, language, chapters and paragraphs in spine order, which the
// app's own text-to-edition step reads back as the same chapters and paragraphs; unsafe, broken and
// DRM-locked books are refused with a message naming the user's file and the entry.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import { textToEdition } from '../../../common/text/text-edition';
import { readBookText } from '../../../main/import/book-text';
import { createImportService, type ImportServiceOptions } from '../../../main/import/service';

const dir = mkdtempSync(join(tmpdir(), 'mitlesen-book-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

const page = (body: string, title = 'Seite') => `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="de">
<head><title>${title}</title><style>p { margin: 0 }</style></head>
<body>${body}</body>
</html>`;

const CH1 = page(`
  <section epub:type="chapter">
    <h1>Kapitel 1</h1>
    <p>Es war&nbsp;einmal ein   Mann,
       der wohnte am Meer.</p>
    <p>1. Mai: Er ging <em>weit</em> weg.<sup><a href="notes.xhtml#n1" epub:type="noteref">1</a></sup></p>
    <script>alert("nicht lesen")</script>
    <aside epub:type="footnote" id="fn"><p>Eine Fußnote.</p></aside>
    <div>Ein Div mit eigenem Text<p>und einem Absatz darin.</p></div>
    <ul><li>- kein Listenpunkt</li><li># kein Titel</li></ul>
    <h3>Ein Zwischen&shy;titel</h3>
    <span epub:type="pagebreak" id="p5" title="5">5</span>
    <blockquote><p>Zitat &amp; mehr &#x201E;so&#x201C;.</p></blockquote>
  </section>`);

const CH2 = page(`
  <p>Noch vom ersten Kapitel.</p>
  <section id="zwei"><h2>Kapitel 2</h2><p>Ende gut, alles gut.</p></section>`);

const NOTES = page('<aside epub:type="footnote" id="n1"><p>Nur eine Anmerkung.</p></aside>');

const NAV = page(`
  <nav epub:type="landmarks"><ol><li><a href="ch1.xhtml">Beginn</a></li></ol></nav>
  <nav epub:type="toc"><h1>Inhalt</h1><ol>
    <li><a href="ch1.xhtml">Erstes Kapitel</a></li>
    <li><a href="ch2.xhtml#zwei">Zweites Kapitel</a></li>
    <li><a href="notes.xhtml">Anmerkungen</a></li>
  </ol></nav>`);

function opf3(options: { manifest?: string; spine?: string; metadata?: string; nav?: boolean } = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:1234</dc:identifier>
    <dc:title>Der   Sandmann</dc:title>
    <dc:language>de</dc:language>
    ${options.metadata ?? ''}
  </metadata>
  <manifest>
    <item id="ch2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/>
    ${options.nav === false ? '' : '<item id="nav" href="text/nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'}
    <item id="ch1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
    <item id="notes" href="text/notes.xhtml" media-type="application/xhtml+xml"/>
    ${options.manifest ?? ''}
  </manifest>
  <spine>${options.spine ?? '<itemref idref="nav"/><itemref idref="ch1"/><itemref idref="notes" linear="no"/><itemref idref="ch2"/>'}</spine>
</package>`;
}

function epub(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  for (const [name, content] of Object.entries({ 'META-INF/container.xml': CONTAINER, ...files })) entries[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries);
}

const BOOK3 = {
  'OEBPS/content.opf': opf3(),
  'OEBPS/text/nav.xhtml': NAV,
  'OEBPS/text/ch1.xhtml': CH1,
  'OEBPS/text/ch2.xhtml': CH2,
  'OEBPS/text/notes.xhtml': NOTES,
};

let count = 0;
function write(bytes: Uint8Array | string): string {
  const path = join(dir, `upload-${count++}`);
  writeFileSync(path, bytes);
  return path;
}

async function refusal(bytes: Uint8Array | string, shownAs: string): Promise<string> {
  const error = await readBookText(write(bytes), shownAs).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BridgeError);
  expect((error as BridgeError).code).toBe('invalid-argument');
  const message = (error as BridgeError).message;
  expect(message.startsWith(shownAs)).toBe(true);
  return message;
}

/** What the import does with the text: the app's own Markdown reading, one sentence per paragraph. */
function edition(text: string) {
  return textToEdition({ title: 'T', text, format: 'markdown', language: 'de' }, 'book', (p) => [p], { titleIsRead: false });
}

describe('readBookText', () => {
  it('reads an EPUB 3: title, language, chapters from the nav toc, paragraphs in spine order', async () => {
    const book = await readBookText(write(epub(BOOK3)), 'Der Sandmann.epub');
    expect(book).toMatchObject({ title: 'Der Sandmann', language: 'de', format: 'markdown' });
    expect(book.text.split('\n\n')).toEqual([
      '# Erstes Kapitel',
      'Es war einmal ein Mann, der wohnte am Meer.',
      '1\\. Mai: Er ging weit weg.',
      'Ein Div mit eigenem Text',
      'und einem Absatz darin.',
      '\\- kein Listenpunkt',
      '\\# kein Titel',
      'Ein Zwischentitel',
      'Zitat & mehr „so“.',
      'Noch vom ersten Kapitel.',
      '# Zweites Kapitel',
      'Ende gut, alles gut.\n',
    ]);
    const e = edition(book.text);
    expect(e.chapters.map((c) => c.title.de)).toEqual(['Erstes Kapitel', 'Zweites Kapitel']);
    expect(e.paragraphs.map((p) => p.sentences.map((s) => s.de).join(' '))).toEqual([
      'Es war einmal ein Mann, der wohnte am Meer.',
      '1. Mai: Er ging weit weg.',
      'Ein Div mit eigenem Text',
      'und einem Absatz darin.',
      '- kein Listenpunkt',
      '# kein Titel',
      'Ein Zwischentitel',
      'Zitat & mehr „so“.',
      'Noch vom ersten Kapitel.',
      'Ende gut, alles gut.',
    ]);
  });

  it('reads an EPUB 2 with an NCX table of contents', async () => {
    const xhtml11 = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${body}</body></html>`;
    const bytes = epub({
      'OEBPS/content.opf': `<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="BookId">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>Märchen</dc:title><dc:language>de-DE</dc:language><dc:identifier id="BookId">x</dc:identifier>
  </metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="b" href="b.html" media-type="application/xhtml+xml"/>
    <item id="a" href="a.html" media-type="application/xhtml+xml"/>
  </manifest>
  <spine toc="ncx"><itemref idref="a"/><itemref idref="b"/></spine>
</package>`,
      'OEBPS/toc.ncx': `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head/><docTitle><text>Märchen</text></docTitle>
  <navMap>
    <navPoint id="n1" playOrder="1"><navLabel><text>Der Froschkönig</text></navLabel><content src="a.html"/>
      <navPoint id="n2" playOrder="2"><navLabel><text>Die Kugel</text></navLabel><content src="a.html#kugel"/></navPoint>
    </navPoint>
    <navPoint id="n3" playOrder="3"><navLabel><text>Rotkäppchen</text></navLabel><content src="b.html"/></navPoint>
  </navMap>
</ncx>`,
      'OEBPS/a.html': xhtml11('<h2>Der Froschkönig</h2><p>In den alten Zeiten.</p><h3 id="kugel">Die goldene Kugel</h3><p>Sie fiel in den Brunnen.</p>'),
      'OEBPS/b.html': xhtml11('<div class="chapter"><p>Es war einmal ein kleines Mädchen.</p></div>'),
    });
    const book = await readBookText(write(bytes), 'maerchen.epub');
    expect(book.title).toBe('Märchen');
    expect(book.language).toBe('de-DE');
    expect(book.text).toBe('# Der Froschkönig\n\nIn den alten Zeiten.\n\n# Die Kugel\n\nSie fiel in den Brunnen.\n\n# Rotkäppchen\n\nEs war einmal ein kleines Mädchen.\n');
    expect(edition(book.text).chapters.map((c) => c.title.de)).toEqual(['Der Froschkönig', 'Die Kugel', 'Rotkäppchen']);
  });

  it('without navigation, heads each file with its first h1/h2, else its title', async () => {
    const bytes = epub({
      'OEBPS/content.opf': opf3({ manifest: '<item id="x" href="x.xhtml" media-type="application/xhtml+xml"/>', spine: '<itemref idref="ch2"/><itemref idref="x"/>', nav: false }),
      'OEBPS/text/ch2.xhtml': CH2,
      'OEBPS/x.xhtml': page('<p>Danke fürs Lesen.</p>', 'Nachwort'),
    });
    const book = await readBookText(write(bytes), 'ohne-inhalt.epub');
    expect(book.text).toBe('Noch vom ersten Kapitel.\n\n# Kapitel 2\n\nEnde gut, alles gut.\n\n# Nachwort\n\nDanke fürs Lesen.\n');
    // A navigation document the manifest lists but the book lacks costs only its chapters.
    const { ['OEBPS/text/nav.xhtml']: _nav, ...withoutNav } = BOOK3;
    const fallback = await readBookText(write(epub(withoutNav)), 'ohne-nav.epub');
    expect(edition(fallback.text).chapters.map((c) => c.title.de)).toEqual(['Kapitel 1', 'Kapitel 2']);
  });

  it('refuses a file that is not a zip, and a zip that is not an EPUB', async () => {
    expect(await refusal('Das ist kein Buch.', 'notiz.epub')).toMatch(/^notiz\.epub: not a readable ZIP archive/);
    expect(await refusal(zipSync({ 'a.txt': strToU8('x') }), 'archiv.epub')).toMatch(/^archiv\.epub: there is no "mimetype" entry/);
  });

  it('refuses a zip bomb by its headers, before inflating anything', async () => {
    // Central directory promises 4 GB for a small entry whose data is garbage: had it been
    // inflated, the message would be about the broken data, not the size.
    const bytes = epub({ ...BOOK3, 'OEBPS/big.xhtml': 'x'.repeat(1000) });
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < bytes.length - 4; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      if (new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + nameLength)) !== 'OEBPS/big.xhtml') continue;
      view.setUint32(i + 24, 0xfffffff0, true);
      bytes.fill(0xff, view.getUint32(i + 42, true) + 30 + nameLength, view.getUint32(i + 42, true) + 30 + nameLength + 20);
    }
    expect(await refusal(bytes, 'bombe.epub')).toMatch(/^bombe\.epub, entry "OEBPS\/big\.xhtml": unpacks to 4096 MB, more than the 1024 MB allowed for one entry; refused\.$/);
    const ratio = epub({ ...BOOK3, 'OEBPS/zeros.xhtml': new Uint8Array(8 * 1024 * 1024) });
    expect(await refusal(ratio, 'bombe.epub')).toMatch(/^bombe\.epub, entry "OEBPS\/zeros\.xhtml": packed \d+ to 1, .*refused as a likely zip bomb\.$/);
  });

  it('refuses an entry outside the book and an href leaving it', async () => {
    expect(await refusal(epub({ ...BOOK3, '../evil.xhtml': page('<p>x</p>') }), 'böse.epub')).toBe('böse.epub, entry "../evil.xhtml": the path points outside the book (absolute, "..", or a drive); refused.');
    const leaving = epub({ ...BOOK3, 'OEBPS/content.opf': opf3({ manifest: '<item id="pw" href="../../etc/passwd" media-type="text/plain"/>' }) });
    expect(await refusal(leaving, 'böse.epub')).toMatch(/^böse\.epub, entry "OEBPS\/content\.opf", line \d+ \(item "pw"\): "\.\.\/\.\.\/etc\/passwd" points outside the book; refused\.$/);
  });

  it('refuses entity declarations: XXE and entity expansion', async () => {
    const xxe = page('<p>&xxe;</p>').replace('<!DOCTYPE html>', '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
    expect(await refusal(epub({ ...BOOK3, 'OEBPS/text/ch1.xhtml': xxe }), 'xxe.epub')).toMatch(/^xxe\.epub, entry "OEBPS\/text\/ch1\.xhtml", line 2: declares entities/);
    const laughs = opf3().replace('<package', '<!DOCTYPE package [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<package').replace('Der   Sandmann', '&b;');
    expect(await refusal(epub({ ...BOOK3, 'OEBPS/content.opf': laughs }), 'lachen.epub')).toMatch(/^lachen\.epub, entry "OEBPS\/content\.opf", line 2: declares entities/);
  });

  const encryption = (algorithm: string, uri: string) => `<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
  <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="${algorithm}"/>
    <ds:KeyInfo><ds:RetrievalMethod URI="license.lcpl#/encryption/content_key"/></ds:KeyInfo>
    <enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData>
  </enc:EncryptedData>
</encryption>`;

  it('refuses a book with DRM, and reads one whose fonts are only obfuscated', async () => {
    const locked = epub({ ...BOOK3, 'META-INF/encryption.xml': encryption('http://www.w3.org/2001/04/xmlenc#aes256-cbc', 'OEBPS/text/ch1.xhtml') });
    expect(await refusal(locked, 'gekauft.epub')).toBe(
      'gekauft.epub: the book is protected by DRM ("OEBPS/text/ch1.xhtml" encrypted with http://www.w3.org/2001/04/xmlenc#aes256-cbc); Mitlesen can only read books without DRM.',
    );
    const adept = epub({ ...BOOK3, 'META-INF/rights.xml': '<rights xmlns="http://ns.adobe.com/adept"/>' });
    expect(await refusal(adept, 'adobe.epub')).toBe('adobe.epub: the book is protected by DRM (Adobe ADEPT, META-INF/rights.xml); Mitlesen can only read books without DRM.');
    for (const algorithm of ['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']) {
      const fonts = epub({ ...BOOK3, 'META-INF/encryption.xml': encryption(algorithm, 'OEBPS/fonts/serif.otf'), 'OEBPS/fonts/serif.otf': new Uint8Array(64) });
      expect((await readBookText(write(fonts), 'schrift.epub')).title).toBe('Der Sandmann');
    }
  });

  it('names the missing package document or spine file', async () => {
    const noOpf = epub({ 'OEBPS/text/ch1.xhtml': CH1 });
    expect(await refusal(noOpf, 'leer.epub')).toBe('leer.epub, entry "META-INF/container.xml": "OEBPS/content.opf" is not in the book.');
    const missing = { ...BOOK3 } as Record<string, string>;
    delete missing['OEBPS/text/ch2.xhtml'];
    expect(await refusal(epub(missing), 'lücke.epub')).toMatch(/^lücke\.epub, entry "OEBPS\/content\.opf", line \d+ \(spine item "ch2"\): "OEBPS\/text\/ch2\.xhtml" is not in the book\.$/);
    const unlisted = epub({ ...BOOK3, 'OEBPS/content.opf': opf3({ spine: '<itemref idref="ch1"/><itemref idref="ch9"/>' }) });
    expect(await refusal(unlisted, 'lücke.epub')).toMatch(/^lücke\.epub, entry "OEBPS\/content\.opf", line \d+: the spine names "ch9", which the manifest does not list\.$/);
  });

  it('says so when the book has no text to read', async () => {
    const pictures = epub({ 'OEBPS/content.opf': opf3({ spine: '<itemref idref="ch1"/>' }), 'OEBPS/text/ch1.xhtml': page('<div><img src="p1.jpg" alt="Seite 1"/></div>'), 'OEBPS/text/nav.xhtml': NAV });
    expect(await refusal(pictures, 'bilder.epub')).toMatch(/^bilder\.epub: the book has no text to read/);
  });

  it('answers the bridge call for an uploaded book, with the name the user chose in any refusal', async () => {
    const { handlers } = createImportService({ dataDir: join(dir, 'data') } as ImportServiceOptions);
    const upload = async (name: string, bytes: Uint8Array) => {
      const { uploadId } = await handlers.beginUpload({ name, size: bytes.length });
      await handlers.appendUpload({ uploadId, offset: 0, data: bytes });
      return uploadId;
    };
    expect(await handlers.readImportText({ uploadId: await upload('Der Sandmann.epub', epub(BOOK3)) })).toMatchObject({ title: 'Der Sandmann', language: 'de' });
    const locked = epub({ ...BOOK3, 'META-INF/rights.xml': '<rights/>' });
    await expect(handlers.readImportText({ uploadId: await upload('Gekauft.epub', locked) })).rejects.toThrow(/^Gekauft\.epub: the book is protected by DRM/);
  });
});
