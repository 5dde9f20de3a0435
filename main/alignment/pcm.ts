// The decoded timeline on disk: 16 kHz mono, 16-bit little-endian. Chunks read their stretch back
// from here, so memory holds a few minutes of audio at a time whatever the recording's length
// (15 h is about 1.7 GB on disk and never in memory).
import { open, type FileHandle } from 'node:fs/promises';

export const ALIGN_RATE = 16000;

export class PcmWriter {
  private constructor(
    private readonly handle: FileHandle,
    private written = 0,
  ) {}

  static async create(path: string): Promise<PcmWriter> {
    return new PcmWriter(await open(path, 'w'));
  }

  get samples(): number {
    return this.written;
  }

  async write(samples: Float32Array): Promise<void> {
    const out = Buffer.allocUnsafe(samples.length * 2);
    for (let i = 0; i < samples.length; i++) {
      const v = Math.max(-1, Math.min(1, samples[i]!));
      out.writeInt16LE(Math.round(v * 32767), i * 2);
    }
    await this.handle.write(out);
    this.written += samples.length;
  }

  async close(): Promise<void> {
    await this.handle.sync();
    await this.handle.close();
  }
}

/** Samples [from, to) of the stored timeline as floats (clamped to what exists). */
export async function readPcm(path: string, from: number, to: number): Promise<Float32Array> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size / 2;
    const a = Math.max(0, Math.floor(from));
    const b = Math.min(size, Math.ceil(to));
    if (b <= a) return new Float32Array(0);
    const bytes = Buffer.allocUnsafe((b - a) * 2);
    await handle.read(bytes, 0, bytes.length, a * 2);
    const out = new Float32Array(b - a);
    for (let i = 0; i < out.length; i++) out[i] = bytes.readInt16LE(i * 2) / 32768;
    return out;
  } finally {
    await handle.close();
  }
}
