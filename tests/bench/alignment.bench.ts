// Alignment quality and cost (figures, not assertions):
// - human speech: sentence starts on the fixture in every format, against truth.json;
// - word level: the German narration sped up 1.2x with noise, against its exact word times;
// - scale: the narration repeated to 1 h (and 3 h with BENCH_ALIGN_LONG=1): time, real-time factor
//   and peak memory of the aligning process.
// Set BENCH_ALIGN_QUICK=1 to skip the scale runs.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignRecording, type AlignmentResult, type SentenceInput } from '../../main/alignment/index';
import { FIXTURE, fastNoisyNarration, hasFfmpeg, narrationTruth, repeatedNarration } from './alignment-data';
import { percentile } from './stats';
import type { Benchmark, BenchRow } from './types';

const ms = (s: number) => s * 1000;

async function run(dir: string, name: string, audioFiles: string[], sentences: SentenceInput[]) {
  let peak = 0;
  const t0 = performance.now();
  const result: AlignmentResult = await alignRecording({
    audioFiles,
    sentences,
    language: 'de',
    workDir: join(dir, `work-${name}`),
    engineHome: join(dir, 'engine-home'),
    onPeakMemory: (b) => (peak = b),
  });
  return { result, seconds: (performance.now() - t0) / 1000, peak };
}

const bench: Benchmark = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mitlesen-align-bench-'));
  const rows: BenchRow[] = [];
  const notes: Record<string, string | number> = {};
  try {
    const truth = JSON.parse(await readFile(join(FIXTURE, 'truth.json'), 'utf8')) as { sentences: { text: string; start: number }[] };
    const sentences = truth.sentences.map((s, i) => ({ id: `s${i + 1}`, text: s.text }));
    for (const file of ['speech.wav', 'speech.mp3', 'speech.m4a', 'speech.opus', 'speech-noisy.mp3']) {
      const { result } = await run(dir, file, [join(FIXTURE, file)], sentences);
      // Over the timed sentences; an untimed one (the aligner said it could not place it) is counted apart.
      const errors = result.sentences.flatMap((s, i) => (s.start === null ? [] : [Math.abs(s.start - truth.sentences[i]!.start)]));
      rows.push({ metric: `${file}: sentence start, median |error|`, value: ms(percentile(errors, 50)), unit: 'ms', target: '<= 50' });
      rows.push({ metric: `${file}: sentence start, max |error|`, value: ms(Math.max(...errors)), unit: 'ms', target: '<= 150' });
      rows.push({ metric: `${file}: sentences left untimed`, value: result.sentences.length - errors.length, unit: `of ${result.sentences.length}`, target: '0' });
    }

    if (!hasFfmpeg()) {
      notes.skipped = 'word level and scale: ffmpeg not installed';
      return { name: 'alignment', rows, notes };
    }
    const narration = await narrationTruth();
    const narrationSentences = narration.sentences.map(({ id, text }) => ({ id, text }));
    const tempo = 1.2;
    const fast = await run(dir, 'fast', [fastNoisyNarration(dir, tempo)], narrationSentences);
    const wordErrors: number[] = [];
    let untimedWords = 0;
    fast.result.sentences.forEach((s, i) => {
      s.words.forEach((w, k) => {
        if (w.start === null) untimedWords++;
        else wordErrors.push(Math.abs(w.start - narration.sentences[i]!.words[k]![0] / tempo));
      });
    });
    rows.push({ metric: 'narration 1.2x + noise: word start, median |error|', value: ms(percentile(wordErrors, 50)), unit: 'ms', target: '<= 30' });
    rows.push({ metric: 'narration 1.2x + noise: word start, p95 |error|', value: ms(percentile(wordErrors, 95)), unit: 'ms', target: '<= 100' });
    rows.push({ metric: 'narration 1.2x + noise: words untimed', value: untimedWords, unit: 'words', target: '0' });
    rows.push({ metric: `narration 1.2x (${(narration.duration / tempo / 60).toFixed(1)} min): real-time factor`, value: fast.seconds / fast.result.duration, unit: '', target: '<= 0.05' });
    rows.push({ metric: `narration 1.2x: peak memory of the aligner`, value: fast.peak / 2 ** 20, unit: 'MiB', target: '<= 1024' });

    if (process.env.BENCH_ALIGN_QUICK !== '1') {
      const sizes = process.env.BENCH_ALIGN_LONG === '1' ? [1, 4, 11] : [1, 4];
      for (const times of sizes) {
        const audio = await repeatedNarration(dir, times);
        const text = Array.from({ length: times }, (_, r) => narrationSentences.map((s) => ({ id: `${s.id}-${r}`, text: s.text }))).flat();
        const r = await run(dir, `repeat-${times}`, [audio], text);
        const label = `${(r.result.duration / 60).toFixed(0)} min`;
        rows.push({ metric: `${label}: alignment time`, value: r.seconds, unit: 's' });
        rows.push({ metric: `${label}: real-time factor`, value: r.seconds / r.result.duration, unit: '', target: '<= 0.05' });
        rows.push({ metric: `${label}: peak memory of the aligner`, value: r.peak / 2 ** 20, unit: 'MiB', target: '<= 1024, flat' });
        notes[`${label} untimed sentences`] = r.result.sentences.filter((s) => s.start === null).length;
      }
    }
    return { name: 'alignment', rows, notes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export default bench;
