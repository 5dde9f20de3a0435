// Silent Ogg Vorbis of any length, cheap enough for a 20-hour test document. Encoding 20 hours
// with the wasm encoder would take minutes and give the same packet over and over: digital
// silence is one 1-byte Vorbis packet per block. So the real encoder (wasm-media-encoders, no
// system ffmpeg) encodes a few seconds once, for its headers and the silent packet, and the file
// is those headers followed by Ogg pages of that packet, each with its own sequence number,
// granule position and checksum (RFC 3533). About 70 bytes a second at 8 kHz mono: 3.5 MB for
// 15 hours. The last page's granule position is the exact sample count, which decoders (Chromium's
// included) take as the duration and trim the last block to.

import { createOggEncoder } from 'wasm-media-encoders';

export const SILENCE_SAMPLE_RATE = 8000;

const CAPTURE = 'OggS';
const FLAG_BOS = 0x02;
const FLAG_EOS = 0x04;
const MAX_SEGMENTS = 255;

interface Page {
  flags: number;
  granule: bigint;
  segments: number[];
  body: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let b = 0; b < 8; b++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value 0. */
export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < bytes.length; i++) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ bytes[i]!) & 0xff]!) >>> 0;
  return crc >>> 0;
}

export function readOggPages(bytes: Uint8Array): Page[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pages: Page[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (String.fromCharCode(...bytes.subarray(at, at + 4)) !== CAPTURE) throw new Error(`not an Ogg page at byte ${at}`);
    const count = bytes[at + 26]!;
    const segments = [...bytes.subarray(at + 27, at + 27 + count)];
    const size = segments.reduce((a, b) => a + b, 0);
    const start = at + 27 + count;
    pages.push({ flags: bytes[at + 5]!, granule: view.getBigInt64(at + 6, true), segments, body: bytes.subarray(start, start + size) });
    at = start + size;
  }
  return pages;
}

function writePage(page: Page, serial: number, sequence: number): Uint8Array {
  const out = new Uint8Array(27 + page.segments.length + page.body.length);
  const view = new DataView(out.buffer);
  out.set([0x4f, 0x67, 0x67, 0x53, 0, page.flags]);
  view.setBigInt64(6, page.granule, true);
  view.setUint32(14, serial, true);
  view.setUint32(18, sequence, true);
  out[26] = page.segments.length;
  out.set(page.segments, 27);
  out.set(page.body, 27 + page.segments.length);
  view.setUint32(22, oggCrc(out), true);
  return out;
}

interface Template {
  headers: Page[];
  /** The silent packet's bytes. */
  packet: Uint8Array;
  /** Samples each packet after the first adds (the first only primes the decoder). */
  samplesPerPacket: number;
}

let template: Promise<Template> | null = null;

/** Encodes thirty seconds of silence (three pages of packets) and takes it apart; checks it has the shape the repetition relies on. */
async function captureTemplate(): Promise<Template> {
  const encoder = await createOggEncoder();
  encoder.configure({ sampleRate: SILENCE_SAMPLE_RATE, channels: 1, vbrQuality: -1 });
  const first = encoder.encode([new Float32Array(SILENCE_SAMPLE_RATE * 30)]).slice();
  const last = encoder.finalize().slice();
  const bytes = new Uint8Array(first.length + last.length);
  bytes.set(first);
  bytes.set(last, first.length);
  const pages = readOggPages(bytes);
  const headers = pages.filter((p) => p.granule === 0n);
  const audio = pages.slice(headers.length);
  const [a, b] = audio;
  const uniform = (p: Page | undefined): p is Page => !!p && p.segments.length === MAX_SEGMENTS && p.segments.every((s) => s === p.segments[0]) && p.segments[0]! < 255;
  if (!uniform(a) || !uniform(b) || a.segments[0] !== b.segments[0]) throw new Error('the Vorbis encoder did not give uniform pages of silent packets');
  const size = a.segments[0]!;
  const packet = a.body.subarray(0, size);
  for (const p of [a, b]) {
    for (let i = 0; i < MAX_SEGMENTS; i++) {
      if (p.body.subarray(i * size, (i + 1) * size).some((byte, j) => byte !== packet[j])) throw new Error('the silent Vorbis packets differ');
    }
  }
  const samplesPerPacket = Number(b.granule - a.granule) / MAX_SEGMENTS;
  if (!Number.isInteger(samplesPerPacket) || Number(a.granule) !== (MAX_SEGMENTS - 1) * samplesPerPacket) {
    throw new Error('the silent Vorbis packets do not have one block size');
  }
  return { headers, packet: packet.slice(), samplesPerPacket };
}

/** `seconds` of silence (rounded to whole samples at 8 kHz) as Ogg Vorbis bytes; `serial` names the stream. */
export async function silentOggVorbis(seconds: number, serial: number): Promise<Uint8Array> {
  if (!Number.isFinite(seconds) || seconds <= 0) throw new RangeError(`a silent recording lasts more than 0 seconds (got ${seconds})`);
  template ??= captureTemplate();
  const { headers, packet, samplesPerPacket } = await template;
  const total = Math.round(seconds * SILENCE_SAMPLE_RATE);
  // The first packet decodes to nothing; each later one to samplesPerPacket.
  const packets = Math.ceil(total / samplesPerPacket) + 1;

  const parts: Uint8Array[] = headers.map((page, i) => writePage({ ...page, flags: i === 0 ? FLAG_BOS : 0 }, serial >>> 0, i));
  const fullBody = new Uint8Array(packet.length * MAX_SEGMENTS);
  for (let i = 0; i < MAX_SEGMENTS; i++) fullBody.set(packet, i * packet.length);
  let written = 0;
  let sequence = headers.length;
  while (written < packets) {
    const count = Math.min(MAX_SEGMENTS, packets - written);
    written += count;
    const last = written === packets;
    const page: Page = {
      flags: last ? FLAG_EOS : 0,
      granule: BigInt(last ? total : (written - 1) * samplesPerPacket),
      segments: new Array<number>(count).fill(packet.length),
      body: count === MAX_SEGMENTS ? fullBody : fullBody.subarray(0, count * packet.length),
    };
    parts.push(writePage(page, serial >>> 0, sequence++));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
