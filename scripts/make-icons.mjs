#!/usr/bin/env node
// Makes every app icon in resources/ from ONE source image: the shape list `ICON` below (a paper
// plane on a teal rounded square). No image library and no internet: shapes are rasterised here
// with 8×8 supersampling and written as PNG (node:zlib), Windows .ico and macOS .icns. The same
// shapes are also written as resources/icon.svg for viewing and editing. Output is deterministic;
// a unit test re-renders it and compares with the committed files.
//   node scripts/make-icons.mjs          writes the files
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The source image, in a 0..1 square. Painted in order; colours are sRGB hex. */
export const ICON = {
  background: { inset: 0.08, radius: 0.2, top: '#16a394', bottom: '#0b5f58' },
  shapes: [
    // Shadow under the plane, then its two wings and the fold beneath.
    { kind: 'polygon', color: '#0a4f49', alpha: 0.35, points: [[0.8, 0.27], [0.22, 0.52], [0.46, 0.61], [0.6, 0.83]] },
    { kind: 'polygon', color: '#ffffff', points: [[0.78, 0.24], [0.2, 0.49], [0.44, 0.58]] },
    { kind: 'polygon', color: '#dff5f2', points: [[0.78, 0.24], [0.44, 0.58], [0.58, 0.8]] },
    { kind: 'polygon', color: '#9fd9d1', points: [[0.44, 0.58], [0.47, 0.72], [0.53, 0.65]] },
  ],
};

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** icns entry types and the pixel size each holds (PNG-encoded, macOS 10.7+). */
export const ICNS_TYPES = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];

const hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

function insidePolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x, y, inset, radius) {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  if (x < inset || x > 1 - inset || y < inset || y > 1 - inset) return false;
  const dx = x < lo ? lo - x : x > hi ? x - hi : 0;
  const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
  return dx * dx + dy * dy <= radius * radius;
}

/** RGBA pixels (straight alpha) of the icon at `size`×`size`. */
export function render(size, icon = ICON) {
  const ss = size >= 512 ? 4 : 8;
  const out = Buffer.alloc(size * size * 4);
  const bg = icon.background;
  const top = hex(bg.top);
  const bottom = hex(bg.bottom);
  const shapes = icon.shapes.map((s) => ({ ...s, rgb: hex(s.color), a: s.alpha ?? 1 }));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        const y = (py + (sy + 0.5) / ss) / size;
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          if (!insideRoundedSquare(x, y, bg.inset, bg.radius)) continue;
          const t = (y - bg.inset) / (1 - 2 * bg.inset);
          let cr = top[0] + (bottom[0] - top[0]) * t;
          let cg = top[1] + (bottom[1] - top[1]) * t;
          let cb = top[2] + (bottom[2] - top[2]) * t;
          for (const s of shapes) {
            if (insidePolygon(x, y, s.points)) {
              cr += (s.rgb[0] - cr) * s.a;
              cg += (s.rgb[1] - cg) * s.a;
              cb += (s.rgb[2] - cb) * s.a;
            }
          }
          r += cr; g += cg; b += cb; a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG (8-bit RGBA, no filtering) of `rgba` pixels. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A 32-bit BMP (DIB) icon entry: what every Windows version and NSIS read for the small sizes. */
function encodeDib(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = ((size - 1 - y) * size + x) * 4; // bottom-up, BGRA
      pixels[d] = rgba[s + 2];
      pixels[d + 1] = rgba[s + 1];
      pixels[d + 2] = rgba[s];
      pixels[d + 3] = rgba[s + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]); // mask all 0: alpha decides
}

/** Windows .ico: BMP entries below 256 px, a PNG entry at 256 px. */
export function encodeIco(images) {
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  const bodies = [];
  images.forEach(({ size, rgba }, i) => {
    const body = size >= 256 ? encodePng(size, rgba) : encodeDib(size, rgba);
    const e = 6 + 16 * i;
    head[e] = size >= 256 ? 0 : size;
    head[e + 1] = size >= 256 ? 0 : size;
    head.writeUInt16LE(1, e + 4); // planes
    head.writeUInt16LE(32, e + 6); // bits per pixel
    head.writeUInt32LE(body.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += body.length;
    bodies.push(body);
  });
  return Buffer.concat([head, ...bodies]);
}

/** macOS .icns with PNG entries. */
export function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([h, png]);
  });
  const total = 8 + parts.reduce((n, p) => n + p.length, 0);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(total, 4);
  return Buffer.concat([h, ...parts]);
}

export function toSvg(icon = ICON) {
  const bg = icon.background;
  const n = (v) => +(v * 1024).toFixed(2);
  const side = n(1 - 2 * bg.inset);
  const shapes = icon.shapes
    .map((s) => `  <polygon points="${s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="${s.color}"${s.alpha !== undefined ? ` fill-opacity="${s.alpha}"` : ''}/>`)
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <!-- Generated by scripts/make-icons.mjs from its ICON shape list: edit there, then run it. -->
  <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${bg.top}"/><stop offset="1" stop-color="${bg.bottom}"/></linearGradient></defs>
  <rect x="${n(bg.inset)}" y="${n(bg.inset)}" width="${side}" height="${side}" rx="${n(bg.radius)}" fill="url(#bg)"/>
${shapes}
</svg>
`;
}

/** Every generated file, relative to resources/. */
export function renderAll() {
  const rgba = new Map(PNG_SIZES.map((s) => [s, render(s)]));
  const png = new Map(PNG_SIZES.map((s) => [s, encodePng(s, rgba.get(s))]));
  const files = new Map();
  files.set('icon.svg', Buffer.from(toSvg()));
  files.set('icon.png', png.get(1024));
  for (const s of PNG_SIZES.filter((s) => s <= 512)) files.set(`icons/${s}x${s}.png`, png.get(s));
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, rgba: rgba.get(size) }))));
  files.set('icon.icns', encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png.get(size) }))));
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const resources = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources');
  for (const [name, bytes] of renderAll()) {
    fs.mkdirSync(path.dirname(path.join(resources, name)), { recursive: true });
    fs.writeFileSync(path.join(resources, name), bytes);
    console.log(`resources/${name} (${bytes.length} bytes)`);
  }
}
