// Reads WebVTT and SRT with media-captions (a maintained parser; no hand-written one), then checks
// what a timed transcript needs that the formats allow: cues in order and not overlapping, times that
// are numbers. Every problem names the file and the line. The inline word timestamps of a WebVTT cue
// (<00:00:01.000>) become word start times; a word without one has none (null).
import { parseText, parseVTTTimestamp, tokenizeVTTCue, type VTTNode } from 'media-captions';
import { splitWords } from '../../common/text/words';
import { DEFAULT_LIMITS, megabytes } from './limits';

export type CaptionsFormat = 'vtt' | 'srt';

export interface ReadCue {
  /** The cue identifier (WebVTT: our sentence id; SRT: its number), '' when there is none. */
  id: string;
  start: number;
  end: number;
  /** The text without markup, lines joined by a space. */
  text: string;
  /** The <v> voice span's speaker, or null. */
  voice: string | null;
  /** splitWords of the text, each with its start from an inline timestamp, or null when it has none. */
  words: { text: string; start: number | null }[];
  /** The 1-based line of the cue's timing line in the file. */
  line: number;
}

export type ReadCaptionsResult = { ok: true; cues: ReadCue[] } | { ok: false; problems: string[] };

// Times are written to the millisecond; half a millisecond of slack absorbs float noise only.
const SLACK = 0.0005;
const MAX_PROBLEMS = 20;

/** The text of the nodes with the time each stretch of it is spoken from. */
function flatten(nodes: VTTNode[], time: number, out: { text: string; time: number; timed: boolean }[], timed = false): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push({ text: node.data, time, timed });
    else if (node.type === 'timestamp') flatten(node.children, node.time, out, true);
    else flatten(node.children, time, out, timed);
  }
}

function voiceOf(nodes: VTTNode[]): string | null {
  for (const node of nodes) {
    if (node.type === 'v') return node.voice.trim() || null;
    if (node.type !== 'text') {
      const inner = voiceOf(node.children);
      if (inner) return inner;
    }
  }
  return null;
}

export async function readCaptions(
  text: string,
  format: CaptionsFormat,
  fileName: string,
  maxChars: number = DEFAULT_LIMITS.textBytes,
): Promise<ReadCaptionsResult> {
  if (text.length > maxChars) {
    return { ok: false, problems: [`${fileName}: the file is larger than ${megabytes(maxChars)}, the most that is read; refused.`] };
  }
  const problems: string[] = [];
  const result = await parseText(text, { type: format, errors: true });
  for (const error of result.errors.slice(0, MAX_PROBLEMS)) {
    problems.push(`${fileName}, line ${error.line}: ${error.message.replace(/ on line \d+$/, '')}`);
  }
  if (format === 'vtt' && !/^(\uFEFF)?WEBVTT([ \t].*)?(\r?\n|$)/.test(text)) {
    problems.unshift(`${fileName}, line 1: a WebVTT file starts with "WEBVTT"`);
  }
  if (problems.length > 0) return { ok: false, problems };

  // media-captions keeps no line numbers on cues, and drops a cue it cannot use without always
  // saying so (an SRT cue ending before it starts). So each timing line is matched to the next cue
  // by its start time (read with the library's own timestamp parser); a line no cue matches is
  // named as one that was not read.
  const timingLines: number[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let nextCue = 0;
  lines.forEach((line, i) => {
    if (!line.includes('-->')) return;
    const start = parseVTTTimestamp(line.split('-->')[0]!.trim().replace(',', '.'));
    const cue = result.cues[nextCue];
    if (cue && start !== null && Math.abs(cue.startTime - start) < SLACK) {
      timingLines.push(i + 1);
      nextCue++;
    } else if (problems.length < MAX_PROBLEMS) {
      problems.push(`${fileName}, line ${i + 1}: the cue could not be read: its times are malformed, or it ends before it starts`);
    }
  });
  if (problems.length > 0) return { ok: false, problems };

  const cues: ReadCue[] = result.cues.map((cue, i) => {
    const tokens = format === 'vtt' ? tokenizeVTTCue(cue) : [{ type: 'text' as const, data: cue.text }];
    const stretches: { text: string; time: number; timed: boolean }[] = [];
    flatten(tokens, cue.startTime, stretches);
    // Lines of a cue are one text here; a timestamp's offset in that text says which word it times.
    let plain = '';
    const timedAt = new Map<number, number>();
    for (const stretch of stretches) {
      const piece = stretch.text.replace(/\s*\r?\n\s*/g, ' ');
      if (stretch.timed) timedAt.set(plain.length + (piece.length - piece.trimStart().length), stretch.time);
      plain += piece;
    }
    const leading = plain.length - plain.trimStart().length;
    const trimmed = plain.trim();
    const words = splitWords(trimmed).map((word, w) => {
      const at = timedAt.get(word.start + leading);
      return { text: word.text, start: at ?? (w === 0 ? cue.startTime : null) };
    });
    return { id: cue.id, start: cue.startTime, end: cue.endTime, text: trimmed, voice: format === 'vtt' ? voiceOf(tokens) : null, words, line: timingLines[i] ?? 0 };
  });

  let previous: ReadCue | null = null;
  for (const cue of cues) {
    const where = `${fileName}, line ${cue.line}`;
    if (!(cue.end + SLACK >= cue.start)) problems.push(`${where}: the cue ends (${cue.end} s) before it starts (${cue.start} s)`);
    if (previous && cue.start + SLACK < previous.start) {
      problems.push(`${where}: the cue starts at ${cue.start} s, before the cue on line ${previous.line} (${previous.start} s); cues must be in time order`);
    } else if (previous && cue.start + SLACK < previous.end) {
      problems.push(`${where}: the cue starts at ${cue.start} s, while the cue on line ${previous.line} still runs (until ${previous.end} s); cues must not overlap`);
    }
    if (problems.length >= MAX_PROBLEMS) break;
    previous = cue;
  }
  if (cues.length === 0) problems.push(`${fileName}: there are no cues in the file`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cues };
}
