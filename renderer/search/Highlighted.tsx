// Text with its search hits marked: the main process returns ranges, never HTML.
import type { ReactNode } from 'react';
import type { HitRange } from '../../common/search/query';

export function Highlighted({ text, ranges }: { text: string; ranges: readonly HitRange[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start < at || end > text.length || start >= end) return;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
