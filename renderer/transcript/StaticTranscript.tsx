// The transcript without a player, for when the narration timings cannot be used: the text stays
// readable in every layout.
import { useMemo } from 'react';
import type { Edition } from '../../common/edition/model';
import { buildTranscriptModel, shownLayout, type Layout } from './layout-model';
import { Chapters } from './TranscriptView';
import { useT } from '../i18n';
import './transcript.css';

export function StaticTranscript({ edition, layout }: { edition: Edition; layout: Layout }) {
  const t = useT();
  const model = useMemo(() => buildTranscriptModel(edition, layout), [edition, layout]);
  return (
    <div className="transcript-scroller">
      <article className={`transcript layout-${shownLayout(edition, layout)}`} aria-label={t('transcript.label')}>
        <Chapters model={model} layout={layout} decorations={undefined} />
      </article>
    </div>
  );
}
