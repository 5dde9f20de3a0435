// The cards in the cards dialog, virtualised as the notes panel's list is (@tanstack/react-virtual):
// a learner who saves a card a sentence through a book has thousands, and each card is three text
// fields. The dialog itself is the scroller, so the export section scrolls away above the cards as
// before and nothing scrolls inside something else (at 300% text a nested scroller would leave a
// sliver). The card holding the focus stays rendered when it scrolls out of view, so a field being
// edited never loses the focus or its unsaved text; Tab moves on to the next card (always rendered,
// see rangeExtractor), which the browser scrolls into view, and the virtualiser renders the rest.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type FocusEvent, type Ref, type RefObject } from 'react';
import type { Card } from '../../common/learning/cards';
import { useT } from '../i18n';
import { useLanguageTag } from '../transcript/language-tags';
import type { CardsController, CardSaveState } from './cards-controller';

export function excerpt(text: string, max = 50): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export interface CardsListProps {
  cards: readonly Card[];
  saveStates: ReadonlyMap<string, CardSaveState>;
  /** The element that scrolls the list (the dialog). */
  scrollElement: RefObject<HTMLElement | null>;
  controller: CardsController;
  onPlay(card: Card): void;
  onDelete(card: Card): Promise<void>;
}

export function CardsList({ cards, saveStates, scrollElement, controller, onPlay, onDelete }: CardsListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  // Where the list starts inside the scroller: above it are the header, export and undo bar, whose
  // height changes (a problem shown, an undo offered), so it is measured after every render.
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const top = listRef.current?.offsetTop ?? 0;
    if (top !== scrollMargin) setScrollMargin(top);
  });

  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusedIndex = focusedId === null ? -1 : cards.findIndex((c) => c.id === focusedId);
  // The focused card and its neighbours are always rendered: Tab and Shift+Tab then always find the
  // next card in the DOM, however fast the keys come (the list renders the rest on scroll, a frame
  // later; a held Tab key would otherwise run past the rendered cards and wrap around the dialog).
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = new Set(defaultRangeExtractor(range));
      if (focusedIndex >= 0) {
        for (const index of [focusedIndex - 1, focusedIndex, focusedIndex + 1]) if (index >= 0 && index < range.count) indexes.add(index);
      }
      return [...indexes].sort((a, b) => a - b);
    },
    [focusedIndex],
  );

  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollElement.current,
    estimateSize: () => 230,
    gap: 12,
    overscan: 3,
    scrollMargin,
    rangeExtractor,
    getItemKey: (index) => cards[index]?.id ?? index,
  });

  const onFocus = (event: FocusEvent<HTMLOListElement>) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[data-card-id]')?.dataset.cardId ?? null;
    setFocusedId(id);
  };
  const onBlur = (event: FocusEvent<HTMLOListElement>) => {
    // Focus moving to another card sets it there; leaving the list clears it.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(null);
  };

  return (
    <ol className="cards-list" ref={listRef} style={{ height: virtualizer.getTotalSize() }} onFocus={onFocus} onBlur={onBlur}>
      {virtualizer.getVirtualItems().map((item) => {
        const card = cards[item.index]!;
        return (
          <CardItem
            key={card.id}
            ref={virtualizer.measureElement}
            index={item.index}
            count={cards.length}
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
            card={card}
            controller={controller}
            saveState={saveStates.get(card.id) ?? 'saved'}
            onPlay={onPlay}
            onDelete={onDelete}
          />
        );
      })}
    </ol>
  );
}

/** Enough rows for a sentence (about 70 characters a line), one for a word. */
function rowsFor(text: string): number {
  return Math.min(4, Math.max(1, Math.ceil(text.length / 70)));
}

const SAVE_LABELS: Record<CardSaveState, 'cards.saved' | 'cards.saving' | 'cards.notSaved'> = { saved: 'cards.saved', saving: 'cards.saving', failed: 'cards.notSaved' };

interface CardItemProps {
  ref: Ref<HTMLLIElement>;
  index: number;
  count: number;
  style: CSSProperties;
  card: Card;
  controller: CardsController;
  saveState: CardSaveState;
  onPlay(card: Card): void;
  onDelete(card: Card): Promise<void>;
}

const CardItem = memo(function CardItem({ ref, index, count, style, card, controller, saveState, onPlay, onDelete }: CardItemProps) {
  const t = useT();
  const deTag = useLanguageTag('de');
  const enTag = useLanguageTag('en');
  const id = useId();
  const [draft, setDraft] = useState({ german: card.german, english: card.english, note: card.note });
  useEffect(() => setDraft({ german: card.german, english: card.english, note: card.note }), [card.german, card.english, card.note]);
  const commit = () => void controller.edit(card.id, { german: draft.german.trim() === '' ? card.german : draft.german, english: draft.english, note: draft.note });
  const name = excerpt(card.german, 40);
  // Position and size in the whole list, for screen readers: only some items are in the DOM.
  return (
    <li className="card" data-card-id={card.id} ref={ref} data-index={index} aria-setsize={count} aria-posinset={index + 1} style={style}>
      <div className="card-fields">
        <label htmlFor={`${id}-de`}>{t('cards.german')}</label>
        <textarea id={`${id}-de`} lang={deTag} rows={rowsFor(draft.german)} value={draft.german} maxLength={2000} onChange={(e) => setDraft({ ...draft, german: e.target.value })} onBlur={commit} />
        <label htmlFor={`${id}-en`}>{t('cards.english')}</label>
        <textarea id={`${id}-en`} lang={enTag} rows={rowsFor(draft.english)} value={draft.english} maxLength={2000} onChange={(e) => setDraft({ ...draft, english: e.target.value })} onBlur={commit} />
        <label htmlFor={`${id}-note`}>{t('cards.note')}</label>
        <textarea id={`${id}-note`} rows={1} value={draft.note} maxLength={10_000} placeholder={t('cards.notePlaceholder')} onChange={(e) => setDraft({ ...draft, note: e.target.value })} onBlur={commit} />
      </div>
      {card.kind === 'phrase' && (
        <p className="card-context">
          {t('cards.context')} <span lang={deTag}>{card.contextDe}</span>
        </p>
      )}
      <div className="card-foot">
        <button type="button" aria-label={t('cards.playLabel', { german: name })} onClick={() => onPlay(card)}>
          ▶ {t('cards.play')}
        </button>
        <span className={`card-save card-save-${saveState}`}>{t(SAVE_LABELS[saveState])}</span>
        <button type="button" aria-label={t('cards.deleteLabel', { german: name })} onClick={() => void onDelete(card)}>
          {t('cards.delete')}
        </button>
      </div>
    </li>
  );
});
