// audio-type (the sniffer @audio/decode itself uses) ships no types.
declare module 'audio-type' {
  /** The format's short name ('mp3', 'wav', 'm4a', 'oga', 'opus', 'flac', …), or undefined. */
  export default function getType(bytes: Uint8Array): string | undefined;
}
