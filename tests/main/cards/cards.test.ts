// Cards and recordings in the main process against real SQLite files: the bridge calls with their
// validation, the store surviving a reopen, undo, conflicts, recordings on disk, the migration, and
// exports (with and without audio clips) written atomically under exports/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '../../../main/bridge/dispatch';
import { dispatch } from '../../../main/bridge/dispatch';
import { createCardsService, type CardsService } from '../../../main/cards/service';
import { CARD_TRASH_DAYS, createCardsStore } from '../../../main/cards/store';
import { createEditionCache } from '../../../main/library/editions';
import { createMediaCatalog } from '../../../main/media/catalog';
import { connect, openUserDatabase as openNotesDatabase } from '../../../main/userdb/database';
import { LATEST_VERSION, migrate } from '../../../main/userdb/migrations';
import { notesService, tempDir } from '../notes/helpers';
import { fakeWebm, syntheticNarration, type SyntheticNarration } from './support';

let temp: ReturnType<typeof tempDir>;
let notes: ReturnType<typeof notesService>;
let cards: CardsService;
let narration: SyntheticNarration;
let DOC: string;
const silent = () => undefined;
const NOW = new Date('2025-04-02T08:30:00Z');

function open(): void {
  notes = notesService({ dataDir: join(temp.dir, 'data'), library: narration.library, log: silent, now: () => NOW });
  cards = createCardsService({
    dataDir: join(temp.dir, 'data'),
    userDb: notes.userDb,
    editions: notes.editions,
    media: createMediaCatalog(join(temp.dir, 'narration')),
    now: () => NOW,
    log: silent,
  });
}

beforeEach(async () => {
  temp = tempDir('mitlesen-cards-');
  narration = await syntheticNarration(join(temp.dir, 'narration'));
  DOC = narration.edition.id;
  open();
});
afterEach(() => {
  notes.close();
  temp.remove();
});

const call = (method: string, arg: unknown) => dispatch(cards.handlers as unknown as BridgeHandlers, method, arg, silent);

describe('cards bridge calls', () => {
  it('refuse bad arguments with messages that say what and where', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['createCard', { documentId: DOC, sentenceIds: [] }, /sentenceIds: a card comes from at least one sentence/],
      ['createCard', { documentId: DOC, sentenceIds: ['s1'], german: '   ' }, /german: the German of a card cannot be empty/],
      ['createCard', { documentId: DOC, sentenceIds: ['s1'], german: 'x'.repeat(2001) }, /german: the German of a card is at most 2,000 characters/],
      ['createCard', { documentId: DOC, sentenceIds: ['s1'], note: 'x'.repeat(10_001) }, /note: a card's note is at most 10,000 characters/],
      ['createCard', { documentId: DOC, sentenceIds: ['x1'] }, /sentenceIds\.0: a sentence id is "s" followed by digits/],
      ['createCard', { documentId: DOC, sentenceIds: ['s001'], extra: true }, /extra/],
      ['updateCard', { id: '../etc', note: '' }, /id: a card id is/],
      ['exportCards', { documentId: DOC, format: 'apkg', withAudio: false }, /format: the format is "anki-tsv" or "csv"/],
      ['exportCards', { documentId: DOC, format: 'csv' }, /withAudio/],
      ['saveRecording', { documentId: DOC, sentenceId: 's001', lang: 'de', mimeType: 'video/mp4', dataBase64: 'AAAA' }, /mimeType: a recording is one of audio\/webm/],
      ['saveRecording', { documentId: DOC, sentenceId: 's001', lang: 'de', mimeType: 'audio/webm', dataBase64: 'not base64!' }, /dataBase64: the recording is not valid base64/],
      ['saveRecording', { documentId: DOC, sentenceId: 's001', lang: 'de', mimeType: 'audio/webm', dataBase64: 'A'.repeat(14_000_000) }, /dataBase64: a recording is at most 10 MB/],
      ['saveRecording', { documentId: DOC, sentenceId: 's001', lang: 'fr', mimeType: 'audio/webm', dataBase64: 'AAAA' }, /lang: a language is "de" or "en"/],
      ['getRecording', { id: 'a/b' }, /id: a recording id is/],
    ];
    for (const [method, arg, message] of cases) {
      const answer = await call(method, arg);
      expect(answer.ok, `${method} ${JSON.stringify(arg).slice(0, 80)}`).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('invalid-argument');
        expect(answer.error.message).toMatch(message);
      }
    }
  });

  it('refuses a card on a sentence the document does not have', async () => {
    const answer = await call('createCard', { documentId: DOC, sentenceIds: ['s999'] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/s999 is not in "small-interview"/) } });
  });

  it('makes a sentence card from the edition, and a phrase card with its sentence as context', async () => {
    const sentence = await cards.handlers.createCard({ documentId: DOC, sentenceIds: ['s003'] });
    expect(sentence).toMatchObject({ kind: 'sentence', german: 'Was haben Sie gesehen?', english: 'What did you see?', note: '', sentenceIds: ['s003'] });
    // s005 shares the English of s004: a card of both carries it once, in reading order.
    const shared = await cards.handlers.createCard({ documentId: DOC, sentenceIds: ['s005', 's004'] });
    expect(shared.sentenceIds).toEqual(['s004', 's005']);
    expect(shared.english).toBe('A great deal, and all of it surprising.');
    const phrase = await cards.handlers.createCard({ documentId: DOC, sentenceIds: ['s003'], german: ' gesehen ', english: 'seen', note: 'Partizip von sehen' });
    expect(phrase).toMatchObject({ kind: 'phrase', german: 'gesehen', english: 'seen', contextDe: 'Was haben Sie gesehen?', contextEn: 'What did you see?' });
    const list = await cards.handlers.listCards({ documentId: DOC });
    expect(list.map((c) => c.id)).toEqual([sentence.id, phrase.id, shared.id]);
  });

  it('keeps cards across a restart, updates, refuses a stale update, deletes with undo', async () => {
    const card = await cards.handlers.createCard({ documentId: DOC, sentenceIds: ['s003'] });
    notes.close();
    open();
    expect((await cards.handlers.listCards({ documentId: DOC })).map((c) => c.id)).toEqual([card.id]);
    const updated = await cards.handlers.updateCard({ id: card.id, note: 'Frage', expectedUpdatedAt: card.updatedAt });
    expect(updated.note).toBe('Frage');
    expect(updated.updatedAt > card.updatedAt).toBe(true);
    const stale = await call('updateCard', { id: card.id, note: 'alt', expectedUpdatedAt: card.updatedAt });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/changed elsewhere/) } });
    const { undoToken, deleted } = await cards.handlers.deleteCard({ id: card.id });
    expect(deleted.note).toBe('Frage');
    expect(await cards.handlers.listCards({ documentId: DOC })).toEqual([]);
    expect((await cards.handlers.restoreCard({ undoToken })).note).toBe('Frage');
    expect((await cards.handlers.listCards({ documentId: DOC })).map((c) => c.id)).toEqual([card.id]);
    expect(await call('restoreCard', { undoToken })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('deleteCard', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('says why when the notes database is unavailable', async () => {
    notes.close();
    const answer = await call('listCards', { documentId: DOC });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^Cards and recordings are unavailable/) } });
  });
});

describe('recordings', () => {
  it('are kept as files under recordings/ with a row each, read back whole, and deleted with their file', async () => {
    const bytes = fakeWebm(5000);
    const saved = await cards.handlers.saveRecording({
      documentId: DOC,
      sentenceId: 's003',
      lang: 'de',
      mimeType: 'audio/webm;codecs=opus',
      dataBase64: Buffer.from(bytes).toString('base64'),
      durationMs: 1234,
    });
    expect(saved).toMatchObject({ sentenceId: 's003', lang: 'de', bytes: 5000, durationMs: 1234, mimeType: 'audio/webm;codecs=opus' });
    const folder = join(temp.dir, 'data', 'recordings');
    expect(readdirSync(folder)).toEqual([`${saved.id}.webm`]);
    expect((await cards.handlers.listRecordings({ documentId: DOC, sentenceId: 's003' })).map((r) => r.id)).toEqual([saved.id]);
    expect(await cards.handlers.listRecordings({ documentId: DOC, sentenceId: 's004' })).toEqual([]);
    const back = await cards.handlers.getRecording({ id: saved.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    await cards.handlers.deleteRecording({ id: saved.id });
    expect(readdirSync(folder)).toEqual([]);
    expect(await cards.handlers.listRecordings({ documentId: DOC })).toEqual([]);
  });

  it('refuses data that is not the audio type it claims, and sentences the document lacks', async () => {
    const wav = await call('saveRecording', { documentId: DOC, sentenceId: 's003', lang: 'de', mimeType: 'audio/wav', dataBase64: Buffer.from(fakeWebm()).toString('base64') });
    expect(wav).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/the data is not audio\/wav audio/) } });
    const unknown = await call('saveRecording', { documentId: DOC, sentenceId: 's404', lang: 'de', mimeType: 'audio/webm', dataBase64: Buffer.from(fakeWebm()).toString('base64') });
    expect(unknown).toMatchObject({ ok: false, error: { message: expect.stringMatching(/s404 is not in/) } });
    expect(existsSync(join(temp.dir, 'data', 'recordings')) ? readdirSync(join(temp.dir, 'data', 'recordings')) : []).toEqual([]);
  });

  it('sweeps files no row points at (a crash between file and row), but not young ones', async () => {
    const folder = join(temp.dir, 'data', 'recordings');
    mkdirSync(folder, { recursive: true });
    const orphan = join(folder, '01234567-89ab-cdef-0123-456789abcdef.webm');
    const young = join(folder, '11234567-89ab-cdef-0123-456789abcdef.webm');
    const mine = join(folder, 'keep-me.txt');
    for (const file of [orphan, young, mine]) writeFileSync(file, 'x');
    const old = (NOW.getTime() - 3600_000) / 1000;
    utimesSync(orphan, old, old);
    utimesSync(mine, old, old);
    utimesSync(young, NOW.getTime() / 1000, NOW.getTime() / 1000);
    const kept = await cards.handlers.saveRecording({ documentId: DOC, sentenceId: 's003', lang: 'de', mimeType: 'audio/webm', dataBase64: Buffer.from(fakeWebm()).toString('base64') });
    const keptFile = join(folder, `${kept.id}.webm`);
    utimesSync(keptFile, old, old);
    expect(await cards.sweepRecordings()).toBe(1);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(young) && existsSync(mine) && existsSync(keptFile)).toBe(true);
  });
});

describe('the cards trash', () => {
  it('restores a card deleted no more than 30 days ago, then purges what is older', () => {
    const { db } = openNotesDatabase(join(temp.dir, 'trash.sqlite'), join(temp.dir, 'backups'));
    try {
      let clock = NOW.getTime();
      const store = createCardsStore(db, { now: () => new Date(clock) });
      const input = { documentId: 'doc', sentenceIds: ['s001'], german: 'Haus', english: 'house', note: '', contextDe: '', contextEn: '', kind: 'sentence' as const };
      const card = store.create(input);
      const first = store.delete(card.id);
      expect(store.get(card.id)).toBeNull();
      expect(store.restore(first.undoToken)).toEqual(card);
      expect(store.get(card.id)).toEqual(card);
      expect(() => store.restore(first.undoToken)).toThrow(/can no longer be undone/);

      const { undoToken } = store.delete(card.id);
      clock += CARD_TRASH_DAYS * 24 * 3600 * 1000 - 1;
      expect(store.purgeTrash()).toBe(0);
      clock += 2;
      expect(store.purgeTrash()).toBe(1);
      expect(() => store.restore(undoToken)).toThrow(/can no longer be undone/);
      expect(store.get(card.id)).toBeNull();
    } finally {
      db.close();
    }
  });
});

describe('the migration', () => {
  it('adds cards and recordings to a database with notes, which stay', () => {
    const file = join(temp.dir, 'old.sqlite');
    const old = connect(file);
    migrate(old, 3);
    old.exec(`INSERT INTO notes (id, document_id, sentence_ids, time, text, created_at, updated_at)
              VALUES ('n1', 'doc', '["s001"]', 1, 'Notiz', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`);
    old.close();
    const { db } = openNotesDatabase(file, join(temp.dir, 'backups'));
    try {
      expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(LATEST_VERSION);
      expect(LATEST_VERSION).toBeGreaterThanOrEqual(4);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['notes', 'cards', 'cards_trash', 'recordings']));
      expect(db.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'Notiz' }]);
    } finally {
      db.close();
    }
  });
});

/** The entries of a stored ZIP, read from its central directory, with each CRC checked. */
function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const localName = view.getUint16(local + 26, true);
    const data = bytes.subarray(local + 30 + localName, local + 30 + localName + size);
    entries.set(name, data);
    at += 46 + nameLength;
  }
  return entries;
}

describe('exports', () => {
  it('writes the Anki text file atomically under exports/, without audio', async () => {
    await cards.handlers.createCard({ documentId: DOC, sentenceIds: ['s003'] });
    const result = await cards.handlers.exportCards({ documentId: DOC, format: 'anki-tsv', withAudio: false });
    expect(result).toMatchObject({ fileName: 'small-interview-cards-2025-04-02-08-30-00.txt', mimeType: 'text/tab-separated-values', count: 1, audioFiles: 0, folder: null, zip: null });
    expect(readFileSync(result.path, 'utf8')).toBe(result.content);
    expect(result.content).toContain('#separator:tab\n');
    expect(result.content).not.toContain('[sound:');
    expect(readdirSync(join(temp.dir, 'data', 'exports'))).toEqual([result.fileName]);
  });

  it('with audio: a folder with the text file, one clip per sentence span and a README; the same as a ZIP', async () => {
    await cards.handlers.createCard({ documentId: DOC, sentenceIds: ['s003'] });
    await cards.handlers.createCard({ documentId: DOC, sentenceIds: ['s003'], german: 'gesehen' });
    await cards.handlers.createCard({ documentId: DOC, sentenceIds: ['s001'] });
    const result = await cards.handlers.exportCards({ documentId: DOC, format: 'csv', withAudio: true });
    expect(result.count).toBe(3);
    expect(result.audioFiles).toBe(2);
    const folder = result.folder!;
    expect(readdirSync(folder).sort()).toEqual(['README.txt', 'mitlesen-small-interview-s001.mp3', 'mitlesen-small-interview-s003.mp3', 'small-interview-cards-2025-04-02-08-30-00.csv']);
    // No temporary folder is left behind.
    expect(readdirSync(join(temp.dir, 'data', 'exports'))).toEqual(['small-interview-cards-2025-04-02-08-30-00']);
    expect(result.content.match(/\[sound:mitlesen-small-interview-s003\.mp3\]/g)).toHaveLength(2);
    const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
    expect(readme).toMatch(/collection\.media/);
    expect(readme).toMatch(/Tools > Check Media > View Files/);
    const zip = readZip(new Uint8Array(Buffer.from(result.zip!.base64, 'base64')));
    expect(result.zip!.fileName).toBe('small-interview-cards-2025-04-02-08-30-00.zip');
    expect([...zip.keys()].sort()).toEqual(readdirSync(folder).map((name) => `small-interview-cards-2025-04-02-08-30-00/${name}`).sort());
    for (const [name, data] of zip) expect(Buffer.from(data).equals(readFileSync(join(folder, name.split('/')[1]!)))).toBe(true);
    // ffmpeg reads the clip as an MP3 of about the sentence's length plus the padding.
    const probe = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', join(folder, 'mitlesen-small-interview-s003.mp3')], { encoding: 'utf8' });
    expect(Number(probe)).toBeGreaterThan(0.4 + 0.15 + 0.2);
    expect(Number(probe)).toBeLessThan(0.4 + 0.15 + 0.2 + 0.15);
  }, 30_000); // cuts and encodes audio clips twice (folder and ZIP): seconds on a loaded machine

  it('with audio but no narration: says so, and suggests exporting without', async () => {
    const none = { load: async () => ({ edition: narration.edition, timing: null, timingProblem: 'not built' }) };
    const service = createCardsService({
      dataDir: join(temp.dir, 'data'),
      userDb: notes.userDb,
      editions: createEditionCache(none.load),
      media: createMediaCatalog(join(temp.dir, 'nowhere')),
      now: () => NOW,
    });
    const answer = await dispatch(service.handlers as unknown as BridgeHandlers, 'exportCards', { documentId: DOC, format: 'anki-tsv', withAudio: true }, silent);
    expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Export without audio/) } });
  });
});
