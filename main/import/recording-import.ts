// Importing a recording of the user's own with its text: the text becomes an edition (the same
// segmenter and model as a text import), the aligner (main/alignment, in a child process) times
// every sentence and word in the audio, and the document is added to the library whole or not at
// all, with the audio copied in and its waveform peaks made from the decoded audio. The aligner's
// work folder is keyed by the uploads and the text, so an import cancelled (or killed) and started
// again with the same files goes on from its last finished window.
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeError, type LibraryEntry } from '../../common/bridge/contract';
import type { ImportRecordingRequest } from '../../common/bridge/import-contract';
import { IMPORT_SCHEMAS } from '../../common/bridge/import-schemas';
import { parseEdition } from '../../common/edition/parse';
import { writeEdition } from '../../common/edition/write';
import { TextEditionError, textToEdition } from '../../common/text/text-edition';
import { splitSentences } from '../../common/text/sentences';
import { audioKindOf } from '../../common/timing/audio-types';
import { cuesToText, timesFromCues } from '../../common/exchange/cue-text';
import { importTrack, type TrackMedia } from '../../common/exchange/import-timing';
import type { Edition } from '../../common/edition/model';
import { trackFromAlignment } from '../../common/timing/from-alignment';
import type { NarrationTrack, TimedTranscript, WaveformPeaks } from '../../common/timing/model';
import { alignRecording, AlignInputError, type AlignProgress, type AlignRunOptions } from '../alignment/index';
import { decodeToPcm } from '../alignment/decode';
import { ALIGN_RATE } from '../alignment/pcm';
import { writeFileAtomic } from '../fs-atomic';
import type { JobContext } from '../jobs/runner';
import type { Library } from '../library/library';
import { makeDocumentId } from '../library/own-documents';
import { refuseOtherLanguage, voiceLanguageFor } from './language';
import { joinMp3Parts } from './mp3-join';
import { cuesOnTimeline, readTimedFile, type TimedFile } from './timed-file';
import type { UploadedFile, Uploads } from './uploads';

export interface RecordingImportOptions {
  library: Pick<Library, 'createOwnDocument'>;
  uploads: Pick<Uploads, 'file' | 'discard'>;
  /** Where the aligner's work folders live (one per import, kept until it is done). */
  workRoot: string;
  /** Passed on to the aligner (tests use short windows to get several; the desktop app its own launcher). */
  aligner?: Pick<AlignRunOptions, 'engineHome' | 'windowSeconds' | 'launch'>;
}

/** The job's phases, as its progress message names them (the dialog translates them). */
export type RecordingImportPhase = 'decoding' | 'aligning' | 'adding';

// The share of the bar each phase takes: decoding is quick, aligning is most of the work.
const DECODE_SHARE = 0.15;
const ALIGN_SHARE = 0.8;

/** A file of the recording: an upload, or an audio file unpacked from the book that brought it. */
type RecordingFile = Pick<UploadedFile, 'name' | 'path'>;

/** Several parts play as one file; for now that is possible for MP3 only (its frames join as they are). */
function mediaFor(files: readonly RecordingFile[]): { name: string; type: NonNullable<ReturnType<typeof audioKindOf>>['type'] } {
  const kinds = files.map((f) => audioKindOf(f.name));
  const unknown = files.find((_, i) => kinds[i] === null);
  if (unknown) throw new BridgeError('invalid-argument', `${unknown.name}: not an audio file the import takes (MP3, M4A/M4B, Ogg Vorbis, Opus, FLAC or WAV).`);
  if (files.length > 1 && kinds.some((k) => k!.type !== 'audio/mpeg')) {
    throw new BridgeError('invalid-argument', 'A recording in several parts can be imported when every part is an MP3 (other formats: one file for now).');
  }
  return { name: `de.${kinds[0]!.extension}`, type: kinds[0]!.type };
}

const REQUEST_FILE = 'request.json';

/**
 * Imports that were running when the app last stopped without finishing them (killed, crashed,
 * the machine went down): their requests, for the service to start again. The aligner then goes
 * on from the last finished window. Requests whose uploads are gone are dropped with their folder.
 */
export async function resumable(workRoot: string, uploads: Pick<Uploads, 'file'>): Promise<ImportRecordingRequest[]> {
  const found: ImportRecordingRequest[] = [];
  for (const name of await readdir(workRoot).catch(() => [] as string[])) {
    const folder = join(workRoot, name);
    const raw = await readFile(join(folder, REQUEST_FILE), 'utf8').catch(() => null);
    if (raw === null) continue;
    let parsed;
    try {
      parsed = IMPORT_SCHEMAS.importRecording.safeParse(JSON.parse(raw));
    } catch {
      parsed = null;
    }
    const usable = parsed?.success && (await Promise.all(parsed.data.audio.map((id) => uploads.file(id).then(() => true, () => false)))).every(Boolean);
    if (usable && parsed?.success && importKey(parsed.data) === name) found.push(parsed.data);
    else await rm(folder, { recursive: true, force: true });
  }
  return found;
}

/** The work folder's name: the same uploads, text and language give the same folder. */
export function importKey(request: ImportRecordingRequest): string {
  return createHash('sha256').update(JSON.stringify([request.audio, request.text, request.format, request.language, request.timedText ?? null])).digest('hex').slice(0, 32);
}

/** Peaks (largest absolute sample per bucket) read from the aligner's 16 kHz PCM, a slice at a time. */
export async function peaksFromPcm(pcmPath: string, duration: number): Promise<WaveformPeaks> {
  // Fewer peaks for long recordings, so a 15-hour book's waveform stays a few MB.
  const peaksPerSecond = duration <= 1800 ? 100 : Math.max(10, Math.floor(180_000 / duration));
  const perBucket = ALIGN_RATE / peaksPerSecond;
  const buckets = Math.ceil(duration * peaksPerSecond);
  const data = new Array<number>(buckets).fill(0);
  const handle = await open(pcmPath, 'r');
  try {
    const bytes = Buffer.allocUnsafe(1 << 20);
    let sample = 0;
    for (;;) {
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, sample * 2);
      if (bytesRead < 2) break;
      for (let i = 0; i + 1 < bytesRead; i += 2, sample++) {
        const bucket = Math.floor(sample / perBucket);
        if (bucket >= buckets) break;
        const v = Math.abs(bytes.readInt16LE(i)) / 32768;
        if (v > data[bucket]!) data[bucket] = v;
      }
    }
  } finally {
    await handle.close();
  }
  return { sampleRate: ALIGN_RATE, duration, peaksPerSecond, data: data.map((v) => Math.min(1, Math.round(v * 100) / 100)) };
}

/** The aligner names files by path; the user knows them by the name they chose. */
function byName(message: string, files: readonly RecordingFile[]): string {
  return files.reduce((text, f) => text.split(f.path).join(f.name), message);
}

export async function importRecording(request: ImportRecordingRequest, context: JobContext, options: RecordingImportOptions): Promise<LibraryEntry> {
  refuseOtherLanguage(request.text, request.language);
  const voiceLanguage = await voiceLanguageFor(request.language);
  // Timed text brings its own text: the document's text is the file's, whatever the page sent. An
  // EPUB with Media Overlays brings its recording as well, unpacked into the work folder.
  const timedText = request.timedText ? await readTimedUpload(request.timedText, options.uploads) : null;
  const workDir = join(options.workRoot, importKey(request));
  const unpackDir = join(workDir, 'book-audio');
  let files: RecordingFile[];
  let media: ReturnType<typeof mediaFor>;
  try {
    files = await recordingFiles(request, timedText, unpackDir, options.uploads);
    media = mediaFor(files);
  } catch (error) {
    await rm(unpackDir, { recursive: true, force: true });
    throw error;
  }
  const id = makeDocumentId(request.title);
  const text = timedText ? cuesToText(timedText.file.cues, timedText.file.speakers, timedText.file.headings) : request.text;
  const format = timedText ? 'markdown' : request.format;
  let edition;
  try {
    const input = textToEdition({ title: request.title, text, format, language: request.language }, id, splitSentences, { titleIsRead: false });
    const yaml = writeEdition(input);
    const parsed = parseEdition(yaml, 'the imported text');
    if (!parsed.ok) throw new BridgeError('invalid-argument', `The text could not be made into a document: ${parsed.problems[0]?.message ?? 'unknown problem'}`);
    edition = { yaml, model: parsed.edition };
  } catch (error) {
    if (error instanceof TextEditionError) throw new BridgeError('invalid-argument', error.message);
    throw error;
  }

  // One folder per import: the request (to start it again should the app be killed or crash, see
  // resumable()) beside the aligner's own folder, which the aligner empties when it is not its job's.
  await writeFileAtomic(join(workDir, REQUEST_FILE), JSON.stringify(request));
  const peaksName = 'de.peaks.json';
  const trackMedia = (duration: number) => ({ mediaId: `${id}/${media.name}`, mimeType: media.type, duration, peaksMediaId: `${id}/${peaksName}` });
  let timed: { track: NarrationTrack; pcm: string; duration: number };
  try {
    timed = timedText
      ? await timeFromFile(timedText, edition.model, files, join(workDir, 'audio.pcm'), trackMedia, context)
      : await timeByAligning(request, voiceLanguage, edition.model, files, join(workDir, 'align'), trackMedia, context, options);
  } catch (error) {
    // Stopped by the user: not started again at the next start (the finished windows stay for a
    // second try from the dialog). Refused input: nothing worth keeping.
    if (context.signal.aborted) await rm(join(workDir, REQUEST_FILE), { force: true });
    else await rm(workDir, { recursive: true, force: true });
    if (error instanceof AlignInputError) throw new BridgeError('invalid-argument', byName(error.message, files));
    if (context.signal.aborted || error instanceof BridgeError) throw error;
    throw new BridgeError('failed', byName(error instanceof Error ? error.message : String(error), files));
  }
  context.signal.throwIfAborted();
  context.progress(DECODE_SHARE + ALIGN_SHARE, 'adding');
  const timing: TimedTranscript = { format: 1, documentId: id, editionHash: createHash('sha256').update(edition.yaml).digest('hex').slice(0, 16), tracks: { de: timed.track } };
  const peaks = await peaksFromPcm(timed.pcm, timed.duration);
  context.signal.throwIfAborted();
  const added = await options.library.createOwnDocument({
    id,
    editionSource: edition.yaml,
    timing,
    media: [
      { name: media.name, path: files.length === 1 ? files[0]!.path : await joinMp3Parts(files.map((f) => f.path), join(workDir, media.name)) },
      { name: peaksName, data: new TextEncoder().encode(JSON.stringify(peaks)) },
    ],
  });
  // Done: the work folder and the uploads are no longer needed (the audio is in the library now).
  await rm(workDir, { recursive: true, force: true });
  await Promise.all(request.audio.map((uploadId) => options.uploads.discard(uploadId).catch(() => undefined)));
  return added;
}

type TrackMediaOf = (duration: number) => TrackMedia;

/** The recording's files: the uploads chosen, or the audio an EPUB with Media Overlays brings (then none may be chosen). */
async function recordingFiles(
  request: ImportRecordingRequest,
  timedText: { file: TimedFile; name: string } | null,
  unpackDir: string,
  uploads: Pick<Uploads, 'file'>,
): Promise<RecordingFile[]> {
  const brought = timedText?.file.recording;
  if (!brought) {
    if (request.audio.length === 0) throw new BridgeError('invalid-argument', 'audio: choose the recording (an audio file).');
    return Promise.all(request.audio.map((uploadId) => uploads.file(uploadId)));
  }
  if (request.audio.length > 0) {
    throw new BridgeError('invalid-argument', `${timedText.name} brings its own recording (read-aloud audio); remove the recording chosen, or import the book without it.`);
  }
  await mkdir(unpackDir, { recursive: true });
  return Promise.all(
    brought.parts.map(async (part) => {
      const data = brought.audio.get(part.entry);
      if (!data) throw new Error(`${timedText.name}: "${part.entry}" was read without its audio`);
      const path = join(unpackDir, part.name);
      await writeFile(path, data);
      // The user knows the audio as the book's entry (and its kind by the entry's extension).
      return { name: `${timedText.name}, ${part.entry}`, path };
    }),
  );
}

async function readTimedUpload(uploadId: string, uploads: Pick<Uploads, 'file'>): Promise<{ file: TimedFile; name: string }> {
  const upload = await uploads.file(uploadId);
  return { file: await readTimedFile(upload.path, upload.name), name: upload.name };
}

/** The aligner times every sentence and word in the recording (in its child process). */
async function timeByAligning(
  request: ImportRecordingRequest,
  /** eSpeak's name for the text's language. */
  voiceLanguage: string,
  edition: Edition,
  files: readonly RecordingFile[],
  alignDir: string,
  trackMedia: TrackMediaOf,
  context: JobContext,
  options: RecordingImportOptions,
): Promise<{ track: NarrationTrack; pcm: string; duration: number }> {
  context.progress(0, 'decoding');
  const result = await alignRecording({
    ...options.aligner,
    audioFiles: files.map((f) => f.path),
    sentences: edition.sentences.map((s) => ({ id: s.id, text: s.de })),
    language: voiceLanguage,
    workDir: alignDir,
    signal: context.signal,
    onProgress: (p: AlignProgress) => {
      if (p.phase === 'decode') context.progress(DECODE_SHARE * p.fraction, 'decoding', p.secondsLeft);
      else if (p.phase === 'align') context.progress(DECODE_SHARE + ALIGN_SHARE * p.fraction, 'aligning', p.secondsLeft);
    },
    textName: 'the text',
  });
  context.signal.throwIfAborted();
  const built = trackFromAlignment(edition, result.sentences, result.duration, trackMedia(result.duration));
  if (!built.ok) throw new BridgeError('failed', `The alignment could not be turned into timings: ${built.problems.slice(0, 3).join('; ')}`);
  return { track: built.track, pcm: join(alignDir, 'audio.pcm'), duration: result.duration };
}

/**
 * The file's times, carried onto the sentences of its text; the recording is only decoded (for its
 * length and its waveform), not aligned. Words the file does not time are spread by length.
 */
async function timeFromFile(
  timed: { file: TimedFile; name: string },
  edition: Edition,
  files: readonly RecordingFile[],
  pcm: string,
  trackMedia: TrackMediaOf,
  context: JobContext,
): Promise<{ track: NarrationTrack; pcm: string; duration: number }> {
  context.progress(0, 'decoding');
  const { samples, parts } = await decodeToPcm(
    files.map((f) => f.path),
    pcm,
    ({ bytesDone, bytesTotal }) => context.progress((DECODE_SHARE + ALIGN_SHARE) * (bytesTotal > 0 ? bytesDone / bytesTotal : 0), 'decoding'),
    context.signal,
  );
  const duration = Math.round((samples / ALIGN_RATE) * 1000) / 1000;
  const sentences = timesFromCues(edition, 'de', cuesOnTimeline(timed.file, parts.map((p) => p.start)), timed.name);
  if (!sentences.ok) throw new BridgeError('invalid-argument', sentences.problems.join('; '));
  const late = sentences.sentences.find((s) => s.end > duration + 0.5);
  if (late) throw new BridgeError('invalid-argument', `${late.where}: ends at ${late.end.toFixed(1)} s, after the end of the recording (${duration.toFixed(1)} s); is it the file of this recording?`);
  const clamped = sentences.sentences.map((s) => ({ ...s, start: Math.min(s.start, duration), end: Math.min(s.end, duration) }));
  const built = importTrack(edition, 'de', clamped, trackMedia(duration));
  if (!built.ok) throw new BridgeError('invalid-argument', built.problems.slice(0, 3).join('; '));
  // The sentences' times are the file's; words it does not time are spread by length inside them
  // (not flagged: `estimated` means a sentence whose own time is a guess).
  return { track: built.track, pcm, duration };
}
