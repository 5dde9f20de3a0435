// Decides how to answer a media request with an optional Range header, for both hosts. <audio>
// seeks through Range requests, so a wrong answer here shows up as a player that cannot seek.
import { combineRanges, parse as parseRange } from 'range-parser';

export type MediaAnswer =
  | { status: 200; start: 0; end: number; headers: Record<string, string> }
  | { status: 206; start: number; end: number; headers: Record<string, string> }
  | { status: 416; headers: Record<string, string> };

export function planMediaAnswer(size: number, mimeType: string, rangeHeader: string | null | undefined): MediaAnswer {
  const common = { 'Accept-Ranges': 'bytes', 'Content-Type': mimeType, 'Cache-Control': 'no-cache' };
  if (rangeHeader) {
    const parsed = parseRange(size, rangeHeader);
    // Only byte ranges exist for us; an unknown unit or a malformed header is ignored (RFC 9110).
    if (parsed.type === 'bytes') {
      const ranges = combineRanges(parsed.ranges);
      if (ranges.length === 0 && (parsed.code & 2) !== 0) {
        return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}` } };
      }
      // Several ranges are answered with the whole file, which RFC 9110 allows.
      if (ranges.length === 1) {
        const { start, end } = ranges[0]!;
        return {
          status: 206,
          start,
          end,
          headers: { ...common, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) },
        };
      }
    }
  }
  return { status: 200, start: 0, end: size - 1, headers: { ...common, 'Content-Length': String(size) } };
}
