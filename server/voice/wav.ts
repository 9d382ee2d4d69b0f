/**
 * WAV (RIFF) reading and writing. Everything inside the voice module works on mono Float32
 * samples in [-1, 1]; WAV is only the door in (clip packs, espeak output) and out (HTTP).
 *
 * The reader is lenient on purpose: a centre drops in recordings made with whatever tool it
 * has (44.1 kHz stereo, 24-bit, float, WAVE_FORMAT_EXTENSIBLE, extra LIST chunks, a data
 * size of 0 or 0xFFFFFFFF written by a streaming recorder), and all of those should load.
 */

export interface Pcm {
  sampleRate: number;
  /** Mono samples in [-1, 1]; multi-channel input is averaged down. */
  samples: Float32Array;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

export class WavError extends Error {
  override name = 'WavError';
}

/** Decodes a RIFF/WAVE file (PCM 8/16/24/32-bit or float 32/64-bit, any channel count). */
export function decodeWav(bytes: Uint8Array): Pcm {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WAVE') {
    throw new WavError('not a RIFF/WAVE file');
  }
  let format: { tag: number; channels: number; sampleRate: number; bits: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = ascii(bytes, offset, 4);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    // Streaming recorders leave the size at 0 or 0xFFFFFFFF: read to the end of the file.
    const size = declared === 0 || body + declared > bytes.byteLength ? bytes.byteLength - body : declared;
    if (id === 'fmt ') {
      if (size < 16) throw new WavError('fmt chunk too short');
      let tag = view.getUint16(body, true);
      if (tag === FORMAT_EXTENSIBLE && size >= 26) tag = view.getUint16(body + 24, true);
      format = {
        tag,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new WavError('data chunk before fmt chunk');
      return { sampleRate: format.sampleRate, samples: readSamples(view, body, size, format) };
    }
    offset = body + size + (size % 2); // chunks are padded to an even length
  }
  throw new WavError('no data chunk');
}

function readSamples(
  view: DataView,
  start: number,
  size: number,
  f: { tag: number; channels: number; sampleRate: number; bits: number },
): Float32Array {
  if (f.channels < 1 || f.channels > 8) throw new WavError(`unsupported channel count ${f.channels}`);
  if (f.sampleRate < 4000 || f.sampleRate > 192000) throw new WavError(`unsupported sample rate ${f.sampleRate}`);
  const read = sampleReader(view, f.tag, f.bits);
  const bytesPerSample = f.bits / 8;
  const frames = Math.floor(size / (bytesPerSample * f.channels));
  const out = new Float32Array(frames);
  let p = start;
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < f.channels; c++, p += bytesPerSample) sum += read(p);
    out[i] = sum / f.channels;
  }
  return out;
}

function sampleReader(view: DataView, tag: number, bits: number): (p: number) => number {
  if (tag === FORMAT_PCM) {
    if (bits === 8) return (p) => (view.getUint8(p) - 128) / 128;
    if (bits === 16) return (p) => view.getInt16(p, true) / 32768;
    if (bits === 24) {
      return (p) => ((view.getInt8(p + 2) << 16) | (view.getUint8(p + 1) << 8) | view.getUint8(p)) / 8388608;
    }
    if (bits === 32) return (p) => view.getInt32(p, true) / 2147483648;
  }
  if (tag === FORMAT_FLOAT) {
    if (bits === 32) return (p) => view.getFloat32(p, true);
    if (bits === 64) return (p) => view.getFloat64(p, true);
  }
  throw new WavError(`unsupported WAV format ${tag} with ${bits} bits`);
}

/** Encodes mono float samples as a 16-bit PCM WAV file (the format every browser plays). */
export function encodeWav(pcm: Pcm): Buffer {
  return wavFromInt16(toInt16(pcm.samples), pcm.sampleRate);
}

/** Float [-1, 1] → 16-bit, rounded (not truncated) so silence stays exactly 0. */
export function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    const c = s > 1 ? 1 : s < -1 ? -1 : s;
    out[i] = Math.round(c < 0 ? c * 32768 : c * 32767);
  }
  return out;
}

export const WAV_HEADER_BYTES = 44;

/**
 * Allocates a mono 16-bit WAV of `frames` samples and returns it with a view on its sample
 * area, so a caller can copy clips straight in: joining clips is then a few memcpy calls,
 * which is what keeps an announcement at about 0.1 ms. With `zeroed: false` the sample area
 * is left uninitialised (the caller writes every sample, silence included: one pass, not two).
 */
export function allocWav(frames: number, sampleRate: number, zeroed = true): { wav: Buffer; samples: Int16Array } {
  const dataBytes = frames * 2;
  // Neither Buffer.alloc nor allocUnsafeSlow hands out a slice of the shared pool, so the
  // sample area starts at byte 44 of its own ArrayBuffer: aligned for an Int16Array view.
  const wav = zeroed ? Buffer.alloc(WAV_HEADER_BYTES + dataBytes) : Buffer.allocUnsafeSlow(WAV_HEADER_BYTES + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(FORMAT_PCM, 20);
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28); // byte rate
  wav.writeUInt16LE(2, 32); // block align
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  if (!LITTLE_ENDIAN) throw new WavError('big-endian hosts are not supported');
  return { wav, samples: new Int16Array(wav.buffer, wav.byteOffset + WAV_HEADER_BYTES, frames) };
}

export function wavFromInt16(samples: Int16Array, sampleRate: number): Buffer {
  const { wav, samples: target } = allocWav(samples.length, sampleRate);
  target.set(samples);
  return wav;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length && i < bytes.byteLength; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}
