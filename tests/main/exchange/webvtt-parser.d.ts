// webvtt-parser (the W3C validator's parser) ships no types; only what the tests use.
declare module 'webvtt-parser' {
  export class WebVTTParser {
    parse(input: string, mode?: string): { cues: { id: string; startTime: number; endTime: number }[]; errors: { message: string; line: number; col: number }[] };
  }
}
