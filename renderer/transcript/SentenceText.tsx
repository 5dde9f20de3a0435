// One sentence in one language, with each word in its own element so the highlight can light it.
// The words are exactly those of `splitWords`, the tokenizer the narration timings were built with.
import { memo, type ReactNode } from 'react';
import type { Lang } from '../../common/edition/model';
import { splitWords } from '../../common/text/words';
import { useTimingMark } from './timing-marks';
import { useUncertainPair } from '../translation/pair-editor';

export const SentenceText = memo(function SentenceText({ id, lang, text }: { id: string; lang: Lang; text: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  splitWords(text).forEach((word, i) => {
    if (word.start > at) parts.push(text.slice(at, word.start));
    parts.push(
      <span key={i} className="w" data-w={i}>
        {word.text}
      </span>,
    );
    at = word.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  const mark = useTimingMark(id, lang);
  const uncertainPair = useUncertainPair(id);
  return (
    <span className="sentence" data-sentence={id} data-lang={lang} data-timing={mark} data-pair-check={uncertainPair || undefined}>
      {parts}
    </span>
  );
});
