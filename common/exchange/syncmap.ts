// A sync map like aeneas's JSON output (https://www.readbeyond.it/aeneas/docs/syncmap.html): a
// fragment per sentence with its begin and end as strings of seconds with three decimals, its text
// in `lines`, and a child fragment per word. Tools built on aeneas (and forced-alignment pipelines
// that read its maps) take it as is; `language` is the ISO 639-3 code aeneas uses.
import type { Lang } from '../edition/model';
import { ms, type TimedText } from './timed-text';

export interface SyncMapFragment {
  id: string;
  begin: string;
  end: string;
  language: string;
  lines: string[];
  children: SyncMapFragment[];
}

export interface SyncMap {
  fragments: SyncMapFragment[];
}

export const AENEAS_LANGUAGE: Record<Lang, string> = { de: 'deu', en: 'eng' };

/** "12.345": aeneas writes seconds as fixed three-decimal strings, never as numbers. */
export function syncMapTime(value: number): string {
  return (ms(value) / 1000).toFixed(3);
}

export function toSyncMap(timed: TimedText): SyncMap {
  const language = AENEAS_LANGUAGE[timed.lang];
  return {
    fragments: timed.sentences.map((s) => ({
      id: s.id,
      begin: syncMapTime(s.start),
      end: syncMapTime(s.end),
      language,
      lines: [s.text],
      children: s.words.map((w, i) => ({
        id: `${s.id}w${i + 1}`,
        begin: syncMapTime(w.start),
        end: syncMapTime(w.end),
        language,
        lines: [w.text],
        children: [],
      })),
    })),
  };
}

export function syncMapJson(map: SyncMap): string {
  return `${JSON.stringify(map, null, 1)}\n`;
}
