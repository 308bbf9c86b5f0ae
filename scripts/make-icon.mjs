// Draws the extension's icon (images/icon.png, 256×256) with no drawing tool: a red rounded square,
// a white page with text lines and a folded corner, and a yellow check mark — shapes as distance
// functions, 4×4 supersampled, written as an RGBA PNG with node:zlib. Deterministic: rerunning it
// gives the same bytes.  Usage: node scripts/make-icon.mjs [OUT]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const SS = 4;
const RED = [200, 16, 46];
const WHITE = [255, 255, 255];
const LINE = [200, 206, 214];
const YELLOW = [255, 205, 0];
const SHADOW = [150, 10, 32];

const roundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const cy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return Math.hypot(cx, cy) <= r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const segmentDistance = (x, y, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
};

/** The colour at a point, or undefined (transparent). Later shapes paint over earlier ones. */
function colourAt(x, y) {
  if (!roundedRect(x, y, 8, 8, 248, 248, 44)) return undefined;
  let c = RED;
  // The page, with its top-right corner folded.
  const page = { x0: 62, y0: 40, x1: 178, y1: 212, fold: 34 };
  const inPage = x >= page.x0 && x <= page.x1 && y >= page.y0 && y <= page.y1 && x - page.x1 + page.fold <= y - page.y0;
  if (x >= page.x0 + 6 && x <= page.x1 + 6 && y >= page.y0 + 6 && y <= page.y1 + 6 && !inPage) c = SHADOW;
  if (inPage) {
    c = WHITE;
    for (const [ly, lx1] of [[84, 150], [108, 162], [132, 162], [156, 130]]) {
      if (y >= ly - 5 && y <= ly + 5 && x >= 80 && x <= lx1) c = LINE;
    }
  }
  if (x >= page.x1 - page.fold && x <= page.x1 && y >= page.y0 && y <= page.y0 + page.fold && x - page.x1 + page.fold >= y - page.y0) c = LINE;
  // The check mark, outlined in red so that it stands out on the page and on the background.
  const check = Math.min(segmentDistance(x, y, 128, 170, 158, 200), segmentDistance(x, y, 158, 200, 222, 118));
  if (check <= 22) c = RED;
  if (check <= 14) c = YELLOW;
  return c;
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = colourAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a++;
      }
    }
    const o = (py * SIZE + px) * 4;
    if (a > 0) {
      rgba[o] = Math.round(r / a); rgba[o + 1] = Math.round(g / a); rgba[o + 2] = Math.round(b / a);
    }
    rgba[o + 3] = Math.round((255 * a) / (SS * SS));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(process.argv[2] ?? 'images/icon.png', png);
