// Reads Podcasting 2.0 JSON transcripts and chapters (see podcast.ts) with zod: what is wrong is
// named by file and entry ("segments[12].startTime: …"), and segments must be in time order without
// overlapping, which a timed transcript needs and the format itself does not promise.
import { z } from 'zod';
import type { PodcastChapters, PodcastTranscript } from './podcast';

const SLACK = 0.0005;
const MAX_PROBLEMS = 20;
const time = z.number({ error: 'a time is a number of seconds' }).finite().nonnegative('a time cannot be negative');

const transcriptSchema = z.object({
  version: z.string({ error: 'version is a string such as "1.0.0"' }),
  segments: z
    .array(
      z.object({
        speaker: z.string().optional(),
        startTime: time,
        endTime: time,
        body: z.string({ error: 'body is the segment text' }),
      }),
      { error: 'segments is a list' },
    )
    .min(1, 'there are no segments'),
});

const chaptersSchema = z.object({
  version: z.string({ error: 'version is a string such as "1.2.0"' }),
  chapters: z
    .array(
      z.object({
        startTime: time,
        endTime: time.optional(),
        title: z.string({ error: 'a chapter has a title' }),
        toc: z.boolean().optional(),
      }).passthrough(),
      { error: 'chapters is a list' },
    )
    .min(1, 'there are no chapters'),
});

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function pathOf(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('') || 'file';
}

function parseJson(text: string, fileName: string, maxChars: number): ReadResult<unknown> {
  if (text.length > maxChars) return { ok: false, problems: [`${fileName}: the file is larger than the ${maxChars.toLocaleString('en')} characters that are read; refused.`] };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problems: [`${fileName}: not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
}

function issues(error: z.ZodError, fileName: string): string[] {
  return error.issues.slice(0, MAX_PROBLEMS).map((issue) => `${fileName}, ${pathOf(issue.path)}: ${issue.message}`);
}

export function readPodcastTranscript(text: string, fileName: string, maxChars = 50 * 1024 * 1024): ReadResult<PodcastTranscript> {
  const json = parseJson(text, fileName, maxChars);
  if (!json.ok) return json;
  const parsed = transcriptSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: issues(parsed.error, fileName) };
  const problems: string[] = [];
  parsed.data.segments.forEach((segment, i) => {
    const where = `${fileName}, segments[${i}]`;
    if (segment.endTime + SLACK < segment.startTime) problems.push(`${where}: ends (${segment.endTime}) before it starts (${segment.startTime})`);
    const previous = parsed.data.segments[i - 1];
    if (!previous) return;
    if (segment.startTime + SLACK < previous.startTime) problems.push(`${where}: starts at ${segment.startTime}, before segments[${i - 1}] (${previous.startTime}); segments must be in time order`);
    else if (segment.startTime + SLACK < previous.endTime) problems.push(`${where}: starts at ${segment.startTime}, while segments[${i - 1}] runs until ${previous.endTime}; segments must not overlap`);
  });
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, value: parsed.data };
}

export function readPodcastChapters(text: string, fileName: string, maxChars = 10 * 1024 * 1024): ReadResult<PodcastChapters> {
  const json = parseJson(text, fileName, maxChars);
  if (!json.ok) return json;
  const parsed = chaptersSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: issues(parsed.error, fileName) };
  const problems: string[] = [];
  parsed.data.chapters.forEach((chapter, i) => {
    const previous = parsed.data.chapters[i - 1];
    if (previous && chapter.startTime + SLACK < previous.startTime) {
      problems.push(`${fileName}, chapters[${i}]: starts at ${chapter.startTime}, before chapters[${i - 1}] (${previous.startTime}); chapters must be in time order`);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}
