// The bilingual text as Markdown: for reading, printing, or pasting into notes and wikis. Each
// paragraph in German with its English under it as a quote, speakers in bold, chapters as headings
// with both titles, and where the narration has timings the time each turn begins (so a reader can
// find the place in the audio). Works without narration too: then there are no times.
import type { Edition, Lang, Paragraph } from '../edition/model';
import { pairingOf } from '../edition/pairing';
import type { TimedTranscript } from '../timing/model';
import { ms } from './timed-text';

/** Backslash-escapes what Markdown would read as markup, inline and at a line's start. */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>|~])/g, '\\$1');
  return inline.replace(/^(#|>|-|\+|=)/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** h:mm:ss, or m:ss under an hour. */
export function readableTime(seconds: number): string {
  const total = Math.floor(ms(seconds) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function paragraphText(paragraph: Paragraph, edition: Edition, lang: Lang): string {
  const pairing = pairingOf(edition);
  const sentences = paragraph.sentenceIds.map((id) => pairing.sentence(id)).filter((s) => s !== undefined);
  if (lang === 'de') return sentences.map((s) => s.de).join(' ');
  // Shared English is written once, with the first sentence that carries it.
  const carriers = [...new Set(sentences.map((s) => pairing.carrierOf(s.id)))];
  return carriers.map((id) => pairing.englishOf(id)).filter((text) => text.trim() !== '').join(' ');
}

export function toBilingualMarkdown(edition: Edition, timing: TimedTranscript | null): string {
  const bilingual = edition.languages.includes('en');
  const speakers = new Map(edition.speakers.map((s) => [s.id, s.name]));
  const track = timing ? (timing.tracks.de ?? timing.tracks.en ?? null) : null;
  const startOf = new Map((track?.paragraphs ?? []).map((p) => [p.id, p.start]));
  const both = (text: { de: string; en: string }) =>
    bilingual && text.en.trim() !== '' && text.en !== text.de ? `${escapeMarkdown(text.de)} / ${escapeMarkdown(text.en)}` : escapeMarkdown(text.de);

  const out: string[] = [`# ${both(edition.title)}`];
  // Said in both languages, like the rest of the file: which narration the times belong to.
  if (track) out.push(track.lang === 'de' ? '*Zeiten der deutschen Lesung · Times of the German narration*' : '*Zeiten der englischen Lesung · Times of the English narration*');
  for (const chapter of edition.chapters) {
    out.push(`## ${chapter.index + 1}. ${both(chapter.title)}`);
    for (const paragraph of edition.paragraphs.filter((p) => p.chapterId === chapter.id)) {
      const at = startOf.get(paragraph.id);
      const speaker = paragraph.speakerId ? speakers.get(paragraph.speakerId) : undefined;
      const head = [speaker ? `**${both(speaker)}**` : '', at !== undefined ? `\\[${readableTime(at)}\\]` : ''].filter(Boolean).join(' ');
      if (paragraph.kind === 'gap') {
        const note = paragraph.note ? both(paragraph.note) : '…';
        out.push([head, `*${note}*`].filter(Boolean).join(' '));
        continue;
      }
      const german = escapeMarkdown(paragraphText(paragraph, edition, 'de'));
      const text = paragraph.kind === 'title' ? `**${german}**` : german;
      out.push(head ? `${head}\\\n${text}` : text);
      if (bilingual) {
        const english = paragraphText(paragraph, edition, 'en');
        if (english !== '') out.push(`> ${escapeMarkdown(english)}`);
      }
    }
  }
  return `${out.join('\n\n')}\n`;
}
