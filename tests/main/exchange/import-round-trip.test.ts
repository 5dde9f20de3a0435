// Every export imported again: read with the format's reader, matched to the edition and built into
// a narration track that the app's own check (parseTimedTranscript) accepts, with every sentence at
// the same times within 1 ms, and the word times the format carries (sync map: all; WebVTT: starts)
// within 1 ms too. Words a format does not time are spread and counted as estimated. And a file of
// another text is refused, naming where it stops matching.
import { describe, expect, it } from 'vitest';
import { importTrack, type ImportedSentence } from '../../../common/exchange/import-timing';
import { podcastJson, toPodcastTranscript } from '../../../common/exchange/podcast';
import { readPodcastTranscript } from '../../../common/exchange/podcast-read';
import { toSrt } from '../../../common/exchange/srt';
import { syncMapJson, toSyncMap } from '../../../common/exchange/syncmap';
import { readSyncMap } from '../../../common/exchange/syncmap-read';
import { timedText } from '../../../common/exchange/timed-text';
import { toWebVtt } from '../../../common/exchange/vtt';
import type { Lang } from '../../../common/edition/model';
import { parseTimedTranscript } from '../../../common/timing/model';
import { readCaptions } from '../../../main/exchange/captions-read';
import { buildEpub } from '../../../main/exchange/epub';
import { readEpub } from '../../../main/exchange/epub-read';
import { fromCues, fromEpub, fromPodcast, fromSyncMap } from '../../../main/exchange/to-imported';
import { interview, small, type Narrated } from './support';

type Format = 'vtt' | 'srt' | 'podcast' | 'syncmap' | 'epub';

async function exportAndRead(doc: Narrated, lang: Lang, format: Format): Promise<ImportedSentence[]> {
  const timed = timedText(doc.edition, doc.timing, lang)!;
  const must = <T,>(r: { ok: true; value?: T; cues?: T } | { ok: false; problems: string[] }): T => {
    if (!r.ok) throw new Error(r.problems.join('\n'));
    return (r.value ?? r.cues) as T;
  };
  switch (format) {
    case 'vtt':
      return fromCues(must(await readCaptions(toWebVtt(timed), 'vtt', 'x.vtt')), 'x.vtt');
    case 'srt':
      return fromCues(must(await readCaptions(toSrt(timed), 'srt', 'x.srt')), 'x.srt');
    case 'podcast':
      return fromPodcast(must(readPodcastTranscript(podcastJson(toPodcastTranscript(timed)), 'x.json')), 'x.json');
    case 'syncmap':
      return fromSyncMap(must(readSyncMap(syncMapJson(toSyncMap(timed)), 'x.json')), 'x.json');
    case 'epub': {
      const book = readEpub(buildEpub({ edition: doc.edition, timing: doc.timing, lang, audio: new Uint8Array(16) }), 'x.epub');
      return fromEpub(book.overlays.flatMap((o) => o.pars), 'x.epub');
    }
  }
}

const close = (a: number, b: number) => Math.abs(a - b) <= 0.001;

describe('importing every export again', () => {
  for (const format of ['vtt', 'srt', 'podcast', 'syncmap', 'epub'] as const) {
    it(`${format}: the same sentences and times, a track the app accepts`, async () => {
      for (const [name, doc] of [['interview', await interview()], ['small', small()]] as const) {
        for (const lang of ['de', 'en'] as Lang[]) {
          const original = doc.timing.tracks[lang]!;
          const { mediaId, mimeType, duration, peaksMediaId } = original;
          const result = importTrack(doc.edition, lang, await exportAndRead(doc, lang, format), { mediaId, mimeType, duration, peaksMediaId });
          if (!result.ok) throw new Error(`${name} ${lang}: ${result.problems.join('\n')}`);
          const checked = parseTimedTranscript({ ...doc.timing, tracks: { ...doc.timing.tracks, [lang]: result.track } }, doc.edition);
          if (!checked.ok) throw new Error(`${name} ${lang}: ${checked.problems.join('\n')}`);
          expect(result.track.sentences.map((s) => s.id)).toEqual(original.sentences.map((s) => s.id));
          result.track.sentences.forEach((s, i) => {
            const o = original.sentences[i]!;
            expect(close(s.start, o.start) && close(s.end, o.end), `${name} ${lang} ${s.id}: ${s.start}-${s.end} vs ${o.start}-${o.end}`).toBe(true);
            if (format === 'syncmap') s.words.forEach((w, k) => expect(close(w[0], o.words[k]![0]) && close(w[1], o.words[k]![1]), `${s.id} word ${k + 1}`).toBe(true));
            // WebVTT carries the starts of words that do not start with the one before.
            if (format === 'vtt') s.words.forEach((w, k) => k > 0 && o.words[k]![0] > o.words[k - 1]![0] + 0.001 && expect(close(w[0], o.words[k]![0]), `${s.id} word ${k + 1}`).toBe(true));
          });
          // Every word after a sentence's first is estimated where the format has no word times.
          const untimed = original.sentences.reduce((n, s) => n + Math.max(0, s.words.length - 1), 0);
          if (format === 'syncmap') expect(result.estimatedWords).toBe(0);
          else if (format === 'vtt') expect(result.estimatedWords).toBeLessThan(untimed / 10);
          else expect(result.estimatedWords).toBe(untimed);
        }
      }
    });
  }

  it('refuses a file of another text, naming where it stops matching', async () => {
    const doc = small();
    const read = await exportAndRead(doc, 'de', 'srt');
    read[2] = { ...read[2]!, text: 'Etwas ganz anderes.' };
    const media = { mediaId: 'x/de.mp3', mimeType: 'audio/mpeg' as const, duration: 100, peaksMediaId: 'x/de.peaks.json' };
    const result = importTrack(doc.edition, 'de', read, media);
    expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/^x\.srt, line \d+: the text does not match sentence s003 /)]);
    const byId = await exportAndRead(doc, 'de', 'vtt');
    const swapped = [byId[1]!, byId[0]!, ...byId.slice(2)];
    const refused = importTrack(doc.edition, 'de', swapped, media);
    expect(refused.ok ? [] : refused.problems).toEqual([expect.stringMatching(/^x\.vtt, line \d+: expected sentence s001 here, found "s002"$/)]);
  });
});
