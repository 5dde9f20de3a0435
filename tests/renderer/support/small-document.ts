// Real small documents for the renderer's controller tests: an edition parsed from a fixture with
// the app's own parser, and made-up but consistent timings for both narrations (0.3 s per word,
// 0.5 s between sentences), checked by the app's own timing parser so they are timings the player
// could really be handed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Edition, Lang } from '../../../common/edition/model';
import { parseEdition } from '../../../common/edition/parse';
import { splitWords } from '../../../common/text/words';
import { compactTiming, type CompactTiming } from '../../../common/timing/compact';
import { narratedSentences, narratedText, parseTimedTranscript, type NarrationTrack, type TimedTranscript } from '../../../common/timing/model';

export interface SmallDocument {
  edition: Edition;
  timing: TimedTranscript;
  /** The same timings in the form the player is handed (as the bridge sends them). */
  compact: CompactTiming;
}

/** `editions/valid-small.yaml` (id small-interview) or `narration/small.yaml` (id narration-small). */
export function loadDocument(fixture: 'editions/valid-small.yaml' | 'narration/small.yaml' = 'editions/valid-small.yaml'): SmallDocument {
  const file = fileURLToPath(new URL(`../../fixtures/${fixture}`, import.meta.url));
  const parsed = parseEdition(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`the fixture ${fixture} does not parse`);
  const edition = parsed.edition;
  const timing: TimedTranscript = { format: 1, documentId: edition.id, editionHash: 'test', tracks: { de: buildTrack(edition, 'de'), en: buildTrack(edition, 'en') } };
  const checked = parseTimedTranscript(JSON.parse(JSON.stringify(timing)), edition);
  if (!checked.ok) throw new Error(`the made-up timings do not fit ${fixture}: ${checked.problems.join('; ')}`);
  return { edition, timing, compact: compactTiming(timing) };
}

function buildTrack(edition: Edition, lang: Lang): NarrationTrack {
  let t = 0.3;
  const sentences = narratedSentences(edition, lang).map((s) => {
    const start = t;
    const words = splitWords(narratedText(s, lang)).map((): [number, number] => {
      const w: [number, number] = [round(t), round(t + 0.25)];
      t += 0.3;
      return w;
    });
    const end = words.at(-1)?.[1] ?? start;
    t = end + 0.5;
    return { id: s.id, start: round(start), end: round(end), words };
  });
  const spans = (groups: { id: string; sentenceIds: string[] }[]) =>
    groups.flatMap((g) => {
      const timed = sentences.filter((s) => g.sentenceIds.includes(s.id));
      return timed.length ? [{ id: g.id, start: timed[0]!.start, end: timed.at(-1)!.end }] : [];
    });
  return {
    lang,
    mediaId: `${edition.id}/${lang}.mp3`,
    mimeType: 'audio/mpeg',
    duration: round(t + 0.2),
    peaksMediaId: `${edition.id}/${lang}.peaks.json`,
    sentences,
    paragraphs: spans(edition.paragraphs),
    chapters: spans(edition.chapters),
  };
}

function round(t: number): number {
  return Math.round(t * 1000) / 1000;
}

/** The timed sentence of a track by id (throws when the track does not narrate it). */
export function timed(timing: TimedTranscript, lang: Lang, sentenceId: string): { start: number; end: number } {
  const sentence = timing.tracks[lang]!.sentences.find((s) => s.id === sentenceId);
  if (!sentence) throw new Error(`${lang} does not narrate ${sentenceId}`);
  return sentence;
}
