// Search and note-save latency on a synthetic book: a 100,000-word German/English document and
// 10,000 notes, searched at word starts and inside words (German compounds), ranked. Measured in
// the main process (the search handler's work: fold, query, the transcript scan, FTS5 word and
// trigram indexes, verification, ranking, snippets; and the transcript and notes halves alone), over the browser-mode HTTP bridge from Node and from Chromium's fetch,
// and, in the real app in Chromium, from a key typed in the search box to its results on screen
// (the bundled interview with 10,000 notes: the app only plays narrated documents, and a 100k-word
// narration cannot be built here). Figures only.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Edition, Sentence } from '../../common/edition/model';
import { buildQuery } from '../../common/search/query';
import { buildTranscriptIndex } from '../../main/notes/transcript-index';
import { notesService } from '../main/notes/helpers';
import { startWebHost, type WebHost } from '../../main/web/server';
import { REPO_ROOT, startApp } from '../e2e/support/app';
import { launchChromium } from '../e2e/support/chromium';
import { keyToResults } from './key-to-results';
import { percentile } from './stats';
import type { Benchmark } from './types';

const WORDS = 100_000;
const NOTES = 10_000;
const SAVES = 300;

const GERMAN = (
  'China sieht alles Überwachung Überwachungsstaat digitale Welt Partei Staat Bürger Gesellschaft Straße Strasse ' +
  'Gesichtserkennung Sicherheit Kamera Daten Bonitätssystem Punkte Firmen Funktionäre Beobachtung Xinjiang Labor ' +
  'Panoptikum Internet Herde Hirte Mensch damals heute Bewertungen Westen Kontrolle Freiheit Zukunft Technik ' +
  'und der die das ein eine nicht ist sind wird werden mit auf für von zu im über unter nach wie wenn weil ' +
  'große Frauen Feuer Quartier schön öffentlich ändern Ärger Größe Fluss müssen können wollen sehen wissen'
).split(' ');
const ENGLISH = (
  'China sees everything surveillance state digital world party citizens society street facial recognition ' +
  'safety camera data social credit system points companies officials scrutiny laboratory panopticon internet ' +
  'herd shepherd man then now ratings west control freedom future technology and the a is are will be with ' +
  'on for of to in over under after how when because large women fire quarter beautiful public change trouble'
).split(' ');

function makeRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

export function syntheticEdition(words = WORDS): Edition {
  const random = makeRandom(7);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const sentences: Sentence[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const length = 8 + Math.floor(random() * 14);
    const de = Array.from({ length }, () => pick(GERMAN)).join(' ') + '.';
    const en = Array.from({ length }, () => pick(ENGLISH)).join(' ') + '.';
    count += length;
    sentences.push({ id: `s${i + 1}`, index: i, paragraphId: `p${Math.floor(i / 5) + 1}`, chapterId: `ch${Math.floor(i / 300) + 1}`, speakerId: null, de, en, enWith: null });
  }
  const chapterCount = Math.ceil(sentences.length / 300);
  return {
    id: 'synthetic-book',
    languages: ['de', 'en'],
    title: { de: 'Synthetisches Buch', en: 'Synthetic Book' },
    speakers: [],
    chapters: Array.from({ length: chapterCount }, (_, c) => ({
      id: `ch${c + 1}`,
      index: c,
      title: { de: `Kapitel ${c + 1}`, en: `Chapter ${c + 1}` },
      startSentenceId: `s${c * 300 + 1}`,
      sentenceIds: sentences.slice(c * 300, c * 300 + 300).map((s) => s.id),
    })),
    paragraphs: [],
    sentences,
  };
}

/** What a reader types: whole words, German spellings, prefixes while typing, misses, hostile input. */
const QUERIES = [
  'Überwachung', 'ueberwachung', 'uberw', 'Strasse', 'Straße', 'china', 'digitale welt', 'partei staat',
  'Gesichtserkennung', 'bonitat', 'xinjiang', 'surveillance', 'facial recognition', 'the', 'die', 'd', 's', 'ü',
  'nichtvorhanden', 'qqq', '"AND OR (', '*', 'Frauen Feuer', 'großen', 'schoen', 'öffentlich kontrolle freiheit',
  ...['Ü', 'Üb', 'Übe', 'Über', 'Überw', 'Überwa', 'Überwac', 'Überwach', 'Überwachu', 'Überwachun', 'Überwachung'],
  // Inside words (German compounds), which only the inside-word search finds.
  'system', 'staat', 'erkennung', 'wachungs', 'itat', 'kontroll', 'eit', 'ung', 'staat partei', 'systeme',
];

const bench: Benchmark = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mitlesen-bench-search-'));
  const edition = syntheticEdition();
  const library = { load: async () => ({ edition, timing: null, timingProblem: 'synthetic' }) };
  const service = notesService({ dataDir, library, log: () => undefined });
  try {
    const store = service.store!;
    const random = makeRandom(11);
    const seedStart = performance.now();
    for (let i = 0; i < NOTES; i++) {
      const sentence = edition.sentences[Math.floor(random() * edition.sentences.length)]!;
      const words = Array.from({ length: 5 + Math.floor(random() * 30) }, () => GERMAN[Math.floor(random() * GERMAN.length)]!);
      store.create({ documentId: edition.id, sentenceIds: [sentence.id], time: sentence.index * 2.5, text: words.join(' '), tags: i % 10 === 0 ? ['wichtig'] : [] });
    }
    const seedMs = performance.now() - seedStart;

    // The first search builds the transcript index.
    const indexStart = performance.now();
    await service.handlers.search({ documentId: edition.id, query: 'china' });
    const indexMs = performance.now() - indexStart;

    const mainTimes: number[] = [];
    let transcriptHits = 0;
    let noteHits = 0;
    for (let round = 0; round < 10; round++) {
      for (const query of QUERIES) {
        const start = performance.now();
        const result = await service.handlers.search({ documentId: edition.id, query, limit: 50 });
        mainTimes.push(performance.now() - start);
        if (round === 0) {
          transcriptHits += result.transcript.length;
          noteHits += result.notes.length;
        }
      }
    }
    // The two halves on their own: which one a slow search spends its time in.
    const index = buildTranscriptIndex(edition);
    const transcriptTimes: number[] = [];
    const notesTimes: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (const raw of QUERIES) {
        const query = buildQuery(raw);
        let start = performance.now();
        index.search(query, 50);
        transcriptTimes.push(performance.now() - start);
        start = performance.now();
        store.searchNotes(edition.id, query, 50);
        notesTimes.push(performance.now() - start);
      }
    }
    index.close();

    // Over HTTP through the browser-mode host, as the renderer calls it (dispatch, zod, JSON).
    const { BRIDGE_METHODS } = await import('../../common/bridge/contract');
    const handlers = Object.fromEntries(BRIDGE_METHODS.map((m) => [m, (service.handlers as Record<string, unknown>)[m] ?? (() => null)]));
    const rendererDir = join(REPO_ROOT, 'out', 'renderer');
    const browserReady = existsSync(join(rendererDir, 'index.html'));
    const host = await startWebHost({ handlers: handlers as never, media: { resolve: async () => ({ ok: false, status: 404, reason: 'none' }) } as never, rendererDir });
    const httpTimes: number[] = [];
    let chromiumFetchTimes: number[] = [];
    try {
      if (browserReady) chromiumFetchTimes = await fetchFromChromium(host, edition.id);
      for (let round = 0; round < 5; round++) {
        for (const query of QUERIES) {
          const start = performance.now();
          const response = await fetch(`${host.origin}/api/search`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: host.origin, 'X-Mitlesen-Token': host.token },
            body: JSON.stringify({ arg: { documentId: edition.id, query, limit: 50 } }),
          });
          await response.json();
          httpTimes.push(performance.now() - start);
        }
      }
    } finally {
      await host.close();
    }

    // Note saves, each its own committed transaction with synchronous=FULL.
    const createTimes: number[] = [];
    const updateTimes: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      let start = performance.now();
      const note = await service.handlers.createNote({ documentId: edition.id, sentenceIds: ['s1'], time: 1, text: `Neue Notiz ${i}`, tags: [] });
      createTimes.push(performance.now() - start);
      start = performance.now();
      await service.handlers.updateNote({ id: note.id, text: `Neue Notiz ${i}, weiter getippt`, expectedUpdatedAt: note.updatedAt });
      updateTimes.push(performance.now() - start);
    }

    const keyToResults = browserReady ? await keyToResultsInApp() : [];

    return {
      name: 'search',
      rows: [
        { metric: 'search p50 (main process)', value: percentile(mainTimes, 50), unit: 'ms' },
        { metric: 'search p95 (main process)', value: percentile(mainTimes, 95), unit: 'ms', target: '<= 10' },
        { metric: 'search max (main process)', value: Math.max(...mainTimes), unit: 'ms' },
        { metric: 'transcript search p95 (100k words)', value: percentile(transcriptTimes, 95), unit: 'ms' },
        { metric: 'notes search p95 (10k notes)', value: percentile(notesTimes, 95), unit: 'ms' },
        { metric: 'search p50 (HTTP bridge)', value: percentile(httpTimes, 50), unit: 'ms' },
        { metric: 'search p95 (HTTP bridge)', value: percentile(httpTimes, 95), unit: 'ms', target: '< 50 key-to-results' },
        ...(browserReady
          ? [
              { metric: 'search p95 (Chromium fetch, 100k words)', value: percentile(chromiumFetchTimes, 95), unit: 'ms' },
              { metric: 'key to results p50 (app in Chromium)', value: percentile(keyToResults, 50), unit: 'ms' },
              { metric: 'key to results p95 (app in Chromium)', value: percentile(keyToResults, 95), unit: 'ms', target: '< 50' },
            ]
          : []),
        { metric: 'transcript index build', value: indexMs, unit: 'ms' },
        { metric: 'note create p50 (synchronous=FULL)', value: percentile(createTimes, 50), unit: 'ms' },
        { metric: 'note create p95 (synchronous=FULL)', value: percentile(createTimes, 95), unit: 'ms' },
        { metric: 'note update p95 (synchronous=FULL)', value: percentile(updateTimes, 95), unit: 'ms' },
      ],
      notes: {
        words: WORDS,
        sentences: edition.sentences.length,
        notes: NOTES,
        queries: QUERIES.length,
        'seed 10k notes (s)': Math.round(seedMs) / 1000,
        'transcript hits (1 round)': transcriptHits,
        'note hits (1 round)': noteHits,
        limit: 50,
        browser: browserReady ? 'measured' : 'skipped: build the renderer first (npm run build:renderer)',
      },
    };
  } finally {
    service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** Search calls made by the page itself (fetch + JSON in Chromium) against the synthetic book. */
async function fetchFromChromium(host: WebHost, documentId: string): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    return await page.evaluate(
      async ({ queries, documentId }) => {
        const token = sessionStorage.getItem('mitlesen.token') ?? '';
        const times: number[] = [];
        for (let round = 0; round < 3; round++) {
          for (const query of queries) {
            const start = performance.now();
            const response = await fetch('/api/search', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'X-Mitlesen-Token': token },
              body: JSON.stringify({ arg: { documentId, query, limit: 30 } }),
            });
            await response.json();
            times.push(performance.now() - start);
          }
        }
        return times;
      },
      { queries: QUERIES, documentId },
    );
  } finally {
    await browser.close();
  }
}

/** In the real app: from keydown in the search box to the results for that text being rendered. */
async function keyToResultsInApp(): Promise<number[]> {
  const app = await startApp();
  try {
    const random = makeRandom(5);
    const documentId = 'china-sieht-alles';
    const { edition } = await app.services.handlers.loadDocument({ documentId });
    for (let i = 0; i < NOTES; i++) {
      const sentence = edition.sentences[Math.floor(random() * edition.sentences.length)]!;
      const words = Array.from({ length: 5 + Math.floor(random() * 30) }, () => GERMAN[Math.floor(random() * GERMAN.length)]!);
      await app.services.handlers.createNote({ documentId, sentenceIds: [sentence.id], time: 0, text: words.join(' '), tags: [] });
    }
    const page = app.page;
    await page.reload();
    return await keyToResults(page, ['Überwachungsstaat', 'ueberwachung kamera', 'Strasse', 'china partei', 'gesichtserkennung'], { rounds: 3, pauseMs: 150 });
  } finally {
    await app.close();
  }
}

export default bench;
