// The format writers on real and fixture documents: what each file must hold by its specification
// (WebVTT cue syntax and inline timestamps, SRT's two lines of 42, Podcasting 2.0's fields, aeneas's
// string times), what our documents add (speakers, chapters, shared English written once), and a
// German-only document that has no English to export.
import { describe, expect, it } from 'vitest';
import { toBilingualMarkdown } from '../../../common/exchange/markdown';
import { toPodcastChapters, toPodcastTranscript } from '../../../common/exchange/podcast';
import { SRT_LINE_CHARS, sentenceCues, toSrt } from '../../../common/exchange/srt';
import { toSyncMap } from '../../../common/exchange/syncmap';
import { timedLanguages, timedText, wordPieces } from '../../../common/exchange/timed-text';
import { escapeCueText, timedCueText, toChaptersVtt, toWebVtt, vttTime } from '../../../common/exchange/vtt';
import { germanOnly, interview, small } from '../../main/exchange/support';

describe('the timed text the writers share', () => {
  it('cuts a sentence at its word starts into pieces that join to the text again', async () => {
    const { edition, timing } = await interview();
    for (const lang of ['de', 'en'] as const) {
      const timed = timedText(edition, timing, lang)!;
      expect(timed.sentences.length).toBe(timing.tracks[lang]!.sentences.length);
      for (const sentence of timed.sentences) expect(wordPieces(sentence).join('')).toBe(sentence.text);
    }
  });

  it('has no English in a German-only document, and German that is all there is', () => {
    const { edition, timing } = germanOnly();
    expect(timedLanguages(edition, timing)).toEqual(['de']);
    expect(timedText(edition, timing, 'en')).toBeNull();
    expect(timedText(edition, timing, 'de')!.sentences.map((s) => s.id)).toEqual(edition.sentences.map((s) => s.id));
  });

  it('narrates shared English once, with the sentence that carries it', () => {
    const { edition, timing } = small();
    const en = timedText(edition, timing, 'en')!;
    expect(en.sentences.map((s) => s.id)).not.toContain('s005');
    expect(en.sentences.find((s) => s.id === 's004')!.text).toBe('A great deal, and all of it surprising.');
    expect(en.sentences.find((s) => s.id === 's004')!.speaker).toBe('Anna Müller');
  });
});

describe('WebVTT', () => {
  it('writes hours, minutes, seconds and milliseconds', () => {
    expect(vttTime(0)).toBe('00:00:00.000');
    expect(vttTime(3725.0456)).toBe('01:02:05.046');
  });

  it('escapes what would be markup and keeps cue text on one line', () => {
    expect(escapeCueText('a < b & c > d\nnext')).toBe('a &lt; b &amp; c &gt; d next');
  });

  it('gives each sentence a cue named by its id, with the speaker as a voice and words as timestamps', async () => {
    const { edition, timing } = await interview();
    const vtt = toWebVtt(timedText(edition, timing, 'de')!);
    expect(vtt.startsWith('WEBVTT - China sieht alles\n\n')).toBe(true);
    // The first sentence a speaker says (the title before it has none).
    const spoken = edition.sentences.find((s) => s.speakerId === 'interviewer')!;
    const first = timing.tracks.de!.sentences.find((s) => s.id === spoken.id)!;
    const block = vtt.split('\n\n').find((b) => b.startsWith(`${first.id}\n`))!;
    expect(vtt.split('\n\n').find((b) => b.startsWith(`${edition.sentences[0]!.id}\n`))).not.toContain('<v ');
    expect(block.split('\n')[1]).toBe(`${vttTime(first.start)} --> ${vttTime(first.end)}`);
    expect(block.split('\n')[2]).toMatch(/^<v Der Spiegel>.*<\/v>$/);
    // One timestamp per word after the first (the first starts with the cue).
    const stamps = block.match(/<\d\d:\d\d:\d\d\.\d\d\d>/g) ?? [];
    expect(stamps.length).toBe(first.words.length - 1);
    expect(stamps[0]).toBe(`<${vttTime(first.words[1]![0])}>`);
  });

  it('writes no timestamp that is not strictly inside its cue and after the one before', () => {
    const sentence = {
      id: 's1', paragraphId: 'p1', chapterId: 'c1', speaker: null, text: 'eins zwei drei', start: 1, end: 2,
      words: [
        { text: 'eins', from: 0, to: 4, start: 1, end: 1.2 },
        { text: 'zwei', from: 5, to: 9, start: 1.2, end: 1.2 },
        { text: 'drei', from: 10, to: 14, start: 1.2, end: 2 },
      ],
    };
    expect(timedCueText(sentence)).toBe('eins <00:00:01.200>zwei drei');
  });

  it('gives a sentence timed as a moment a cue of one millisecond, never an empty one', () => {
    const { edition, timing } = small();
    const timed = timedText(edition, timing, 'de')!;
    const first = timed.sentences[0]!;
    const moment = { ...timed, sentences: [{ ...first, end: first.start, words: first.words.map((w) => ({ ...w, start: first.start, end: first.start })) }] };
    expect(toWebVtt(moment)).toContain(`${vttTime(first.start)} --> ${vttTime(first.start + 0.001)}`);
    expect(toSrt(moment)).toContain(`--> ${vttTime(first.start + 0.001).replace('.', ',')}`);
  });

  it('writes a chapters track whose cues follow each other without gaps', async () => {
    const { edition, timing } = await interview();
    const track = timing.tracks.de!;
    const lines = toChaptersVtt(timedText(edition, timing, 'de')!).split('\n');
    const times = lines.filter((l) => l.includes('-->')).map((l) => l.split(' --> '));
    expect(times.length).toBe(edition.chapters.length);
    for (let i = 1; i < times.length; i++) expect(times[i]![0]).toBe(times[i - 1]![1]);
    expect(times[times.length - 1]![1]).toBe(vttTime(track.duration));
    expect(lines).toContain('Der erste digitale Überwachungsstaat');
  });
});

describe('SRT', () => {
  it('never writes more than two lines of 42 characters in a cue, in any language of the interview', async () => {
    const { edition, timing } = await interview();
    for (const lang of ['de', 'en'] as const) {
      const blocks = toSrt(timedText(edition, timing, lang)!).trim().split('\n\n');
      expect(blocks.length).toBeGreaterThanOrEqual(timing.tracks[lang]!.sentences.length);
      blocks.forEach((block, i) => {
        const [number, times, ...text] = block.split('\n');
        expect(number).toBe(String(i + 1));
        expect(times).toMatch(/^\d\d:\d\d:\d\d,\d\d\d --> \d\d:\d\d:\d\d,\d\d\d$/);
        expect(text.length).toBeGreaterThanOrEqual(1);
        expect(text.length).toBeLessThanOrEqual(2);
        for (const line of text) expect(Array.from(line).length).toBeLessThanOrEqual(SRT_LINE_CHARS);
      });
    }
  });

  it('splits a long sentence into cues timed by their own words, in order and not overlapping', () => {
    const words = Array.from({ length: 30 }, (_, i) => `Wort${i + 1}`);
    const text = words.join(' ');
    let from = 0;
    const sentence = {
      id: 's1', paragraphId: 'p1', chapterId: 'c1', speaker: null, text, start: 10, end: 25,
      words: words.map((w, i) => {
        const word = { text: w, from, to: from + w.length, start: 10 + i * 0.5, end: 10 + i * 0.5 + 0.4 };
        from += w.length + 1;
        return word;
      }),
    };
    const cues = sentenceCues(sentence);
    expect(cues.length).toBeGreaterThan(1);
    expect(cues[0]!.start).toBe(10);
    expect(cues[cues.length - 1]!.end).toBe(25);
    expect(cues.flatMap((c) => c.lines).join(' ')).toBe(text);
    for (let i = 1; i < cues.length; i++) {
      expect(cues[i]!.start).toBeGreaterThanOrEqual(cues[i - 1]!.end);
      // A cue starts when its first word is spoken.
      const firstWord = cues[i]!.lines[0]!.split(' ')[0]!;
      expect(cues[i]!.start).toBe(sentence.words.find((w) => w.text === firstWord)!.start);
    }
  });

  it('balances the lines of a cue instead of leaving a short last line, and keeps a short sentence on one line', () => {
    const make = (text: string) => {
      let from = 0;
      const words = text.split(' ').map((w, i) => {
        const word = { text: w, from, to: from + w.length, start: i, end: i + 0.5 };
        from += w.length + 1;
        return word;
      });
      return { id: 's1', paragraphId: 'p', chapterId: 'c', speaker: null, text, start: 0, end: words.length, words };
    };
    const [cue] = sentenceCues(make('eins zwei drei vier fünf sechs sieben acht neun zehn elf'));
    expect(cue!.lines).toHaveLength(2);
    expect(Math.abs(cue!.lines[0]!.length - cue!.lines[1]!.length)).toBeLessThanOrEqual('sieben'.length + 1);
    expect(sentenceCues(make('Ein kurzer Satz.'))[0]!.lines).toEqual(['Ein kurzer Satz.']);
  });

  it('cuts a word longer than a line rather than write a line too long', () => {
    const long = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft';
    const cues = sentenceCues({ id: 's1', paragraphId: 'p', chapterId: 'c', speaker: null, text: long, start: 0, end: 3, words: [{ text: long, from: 0, to: long.length, start: 0, end: 3 }] });
    expect(cues.flatMap((c) => c.lines).join('')).toBe(long);
    for (const line of cues.flatMap((c) => c.lines)) expect(Array.from(line).length).toBeLessThanOrEqual(SRT_LINE_CHARS);
  });
});

describe('Podcasting 2.0', () => {
  it('writes a segment per sentence with speaker, start, end and body, and the chapters for a table of contents', async () => {
    const { edition, timing } = await interview();
    const timed = timedText(edition, timing, 'en')!;
    const transcript = toPodcastTranscript(timed);
    expect(transcript.version).toBe('1.0.0');
    expect(transcript.segments.length).toBe(timing.tracks.en!.sentences.length);
    // The title has no speaker, so the segment has none; a turn has its speaker.
    expect(transcript.segments[0]).toEqual({ startTime: timing.tracks.en!.sentences[0]!.start, endTime: timing.tracks.en!.sentences[0]!.end, body: timed.sentences[0]!.text });
    const turn = timed.sentences.findIndex((s) => s.speaker !== null);
    expect(transcript.segments[turn]!.speaker).toBe(timed.sentences[turn]!.speaker);
    expect(transcript.segments.some((s) => s.speaker === 'Sebastian Heilmann')).toBe(true);
    const chapters = toPodcastChapters(timed);
    expect(chapters.version).toBe('1.2.0');
    expect(chapters.chapters.map((c) => c.title)[0]).toBe('The first digital surveillance state');
    expect(chapters.chapters.every((c) => c.toc === true)).toBe(true);
  });
});

describe('the sync map', () => {
  it('writes aeneas fragments with string times and a child per word', async () => {
    const { edition, timing } = await interview();
    const map = toSyncMap(timedText(edition, timing, 'de')!);
    const first = timing.tracks.de!.sentences[0]!;
    expect(map.fragments[0]).toMatchObject({ id: first.id, begin: first.start.toFixed(3), end: first.end.toFixed(3), language: 'deu' });
    expect(map.fragments[0]!.children.length).toBe(first.words.length);
    expect(map.fragments[0]!.children[0]!.begin).toMatch(/^\d+\.\d{3}$/);
  });
});

describe('the bilingual Markdown', () => {
  it('has every German sentence and every English once, chapters as headings, speakers and times', async () => {
    const { edition, timing } = small();
    const md = toBilingualMarkdown(edition, timing);
    expect(md).toMatch(/^# Kleines Gespräch \/ A Small Conversation\n/);
    expect(md).toContain('## 1. Anfang / Beginning');
    expect(md).toContain('**Anna Müller** \\[0:01\\]');
    for (const s of edition.sentences) expect(md).toContain(s.de.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>|~])/g, '\\$1'));
    expect(md.split('A great deal, and all of it surprising.').length - 1).toBe(1);
    expect(md).toContain('*\\[Frage fehlt\\] / \\[question missing\\]*');
  });

  it('writes a German-only document without English and without a narration', () => {
    const { edition } = germanOnly();
    const md = toBilingualMarkdown(edition, null);
    expect(md).not.toMatch(/^> /m);
    expect(md).not.toContain('\\[0:');
    expect(md).toContain('Guten Abend.');
  });
});
