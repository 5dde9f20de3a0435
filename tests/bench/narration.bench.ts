// How long the narration build takes for the whole interview, both languages, from scratch (into a
// temporary folder, so the cached narration under assets/ is left alone). Target on the 2-core
// build machines: under 60 s, real-time factor (build time / audio duration) at most 0.03.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildNarration } from '../../main/narration/build';
import type { Benchmark } from './types';

const bench: Benchmark = async () => {
  const editionFile = resolve(import.meta.dirname, '../../transcripts/china-sieht-alles/edition.yaml');
  const outRoot = await mkdtemp(join(tmpdir(), 'mitlesen-narration-bench-'));
  try {
    const r = await buildNarration({ editionFile, outRoot, force: true });
    const audio = r.tracks.reduce((n, t) => n + t.duration, 0);
    const words = r.tracks.reduce((n, t) => n + t.words, 0);
    return {
      name: 'narration',
      rows: [
        { metric: 'build, interview de+en', value: r.seconds, unit: 's', target: '< 60' },
        { metric: 'real-time factor', value: r.seconds / audio, unit: '', target: '<= 0.03' },
        { metric: 'synthesis', value: r.phases.synthesis, unit: 's' },
        { metric: 'MP3 encoding', value: r.phases.encoding, unit: 's' },
        { metric: 'waveform peaks', value: r.phases.peaks, unit: 's' },
        { metric: 'audio', value: audio, unit: 's' },
        ...r.tracks.map((t) => ({ metric: `pace ${t.lang}`, value: t.wordsPerMinute, unit: 'words/min', target: '140-160' })),
      ],
      notes: {
        words,
        ...Object.fromEntries(r.tracks.flatMap((t) => [[`${t.lang} audio bytes`, t.audioBytes], [`${t.lang} peaks bytes`, t.peaksBytes]])),
      },
    };
  } finally {
    await rm(outRoot, { recursive: true, force: true });
  }
};

export default bench;
