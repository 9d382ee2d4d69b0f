import { describe, expect, it } from 'vitest';
import { WavError, decodeWav, encodeWav } from '../../server/voice/wav';
import { expectValidWav } from './audio';

/** Builds a WAV the way other tools write them (any format, channels, extra chunks). */
function foreignWav(opts: {
  tag: number;
  bits: number;
  channels: number;
  rate: number;
  frames: number[][]; // [frame][channel] in [-1, 1]
  extensible?: boolean;
  extraChunk?: boolean;
  dataSize?: number;
}): Buffer {
  const bps = opts.bits / 8;
  const data = Buffer.alloc(opts.frames.length * opts.channels * bps);
  let p = 0;
  for (const frame of opts.frames) {
    for (const v of frame) {
      if (opts.tag === 3 && opts.bits === 32) data.writeFloatLE(v, p);
      else if (opts.bits === 8) data.writeUInt8(Math.round(v * 127) + 128, p);
      else if (opts.bits === 16) data.writeInt16LE(Math.round(v * 32767), p);
      else if (opts.bits === 24) data.writeIntLE(Math.round(v * 8388607), p, 3);
      p += bps;
    }
  }
  const fmt = Buffer.alloc(opts.extensible ? 40 : 16);
  fmt.writeUInt16LE(opts.extensible ? 0xfffe : opts.tag, 0);
  fmt.writeUInt16LE(opts.channels, 2);
  fmt.writeUInt32LE(opts.rate, 4);
  fmt.writeUInt32LE(opts.rate * opts.channels * bps, 8);
  fmt.writeUInt16LE(opts.channels * bps, 12);
  fmt.writeUInt16LE(opts.bits, 14);
  if (opts.extensible) {
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(opts.tag, 24); // first two bytes of the sub-format GUID
  }
  const chunk = (id: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(id, 0, 'ascii');
    head.writeUInt32LE(id === 'data' && opts.dataSize !== undefined ? opts.dataSize : body.length, 4);
    return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const parts = [chunk('fmt ', fmt)];
  if (opts.extraChunk) parts.push(chunk('LIST', Buffer.from('INFOISFT\x05\x00\x00\x00Tool\x00', 'latin1')));
  parts.push(chunk('data', data));
  const body = Buffer.concat([Buffer.from('WAVE', 'ascii'), ...parts]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

const ramp = [0, 0.25, -0.5, 0.75, -1];

describe('decodeWav', () => {
  it.each([
    ['8-bit PCM', 1, 8],
    ['16-bit PCM', 1, 16],
    ['24-bit PCM', 1, 24],
    ['32-bit float', 3, 32],
  ])('reads %s', (_label, tag, bits) => {
    const pcm = decodeWav(foreignWav({ tag, bits, channels: 1, rate: 16000, frames: ramp.map((v) => [v]) }));
    expect(pcm.sampleRate).toBe(16000);
    expect(pcm.samples).toHaveLength(ramp.length);
    ramp.forEach((v, i) => expect(Math.abs((pcm.samples[i] ?? 9) - v)).toBeLessThan(bits === 8 ? 0.02 : 1e-4));
  });

  it('mixes stereo down to mono, skips unknown chunks and reads WAVE_FORMAT_EXTENSIBLE', () => {
    const wav = foreignWav({
      tag: 1,
      bits: 24,
      channels: 2,
      rate: 44100,
      frames: [
        [0.5, 0.5],
        [1, 0],
        [-0.5, 0.5],
      ],
      extensible: true,
      extraChunk: true,
    });
    const pcm = decodeWav(wav);
    expect(pcm.sampleRate).toBe(44100);
    expect([...pcm.samples].map((v) => Math.round(v * 100) / 100)).toEqual([0.5, 0.5, 0]);
  });

  it('reads a streaming recorder’s file whose data size was never filled in', () => {
    const pcm = decodeWav(foreignWav({ tag: 1, bits: 16, channels: 1, rate: 8000, frames: ramp.map((v) => [v]), dataSize: 0 }));
    expect(pcm.samples).toHaveLength(ramp.length);
  });

  it.each([
    ['not RIFF', Buffer.from('ID3\x03 this is an mp3 really')],
    ['empty', Buffer.alloc(0)],
    ['no data chunk', foreignWav({ tag: 1, bits: 16, channels: 1, rate: 8000, frames: [] }).subarray(0, 36)],
    ['A-law', foreignWav({ tag: 6, bits: 8, channels: 1, rate: 8000, frames: [[0]] })],
  ])('refuses %s', (_label, bytes) => {
    expect(() => decodeWav(bytes)).toThrow(WavError);
  });
});

describe('encodeWav', () => {
  it('writes a canonical mono 16-bit file that reads back the same', () => {
    const samples = Float32Array.from(ramp);
    const wav = encodeWav({ sampleRate: 22050, samples });
    const checked = expectValidWav(wav);
    expect(checked.sampleRate).toBe(22050);
    expect([...checked.samples]).toEqual([0, 8192, -16384, 24575, -32768]);
    expect([...decodeWav(wav).samples].map((v) => Math.round(v * 1000) / 1000)).toEqual(ramp);
  });

  it('clips out-of-range samples instead of wrapping around', () => {
    const checked = expectValidWav(encodeWav({ sampleRate: 8000, samples: Float32Array.from([1.5, -2]) }));
    expect([...checked.samples]).toEqual([32767, -32768]);
  });
});
