// Which sentences the transcript marks as uncertainly timed (an aligned recording's sentences the
// aligner could not place, or matched weakly), by id, in the narrated language. Filled by
// renderer/timing-check/; empty for an exact narration (and without a player), so nothing is marked.
import { createContext, useContext } from 'react';
import type { Lang } from '../../common/edition/model';

export type TimingMark = 'estimated' | 'weak';

export interface TimingMarks {
  lang: Lang | null;
  marks: ReadonlyMap<string, TimingMark>;
}

export const TimingMarksContext = createContext<TimingMarks>({ lang: null, marks: new Map() });

export function useTimingMark(sentenceId: string, lang: Lang): TimingMark | undefined {
  const { lang: narrated, marks } = useContext(TimingMarksContext);
  // Only the narrated language's sentence carries the time in question.
  return lang === narrated ? marks.get(sentenceId) : undefined;
}
