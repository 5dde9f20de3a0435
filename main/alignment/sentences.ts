// Plain text to sentences for the command line, until the German-aware segmenter (common/text/,
// being written elsewhere) lands: then this one function is swapped for it. Intl.Segmenter knows
// sentence ends in every language ICU knows, though not German abbreviations such as "z. B.".
import type { SentenceInput } from './types';

export function splitSentences(text: string, language: string): SentenceInput[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const out: SentenceInput[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const flat = paragraph.replace(/\s+/g, ' ').trim();
    if (flat === '') continue;
    for (const { segment } of segmenter.segment(flat)) {
      const sentence = segment.trim();
      if (/[\p{L}\p{N}]/u.test(sentence)) out.push({ id: `s${out.length + 1}`, text: sentence });
    }
  }
  return out;
}
