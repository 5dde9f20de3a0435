// The study cards of one open document against an in-memory bridge: loading, saving a card from
// German or English sentences or selected words (in reading order, no duplicates), editing with a
// save state, delete and undo, failures in the snapshot, and destroy().
import { describe, expect, it, vi } from 'vitest';
import { CardsController } from '../../../renderer/cards/cards-controller';
import { FakeBridge } from '../support/fake-bridge';
import { loadDocument } from '../support/small-document';

const { edition } = loadDocument();

async function setup() {
  const bridge = new FakeBridge();
  const cards = new CardsController(bridge, edition.id, () => edition);
  await cards.load();
  return { bridge, cards };
}

const sentencesOf = (cards: CardsController) => cards.getSnapshot().cards.map((c) => c.sentenceIds.join('+'));

function card<T>(result: T | { error: string }): T {
  if (typeof result === 'object' && result !== null && 'error' in result) throw new Error(`expected a card, got the error ${(result as { error: string }).error}`);
  return result as T;
}

describe('CardsController: loading', () => {
  it('loads this document’s cards', async () => {
    const bridge = new FakeBridge();
    const other = new CardsController(bridge, 'other-document', () => edition);
    await other.load();
    await other.save({ sentenceIds: ['s001'], lang: 'de' });
    const cards = new CardsController(bridge, edition.id, () => edition);
    expect(cards.getSnapshot().status).toBe('loading');
    await cards.load();
    expect(cards.getSnapshot()).toMatchObject({ status: 'ready', cards: [], problem: null });
    expect(bridge.callsTo('listCards').at(-1)).toEqual({ documentId: edition.id });
  });

  it('a failed load is in the snapshot', async () => {
    const bridge = new FakeBridge();
    bridge.fail('listCards', 'database is locked');
    const cards = new CardsController(bridge, edition.id, () => edition);
    await cards.load();
    expect(cards.getSnapshot()).toMatchObject({ status: 'failed', problem: 'database is locked' });
  });
});

describe('CardsController: saving', () => {
  it('saves the German sentences in reading order, keeps the cards in reading order, and does not save one twice', async () => {
    const { bridge, cards } = await setup();
    const late = card(await cards.save({ sentenceIds: ['s006'], lang: 'de' }));
    const pair = card(await cards.save({ sentenceIds: ['s005', 's004'], lang: 'de' }));
    expect(late.duplicate).toBe(false);
    expect(bridge.callsTo('createCard').at(-1)).toEqual({ documentId: edition.id, sentenceIds: ['s004', 's005'] });
    expect(sentencesOf(cards)).toEqual(['s004+s005', 's006']);
    const again = card(await cards.save({ sentenceIds: ['s004', 's005'], lang: 'de' }));
    expect(again).toEqual({ card: pair.card, duplicate: true });
    expect(bridge.callsTo('createCard')).toHaveLength(2);
  });

  it('an English sentence stands for every German sentence that shares it', async () => {
    const { bridge, cards } = await setup();
    card(await cards.save({ sentenceIds: ['s004'], lang: 'en' }));
    expect(bridge.callsTo('createCard')).toEqual([{ documentId: edition.id, sentenceIds: ['s004', 's005'] }]);
  });

  it('selected words make the front (German) or the back (English); the same words again are a duplicate', async () => {
    const { bridge, cards } = await setup();
    const front = card(await cards.save({ sentenceIds: ['s006'], lang: 'de', text: '1984' }));
    card(await cards.save({ sentenceIds: ['s003'], lang: 'en', text: 'see' }));
    expect(bridge.callsTo('createCard')).toEqual([
      { documentId: edition.id, sentenceIds: ['s006'], german: '1984' },
      { documentId: edition.id, sentenceIds: ['s003'], english: 'see' },
    ]);
    expect(card(await cards.save({ sentenceIds: ['s006'], lang: 'de', text: ' 1984 ' }))).toEqual({ card: front.card, duplicate: true });
    // The whole sentence is another card than a phrase of it.
    expect(card(await cards.save({ sentenceIds: ['s006'], lang: 'de' })).duplicate).toBe(false);
  });

  it('a failed save returns the error and adds nothing', async () => {
    const { bridge, cards } = await setup();
    bridge.fail('createCard', 'disk full');
    expect(await cards.save({ sentenceIds: ['s002'], lang: 'de' })).toEqual({ error: 'disk full' });
    expect(cards.getSnapshot().cards).toEqual([]);
  });
});

describe('CardsController: editing', () => {
  it('saves a change based on the stored version and shows the save state', async () => {
    const { bridge, cards } = await setup();
    const { card: saved } = card(await cards.save({ sentenceIds: ['s002'], lang: 'de' }));
    const editing = cards.edit(saved.id, { note: 'remember this' });
    expect(cards.getSnapshot().saveStates.get(saved.id)).toBe('saving');
    await editing;
    expect(bridge.callsTo('updateCard')).toEqual([{ id: saved.id, note: 'remember this', expectedUpdatedAt: saved.updatedAt }]);
    expect(cards.getSnapshot().saveStates.get(saved.id)).toBe('saved');
    expect(cards.getSnapshot().cards[0]).toMatchObject({ note: 'remember this', updatedAt: bridge.cards.get(saved.id)!.updatedAt });
    // The next edit is based on the new version (the fake refuses a stale one).
    await cards.edit(saved.id, { english: 'A researcher explains.' });
    expect(cards.getSnapshot().problem).toBeNull();
    expect(bridge.cards.get(saved.id)).toMatchObject({ note: 'remember this', english: 'A researcher explains.' });
  });

  it('sends nothing for a change to the value it has, or for a card it does not have', async () => {
    const { bridge, cards } = await setup();
    const { card: saved } = card(await cards.save({ sentenceIds: ['s002'], lang: 'de' }));
    await cards.edit(saved.id, { german: saved.german, note: saved.note });
    await cards.edit('missing', { note: 'x' });
    expect(bridge.callsTo('updateCard')).toEqual([]);
  });

  it('a failed edit is marked and reported, and the card keeps its stored text', async () => {
    const { bridge, cards } = await setup();
    const { card: saved } = card(await cards.save({ sentenceIds: ['s002'], lang: 'de' }));
    bridge.fail('updateCard', 'the card was changed elsewhere');
    await cards.edit(saved.id, { note: 'lost?' });
    expect(cards.getSnapshot().saveStates.get(saved.id)).toBe('failed');
    expect(cards.getSnapshot().problem).toBe('the card was changed elsewhere');
    expect(cards.getSnapshot().cards[0]!.note).toBe(saved.note);
    cards.dismissProblem();
    expect(cards.getSnapshot().problem).toBeNull();
  });
});

describe('CardsController: delete and undo', () => {
  it('deletes and undoes, back in its place', async () => {
    const { cards } = await setup();
    const first = card(await cards.save({ sentenceIds: ['s002'], lang: 'de' })).card;
    card(await cards.save({ sentenceIds: ['s006'], lang: 'de' }));
    expect(await cards.remove(first.id)).toBe(true);
    expect(sentencesOf(cards)).toEqual(['s006']);
    expect(cards.getSnapshot().lastDeleted?.card.id).toBe(first.id);
    expect((await cards.undoDelete())?.id).toBe(first.id);
    expect(sentencesOf(cards)).toEqual(['s002', 's006']);
    expect(cards.getSnapshot().lastDeleted).toBeNull();
    expect(await cards.undoDelete()).toBeNull();
  });

  it('failures keep the card (delete) or drop the offer (undo), and say why', async () => {
    const { bridge, cards } = await setup();
    const saved = card(await cards.save({ sentenceIds: ['s002'], lang: 'de' })).card;
    bridge.fail('deleteCard', 'read-only');
    expect(await cards.remove(saved.id)).toBe(false);
    expect(sentencesOf(cards)).toEqual(['s002']);
    expect(cards.getSnapshot().problem).toBe('read-only');
    bridge.heal('deleteCard');
    await cards.remove(saved.id);
    bridge.fail('restoreCard', 'gone');
    expect(await cards.undoDelete()).toBeNull();
    expect(cards.getSnapshot()).toMatchObject({ cards: [], lastDeleted: null, problem: 'gone' });
  });

  it('export failures are returned, not thrown', async () => {
    const { bridge, cards } = await setup();
    card(await cards.save({ sentenceIds: ['s002'], lang: 'de' }));
    expect(await cards.exportCards('anki-tsv', false)).toMatchObject({ count: 1 });
    bridge.fail('exportCards', 'no space');
    expect(await cards.exportCards('anki-tsv', true)).toEqual({ error: 'no space' });
  });
});

describe('CardsController: destroy', () => {
  it('tells nobody any more, also about an answer that arrives afterwards', async () => {
    const { cards } = await setup();
    const saved = card(await cards.save({ sentenceIds: ['s002'], lang: 'de' })).card;
    const listener = vi.fn();
    cards.subscribe(listener);
    const editing = cards.edit(saved.id, { note: 'late' });
    listener.mockClear();
    cards.destroy();
    await editing;
    expect(listener).not.toHaveBeenCalled();
  });
});
