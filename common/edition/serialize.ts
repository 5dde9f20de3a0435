// Writing an edition as the edition.yaml the parser reads (format: transcripts/README.md). Imported
// text is kept in the same file format as the bundled interview, so a user's own document can be
// read, diffed and corrected by hand like any edition, and one parser checks them all.
import { stringify } from 'yaml';
import type { EditionInput } from './build';
import type { Bilingual } from './model';

/** The YAML of an edition; `parseEdition` of it gives back `buildEdition(input)`. */
export function editionToYaml(input: EditionInput): string {
  const languages = input.languages ?? ['de', 'en'];
  const english = languages.includes('en');
  const texts = (value: Bilingual): Record<string, string> => (english ? { de: value.de, en: value.en } : { de: value.de });
  const document = {
    id: input.id,
    languages: [...languages],
    title: texts(input.title),
    speakers: Object.fromEntries(input.speakers.map((speaker) => [speaker.id, { name: texts(speaker.name), role: speaker.role }])),
    chapters: input.chapters.map((chapter) => ({ id: chapter.id, start: chapter.start, title: texts(chapter.title) })),
    paragraphs: input.paragraphs.map((paragraph) => ({
      id: paragraph.id,
      kind: paragraph.kind,
      ...(paragraph.speakerId ? { speaker: paragraph.speakerId } : {}),
      ...(paragraph.label ? { label: paragraph.label } : {}),
      ...(paragraph.note ? { note: texts(paragraph.note) } : {}),
      ...(paragraph.kind === 'gap'
        ? {}
        : {
            sentences: paragraph.sentences.map((sentence) => ({
              id: sentence.id,
              de: sentence.de,
              ...(english ? (sentence.enWith ? { en_with: sentence.enWith } : { en: sentence.en ?? '' }) : {}),
            })),
          }),
    })),
  };
  // Long lines stay long: folding would move a sentence over several lines and blur a diff of it.
  return stringify(document, { lineWidth: 0 });
}
