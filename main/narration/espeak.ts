// eSpeak NG behind the SpeechEngine interface, from npm as WebAssembly: no system install, no
// network, all language data inside the package.
//
// Word times come from eSpeak's own events: each word event is followed by the phoneme events of
// that word, so a word lasts from its first sounding phoneme to the end of its last (the next
// event's position). Pause "phonemes" (empty names) are left out, so a comma pause belongs to no word.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EspeakEvent, EspeakModule, ESpeakNGWorker } from '@echogarden/espeak-ng-emscripten';
import { primarySubtag } from '../../common/edition/language-tags';
import type { Lang } from '../../common/edition/model';
import type { EngineWord, SpeechEngine, SynthesisInput, SynthesisOutput, VoiceSettings } from './engine';

const PACKAGE = '@echogarden/espeak-ng-emscripten';
const VARIANT_DIR = '/usr/share/espeak-ng-data/voices/!v';
// eSpeak accepts 80..450 words per minute; outside that it clamps silently, which would hide a typo.
const MIN_RATE = 80;
const MAX_RATE = 450;

/** The engine's id (package and version) without loading it: enough to check the cache. */
export function espeakEngineId(): string {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), 'utf8')) as { version: string };
  return `espeak-ng-emscripten@${pkg.version}`;
}

/**
 * A fresh engine with its own WebAssembly instance. eSpeak's noise generator (breath, flutter) is
 * seeded from the clock when the worker is created, and its state carries from call to call: so
 * the clock is held at zero for that one synchronous call, and output is byte-identical for the
 * same sequence of calls on a fresh instance. Create one engine per build.
 */
export async function createEspeakEngine(): Promise<SpeechEngine> {
  const { default: init } = await import('@echogarden/espeak-ng-emscripten');
  const module = await init();
  const now = Date.now;
  let worker: ESpeakNGWorker;
  try {
    Date.now = () => 0;
    worker = new module.eSpeakNGWorker();
  } finally {
    Date.now = now;
  }
  return new EspeakEngine(module, worker, espeakEngineId());
}

class EspeakEngine implements SpeechEngine {
  private readonly languages: Set<string>;
  private readonly variants: Set<string>;

  constructor(
    module: EspeakModule,
    private readonly worker: ESpeakNGWorker,
    readonly id: string,
  ) {
    this.languages = new Set(
      worker.list_voices().flatMap((v) => [v.identifier.split('/').pop()!.toLowerCase(), ...v.languages.map((l) => l.name.toLowerCase())]),
    );
    this.variants = new Set(module.FS.readdir(VARIANT_DIR).filter((n) => n !== '.' && n !== '..'));
  }

  async languageFor(tag: string): Promise<string | null> {
    // A region eSpeak has no voice of ('fr-CA') is read by the language's own voice ('fr').
    for (const name of [tag.toLowerCase(), primarySubtag(tag)]) if (this.languages.has(name)) return name;
    return null;
  }

  async checkVoice(lang: string, voice: VoiceSettings): Promise<string | null> {
    const [language = '', variant, ...rest] = voice.name.split('+');
    if (rest.length > 0 || language === '') return `"${voice.name}" is not an eSpeak voice name (expected language+variant, e.g. "${lang}+m3")`;
    if (!this.languages.has(language.toLowerCase())) return `eSpeak has no language "${language}"`;
    if (primarySubtag(language) !== primarySubtag(lang)) return `"${voice.name}" speaks ${language}, not ${lang}`;
    if (variant !== undefined && !this.variants.has(variant)) {
      return `eSpeak has no voice variant "${variant}" (known: ${[...this.variants].sort().join(', ')})`;
    }
    for (const [what, value] of [['pitch', voice.pitch], ['pitchRange', voice.pitchRange]] as const) {
      if (value !== undefined && !(value >= 0 && value <= 100)) return `${what} ${value} is outside 0..100`;
    }
    if (this.worker.set_voice(voice.name) !== 0) return `eSpeak could not load the voice "${voice.name}"`;
    return null;
  }

  async synthesize(input: SynthesisInput): Promise<SynthesisOutput> {
    if (!(input.rate >= MIN_RATE && input.rate <= MAX_RATE)) {
      throw new Error(`speaking rate ${input.rate} is outside eSpeak's ${MIN_RATE}..${MAX_RATE} words per minute`);
    }
    this.useVoice(input.voice);
    this.worker.rate = Math.round(input.rate);

    const { ssml, offsets } = toEspeakText(input.text);
    const chunks: Int16Array[] = [];
    const events: EspeakEvent[] = [];
    let length = 0;
    this.worker.synthesize(ssml, (samples, chunkEvents) => {
      if (samples.length > 0) {
        chunks.push(samples);
        length += samples.length;
      }
      for (const e of chunkEvents) events.push(e);
      return false;
    });

    const samples = new Float32Array(length);
    let at = 0;
    for (const chunk of chunks) {
      for (let i = 0; i < chunk.length; i++) samples[at + i] = chunk[i]! / 32768;
      at += chunk.length;
    }
    const sampleRate = this.worker.samplerate;
    return { sampleRate, samples, words: wordsFromEvents(events, length / sampleRate, offsets) };
  }

  async phonemes(text: string, _lang: Lang, voice: VoiceSettings): Promise<string> {
    this.useVoice(voice);
    const { ssml } = toEspeakText(text);
    const result = this.worker.synthesize_ipa(ssml);
    if (result.code !== 0) throw new Error(`eSpeak could not phonemize "${text}"`);
    return result.ipa.trim().replace(/\s+/g, ' ');
  }

  private useVoice(voice: VoiceSettings): void {
    if (this.worker.set_voice(voice.name) !== 0) throw new Error(`eSpeak has no voice "${voice.name}"`);
    this.worker.pitch = Math.round(voice.pitch ?? 50);
    this.worker.range = Math.round(voice.pitchRange ?? 50);
  }
}

/**
 * The engine always parses SSML (and [[phoneme]] input), so the text is escaped; `offsets[k]` maps
 * code point k of the escaped text (eSpeak counts code points) back to a UTF-16 offset in `text`.
 */
export function toEspeakText(text: string): { ssml: string; offsets: number[] } {
  let ssml = '';
  const offsets: number[] = [];
  let unit = 0;
  for (const ch of text) {
    const replacement =
      ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '[' ? '(' : ch === ']' ? ')' : ch;
    for (const _ of replacement) offsets.push(unit);
    ssml += replacement;
    unit += ch.length;
  }
  offsets.push(unit);
  return { ssml, offsets };
}

function isPause(event: EspeakEvent): boolean {
  const name = typeof event.id === 'string' ? event.id.trim() : '';
  return name === '' || /^_+:*$/.test(name);
}

/** Turns eSpeak's event stream into words with sounding start and end times (seconds). */
export function wordsFromEvents(events: readonly EspeakEvent[], duration: number, offsets: readonly number[]): EngineWord[] {
  const timed = events.filter((e) => e.type === 'word' || e.type === 'phoneme' || e.type === 'end' || e.type === 'sentence');
  const words: EngineWord[] = [];
  const lastOffset = offsets[offsets.length - 1] ?? 0;
  const toOffset = (codePoint: number): number => offsets[Math.max(0, Math.min(codePoint, offsets.length - 1))] ?? lastOffset;

  let current: { textStart: number; textEnd: number; start: number; end: number } | null = null;
  const close = (): void => {
    if (current && current.end > current.start) words.push({ ...current });
    current = null;
  };
  for (let i = 0; i < timed.length; i++) {
    const e = timed[i]!;
    if (e.type === 'word') {
      close();
      const first = Math.max(0, e.text_position - 1);
      current = { textStart: toOffset(first), textEnd: toOffset(first + Math.max(0, e.word_length)), start: Infinity, end: -Infinity };
    } else if (e.type === 'phoneme' && current && !isPause(e)) {
      const start = e.audio_position / 1000;
      const next = timed[i + 1];
      const end = next ? next.audio_position / 1000 : duration;
      current.start = Math.min(current.start, start);
      current.end = Math.max(current.end, Math.min(end, duration));
    }
  }
  close();
  return words.sort((a, b) => a.start - b.start);
}
