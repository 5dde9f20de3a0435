// Types for the parts of @echogarden/espeak-ng-emscripten (eSpeak NG compiled to WebAssembly, no
// typings of its own) that the eSpeak engine uses. Shapes read from the package's espeak-ng.js.
declare module '@echogarden/espeak-ng-emscripten' {
  export interface EspeakEvent {
    type: 'list_terminated' | 'word' | 'sentence' | 'mark' | 'play' | 'end' | 'msg_terminated' | 'phoneme' | 'samplerate';
    /** 1-based character (code point) position in the input text. */
    text_position: number;
    /** Length in characters (words only). */
    word_length: number;
    /** Milliseconds from the start of this synthesis. */
    audio_position: number;
    /** Phoneme name (IPA) for phoneme events, mark name for marks, number for words/sentences. */
    id?: string | number;
  }

  export interface ESpeakNGWorker {
    readonly samplerate: number;
    rate: number;
    pitch: number;
    range: number;
    volume: number;
    /** 0 on success. */
    set_voice(name: string): number;
    /** Synthesizes SSML text; return true from the callback to abort. */
    synthesize(text: string, callback: (samples: Int16Array, events: EspeakEvent[]) => boolean | number | void): void;
    synthesize_ipa(text: string): { code: number; ipa: string };
    list_voices(): { name: string; identifier: string; languages: { priority: number; name: string }[] }[];
  }

  export interface EspeakModule {
    eSpeakNGWorker: new () => ESpeakNGWorker;
    FS: {
      readdir(path: string): string[];
      readFile(path: string, opts: { encoding: 'utf8' }): string;
    };
  }

  const init: (moduleArg?: object) => Promise<EspeakModule>;
  export default init;
}
