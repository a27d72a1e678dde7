/**
 * Bytes whose headers say "PNG of w×h" or "JPEG of w×h", padded to a size: what share.saveImage checks
 * (type, dimensions, byte limit) without an encoder in the tests.
 */
export const pngOf = (width: number, height: number, size = 2_000): Buffer => {
  const head = Buffer.alloc(24);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(head, 0);
  head.writeUInt32BE(13, 8);
  head.write('IHDR', 12, 'latin1');
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 7)]);
};

export const jpegOf = (width: number, height: number, size = 2_000): Buffer => {
  // SOI, an APP0 segment of 16 bytes, then SOF0: length 17, precision 8, height, width.
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.alloc(9);
  sof.writeUInt16BE(0xffc0, 0);
  sof.writeUInt16BE(17, 2);
  sof.writeUInt8(8, 4);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  const head = Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0)]);
};
