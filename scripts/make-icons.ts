/**
 * Writes the add-in's icons (addin/assets/icon-{16,32,64,80}.png): a red rounded square with three
 * rising gold bars (grades). Generated, not drawn, so that the repository needs no image tool and the add-in fetches
 * nothing but Office.js: `npm run icons` rewrites them byte for byte (the output is deterministic).
 *
 * The PNG is the smallest valid form: 8-bit RGBA, one IDAT, filter 0 on every row, zlib-deflated;
 * the edges are anti-aliased by 4×4 supersampling.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** The sizes the manifest references: 16/32/80 for the ribbon, 32 and 64 for IconUrl / HighResolutionIconUrl. */
export const ICON_SIZES = [16, 32, 64, 80] as const;

const RED: Rgba = [200, 16, 46, 255];
const GOLD: Rgba = [255, 215, 0, 255];
type Rgba = readonly [number, number, number, number];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320). */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encode `rgba` (width × height × 4 bytes, row-major) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, filter method 0, no interlace
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (1 + width * 4) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Three rising bars (left, top, right, bottom as fractions of the icon), the chart of the grades. */
const BARS: readonly (readonly [number, number, number, number])[] = [
  [0.2, 0.56, 0.36, 0.8],
  [0.42, 0.4, 0.58, 0.8],
  [0.64, 0.22, 0.8, 0.8],
];

function onBar(size: number, x: number, y: number): boolean {
  return BARS.some(([l, t, r, b]) => x >= l * size && x < r * size && y >= t * size && y < b * size);
}

function inRoundedSquare(size: number, radius: number, x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The icon at `size` × `size` pixels, as RGBA bytes. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const radius = size * 0.18;
  const ss = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const fx = x + (sx + 0.5) / ss;
          const fy = y + (sy + 0.5) / ss;
          if (!inRoundedSquare(size, radius, fx, fy)) continue;
          if (onBar(size, fx, fy)) fg++;
          else bg++;
        }
      }
      const cover = (bg + fg) / (ss * ss);
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        const mix = bg + fg === 0 ? 0 : ((RED[c] ?? 0) * bg + (GOLD[c] ?? 0) * fg) / (bg + fg);
        px[o + c] = Math.round(mix);
      }
      px[o + 3] = Math.round(255 * cover);
    }
  }
  return px;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../addin/assets');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    const png = encodePng(size, size, drawIcon(size));
    writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}  ${png.length} bytes`);
  }
}
