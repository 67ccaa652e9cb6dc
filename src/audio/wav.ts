import { ReelpressError } from "../errors.js";

/** Audio as reelpress handles it: float samples in −1…1, one array per channel. */
export interface PcmAudio {
  sampleRate: number;
  channels: Float32Array[];
}

export function durationMs(audio: PcmAudio): number {
  return ((audio.channels[0]?.length ?? 0) / audio.sampleRate) * 1000;
}

/** Reads a RIFF/WAVE file: 8/16/24/32-bit PCM or 32/64-bit float, any channel count. */
export function decodeWav(bytes: Uint8Array, name = "audio"): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (bytes.length < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw new ReelpressError("E_MEDIA", `${name} is not a WAV file`);
  let format: { code: number; channels: number; rate: number; bits: number } | null = null;
  let data: { at: number; size: number } | null = null;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = tag(at);
    let size = view.getUint32(at + 4, true);
    // Streamed WAVs (espeak-ng writing to a pipe) leave the data size at 0 or 0xFFFFFFFF.
    if (id === "data" && (size === 0 || size === 0xffffffff || at + 8 + size > bytes.length)) size = bytes.length - at - 8;
    if (id === "fmt ") {
      let code = view.getUint16(at + 8, true);
      if (code === 0xfffe && size >= 26) code = view.getUint16(at + 32, true); // WAVE_FORMAT_EXTENSIBLE
      format = { code, channels: view.getUint16(at + 10, true), rate: view.getUint32(at + 12, true), bits: view.getUint16(at + 22, true) };
    } else if (id === "data") data = { at: at + 8, size };
    at += 8 + size + (size % 2);
  }
  if (!format || !data) throw new ReelpressError("E_MEDIA", `${name} has no ${format ? "data" : "fmt"} chunk`);
  const { code, channels: count, rate, bits } = format;
  const pcm = code === 1;
  const float = code === 3;
  if (!(pcm && [8, 16, 24, 32].includes(bits)) && !(float && (bits === 32 || bits === 64))) {
    throw new ReelpressError("E_MEDIA", `${name}: unsupported WAV encoding (format ${code}, ${bits} bits)`);
  }
  const step = bits / 8;
  const frames = Math.floor(data.size / (step * count));
  const channels = Array.from({ length: count }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i += 1) {
    for (let c = 0; c < count; c += 1) {
      const at = data.at + (i * count + c) * step;
      let v: number;
      if (float) v = bits === 32 ? view.getFloat32(at, true) : view.getFloat64(at, true);
      else if (bits === 8) v = (view.getUint8(at) - 128) / 128;
      else if (bits === 16) v = view.getInt16(at, true) / 32768;
      else if (bits === 24) v = ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608);
      else v = view.getInt32(at, true) / 2147483648;
      channels[c]![i] = v;
    }
  }
  return { sampleRate: rate, channels };
}

/** Writes 16-bit PCM (dithering is not worth it at the levels a mix ends at) or 32-bit float WAV. */
export function encodeWav(audio: PcmAudio, encoding: "pcm16" | "float32" = "pcm16"): Buffer {
  const count = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const step = encoding === "pcm16" ? 2 : 4;
  const size = frames * count * step;
  const out = Buffer.alloc(44 + size);
  out.write("RIFF", 0, "latin1");
  out.writeUInt32LE(36 + size, 4);
  out.write("WAVE", 8, "latin1");
  out.write("fmt ", 12, "latin1");
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(encoding === "pcm16" ? 1 : 3, 20);
  out.writeUInt16LE(count, 22);
  out.writeUInt32LE(audio.sampleRate, 24);
  out.writeUInt32LE(audio.sampleRate * count * step, 28);
  out.writeUInt16LE(count * step, 32);
  out.writeUInt16LE(step * 8, 34);
  out.write("data", 36, "latin1");
  out.writeUInt32LE(size, 40);
  let at = 44;
  for (let i = 0; i < frames; i += 1) {
    for (let c = 0; c < count; c += 1) {
      const v = audio.channels[c]![i]!;
      if (encoding === "pcm16") out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v * 32767))), at);
      else out.writeFloatLE(v, at);
      at += step;
    }
  }
  return out;
}
