// The files inside the EPUB 3 with Media Overlays, as text: one XHTML and one SMIL per chapter, the
// package document (OPF), the navigation document and the style sheet. Pure string building, kept
// apart from the zip (epub.ts) so that each file can be read and tested on its own.
//
// Both languages, one reading order: each paragraph is written in German with its English right
// after it (lang="en", class "translation"), in the same XHTML. A reader sees the parallel text as
// Mitlesen shows it; the media overlay narrates one language (the one exported, German by default)
// and highlights that language's sentences, one <par> per sentence. A second spine for the English
// would make a reader page through the book twice and lose the sentence-beside-sentence reading.
import { languageTag } from '../../common/edition/language-tags';
import type { Edition, Lang, Paragraph } from '../../common/edition/model';
import { pairingOf } from '../../common/edition/pairing';
import { ms, type TimedText } from '../../common/exchange/timed-text';

export const ACTIVE_CLASS = 'mitlesen-active';
export const PLAYING_CLASS = 'mitlesen-playing';

export interface EpubChapterFile {
  chapterId: string;
  /** e.g. "ch01.xhtml" (inside OEBPS/text/). */
  xhtmlName: string;
  /** e.g. "ch01.smil" (inside OEBPS/smil/), or null for a chapter the narration does not read. */
  smilName: string | null;
  xhtml: string;
  smil: string | null;
  /** Sum of the clips of its overlay, in milliseconds (the overlay's media:duration). */
  durationMs: number;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A SMIL clock value, h:mm:ss.mmm, as media:duration and clipBegin/clipEnd take it. */
export function smilClock(totalMs: number): string {
  const h = Math.floor(totalMs / 3_600_000);
  const m = Math.floor(totalMs / 60_000) % 60;
  const s = Math.floor(totalMs / 1000) % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(totalMs % 1000).padStart(3, '0')}`;
}

/** The id of a sentence's span: its language and its edition id ("de-s001"). */
export function spanId(lang: Lang, sentenceId: string): string {
  return `${lang}-${sentenceId}`;
}

/** `lang` and `xml:lang` for a BCP 47 tag (the edition's tag of a slot, see languageTag). */
const langAttrs = (tag: string) => `lang="${tag}" xml:lang="${tag}"`;

function inLang(text: { de: string; en: string }, lang: Lang): string {
  return (lang === 'en' ? text.en : text.de) || text.de;
}

function paragraphHtml(paragraph: Paragraph, edition: Edition): string {
  const pairing = pairingOf(edition);
  const speaker = paragraph.speakerId ? edition.speakers.find((s) => s.id === paragraph.speakerId) : undefined;
  const sentences = paragraph.sentenceIds.map((id) => pairing.sentence(id)).filter((s) => s !== undefined);
  const bilingual = pairing.hasTranslation;
  if (paragraph.kind === 'gap') {
    const note = paragraph.note ?? { de: '…', en: '…' };
    const en = bilingual && note.en ? ` <span ${langAttrs(languageTag(edition, 'en'))} class="translation">${escapeXml(note.en)}</span>` : '';
    return `<p class="gap">${escapeXml(note.de)}${en}</p>`;
  }
  const tag = paragraph.kind === 'title' ? 'h1' : 'p';
  const label = (lang: Lang) => (speaker ? `<b class="speaker">${escapeXml(inLang(speaker.name, lang))}:</b> ` : '');
  const german = sentences.map((s) => `<span id="${spanId('de', s.id)}">${escapeXml(s.de)}</span>`).join(' ');
  const out = [`<${tag} class="${paragraph.kind}">${label('de')}${german}</${tag}>`];
  if (bilingual) {
    const carriers = [...new Set(sentences.map((s) => pairing.carrierOf(s.id)))].filter((id) => pairing.englishOf(id).trim() !== '');
    if (carriers.length > 0) {
      const english = carriers.map((id) => `<span id="${spanId('en', id)}">${escapeXml(pairing.englishOf(id))}</span>`).join(' ');
      // The English of a title is a paragraph, not a second top-level heading.
      out.push(`<p ${langAttrs(languageTag(edition, 'en'))} class="translation ${paragraph.kind}">${label('en')}${english}</p>`);
    }
  }
  return out.join('\n');
}

function xhtmlDocument(title: string, bodyLang: string, body: string, extraNs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${extraNs} ${langAttrs(bodyLang)}>
<head>
<meta charset="UTF-8"/>
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="../style.css"/>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Which chapter's XHTML holds each paragraph: the chapter it starts in. */
function paragraphsByChapter(edition: Edition): Map<string, Paragraph[]> {
  const map = new Map<string, Paragraph[]>(edition.chapters.map((c) => [c.id, []]));
  for (const paragraph of edition.paragraphs) map.get(paragraph.chapterId)?.push(paragraph);
  return map;
}

export function chapterFiles(edition: Edition, narrated: TimedText, audioHref: string): EpubChapterFile[] {
  const byChapter = paragraphsByChapter(edition);
  const fileOfSentence = new Map<string, string>();
  const names = edition.chapters.map((c, i) => `ch${String(i + 1).padStart(2, '0')}`);
  edition.chapters.forEach((chapter, i) => {
    for (const p of byChapter.get(chapter.id) ?? []) for (const id of p.sentenceIds) fileOfSentence.set(id, names[i]!);
  });
  const pairs = new Map<string, typeof narrated.sentences>(names.map((n) => [n, []]));
  for (const sentence of narrated.sentences) {
    const file = fileOfSentence.get(sentence.id);
    if (file) pairs.get(file)!.push(sentence);
  }
  return edition.chapters.map((chapter, i) => {
    const name = names[i]!;
    const heading = edition.languages.includes('en') && chapter.title.en
      ? `<h2 id="${chapter.id}">${escapeXml(chapter.title.de)} <span ${langAttrs(languageTag(edition, 'en'))} class="translation">${escapeXml(chapter.title.en)}</span></h2>`
      : `<h2 id="${chapter.id}">${escapeXml(chapter.title.de)}</h2>`;
    const paragraphs = (byChapter.get(chapter.id) ?? []).map((p) => paragraphHtml(p, edition)).join('\n');
    const body = `<section epub:type="chapter" role="doc-chapter" aria-labelledby="${chapter.id}">\n${heading}\n${paragraphs}\n</section>`;
    const xhtml = xhtmlDocument(inLang(chapter.title, 'de'), languageTag(edition, 'de'), body);
    const sentences = pairs.get(name)!;
    if (sentences.length === 0) return { chapterId: chapter.id, xhtmlName: `${name}.xhtml`, smilName: null, xhtml, smil: null, durationMs: 0 };
    let durationMs = 0;
    const parList = sentences.map((s, k) => {
      const begin = ms(s.start);
      const end = Math.max(begin, ms(s.end));
      durationMs += end - begin;
      return `<par id="par${k + 1}"><text src="../text/${name}.xhtml#${spanId(narrated.lang, s.id)}"/><audio src="${audioHref}" clipBegin="${smilClock(begin)}" clipEnd="${smilClock(end)}"/></par>`;
    });
    const smil = `<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
<body>
<seq id="seq-${chapter.id}" epub:textref="../text/${name}.xhtml#${chapter.id}" epub:type="chapter">
${parList.join('\n')}
</seq>
</body>
</smil>
`;
    return { chapterId: chapter.id, xhtmlName: `${name}.xhtml`, smilName: `${name}.smil`, xhtml, smil, durationMs };
  });
}

export function navDocument(edition: Edition, files: readonly EpubChapterFile[]): string {
  const bilingual = edition.languages.includes('en');
  const items = edition.chapters
    .map((chapter, i) => {
      const en = bilingual && chapter.title.en ? ` <span ${langAttrs(languageTag(edition, 'en'))}>(${escapeXml(chapter.title.en)})</span>` : '';
      // A nav list item holds a link and nothing else; the English title goes inside it.
      return `<li><a href="text/${files[i]!.xhtmlName}">${escapeXml(chapter.title.de)}${en}</a></li>`;
    })
    .join('\n');
  const body = `<nav epub:type="toc" id="toc" role="doc-toc">
<h1>Inhalt${bilingual ? ` <span ${langAttrs('en')}>/ Contents</span>` : ''}</h1>
<ol>
${items}
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="">
<h2>Orientierung</h2>
<ol>
<li><a epub:type="bodymatter" href="text/${files[0]!.xhtmlName}">${escapeXml(edition.chapters[0]!.title.de)}</a></li>
</ol>
</nav>`;
  return xhtmlDocument(inLang(edition.title, 'de'), languageTag(edition, 'de'), body).replace('href="../style.css"', 'href="style.css"');
}

export const STYLE_CSS = `/* Mitlesen EPUB: the parallel text and the sentence being read aloud. */
body { font-family: serif; line-height: 1.5; margin: 0 1em; }
h1, h2 { line-height: 1.2; }
.speaker { font-weight: bold; }
.translation { color: #3b3b3b; font-style: italic; margin-top: -0.4em; }
.gap { font-style: italic; }
/* The sentence the narration is reading (media:active-class in the package document). */
.${ACTIVE_CLASS} { background-color: #ffe27a; color: #000000; }
/* The whole document while the narration plays (media:playback-active-class). */
.${PLAYING_CLASS} .translation { color: #5a5a5a; }
`;

export interface PackageInput {
  edition: Edition;
  narrated: TimedText;
  files: readonly EpubChapterFile[];
  audioName: string;
  modified: Date;
}

export function packageDocument({ edition, narrated, files, audioName, modified }: PackageInput): string {
  const total = files.reduce((sum, f) => sum + f.durationMs, 0);
  const stamp = `${modified.toISOString().slice(0, 19)}Z`;
  const title = inLang(edition.title, 'de');
  const languages = edition.languages.map((lang) => `<dc:language>${languageTag(edition, lang)}</dc:language>`).join('\n');
  const durations = files
    .filter((f) => f.smilName)
    .map((f) => `<meta property="media:duration" refines="#smil-${f.chapterId}">${smilClock(f.durationMs)}</meta>`)
    .join('\n');
  const manifest = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
    `<item id="audio" href="audio/${audioName}" media-type="${narrated.mimeType}"/>`,
    ...files.map((f) => `<item id="text-${f.chapterId}" href="text/${f.xhtmlName}" media-type="application/xhtml+xml"${f.smilName ? ` media-overlay="smil-${f.chapterId}"` : ''}/>`),
    ...files.filter((f) => f.smilName).map((f) => `<item id="smil-${f.chapterId}" href="smil/${f.smilName}" media-type="application/smil+xml"/>`),
  ].join('\n');
  const spine = files.map((f) => `<itemref idref="text-${f.chapterId}"/>`).join('\n');
  const narrator = narrated.lang === 'de' ? 'eSpeak NG (synthetische Stimme)' : 'eSpeak NG (synthetic voice)';
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${languageTag(edition, 'de')}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">urn:mitlesen:${escapeXml(edition.id)}:${narrated.lang}</dc:identifier>
<dc:title>${escapeXml(title)}</dc:title>
${languages}
<dc:publisher>Mitlesen</dc:publisher>
<meta property="dcterms:modified">${stamp}</meta>
<meta property="media:duration">${smilClock(total)}</meta>
${durations}
<meta property="media:narrator">${escapeXml(narrator)}</meta>
<meta property="media:active-class">${ACTIVE_CLASS}</meta>
<meta property="media:playback-active-class">${PLAYING_CLASS}</meta>
<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessMode">auditory</meta>
<meta property="schema:accessModeSufficient">textual</meta>
<meta property="schema:accessModeSufficient">auditory,textual</meta>
<meta property="schema:accessibilityFeature">synchronizedAudioText</meta>
<meta property="schema:accessibilityFeature">structuralNavigation</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">The ${narrated.lang === 'de' ? 'German' : 'English'} text is read aloud sentence by sentence, each sentence highlighted as it is read; every paragraph is followed by its translation.</meta>
</metadata>
<manifest>
${manifest}
</manifest>
<spine>
${spine}
</spine>
</package>
`;
}

export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;
