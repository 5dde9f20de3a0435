// The audio a narration track may play, named once for the timing check, the media route, the
// import and the player. Chromium plays MP3, Ogg (Vorbis, Opus), FLAC and WAV everywhere; AAC in
// MP4 (M4A/M4B) plays in Electron and in Chrome, not in every Chromium build.

export const NARRATION_AUDIO_TYPES = ['audio/mpeg', 'audio/ogg', 'audio/mp4', 'audio/flac', 'audio/wav'] as const;
export type NarrationAudioType = (typeof NARRATION_AUDIO_TYPES)[number];

interface AudioKind {
  type: NarrationAudioType;
  /** The media file's extension in a document's folder. */
  extension: string;
  /** What howler calls the format (its `format` option). */
  howlerFormat: string;
}

const BY_EXTENSION: Record<string, AudioKind> = {
  mp3: { type: 'audio/mpeg', extension: 'mp3', howlerFormat: 'mp3' },
  ogg: { type: 'audio/ogg', extension: 'ogg', howlerFormat: 'ogg' },
  oga: { type: 'audio/ogg', extension: 'ogg', howlerFormat: 'ogg' },
  opus: { type: 'audio/ogg', extension: 'opus', howlerFormat: 'opus' },
  m4a: { type: 'audio/mp4', extension: 'm4a', howlerFormat: 'm4a' },
  m4b: { type: 'audio/mp4', extension: 'm4a', howlerFormat: 'm4a' },
  aac: { type: 'audio/mp4', extension: 'm4a', howlerFormat: 'm4a' },
  mp4: { type: 'audio/mp4', extension: 'm4a', howlerFormat: 'm4a' },
  flac: { type: 'audio/flac', extension: 'flac', howlerFormat: 'flac' },
  wav: { type: 'audio/wav', extension: 'wav', howlerFormat: 'wav' },
};

const HOWLER_BY_TYPE: Record<NarrationAudioType, string> = { 'audio/mpeg': 'mp3', 'audio/ogg': 'ogg', 'audio/mp4': 'm4a', 'audio/flac': 'flac', 'audio/wav': 'wav' };

/** The kind of audio a file name's extension stands for, or null. */
export function audioKindOf(fileName: string): AudioKind | null {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? null : (BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()] ?? null);
}

/** howler's format for a track's type (its media id's extension decides between Ogg and Opus). */
export function howlerFormatOf(type: NarrationAudioType, mediaId: string): string {
  return audioKindOf(mediaId)?.howlerFormat ?? HOWLER_BY_TYPE[type];
}
