/**
 * Small real images for the demo and tests: a receipt-like greyscale PNG (a paper slip with lines
 * of print), built by hand with zlib so no image library is needed. `seed` varies the lines, so
 * every receipt has bytes (and a hash) of its own.
 */
import { crc32, deflateSync } from 'node:zlib';

const WIDTH = 36;
const HEIGHT = 60;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export function receiptPng(seed: number): Buffer {
  const rows: Buffer[] = [];
  let x = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: line lengths that differ from one receipt to the next
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(1 + WIDTH, 0xf4); // filter byte, then warm-white paper
    row[0] = 0;
    const printed = y > 3 && y < HEIGHT - 4 && y % 4 === 0;
    const length = printed ? Math.floor(8 + next() * (WIDTH - 14)) : 0;
    for (let i = 0; i < length; i++) row[1 + 3 + i] = 0x30 + Math.floor(next() * 0x40);
    // The total, right-aligned, on the last printed line.
    if (y === HEIGHT - 8) for (let i = WIDTH - 12; i < WIDTH - 3; i++) row[1 + i] = 0x20;
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
