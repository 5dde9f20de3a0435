// A book: a generated document of 100,000 words in 300 chapters (about 13 hours of narration), in
// each of the four layouts. Play, and the lit word follows the clock; a search for words found only
// far in the book, the hit chosen by keyboard, lands on that sentence, lit and played from its start;
// a note made with `n` there is reached again from the notes panel; a chapter 90% in, chosen from the
// chapter list, shows its heading and first sentence, lit; a reload resumes on the same sentence;
// at 300% text the place stays in view and lit (a sentence taller than the view at that size shows
// the word heard); the accessibility tree holds the current chapter whole (every
// sentence, in order, between its heading and the next) and the chapters around it; axe is clean.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition, Lang } from '../../common/edition/model';
import { fold } from '../../common/search/fold';
import type { Settings } from '../../common/settings';
import { splitWords } from '../../common/text/words';
import { sentenceInLanguage } from '../../common/timing/navigate';
import type { TimedTranscript } from '../../common/timing/model';
import { generateDocument } from '../../main/library/generate/document';
import {
  AUDIO_PROBE,
  clockAndHighlight,
  expectedAt,
  lagSummary,
  pauseIfPlaying,
  samplerInput,
  sentenceStart,
  startSampling,
  stopSampling,
  timelineOf,
  waitForPlaying,
  waitForTime,
  waitUntilReady,
} from './player-helpers';
import { startApp, type RunningApp } from './support/app';

const WORDS = 100_000;
const CHAPTERS = 300;
/** The chapter 90% into the book, chosen from the chapter list. */
const FAR_CHAPTER = Math.floor(CHAPTERS * 0.9);
const EXACT = 0.001;

type Layout = Settings['layout'];

let app: RunningApp;
let page: Page;
let documentId: string;
let edition: Edition;
let timing: TimedTranscript;
let startedAt = 0;

beforeAll(async () => {
  startedAt = Date.now();
  app = await startApp({ open: false });
  page = app.page;
  await page.addInitScript(AUDIO_PROBE);
  const began = Date.now();
  const generated = await generateDocument({ words: WORDS, chapters: CHAPTERS, title: 'Ein sehr langes Buch', seed: 'e2e-book' });
  await app.services.library.createOwnDocument(generated.input);
  console.log(`[book-length] generated and stored ${generated.germanWords} words, ${generated.sentences} sentences in ${Date.now() - began} ms`);
  documentId = generated.id;
  const bundle = await app.services.library.load(documentId);
  if (!bundle.timing) throw new Error(`no timings: ${bundle.timingProblem}`);
  edition = bundle.edition;
  timing = bundle.timing;
  // Opened once, so the app reopens it at start.
  await app.services.handlers.loadDocument({ documentId });
  await page.goto(app.host.url);
  await waitUntilReady(page);
}, 180_000);

afterAll(async () => {
  console.log(`[book-length] whole file: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  await app?.close();
});

// ---- Reading the page ------------------------------------------------------------------------------

interface Lit {
  /** `${lang}:${id}` of every sentence lit. */
  sentences: string[];
  /** The sentence ids inside the unit marked aria-current. */
  unit: string[];
}

function lit(): Promise<Lit> {
  return page.evaluate(() => ({
    sentences: [...document.querySelectorAll<HTMLElement>('.sentence.is-current')].map((e) => `${e.dataset.lang}:${e.dataset.sentence}`),
    unit: [...(document.querySelector('[data-unit][aria-current="true"]')?.querySelectorAll<HTMLElement>('[data-sentence]') ?? [])].map((e) => e.dataset.sentence!),
  }));
}

/** Whether the element is wholly inside the transcript's scroller (what the reader sees). */
function inView(selector: string): Promise<{ found: boolean; inside: boolean; fits: boolean; box: string }> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) return { found: false, inside: false, fits: false, box: '' };
    const view = document.querySelector('.transcript-scroller')!.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    const inside = box.height > 0 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1 && box.left >= view.left - 1 && box.right <= view.right + 1;
    return { found: true, inside, fits: box.height <= view.height, box: `${Math.round(box.top)}..${Math.round(box.bottom)} in ${Math.round(view.top)}..${Math.round(view.bottom)}` };
  }, selector);
}

/** Waits (a few seconds at most) until the element is wholly in the scroller's view; says where it is if not. */
async function expectInView(selector: string): Promise<void> {
  let last = await inView(selector);
  for (const deadline = Date.now() + 5000; !last.inside && Date.now() < deadline; last = await inView(selector)) await page.waitForTimeout(50);
  expect(last.inside, `${selector} in the transcript's view (found: ${last.found}, at ${last.box})`).toBe(true);
}

const sentenceSelector = (lang: Lang, id: string) => `.sentence[data-sentence="${id}"][data-lang="${lang}"]`;

/** Notes every position the narration's audio is sent to (a seek), from now on. */
async function recordSeeks(): Promise<void> {
  await page.evaluate(() => {
    const audio = window.__mitlesenAudio?.();
    if (!audio) throw new Error('no narration audio element');
    const w = window as unknown as { __seeks: number[]; __seekAudio?: HTMLAudioElement };
    w.__seeks = [];
    if (w.__seekAudio === audio) return;
    w.__seekAudio = audio;
    audio.addEventListener('seeking', () => w.__seeks.push(audio.currentTime));
  });
}

/** The last position sought since recordSeeks, once there is one. */
async function lastSeek(): Promise<number> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { __seeks: number[] }).__seeks.length), { timeout: 10_000 }).toBeGreaterThan(0);
  return page.evaluate(() => (window as unknown as { __seeks: number[] }).__seeks.at(-1)!);
}

const chapterOf = (sentenceId: string) => edition.chapters.findIndex((c) => c.id === edition.sentences.find((s) => s.id === sentenceId)!.chapterId);

/** The languages a layout shows. */
const shownLangs = (layout: Layout): Lang[] => (layout === 'de' ? ['de'] : layout === 'en' ? ['en'] : ['de', 'en']);

/**
 * A search only one sentence answers: the fewest of its rarest words that no other sentence has
 * together (the generated text has only a few hundred words in all, so no single word is found in
 * one place only). Checked against the real search service, so the box can offer that one hit only.
 */
async function uniqueQuery(chapter: number, lang: Lang): Promise<{ sentenceId: string; query: string; text: string }> {
  const rows = edition.sentences.map((s) => fold(`${s.de} ${s.en}`));
  const frequency = new Map<string, number>();
  for (const row of rows) for (const word of new Set(row.split(/[^\p{L}\p{N}]+/u))) if (word) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const carriers = new Set(edition.sentences.map((s) => s.enWith).filter((id): id is string => id !== null));
  for (const id of edition.chapters[chapter]!.sentenceIds) {
    const sentence = edition.sentences.find((s) => s.id === id)!;
    // A sentence with its own English, which shares it with no other: the same id in both narrations.
    if (sentence.enWith !== null || carriers.has(id)) continue;
    const text = lang === 'de' ? sentence.de : sentence.en;
    const words = [...new Set(splitWords(text).map((w) => w.text).filter((w) => w.length >= 4))].sort((a, b) => (frequency.get(fold(a)) ?? 0) - (frequency.get(fold(b)) ?? 0));
    // Its rarest two words, then three, and so on up to all of them.
    const tries = words.slice(1).map((_, i) => words.slice(0, i + 2));
    for (const candidate of tries) {
      const query = candidate.join(' ');
      const answer = await app.services.handlers.search({ documentId, query, limit: 30 });
      if (answer.transcript.length === 1 && answer.notes.length === 0 && answer.transcript[0]!.sentenceId === id && answer.transcript[0]!.lang === lang) {
        return { sentenceId: id, query, text };
      }
    }
  }
  throw new Error(`no query in chapter ${chapter + 1} finds one sentence only`);
}

/** The text of the accessibility tree under the transcript, in reading order, and its headings. */
async function transcriptAccessibility(): Promise<{ text: string; headings: { name: string; at: number }[] }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'article.transcript' })) as { nodeId: number };
    const { node } = (await cdp.send('DOM.describeNode', { nodeId })) as { node: { backendNodeId: number } };
    interface AXNode {
      nodeId: string;
      ignored: boolean;
      role?: { value: string };
      name?: { value: string };
      childIds?: string[];
      backendDOMNodeId?: number;
    }
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const article = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
    if (!article) throw new Error('the transcript is not in the accessibility tree');
    let text = '';
    const headings: { name: string; at: number }[] = [];
    const walk = (n: AXNode) => {
      const role = n.role?.value;
      if (!n.ignored && role === 'heading') headings.push({ name: n.name?.value ?? '', at: text.length });
      if (!n.ignored && role === 'StaticText') {
        text += (n.name?.value ?? '').replace(/\s+/g, '');
        return;
      }
      for (const child of n.childIds ?? []) {
        const c = byId.get(child);
        if (c) walk(c);
      }
    };
    walk(article);
    return { text, headings };
  } finally {
    await cdp.detach();
  }
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

// ---- The layouts ----------------------------------------------------------------------------------

interface Case {
  layout: Layout;
  /** The narration heard: English with the English text, else German. */
  lang: Lang;
  /** Switched in the layout picker (once), or by the settings service and a reload (the others). */
  via: 'picker' | 'service';
  /** Where the search goes: far in, and somewhere else for each layout. */
  searchChapter: number;
}

const CASES: Case[] = [
  { layout: 'de', lang: 'de', via: 'picker', searchChapter: 212 },
  { layout: 'en', lang: 'en', via: 'service', searchChapter: 231 },
  { layout: 'side-by-side', lang: 'de', via: 'service', searchChapter: 247 },
  { layout: 'interleaved', lang: 'de', via: 'service', searchChapter: 289 },
];

const notesPanel = () => page.getByRole('complementary', { name: 'Notes' });
const searchBox = () => page.getByRole('combobox', { name: 'Search the transcript and your notes' });
const settingsDialog = () => page.getByRole('dialog', { name: 'Settings' });

describe.each(CASES)('a book of $layout', ({ layout, lang, via, searchChapter }) => {
  const searchLang: Lang = layout === 'en' ? 'en' : 'de';

  it('opens in the layout', async () => {
    const began = Date.now();
    if (via === 'picker') {
      await page.getByLabel('Layout').selectOption(layout);
      await expect.poll(async () => (await app.services.handlers.getSettings(undefined)).settings.layout).toBe(layout);
    } else {
      await app.services.handlers.updateSettings({ patch: { layout, narrationLang: lang, fontScale: 1 } });
      await app.reload();
      await waitUntilReady(page);
    }
    await page.locator(`.transcript.layout-${layout}`).waitFor();
    console.log(`[book-length] ${layout}: opened in ${Date.now() - began} ms`);
    expect(await page.locator('section.chapter').count()).toBe(CHAPTERS);
    for (const other of ['de', 'en'] as Lang[]) {
      if (!shownLangs(layout).includes(other)) expect(await page.locator(`.transcript [data-lang="${other}"]`).count()).toBe(0);
    }
    await recordSeeks();
    expect((await page.evaluate(() => window.__mitlesenAudio?.()?.src)) ?? '').toContain(`/${lang}.`);
  });

  it('plays, and the lit word follows the clock', async () => {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlaying(page, true);
    await page.waitForTimeout(300);
    await startSampling(page, samplerInput(timing, lang, false));
    await page.waitForTimeout(2500);
    const lag = lagSummary(await stopSampling(page));
    await pauseIfPlaying(page);
    expect(lag.frames).toBeGreaterThan(60);
    expect(lag.p99).toBeLessThanOrEqual(17);
    expect(lag.wrong / lag.frames).toBeLessThan(0.03);
    // Paused, the word lit is exactly the clock's.
    const state = await clockAndHighlight(page);
    const expected = expectedAt(timelineOf(timing, lang), state.time);
    expect(state.word).toMatchObject({ sentence: expected.sentence, index: expected.word, lang });
  });

  it('finds words only one far sentence has, and the hit chosen by keyboard plays from that sentence’s start', async () => {
    const target = await uniqueQuery(searchChapter, searchLang);
    await page.locator('#main').focus();
    await page.keyboard.press('/');
    await expect.poll(() => searchBox().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(target.query);
    const options = page.locator('.search [role="option"]');
    await expect.poll(() => page.locator('.search-results').getAttribute('data-query')).toBe(target.query);
    expect(await options.count()).toBe(1);
    expect(await options.first().textContent()).toContain(target.text);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => searchBox().getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    await recordSeeks();
    await page.keyboard.press('Enter');

    const narrated = sentenceInLanguage(edition, target.sentenceId, lang);
    expect(await lastSeek()).toBeCloseTo(sentenceStart(timing.tracks[lang]!, narrated), 3);
    await waitForPlaying(page, true);
    await expect.poll(async () => (await lit()).sentences, { timeout: 10_000 }).toContain(`${lang}:${narrated}`);
    await pauseIfPlaying(page);
    expect((await lit()).unit).toContain(target.sentenceId);
    await expectInView(sentenceSelector(searchLang, target.sentenceId));
    for (const shown of shownLangs(layout)) expect((await lit()).sentences).toContain(`${shown}:${sentenceInLanguage(edition, target.sentenceId, shown)}`);
  });

  it('makes a note there with n, and the notes panel takes the reader back to it from far away', async () => {
    const text = `Notiz im Layout ${layout}`;
    const before = await clockAndHighlight(page);
    const here = expectedAt(timelineOf(timing, lang), before.time).sentence!;
    await page.keyboard.press('n');
    await page.keyboard.type(text);
    await expect.poll(async () => (await app.services.handlers.listNotes({ documentId })).map((n) => n.text)).toContain(text);
    const saved = (await app.services.handlers.listNotes({ documentId })).find((n) => n.text === text);
    expect(saved!.time).toBeCloseTo(before.time, 2);
    expect(saved!.sentenceIds).toEqual([here]);

    // Away to the end of the book, where the note's chapter is not rendered.
    await page.locator('#chapters-panel button').nth(CHAPTERS - 1).click();
    await expect.poll(async () => (await lit()).sentences, { timeout: 10_000 }).toContain(`${lang}:${sentenceInLanguage(edition, edition.chapters[CHAPTERS - 1]!.sentenceIds[0]!, lang)}`);
    await pauseIfPlaying(page);
    expect(await page.locator(`section.chapter[data-chapter-index="${chapterOf(here)}"][data-rendered]`).count()).toBe(0);

    await recordSeeks();
    await notesPanel().locator('.note', { hasText: text }).getByRole('button', { name: /^Play from/ }).click();
    expect(await lastSeek()).toBeCloseTo(saved!.time, 3);
    await expect.poll(async () => (await lit()).sentences, { timeout: 10_000 }).toContain(`${lang}:${here}`);
    await pauseIfPlaying(page);
    await expectInView(sentenceSelector(searchLang, sentenceInLanguage(edition, here, searchLang)));
  });

  it('jumps to a chapter 90% in from the chapter list: its heading and first sentence shown, the sentence lit', async () => {
    const chapter = edition.chapters[FAR_CHAPTER]!;
    const first = chapter.sentenceIds[0]!;
    const narrated = sentenceInLanguage(edition, first, lang);
    await recordSeeks();
    const button = page.locator('#chapters-panel button').nth(FAR_CHAPTER);
    expect(await button.textContent()).toContain(chapter.title[lang]);
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await lastSeek()).toBeCloseTo(sentenceStart(timing.tracks[lang]!, narrated), 3);
    await expect.poll(async () => (await lit()).sentences, { timeout: 10_000 }).toContain(`${lang}:${narrated}`);
    await pauseIfPlaying(page);
    expect(await page.locator(`#heading-${chapter.id}`).textContent()).toContain(layout === 'en' ? chapter.title.en : chapter.title.de);
    await expectInView(`#heading-${chapter.id}`);
    const shownLang = shownLangs(layout)[0]!;
    await expectInView(sentenceSelector(shownLang, sentenceInLanguage(edition, first, shownLang)));
    expect(await page.locator(`#chapters-panel button[aria-current="true"]`).textContent()).toContain(chapter.title[lang]);
  });

  it('resumes on the same sentence after a reload', async () => {
    // Back at the note's place, a few seconds in, so the resume is not a chapter start.
    await notesPanel().locator('.note', { hasText: `Notiz im Layout ${layout}` }).getByRole('button', { name: /^Play from/ }).click();
    await waitForPlaying(page, true);
    await page.waitForTimeout(1200);
    await pauseIfPlaying(page);
    const left = await clockAndHighlight(page);
    const sentence = expectedAt(timelineOf(timing, lang), left.time).sentence!;
    expect(left.sentences).toContain(`${lang}:${sentence}`);
    const savedHere = async () => {
      const saved = await app.services.handlers.getPosition({ documentId });
      return saved !== null && saved.sentenceId === sentence && saved.lang === lang && Math.abs(saved.time - left.time) < 0.05;
    };
    // Saved as the player paused, to the millisecond (and again as the page goes: the audio itself
    // stops a few milliseconds after the player's last frame).
    await expect.poll(savedHere).toBe(true);

    await app.reload();
    await waitUntilReady(page);
    expect(await savedHere()).toBe(true);
    // Exactly where it was saved.
    await waitForTime(page, (await app.services.handlers.getPosition({ documentId }))!.time, EXACT);
    await expect.poll(async () => (await lit()).sentences).toContain(`${lang}:${sentence}`);
    const shownLang = layout === 'en' ? 'en' : 'de';
    await expectInView(sentenceSelector(shownLang, sentenceInLanguage(edition, sentence, shownLang)));
  });

  it('holds the current chapter whole in the accessibility tree, between its heading and the next', async () => {
    const sentence = (await lit()).unit[0]!;
    const index = chapterOf(sentence);
    const chapter = edition.chapters[index]!;
    const { text, headings } = await transcriptAccessibility();
    const headingName = (i: number) => (layout === 'en' ? edition.chapters[i]!.title.en : edition.chapters[i]!.title.de);
    // Every chapter's heading, so moving by heading reaches them all.
    expect(headings.length).toBe(CHAPTERS);
    const heading = headings.findIndex((h) => h.name.includes(headingName(index)));
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(headings[heading - 1]?.name).toContain(headingName(index - 1));
    expect(headings[heading + 1]?.name).toContain(headingName(index + 1));
    const from = headings[heading]!.at;
    const to = headings[heading + 1]!.at;
    // Every sentence of the chapter, in reading order, in each language shown.
    let at = from;
    const missing: string[] = [];
    for (const id of chapter.sentenceIds) {
      const s = edition.sentences.find((x) => x.id === id)!;
      for (const shown of shownLangs(layout)) {
        const words = squeeze(shown === 'de' ? s.de : s.en);
        if (words === '') continue;
        const found = text.indexOf(words, shown === 'de' || layout === 'en' ? at : from);
        if (found < 0 || found >= to) missing.push(`${shown}:${id}`);
        else if (shown === 'de' || layout === 'en') at = found + words.length;
      }
    }
    expect(missing).toEqual([]);
    // The chapters around it are there in full too (the place has room on both sides).
    const before = edition.chapters[index - 1]!;
    const lastBefore = edition.sentences.find((x) => x.id === before.sentenceIds.at(-1))!;
    const lastBeforeText = squeeze(layout === 'en' ? (lastBefore.en || edition.sentences.find((x) => x.id === lastBefore.enWith)!.en) : lastBefore.de);
    const found = text.lastIndexOf(lastBeforeText, from);
    expect(found).toBeGreaterThan(headings[heading - 1]!.at);
  });

  it('passes axe', async () => {
    const results = await new AxeBuilder({ page }).include('#main').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  });

  it('keeps the place at 300% text: the word heard stays in view, lit, and its sentence whole where it fits the view', async () => {
    const before = await lit();
    const sentence = before.unit[0]!;
    const shownLang = layout === 'en' ? 'en' : 'de';
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await settingsDialog().waitFor();
    const size = settingsDialog().getByRole('slider', { name: 'Text size' });
    await size.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('font-scale').textContent()).toBe('300 %');
    await expect.poll(async () => (await app.services.handlers.getSettings(undefined)).settings.fontScale).toBe(3);
    await page.keyboard.press('Escape');
    await expect.poll(() => settingsDialog().isVisible()).toBe(false);
    await expect.poll(() => page.locator('.transcript').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(40);
    // The word the voice is at is on screen, and so is its sentence, whole, where it fits the view.
    await expectInView('.w.is-current-word');
    const place = sentenceSelector(shownLang, sentenceInLanguage(edition, sentence, shownLang));
    if ((await inView(place)).fits) await expectInView(place);
    expect(await lit()).toEqual(before);

    // A chapter chosen at this size shows its heading above the first sentence, lit.
    const chapter = edition.chapters[FAR_CHAPTER - 1]!;
    await page.locator('#chapters-panel button').nth(FAR_CHAPTER - 1).focus();
    await page.keyboard.press('Enter');
    const first = sentenceInLanguage(edition, chapter.sentenceIds[0]!, lang);
    await expect.poll(async () => (await lit()).sentences, { timeout: 10_000 }).toContain(`${lang}:${first}`);
    await pauseIfPlaying(page);
    // Unless the heading is so tall at this size that it and the sentence's first line do not fit
    // the view together: then the sentence shows from its start, where the voice is.
    const fitsWithHeading = await page.evaluate(
      ({ heading, word }) => {
        const view = document.querySelector('.transcript-scroller')!.getBoundingClientRect();
        const top = document.querySelector(heading)!.getBoundingClientRect().top;
        return document.querySelector(word)!.getBoundingClientRect().bottom - top <= view.height;
      },
      { heading: `#heading-${chapter.id}`, word: `${sentenceSelector(lang, first)} [data-w="0"]` },
    );
    if (layout === 'de' || layout === 'en') expect(fitsWithHeading).toBe(true);
    if (fitsWithHeading) await expectInView(`#heading-${chapter.id}`);
    await expectInView('.w.is-current-word');
  });
});
