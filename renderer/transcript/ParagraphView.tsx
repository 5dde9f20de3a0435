// A paragraph of the transcript in the current layout. In the single-language layouts its units flow
// as text; with both languages each unit is a row (side by side) or a German/English pair (interleaved).
// In the player the two-language rows are a grid's rows (the chapter is the grid, see Chapters): the
// arrow keys move by sentence there (a unit is a row, each language a cell), so a screen reader stays
// in focus mode and leaves them to the app, without "clickable" on every sentence; reading on (say
// all) it reads each German sentence whole, then its English, each in its language. A unit's note
// buttons are a row of their own.
import { Fragment, memo } from 'react';
import type { Lang } from '../../common/edition/model';
import { RevealGate } from '../learning/RevealGate';
import { useLanguageTag } from './language-tags';
import { languagesShown, type Layout, type ParagraphModel, type UnitModel } from './layout-model';
import { SentenceText } from './SentenceText';

export interface SentenceDecoration {
  count: number;
  label: string;
  onActivate(): void;
}

export type SentenceDecorations = ReadonlyMap<string, SentenceDecoration>;

interface ParagraphProps {
  model: ParagraphModel;
  layout: Layout;
  decorations: SentenceDecorations | undefined;
  /** Rows of the chapter's grid (the player's transcript), or plain blocks (the text alone). */
  grid?: boolean;
}

/**
 * A cell of text in the grid. Orca 43 reads a grid cell ("gridcell") as one object, in its default
 * voice whatever its language, and leaves it out of say-all; a row header it reads as text, sentence
 * by sentence in the cell's language. Its role name ("row header" before every sentence) is blanked
 * with a role description of one space.
 */
const TEXT_CELL = { role: 'rowheader', 'aria-roledescription': ' ' } as const;

export const ParagraphView = memo(function ParagraphView({ model, layout, decorations, grid = false }: ParagraphProps) {
  const { paragraph, speaker, units } = model;
  const shown = languagesShown(layout);
  // The second language's tag: "en" for the interview, the translation's own for one added.
  const deTag = useLanguageTag('de');
  const enTag = useLanguageTag('en');
  const className = `paragraph kind-${paragraph.kind}`;
  if (paragraph.kind === 'gap') {
    const row = grid && layout !== 'de' && layout !== 'en';
    return (
      <div className={className} role={row ? 'row' : undefined}>
        {shown.de && paragraph.note && <p lang={deTag} className="gap-note" {...(row && paragraph.note.de ? TEXT_CELL : {})}>{paragraph.note.de}</p>}
        {shown.en && paragraph.note && <p lang={enTag} className="gap-note" {...(row && paragraph.note.en ? TEXT_CELL : {})}>{paragraph.note.en}</p>}
      </div>
    );
  }
  if (units.length === 0) return null;
  const label = speaker && paragraph.kind === 'turn' ? <span className="speaker">{layout === 'en' ? speaker.en : speaker.de}</span> : null;

  if (layout === 'de' || layout === 'en') {
    const lang: Lang = layout;
    return (
      <p className={className} lang={lang === 'en' ? enTag : deTag}>
        {label}
        {label && ' '}
        {units.map((unit) => (
          <Fragment key={unit.id}>
            <span className="unit" data-unit={unit.id} tabIndex={-1}>
              <RevealGate lang={lang} ids={revealIds(unit, lang)}>
                {lang === 'de'
                  ? unit.sentences.map((s, i) => (
                      <Fragment key={s.id}>
                        {i > 0 && ' '}
                        <SentenceText id={s.id} lang="de" text={s.de} />
                      </Fragment>
                    ))
                  : unit.english && <SentenceText id={unit.english.id} lang="en" text={unit.english.en} />}
              </RevealGate>
            </span>
            <Decorations unit={unit} decorations={decorations} />{' '}
          </Fragment>
        ))}
      </p>
    );
  }

  const role = (name: string) => (grid ? name : undefined);
  return (
    <div className={className} role={role('rowgroup')}>
      {label && (
        <p className="speaker-row" role={role('row')}>
          {grid ? <span {...TEXT_CELL}>{label}</span> : label}
        </p>
      )}
      {units.map((unit) => (
        <div key={unit.id} className="unit-row" role={role('none')}>
          <div className="unit" data-unit={unit.id} tabIndex={-1} role={role('row')}>
            <div className="cell" lang={deTag} {...(grid ? TEXT_CELL : {})}>
              <RevealGate lang="de" ids={revealIds(unit, 'de')}>
                {unit.sentences.map((s, i) => (
                  <Fragment key={s.id}>
                    {i > 0 && ' '}
                    <SentenceText id={s.id} lang="de" text={s.de} />
                  </Fragment>
                ))}
              </RevealGate>
            </div>
            <div className="cell" lang={enTag} {...(grid && unit.english ? TEXT_CELL : {})}>
              {unit.english && (
                <RevealGate lang="en" ids={revealIds(unit, 'en')}>
                  <SentenceText id={unit.english.id} lang="en" text={unit.english.en} />
                </RevealGate>
              )}
            </div>
          </div>
          <Decorations unit={unit} decorations={decorations} cell={grid} />
        </div>
      ))}
    </div>
  );
});

/** The sentence ids a unit's text has in a language (what revealing it reveals). */
function revealIds(unit: UnitModel, lang: Lang): string[] {
  return lang === 'de' ? unit.sentences.map((s) => s.id) : unit.english ? [unit.english.id] : [];
}

function Decorations({ unit, decorations, cell = false }: { unit: UnitModel; decorations: SentenceDecorations | undefined; cell?: boolean }) {
  if (!decorations) return null;
  const ids = unit.english && !unit.sentences.includes(unit.english) ? [...unit.sentences.map((s) => s.id), unit.english.id] : unit.sentences.map((s) => s.id);
  const present = ids.flatMap((id) => {
    const decoration = decorations.get(id);
    return decoration ? [{ id, decoration }] : [];
  });
  if (present.length === 0) return null;
  return (
    <span className="decorations" role={cell ? 'row' : undefined}>
      {present.map(({ id, decoration }) => (
        <span key={id} role={cell ? 'gridcell' : undefined}>
          <button type="button" className="decoration" aria-label={decoration.label} title={decoration.label} onClick={decoration.onActivate}>
            {decoration.count}
          </button>
        </span>
      ))}
    </span>
  );
}
