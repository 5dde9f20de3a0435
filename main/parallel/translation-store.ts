// A document's translation on disk: <dataDir>/library/<id>/translation.json, `{ format, lang,
// sentences, pairs }` (common/parallel/translation.ts). The one place the learner's pairs are kept;
// the edition's English is made from it each time the document is read, so the edition file is
// never rewritten and the pairs and the text cannot disagree.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Edition } from '../../common/edition/model';
import { translationProblem, type Translation } from '../../common/parallel/translation';
import { translationSchema } from '../../common/bridge/translation-schemas';
import { writeFileAtomic } from '../fs-atomic';

export const TRANSLATION_FILE = 'translation.json';
const TRANSLATION_FORMAT = 1;

const fileSchema = translationSchema.extend({ format: z.literal(TRANSLATION_FORMAT, { error: `format must be ${TRANSLATION_FORMAT}` }) });

export type StoredTranslation = { translation: Translation } | { translation: null; problem: string | null };

/**
 * The translation kept in `folder`, checked against the edition it pairs: null with no problem when
 * there is none, null with the reason when the file is damaged or no longer fits (the document then
 * opens without it, and the file stays for the learner or a later version to mend).
 */
export async function readTranslation(folder: string, edition: Edition): Promise<StoredTranslation> {
  let text: string;
  try {
    text = await readFile(join(folder, TRANSLATION_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { translation: null, problem: null };
    return { translation: null, problem: `${TRANSLATION_FILE}: ${(error as Error).message}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { translation: null, problem: `${TRANSLATION_FILE}: not valid JSON (${(error as Error).message})` };
  }
  const shaped = fileSchema.safeParse(raw);
  if (!shaped.success) {
    const issue = shaped.error.issues[0]!;
    return { translation: null, problem: `${TRANSLATION_FILE}: ${issue.path.join('.') || 'the file'}: ${issue.message}` };
  }
  const { format: _format, ...translation } = shaped.data;
  const problem = translationProblem(edition, translation);
  return problem ? { translation: null, problem: `${TRANSLATION_FILE}: ${problem}` } : { translation };
}

export async function writeTranslation(folder: string, translation: Translation): Promise<void> {
  await writeFileAtomic(join(folder, TRANSLATION_FILE), `${JSON.stringify({ format: TRANSLATION_FORMAT, ...translation })}\n`);
}
