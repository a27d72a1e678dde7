import { inflateSync } from 'node:zlib';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 8 bits a channel, row after row. */
  rgba: Uint8Array;
}

/**
 * Decodes an 8-bit RGBA or RGB, non-interlaced PNG (what resvg writes) with nothing but zlib, so a test can look
 * at the pixels of the very file a bulletin stored: the signature, IHDR, IDAT inflated and its row filters undone.
 */
export const decodePng = (bytes: Uint8Array): DecodedPng => {
  const buf = Buffer.from(bytes);
  if (!PNG_SIGNATURE.every((b, i) => buf[i] === b)) throw new Error('not a PNG: bad signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colorType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      if (depth !== 8 || interlace !== 0 || (colorType !== 6 && colorType !== 2)) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${interlace}`);
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i += 1) {
      const a = i >= channels ? (cur[i - channels] as number) : 0;
      const b = prev[i] as number;
      const c = i >= channels ? (prev[i - channels] as number) : 0;
      const x = line[i] as number;
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      } else throw new Error(`bad PNG row filter ${filter}`);
      cur[i] = v & 0xff;
    }
    for (let px = 0; px < width; px += 1) {
      const o = (y * width + px) * 4;
      out[o] = cur[px * channels] as number;
      out[o + 1] = cur[px * channels + 1] as number;
      out[o + 2] = cur[px * channels + 2] as number;
      out[o + 3] = channels === 4 ? (cur[px * channels + 3] as number) : 255;
    }
    prev = cur;
  }
  return { width, height, rgba: out };
};

/** How many pixels of a region differ from `background` (an RGB hex) by more than a faint anti-alias. */
export const inkPixels = (png: DecodedPng, background: string, region = { x: 0, y: 0, width: png.width, height: png.height }): number => {
  const bg = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  let n = 0;
  for (let y = region.y; y < region.y + region.height; y += 1)
    for (let x = region.x; x < region.x + region.width; x += 1) {
      const o = (y * png.width + x) * 4;
      if (Math.abs((png.rgba[o] as number) - (bg[0] as number)) + Math.abs((png.rgba[o + 1] as number) - (bg[1] as number)) + Math.abs((png.rgba[o + 2] as number) - (bg[2] as number)) > 48) n += 1;
    }
  return n;
};
