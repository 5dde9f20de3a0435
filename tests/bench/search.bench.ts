// Search and note-save latency on a synthetic book: a 100,000-word German/English document and
// 10,000 notes. Measured in the main process (the search handler's work: fold, query, FTS5,
// verification, snippets) and over the browser-mode HTTP bridge (what a typed key waits for
// before rendering). Figures only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Edition, Sentence } from '../../common/edition/model';
import { createNotesService } from '../../main/notes/service';
import { startWebHost } from '../../main/web/server';
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
];

const bench: Benchmark = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mitlesen-bench-search-'));
  const edition = syntheticEdition();
  const library = { load: async () => ({ edition, timing: null, timingProblem: 'synthetic' }) };
  const service = createNotesService({ dataDir, library, log: () => undefined });
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

    // Over HTTP through the browser-mode host, as the renderer calls it (dispatch, zod, JSON).
    const { BRIDGE_METHODS } = await import('../../common/bridge/contract');
    const handlers = Object.fromEntries(BRIDGE_METHODS.map((m) => [m, (service.handlers as Record<string, unknown>)[m] ?? (() => null)]));
    const host = await startWebHost({ handlers: handlers as never, media: { resolve: async () => ({ ok: false, status: 404, reason: 'none' }) } as never, rendererDir: dataDir });
    const httpTimes: number[] = [];
    try {
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

    return {
      name: 'search',
      rows: [
        { metric: 'search p50 (main process)', value: percentile(mainTimes, 50), unit: 'ms' },
        { metric: 'search p95 (main process)', value: percentile(mainTimes, 95), unit: 'ms', target: '<= 10' },
        { metric: 'search max (main process)', value: Math.max(...mainTimes), unit: 'ms' },
        { metric: 'search p50 (HTTP bridge)', value: percentile(httpTimes, 50), unit: 'ms' },
        { metric: 'search p95 (HTTP bridge)', value: percentile(httpTimes, 95), unit: 'ms', target: '< 50 key-to-results' },
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
      },
    };
  } finally {
    service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

export default bench;
