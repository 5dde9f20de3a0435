// Walks MP3 frame headers as the bytes stream past, to tell a truncated or damaged file from a good
// one. The WebAssembly decoder skips what it cannot read and stops quietly at a cut, so without this
// a half-copied audiobook part would align "successfully" against text it does not contain.

const BITRATES: Record<string, number[]> = {
  // [version 1 | 2 | 2.5][layer] -> kbit/s by index
  'v1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  'v1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  'v1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  'v2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  'v2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  'v2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
};
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

interface Frame {
  length: number;
  samples: number;
  sampleRate: number;
}

/** The frame whose header starts at b[i], or null if there is none there. */
export function parseFrameHeader(b: Uint8Array, i: number): Frame | null {
  if (i + 4 > b.length || b[i] !== 0xff || (b[i + 1]! & 0xe0) !== 0xe0) return null;
  const version = (b[i + 1]! >> 3) & 3; // 0: 2.5, 2: 2, 3: 1
  const layer = 4 - ((b[i + 1]! >> 1) & 3); // 1, 2, 3 (4 = reserved)
  const bitrateIndex = b[i + 2]! >> 4;
  const rateIndex = (b[i + 2]! >> 2) & 3;
  const padding = (b[i + 2]! >> 1) & 1;
  if (version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const kbps = BITRATES[`${version === 3 ? 'v1' : 'v2'}-${layer}`]![bitrateIndex]!;
  const sampleRate = SAMPLE_RATES[version]![rateIndex]!;
  const bitrate = kbps * 1000;
  if (layer === 1) return { length: (Math.floor((12 * bitrate) / sampleRate) + padding) * 4, samples: 384, sampleRate };
  const perFrame = layer === 3 && version !== 3 ? 576 : 1152;
  return { length: Math.floor(((perFrame / 8) * bitrate) / sampleRate) + padding, samples: perFrame, sampleRate };
}

function startsWith(b: Uint8Array, i: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (b[i + k] !== text.charCodeAt(k)) return false;
  return true;
}

export interface Mp3Report {
  frames: number;
  /** Seconds of audio in whole frames. */
  seconds: number;
  /** Bytes the last frame still needed when the file ended (0: ends cleanly). */
  missingBytes: number;
  /** Bytes between frames that belong to no frame and no tag. */
  garbageBytes: number;
  firstGarbageAt: number | null;
}

export class Mp3FrameChecker {
  private buf = new Uint8Array(0);
  private bufStart = 0;
  private next = 0;
  private started = false;
  private inTrailer = false;
  private report: Mp3Report = { frames: 0, seconds: 0, missingBytes: 0, garbageBytes: 0, firstGarbageAt: null };

  push(chunk: Uint8Array): void {
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf);
    joined.set(chunk, this.buf.length);
    this.buf = joined;
    this.walk();
  }

  end(fileSize: number): Mp3Report {
    if (!this.inTrailer && this.next > fileSize) this.report.missingBytes = this.next - fileSize;
    return this.report;
  }

  private walk(): void {
    const b = this.buf;
    for (;;) {
      if (this.inTrailer) return;
      const i = this.next - this.bufStart;
      if (i + 10 > b.length) break;
      if (!this.started && startsWith(b, i, 'ID3')) {
        const size = ((b[i + 6]! & 0x7f) << 21) | ((b[i + 7]! & 0x7f) << 14) | ((b[i + 8]! & 0x7f) << 7) | (b[i + 9]! & 0x7f);
        this.next += 10 + size + ((b[i + 5]! & 0x10) !== 0 ? 10 : 0);
        continue;
      }
      if (startsWith(b, i, 'TAG') || startsWith(b, i, 'APETAGEX') || startsWith(b, i, 'LYRICS')) {
        this.inTrailer = true;
        return;
      }
      const frame = parseFrameHeader(b, i);
      if (frame) {
        this.started = true;
        this.report.frames++;
        this.report.seconds += frame.samples / frame.sampleRate;
        this.next += frame.length;
        continue;
      }
      // Not a frame: count the byte as garbage (padding zeros before the first frame are common and harmless).
      if (this.started && this.report.firstGarbageAt === null) this.report.firstGarbageAt = this.next;
      if (this.started) this.report.garbageBytes++;
      this.next++;
    }
    const keep = Math.max(0, Math.min(b.length, this.next - this.bufStart));
    this.buf = b.slice(keep);
    this.bufStart += keep;
  }
}
