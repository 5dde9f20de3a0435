// The language an imported text is in, as the user chose it (a BCP 47 tag): the built-in voice
// (eSpeak NG) must speak it, since it reads a text that has no recording and gives the aligner
// its reference for one that has. Both checks run before any work, with words for the user.
import { BridgeError } from '../../common/bridge/contract';
import { languageName } from '../../common/edition/language-tags';
import { readLanguage } from '../../common/text/guess-language';
import { createEspeakEngine } from '../narration/espeak';
import type { SpeechEngine } from '../narration/engine';

let engine: Promise<SpeechEngine> | null = null;

/** eSpeak's name for the tag's language ('fr-CA' → 'fr'); refuses a language it has no voice for. */
export async function voiceLanguageFor(tag: string): Promise<string> {
  engine ??= createEspeakEngine();
  const language = await (await engine).languageFor(tag);
  if (language === null) {
    throw new BridgeError('invalid-argument', `the language: the built-in voice (eSpeak NG) cannot speak ${languageName('en', tag)} (${tag}), so it can neither read nor align a text in it; choose the language the text is in.`);
  }
  return language;
}

/**
 * A recording's text in plainly another language than the one chosen would still be "aligned"
 * (eSpeak reads it with the wrong voice, and the stretches still match somewhere), so it is
 * refused rather than given confident wrong times. Where the guess cannot tell (a language it has
 * no model of, a text too short or mixed), the text passes.
 */
export function refuseOtherLanguage(text: string, tag: string): void {
  const reading = readLanguage(text);
  const looks = reading.likely;
  if (looks === null || reading.couldBe(tag)) return;
  throw new BridgeError('invalid-argument', `the text: it looks ${languageName('en', looks)}, but the recording is imported as ${languageName('en', tag)}; choose the text the recording reads, or its language (a translation can be added later).`);
}
