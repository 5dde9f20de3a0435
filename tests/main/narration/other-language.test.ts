// A text that is not German, read by the built-in voice: an imported French text sits in the
// edition's first slot tagged fr, and its narration must be French (eSpeak's French voices, with
// the interview's variants), its numbers left for eSpeak to read in French rather than written out
// as German words, and its lexicon (German respellings) not applied.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeEdition } from '../../../common/edition/write';
import { splitSentences } from '../../../common/text/sentences';
import { textToEdition } from '../../../common/text/text-edition';
import { parseTimedTranscript, type TimedTranscript } from '../../../common/timing/model';
import { buildNarration, loadEdition } from '../../../main/narration/build';
import type { SpeechEngine, SynthesisInput } from '../../../main/narration/engine';
import { createEspeakEngine, espeakEngineId } from '../../../main/narration/espeak';

const root = mkdtempSync(join(tmpdir(), 'mitlesen-other-language-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function editionFile(language: string, text: string): string {
  const input = textToEdition({ title: 'Le mur', text, format: 'plain', language }, `le-mur-${language.toLowerCase()}`, splitSentences);
  const file = join(root, `${language}.yaml`);
  writeFileSync(file, writeEdition(input));
  return file;
}

/** eSpeak, with every request it is given kept for the test to look at. */
function recordingEspeak(heard: SynthesisInput[]): { id: string; create: () => Promise<SpeechEngine> } {
  return {
    id: espeakEngineId(),
    create: async () => {
      const engine = await createEspeakEngine();
      return {
        id: engine.id,
        checkVoice: (language, voice) => engine.checkVoice(language, voice),
        languageFor: (tag) => engine.languageFor(tag),
        phonemes: (text, lang, voice) => engine.phonemes(text, lang, voice),
        synthesize: (input) => (heard.push(input), engine.synthesize(input)),
      };
    },
  };
}

describe('narrating a text in another language than German', () => {
  it('reads a French text with French voices, its numbers as written, and times every word', async () => {
    const file = editionFile('fr', 'En 1989, le mur de Berlin est tombé. Personne ne l’avait prévu.\n\nLe 9 novembre, la frontière s’est ouverte.');
    const heard: SynthesisInput[] = [];
    const result = await buildNarration({ editionFile: file, outRoot: join(root, 'out'), engine: recordingEspeak(heard) });
    expect(result.built).toBe(true);
    expect(heard.length).toBe(4);
    expect(new Set(heard.map((h) => h.voice.name.split('+')[0]))).toEqual(new Set(['fr']));
    // The German narration would have said "neunzehnhundertneunundachtzig".
    expect(heard.find((h) => h.text.includes('1989'))?.text).toBe('En 1989, le mur de Berlin est tombé.');
    const timing = JSON.parse(readFileSync(join(root, 'out', 'le-mur-fr', 'timing.json'), 'utf8')) as TimedTranscript;
    const edition = loadEdition(readFileSync(file, 'utf8'), file);
    const check = parseTimedTranscript(timing, edition);
    expect(check.ok ? [] : check.problems).toEqual([]);
    const sentences = timing.tracks.de!.sentences;
    expect(sentences).toHaveLength(4);
    for (const s of sentences) expect(s.words.every(([a, b]) => b > a), s.id).toBe(true);
  });

  it('reads a region eSpeak has no voice of in its language\'s voice, and says so when it has none at all', async () => {
    const heard: SynthesisInput[] = [];
    await buildNarration({ editionFile: editionFile('pt-BR', 'O muro caiu.'), outRoot: join(root, 'out'), engine: recordingEspeak(heard) });
    expect(heard[0]?.voice.name.split('+')[0]).toBe('pt-br');
    await buildNarration({ editionFile: editionFile('fr-CA', 'Le mur est tombé.'), outRoot: join(root, 'out'), engine: recordingEspeak(heard) });
    expect(heard.at(-1)?.voice.name.split('+')[0]).toBe('fr');
    await expect(buildNarration({ editionFile: editionFile('qaa', 'Something.'), outRoot: join(root, 'out') })).rejects.toThrow(
      'The built-in voice cannot read this text: eSpeak NG has no voice for its language (qaa).',
    );
  });
});
