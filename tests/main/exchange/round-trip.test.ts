// Every export read back with the importers' parsers gives the same sentences and times (within
// 1 ms): WebVTT (and it passes the W3C validator's parser), SRT (a sentence may come back as several
// cues), Podcasting 2.0, the sync map, and the EPUB's Media Overlays, for the interview in both
// languages and for the small fixture with shared English.
import { describe, expect, it } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import { readPodcastChapters, readPodcastTranscript } from '../../../common/exchange/podcast-read';
import { podcastJson, toPodcastChapters, toPodcastTranscript } from '../../../common/exchange/podcast';
import { toSrt } from '../../../common/exchange/srt';
import { syncMapJson, toSyncMap } from '../../../common/exchange/syncmap';
import { readSyncMap } from '../../../common/exchange/syncmap-read';
import { timedText, type TimedText } from '../../../common/exchange/timed-text';
import { toChaptersVtt, toWebVtt } from '../../../common/exchange/vtt';
import type { Lang } from '../../../common/edition/model';
import { readCaptions, type ReadCue } from '../../../main/exchange/captions-read';
import { buildEpub } from '../../../main/exchange/epub';
import { readEpub } from '../../../main/exchange/epub-read';
import { interview, small, type Narrated } from './support';

const MS = 0.001;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function expectClose(actual: number, expected: number, what: string): void {
  if (Math.abs(actual - expected) > MS) throw new Error(`${what}: ${actual} is not within 1 ms of ${expected}`);
}

async function cases(): Promise<[string, TimedText][]> {
  const out: [string, TimedText][] = [];
  const docs: [string, Narrated][] = [['interview', await interview()], ['small', small()]];
  for (const [name, { edition, timing }] of docs) {
    for (const lang of ['de', 'en'] as Lang[]) {
      const timed = timedText(edition, timing, lang);
      if (timed) out.push([`${name} ${lang}`, timed]);
    }
  }
  return out;
}

describe('WebVTT round trip', () => {
  it('gives back every sentence with its text, speaker, times and word starts, and passes the validator', async () => {
    for (const [name, timed] of await cases()) {
      const vtt = toWebVtt(timed);
      const validation = new WebVTTParser().parse(vtt, 'subtitles/captions/descriptions');
      expect(validation.errors, name).toEqual([]);
      const read = await readCaptions(vtt, 'vtt', `${name}.vtt`);
      if (!read.ok) throw new Error(read.problems.join('\n'));
      expect(read.cues.map((c) => c.id), name).toEqual(timed.sentences.map((s) => s.id));
      read.cues.forEach((cue, i) => {
        const sentence = timed.sentences[i]!;
        expect(cue.text).toBe(squash(sentence.text));
        expect(cue.voice).toBe(sentence.speaker);
        expectClose(cue.start, sentence.start, `${name} ${sentence.id} start`);
        expectClose(cue.end, sentence.end, `${name} ${sentence.id} end`);
        expect(cue.words.map((w) => w.text)).toEqual(sentence.words.map((w) => w.text));
        // A word read back without a time was written without one: it starts with the word before.
        let timedWords = 0;
        cue.words.forEach((word, w) => {
          if (word.start === null) expectClose(sentence.words[w]!.start, sentence.words[w - 1]!.start, `${name} ${sentence.id} word ${w + 1}`);
          else {
            timedWords++;
            expectClose(word.start, Math.max(sentence.words[w]!.start, sentence.start), `${name} ${sentence.id} word ${w + 1}`);
          }
        });
        expect(timedWords).toBeGreaterThan(0);
      });
    }
  });

  it('gives back the chapters with their titles and starts', async () => {
    for (const [name, timed] of await cases()) {
      const vtt = toChaptersVtt(timed);
      expect(new WebVTTParser().parse(vtt, 'chapters').errors, name).toEqual([]);
      const read = await readCaptions(vtt, 'vtt', `${name}.chapters.vtt`);
      if (!read.ok) throw new Error(read.problems.join('\n'));
      expect(read.cues.map((c) => [c.id, c.text])).toEqual(timed.chapters.map((c) => [c.id, c.title]));
      read.cues.forEach((cue, i) => expectClose(cue.start, timed.chapters[i]!.start, `${name} chapter ${i + 1}`));
    }
  });
});

describe('SRT round trip', () => {
  it('gives back every sentence (joined from its cues) with its start and end', async () => {
    for (const [name, timed] of await cases()) {
      const read = await readCaptions(toSrt(timed), 'srt', `${name}.srt`);
      if (!read.ok) throw new Error(read.problems.join('\n'));
      // Cues carry no sentence ids: take cues until their text is the sentence's.
      let next = 0;
      for (const sentence of timed.sentences) {
        const taken: ReadCue[] = [];
        while (squash(taken.map((c) => c.text).join(' ')).replace(/ /g, '').length < squash(sentence.text).replace(/ /g, '').length) {
          const cue = read.cues[next++];
          if (!cue) throw new Error(`${name}: the cues ran out at ${sentence.id}`);
          taken.push(cue);
        }
        expect(taken.map((c) => c.text).join('').replace(/ /g, '')).toBe(squash(sentence.text).replace(/ /g, ''));
        expectClose(taken[0]!.start, sentence.start, `${name} ${sentence.id} start`);
        expectClose(taken[taken.length - 1]!.end, sentence.end, `${name} ${sentence.id} end`);
      }
      expect(next).toBe(read.cues.length);
    }
  });
});

describe('Podcasting 2.0 and sync map round trips', () => {
  it('give back every sentence with its speaker, text and times, words too in the sync map', async () => {
    for (const [name, timed] of await cases()) {
      const transcript = readPodcastTranscript(podcastJson(toPodcastTranscript(timed)), `${name}.json`);
      if (!transcript.ok) throw new Error(transcript.problems.join('\n'));
      expect(transcript.value.segments.map((s) => [s.body, s.speaker ?? null])).toEqual(timed.sentences.map((s) => [s.text, s.speaker]));
      transcript.value.segments.forEach((segment, i) => {
        expectClose(segment.startTime, timed.sentences[i]!.start, `${name} segment ${i}`);
        expectClose(segment.endTime, timed.sentences[i]!.end, `${name} segment ${i}`);
      });
      const chapters = readPodcastChapters(podcastJson(toPodcastChapters(timed)), `${name}.chapters.json`);
      if (!chapters.ok) throw new Error(chapters.problems.join('\n'));
      expect(chapters.value.chapters.map((c) => c.title)).toEqual(timed.chapters.map((c) => c.title));
      chapters.value.chapters.forEach((c, i) => expectClose(c.startTime, timed.chapters[i]!.start, `${name} chapter ${i}`));

      const map = readSyncMap(syncMapJson(toSyncMap(timed)), `${name}.syncmap.json`);
      if (!map.ok) throw new Error(map.problems.join('\n'));
      map.value.fragments.forEach((f, i) => {
        const sentence = timed.sentences[i]!;
        expect([f.id, f.lines.join(' ')]).toEqual([sentence.id, sentence.text]);
        expectClose(Number(f.begin), sentence.start, `${name} ${f.id}`);
        expectClose(Number(f.end), sentence.end, `${name} ${f.id}`);
        expect(f.children.map((c) => c.lines[0])).toEqual(sentence.words.map((w) => w.text));
        f.children.forEach((c, w) => {
          expectClose(Number(c.begin), sentence.words[w]!.start, `${name} ${f.id} word ${w + 1}`);
          expectClose(Number(c.end), sentence.words[w]!.end, `${name} ${f.id} word ${w + 1}`);
        });
      });
    }
  });
});

describe('EPUB round trip', () => {
  it('gives back every narrated sentence as a par, in order, with its text and clip times, and the audio inside', async () => {
    for (const [name, doc] of [['interview', await interview()], ['small', small()]] as const) {
      for (const lang of ['de', 'en'] as Lang[]) {
        const timed = timedText(doc.edition, doc.timing, lang)!;
        const audio = new Uint8Array(4096).map((_, i) => i % 251);
        const book = readEpub(buildEpub({ edition: doc.edition, timing: doc.timing, lang, audio, modified: new Date('2026-01-01T00:00:00Z') }), `${name}-${lang}.epub`);
        const pars = book.overlays.flatMap((o) => o.pars);
        expect(pars.map((p) => p.fragment), `${name} ${lang}`).toEqual(timed.sentences.map((s) => `${lang}-${s.id}`));
        pars.forEach((par, i) => {
          const sentence = timed.sentences[i]!;
          expect(par.text).toBe(squash(sentence.text));
          expectClose(par.clipBegin, sentence.start, `${name} ${lang} ${sentence.id} clipBegin`);
          expectClose(par.clipEnd, sentence.end, `${name} ${lang} ${sentence.id} clipEnd`);
        });
        expect([...book.audio.values()]).toEqual([audio]);
        expect(book.languages).toEqual(doc.edition.languages);
        expect(book.activeClass).toBe('mitlesen-active');
        // Each overlay's media:duration is the sum of its clips, and the total is their sum.
        let total = 0;
        for (const overlay of book.overlays) {
          const clips = overlay.pars.reduce((sum, p) => sum + (p.clipEnd - p.clipBegin), 0);
          expectClose(overlay.declaredDuration!, clips, `${name} ${lang} ${overlay.smil} media:duration`);
          total += overlay.declaredDuration!;
        }
        expectClose(book.declaredDuration!, total, `${name} ${lang} total media:duration`);
      }
    }
  });
});
