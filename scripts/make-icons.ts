import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

// Draws the Tierdesk icon (three stacked tiers on a rounded square) as PNGs
// without image dependencies: npm exec tsx scripts/make-icons.ts
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../build/icons');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function icon(size: number): Buffer {
  const r = size * 0.2;
  return png(size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    const dx = Math.max(0, Math.abs(x + 0.5 - size / 2) - (size / 2 - r));
    const dy = Math.max(0, Math.abs(y + 0.5 - size / 2) - (size / 2 - r));
    if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
    const bars = [
      [0.22, 0.78, 0.24, 0.34],
      [0.3, 0.7, 0.44, 0.54],
      [0.38, 0.62, 0.64, 0.74],
    ];
    const onBar = bars.some(([x0, x1, y0, y1]) => u >= x0! && u <= x1! && v >= y0! && v <= y1!);
    return onBar ? [255, 255, 255, 255] : [31, 95, 191, 255];
  });
}

mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 128, 256, 512, 1024]) writeFileSync(path.join(out, `${size}x${size}.png`), icon(size));
writeFileSync(path.join(out, 'icon.png'), icon(1024));
writeFileSync(path.join(out, 'tray.png'), icon(32));
console.log(`icons written to ${out}`);
