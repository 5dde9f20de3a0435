// npm run align -- <audio files…> --text <file> [--language de] [--json <out.json>] [--work <dir>]
// Aligns a recording (one or several files, in order) with its text, offline, and writes
// { duration, sentences: [{ text, start, end, words: [{ text, start, end }] }] } (seconds, null
// where untimed) to --json or stdout. Progress and problems go to stderr. Exit codes: 0 done,
// 1 the input could not be aligned (the message names the file), 2 bad arguments.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { alignRecording, AlignInputError } from './index';
import { splitSentences } from './sentences';
import type { AlignmentResult, SentenceInput } from './types';

const USAGE = `Usage: npm run align -- <audio files…> --text <file> [--language de] [--json <out.json>] [--work <dir>]
  Several audio files are parts of one recording, in the order given.
  --language   an eSpeak language code: de, en, fr, es, … (default de)
  --json       where to write the result (default: standard output)
  --work       work folder; a run stopped halfway resumes from it (default: a folder in ${tmpdir()})`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

export function toOutput(sentences: readonly SentenceInput[], result: AlignmentResult) {
  return {
    duration: result.duration,
    sentences: result.sentences.map((s, i) => ({
      text: sentences[i]!.text,
      start: s.start,
      end: s.end,
      confidence: s.confidence,
      words: s.words,
    })),
    issues: result.issues,
  };
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { text: { type: 'string' }, language: { type: 'string', default: 'de' }, json: { type: 'string' }, work: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const audioFiles = parsed.positionals.map((f) => resolve(f));
  if (audioFiles.length === 0) fail('No audio files given.');
  if (!parsed.values.text) fail('No text given (--text <file>).');
  const language = parsed.values.language!;
  if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(language)) fail(`"${language}" is not a language code (expected e.g. de, en, fr, en-gb).`);
  const textFile = resolve(parsed.values.text);
  let text: string;
  try {
    text = await readFile(textFile, 'utf8');
  } catch {
    process.stderr.write(`${textFile}: cannot be read\n`);
    process.exit(1);
  }
  const sentences = splitSentences(text, language);
  const workDir =
    parsed.values.work ?? join(tmpdir(), 'mitlesen-align', createHash('sha256').update(JSON.stringify([audioFiles, textFile, language])).digest('hex').slice(0, 16));
  let lastLine = '';
  try {
    const result = await alignRecording({
      audioFiles,
      sentences,
      language,
      workDir,
      textName: textFile,
      onProgress: ({ phase, fraction, secondsLeft }) => {
        const line = `${phase} ${Math.round(fraction * 100)}%${secondsLeft !== null ? `, about ${Math.ceil(secondsLeft)} s left` : ''}`;
        if (line !== lastLine) process.stderr.write(`${line}\n`);
        lastLine = line;
      },
    });
    const json = `${JSON.stringify(toOutput(sentences, result), null, 2)}\n`;
    for (const issue of result.issues) process.stderr.write(`note: ${issue.message}\n`);
    const timed = result.sentences.filter((s) => s.start !== null).length;
    process.stderr.write(`${timed} of ${result.sentences.length} sentences timed, ${result.duration.toFixed(1)} s of audio\n`);
    if (parsed.values.json) await writeFile(parsed.values.json, json);
    else process.stdout.write(json);
  } catch (error) {
    process.stderr.write(`${error instanceof AlignInputError ? error.message : `alignment failed: ${(error as Error).message}`}\n`);
    process.exit(1);
  }
}

await main();
