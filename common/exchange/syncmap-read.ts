// Reads an aeneas-style JSON sync map (see syncmap.ts): fragments with begin/end as strings of
// seconds, children as word fragments. Problems name the file and the fragment.
import { z } from 'zod';
import type { SyncMap } from './syncmap';
import type { ReadResult } from './podcast-read';

const SLACK = 0.0005;
const seconds = z.string({ error: 'a time is a string of seconds such as "1.250"' }).regex(/^\d+(\.\d+)?$/, 'a time is a string of seconds such as "1.250"');

interface Fragment {
  id: string;
  begin: string;
  end: string;
  language?: string;
  lines: string[];
  children: Fragment[];
}

const fragment: z.ZodType<Fragment> = z.lazy(() =>
  z.object({
    id: z.string({ error: 'a fragment has an id' }),
    begin: seconds,
    end: seconds,
    language: z.string().optional(),
    lines: z.array(z.string(), { error: 'lines is a list of strings' }),
    children: z.array(fragment).default([]),
  }),
);

const schema = z.object({ fragments: z.array(fragment, { error: 'fragments is a list' }).min(1, 'there are no fragments') });

export function readSyncMap(text: string, fileName: string, maxChars = 50 * 1024 * 1024): ReadResult<SyncMap> {
  if (text.length > maxChars) return { ok: false, problems: [`${fileName}: the file is too large; refused.`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`${fileName}: not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 20).map((issue) => `${fileName}, ${issue.path.map(String).join('.')}: ${issue.message}`) };
  }
  const problems: string[] = [];
  let previousEnd = 0;
  for (const f of parsed.data.fragments) {
    const begin = Number(f.begin);
    const end = Number(f.end);
    if (end + SLACK < begin) problems.push(`${fileName}, fragment ${f.id}: ends before it begins`);
    if (begin + SLACK < previousEnd) problems.push(`${fileName}, fragment ${f.id}: begins at ${f.begin}, before the fragment before it ends (${previousEnd.toFixed(3)})`);
    previousEnd = Math.max(previousEnd, end);
  }
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 20) } : { ok: true, value: parsed.data as SyncMap };
}
