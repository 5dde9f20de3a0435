// Writes plain edition data (EditionInput, ./build.ts) as an edition file in the format
// transcripts/README.md describes, so that anything that makes an edition by program (the test
// document generator, later an importer) hands the library the same YAML an editor writes and
// goes through the same parser and checks. parseEdition(writeEdition(input)) builds the same
// edition as buildEdition(input); tests/common/edition/write.test.ts holds it to that.

import { stringify } from 'yaml';
import { LANGS, type Bilingual, type Lang } from './model';
import type { EditionInput } from './build';

export function writeEdition(input: EditionInput): string {
  const languages = LANGS.filter((lang) => (input.languages ?? LANGS).includes(lang));
  const english = languages.includes('en');
  const text = (b: Bilingual) => (english ? { de: b.de, en: b.en } : { de: b.de });

  const speakers = Object.fromEntries(input.speakers.map((s) => [s.id, { name: text(s.name), role: s.role }]));
  const chapters = input.chapters.map((c) => ({ id: c.id, start: c.start, title: text(c.title) }));
  const paragraphs = input.paragraphs.map((p) => ({
    id: p.id,
    kind: p.kind,
    ...(p.speakerId ? { speaker: p.speakerId } : {}),
    ...(p.label ? { label: p.label } : {}),
    ...(p.note ? { note: text(p.note) } : {}),
    // A gap has no sentences; the format wants the key left out rather than an empty list.
    ...(p.sentences.length > 0
      ? {
          sentences: p.sentences.map((s) => {
            if (!english) return { id: s.id, de: s.de };
            return s.enWith ? { id: s.id, de: s.de, en_with: s.enWith } : { id: s.id, de: s.de, en: s.en ?? '' };
          }),
        }
      : {}),
  }));

  const tags = Object.entries(input.languageTags ?? {}).filter(([lang, tag]) => languages.includes(lang as Lang) && tag && tag !== lang);
  const languageTags = tags.length > 0 ? { language_tags: Object.fromEntries(tags) } : {};
  const document = { id: input.id, languages, ...languageTags, title: text(input.title), speakers, chapters, paragraphs };
  // lineWidth 0: one value per line, never folded, so a diff shows exactly which sentence changed.
  return stringify(document, { lineWidth: 0 });
}
