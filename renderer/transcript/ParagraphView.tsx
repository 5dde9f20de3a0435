// A paragraph of the transcript in the current layout. In the single-language layouts its units flow
// as text; with both languages each unit is a row (side by side) or a German/English pair (interleaved).
import { Fragment, memo } from 'react';
import type { Lang } from '../../common/edition/model';
import { RevealGate } from '../learning/RevealGate';
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
}

export const ParagraphView = memo(function ParagraphView({ model, layout, decorations }: ParagraphProps) {
  const { paragraph, speaker, units } = model;
  const shown = languagesShown(layout);
  const className = `paragraph kind-${paragraph.kind}`;
  if (paragraph.kind === 'gap') {
    return (
      <div className={className}>
        {shown.de && paragraph.note && <p lang="de" className="gap-note">{paragraph.note.de}</p>}
        {shown.en && paragraph.note && <p lang="en" className="gap-note">{paragraph.note.en}</p>}
      </div>
    );
  }
  if (units.length === 0) return null;
  const label = speaker && paragraph.kind === 'turn' ? <span className="speaker">{layout === 'en' ? speaker.en : speaker.de}</span> : null;

  if (layout === 'de' || layout === 'en') {
    const lang: Lang = layout;
    return (
      <p className={className} lang={lang}>
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

  return (
    <div className={className}>
      {label && <p className="speaker-row">{label}</p>}
      {units.map((unit) => (
        <div key={unit.id} className="unit-row">
          <div className="unit" data-unit={unit.id} tabIndex={-1}>
            <div className="cell" lang="de">
              <RevealGate lang="de" ids={revealIds(unit, 'de')}>
                {unit.sentences.map((s, i) => (
                  <Fragment key={s.id}>
                    {i > 0 && ' '}
                    <SentenceText id={s.id} lang="de" text={s.de} />
                  </Fragment>
                ))}
              </RevealGate>
            </div>
            <div className="cell" lang="en">
              {unit.english && (
                <RevealGate lang="en" ids={revealIds(unit, 'en')}>
                  <SentenceText id={unit.english.id} lang="en" text={unit.english.en} />
                </RevealGate>
              )}
            </div>
          </div>
          <Decorations unit={unit} decorations={decorations} />
        </div>
      ))}
    </div>
  );
});

/** The sentence ids a unit's text has in a language (what revealing it reveals). */
function revealIds(unit: UnitModel, lang: Lang): string[] {
  return lang === 'de' ? unit.sentences.map((s) => s.id) : unit.english ? [unit.english.id] : [];
}

function Decorations({ unit, decorations }: { unit: UnitModel; decorations: SentenceDecorations | undefined }) {
  if (!decorations) return null;
  const ids = unit.english && !unit.sentences.includes(unit.english) ? [...unit.sentences.map((s) => s.id), unit.english.id] : unit.sentences.map((s) => s.id);
  const present = ids.flatMap((id) => {
    const decoration = decorations.get(id);
    return decoration ? [{ id, decoration }] : [];
  });
  if (present.length === 0) return null;
  return (
    <span className="decorations">
      {present.map(({ id, decoration }) => (
        <button key={id} type="button" className="decoration" aria-label={decoration.label} title={decoration.label} onClick={decoration.onActivate}>
          {decoration.count}
        </button>
      ))}
    </span>
  );
}
