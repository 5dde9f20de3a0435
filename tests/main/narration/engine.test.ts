// The engine seam: another engine behind SpeechEngine builds a complete, valid narration with no
// change elsewhere; and the eSpeak engine's own contract (voices, rate, events).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../common/edition/model';
import { parseTimedTranscript, type TimedTranscript } from '../../../common/timing/model';
import { buildNarration, loadEdition } from '../../../main/narration/build';
import type { EngineWord, SpeechEngine, SynthesisInput, VoiceSettings } from '../../../main/narration/engine';
import { createEspeakEngine, espeakEngineId } from '../../../main/narration/espeak';

const FIXTURE = fileURLToPath(new URL('../../fixtures/narration/small.yaml', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'mitlesen-engine-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Beeps: 0.2 s of tone per whitespace-separated word, pitch from the voice, 0.05 s apart. */
class BeepEngine implements SpeechEngine {
  readonly id = 'beep@1';
  async checkVoice(_lang: Lang, voice: VoiceSettings): Promise<string | null> {
    return voice.name.startsWith('beep') ? null : `no beep voice "${voice.name}"`;
  }
  async synthesize(input: SynthesisInput): Promise<{ sampleRate: number; samples: Float32Array; words: EngineWord[] }> {
    const sampleRate = 8000;
    const tokens = [...input.text.matchAll(/\S+/g)];
    const samples = new Float32Array(Math.round((0.05 + tokens.length * 0.25) * sampleRate));
    const hz = 100 + (input.voice.pitch ?? 50) * 4;
    const words = tokens.map((m, i): EngineWord => {
      const start = 0.05 + i * 0.25;
      for (let k = Math.round(start * sampleRate); k < Math.round((start + 0.2) * sampleRate); k++) samples[k] = 0.3 * Math.sin((2 * Math.PI * hz * k) / sampleRate);
      return { start, end: start + 0.2, textStart: m.index, textEnd: m.index + m[0].length };
    });
    return { sampleRate, samples, words };
  }
  async languageFor(tag: string): Promise<string | null> {
    return tag;
  }
  async phonemes(text: string): Promise<string> {
    return text;
  }
}

describe('the engine seam', () => {
  it('builds a valid narration with another engine behind the same interface', async () => {
    const settings = {
      voices: {
        de: { narrator: { name: 'beep' }, interviewer: { name: 'beep', pitch: 80 }, interviewee: { name: 'beep', pitch: 20 } },
        en: { narrator: { name: 'beep' }, interviewer: { name: 'beep', pitch: 80 }, interviewee: { name: 'beep', pitch: 20 } },
      },
      rate: { de: 150, en: 150 },
      pauses: { comma: 0.25, clause: 0.35, lead: 0.3, sentence: 0.45, paragraph: 0.8, speakerChange: 1, gap: 1.2, chapter: 1.8, tail: 0.6 },
      bitrateKbps: 32 as const,
      peaksPerSecond: 50,
    };
    const outRoot = join(root, 'beep');
    const r = await buildNarration({ editionFile: FIXTURE, outRoot, settings, engine: { id: 'beep@1', create: async () => new BeepEngine() } });
    expect(r.built).toBe(true);
    const timing = JSON.parse(readFileSync(join(outRoot, 'narration-small', 'timing.json'), 'utf8')) as TimedTranscript;
    const check = parseTimedTranscript(timing, loadEdition(readFileSync(FIXTURE, 'utf8'), FIXTURE));
    expect(check.ok ? [] : check.problems).toEqual([]);
    // "QR-Code" and "2,5" are one token for the beeper and one word for the edition: one span each.
    const s006 = timing.tracks.de!.sentences.find((s) => s.id === 's006')!;
    expect(s006.words).toHaveLength(11);
  });
});

describe('eSpeak NG engine', () => {
  it('names its package version and reports voices it lacks', async () => {
    const engine = await createEspeakEngine();
    expect(engine.id).toBe(espeakEngineId());
    expect(engine.id).toMatch(/^espeak-ng-emscripten@\d+\.\d+\.\d+$/);
    expect(await engine.checkVoice('de', { name: 'de+m3' })).toBeNull();
    expect(await engine.checkVoice('en', { name: 'en-us+f3', pitch: 60 })).toBeNull();
    expect(await engine.checkVoice('de', { name: 'de+nope' })).toMatch(/no voice variant "nope"/);
    expect(await engine.checkVoice('de', { name: 'xx' })).toMatch(/no language "xx"/);
    expect(await engine.checkVoice('de', { name: 'de', pitch: 140 })).toMatch(/pitch 140 is outside 0..100/);
    await expect(engine.synthesize({ text: 'Hallo', lang: 'de', voice: { name: 'de' }, rate: 20 })).rejects.toThrow(/outside eSpeak's 80..450/);
  });

  it('speaks faster at a higher rate and reports words with character ranges and times', async () => {
    const engine = await createEspeakEngine();
    const text = 'Die Technologie erlaubt die lückenlose Kontrolle von Menschen & Märkten.';
    const slow = await engine.synthesize({ text, lang: 'de', voice: { name: 'de' }, rate: 120 });
    const fast = await engine.synthesize({ text, lang: 'de', voice: { name: 'de' }, rate: 240 });
    expect(slow.sampleRate).toBe(22050);
    expect(fast.samples.length).toBeLessThan(0.7 * slow.samples.length);
    // "&" is escaped for eSpeak's SSML mode, and the offsets still point into the original text.
    const said = slow.words.map((w) => text.slice(w.textStart, w.textEnd).trim()).filter(Boolean);
    expect(said.slice(0, 3)).toEqual(['Die', 'Technologie', 'erlaubt']);
    expect(said).toContain('Märkten');
    for (let i = 1; i < slow.words.length; i++) expect(slow.words[i]!.start).toBeGreaterThanOrEqual(slow.words[i - 1]!.end - 1e-9);
  });

  it('is deterministic on a fresh instance, also for voices with breath noise', async () => {
    const run = async (): Promise<Float32Array> => (await createEspeakEngine()).synthesize({ text: 'Das stimmt.', lang: 'de', voice: { name: 'de+f3' }, rate: 180 }).then((o) => o.samples);
    const [a, b] = [await run(), await run()];
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
  });
});
