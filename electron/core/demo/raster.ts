import { crc32, deflateSync } from 'node:zlib';
import type { Font } from '@cantoo/fontkit';

/**
 * Just enough raster graphics for the demo's scan and screenshot: anti-aliased text from the
 * bundled font's outlines (signed-area accumulation, as in font-rs), filled rectangles, and a
 * PNG encoder. No canvas package: the demo must build from what the app already ships.
 */

interface GlyphShape {
  advance: number;
  /** Outline flattened to edges x0, y0, x1, y1 in font units (y up). */
  edges: Float32Array;
}

const shapes = new WeakMap<Font, Map<number, GlyphShape>>();

/**
 * One glyph per code point, no shaping: Liberation Serif has every precomposed Vietnamese
 * letter, and the demo's text is NFC. Outlines are flattened once per font and reused.
 */
function shapeOf(font: Font, cp: number): GlyphShape {
  let byCp = shapes.get(font);
  if (!byCp) shapes.set(font, (byCp = new Map()));
  const hit = byCp.get(cp);
  if (hit) return hit;
  const g = font.glyphForCodePoint(cp);
  const out: number[] = [];
  let sx = 0;
  let sy = 0;
  let cx = 0;
  let cy = 0;
  const to = (nx: number, ny: number) => {
    out.push(cx, cy, nx, ny);
    [cx, cy] = [nx, ny];
  };
  for (const c of g?.path.commands ?? []) {
    const a = c.args as number[];
    if (c.command === 'moveTo') {
      [cx, cy] = [a[0]!, a[1]!];
      [sx, sy] = [cx, cy];
    } else if (c.command === 'lineTo') {
      to(a[0]!, a[1]!);
    } else if (c.command === 'quadraticCurveTo') {
      const [x0, y0] = [cx, cy];
      for (let k = 1; k <= 6; k++) {
        const t = k / 6;
        const u = 1 - t;
        to(
          u * u * x0 + 2 * u * t * a[0]! + t * t * a[2]!,
          u * u * y0 + 2 * u * t * a[1]! + t * t * a[3]!,
        );
      }
    } else if (c.command === 'bezierCurveTo') {
      const [x0, y0] = [cx, cy];
      for (let k = 1; k <= 8; k++) {
        const t = k / 8;
        const u = 1 - t;
        to(
          u * u * u * x0 + 3 * u * u * t * a[0]! + 3 * u * t * t * a[2]! + t * t * t * a[4]!,
          u * u * u * y0 + 3 * u * u * t * a[1]! + 3 * u * t * t * a[3]! + t * t * t * a[5]!,
        );
      }
    } else if (c.command === 'closePath') {
      to(sx, sy);
    }
  }
  const shape = { advance: g?.advanceWidth ?? 0, edges: Float32Array.from(out) };
  byCp.set(cp, shape);
  return shape;
}

/** Width of a line of text, from glyph advances (no kerning: enough to break and centre lines). */
export function advanceWidth(font: Font, str: string, size: number): number {
  let w = 0;
  for (const ch of str.normalize('NFC')) w += shapeOf(font, ch.codePointAt(0)!).advance;
  return (w * size) / font.unitsPerEm;
}

export class Coverage {
  readonly acc: Float32Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.acc = new Float32Array(w * h + 4);
  }

  /** Adds the signed area of one edge; y grows downward. */
  private line(x0: number, y0: number, x1: number, y1: number): void {
    if (y0 === y1) return;
    const dir = y0 < y1 ? 1 : -1;
    if (dir < 0) [x0, y0, x1, y1] = [x1, y1, x0, y0];
    const { w, h, acc: a } = this;
    const dxdy = (x1 - x0) / (y1 - y0);
    let x = x0;
    if (y0 < 0) x -= y0 * dxdy;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(h, Math.ceil(y1)); y++) {
      const row = y * w;
      const dy = Math.min(y + 1, y1) - Math.max(y, y0);
      const xnext = x + dxdy * dy;
      const d = dy * dir;
      const xa = Math.min(x, xnext);
      const xb = Math.max(x, xnext);
      const xaf = Math.floor(xa);
      const xai = xaf;
      const xbc = Math.ceil(xb);
      if (xbc <= xai + 1) {
        const xmf = 0.5 * (x + xnext) - xaf;
        a[row + xai]! += d - d * xmf;
        a[row + xai + 1]! += d * xmf;
      } else {
        const s = 1 / (xb - xa);
        const x0f = xa - xaf;
        const a0 = 0.5 * s * (1 - x0f) * (1 - x0f);
        const x1f = xb - xbc + 1;
        const am = 0.5 * s * x1f * x1f;
        a[row + xai]! += d * a0;
        if (xbc === xai + 2) {
          a[row + xai + 1]! += d * (1 - a0 - am);
        } else {
          const a1 = s * (1.5 - x0f);
          a[row + xai + 1]! += d * (a1 - a0);
          for (let xi = xai + 2; xi < xbc - 1; xi++) a[row + xi]! += d * s;
          const a2 = a1 + (xbc - xai - 3) * s;
          a[row + xbc - 1]! += d * (1 - a2 - am);
        }
        a[row + xbc]! += d * am;
      }
      x = xnext;
    }
  }

  private clampedLine(x0: number, y0: number, x1: number, y1: number): void {
    const max = this.w - 2;
    this.line(x0 < 0 ? 0 : x0 > max ? max : x0, y0, x1 < 0 ? 0 : x1 > max ? max : x1, y1);
  }

  /** A filled polygon (points in pixels). */
  polygon(pts: [number, number][]): void {
    pts.forEach(([x, y], i) => {
      const [nx, ny] = pts[(i + 1) % pts.length]!;
      this.clampedLine(x, y, nx, ny);
    });
  }

  /** A filled rectangle (rules, boxes). */
  rect(x: number, y: number, w: number, h: number): void {
    this.clampedLine(x, y, x, y + h);
    this.clampedLine(x + w, y + h, x + w, y);
  }

  /** Draws text with its baseline at y (pixels); returns the advance in pixels. */
  text(font: Font, str: string, x: number, y: number, sizePx: number): number {
    const scale = sizePx / font.unitsPerEm;
    let pen = x;
    for (const ch of str.normalize('NFC')) {
      const g = shapeOf(font, ch.codePointAt(0)!);
      const e = g.edges;
      for (let i = 0; i < e.length; i += 4) {
        this.clampedLine(
          pen + e[i]! * scale,
          y - e[i + 1]! * scale,
          pen + e[i + 2]! * scale,
          y - e[i + 3]! * scale,
        );
      }
      pen += g.advance * scale;
    }
    return pen - x;
  }

  width(font: Font, str: string, sizePx: number): number {
    return advanceWidth(font, str, sizePx);
  }

  /** Coverage 0…1 per pixel. */
  resolve(): Float32Array {
    const out = new Float32Array(this.w * this.h);
    const a = this.acc;
    let acc = 0;
    for (let i = 0; i < out.length; i++) {
      acc += a[i]!;
      const v = acc < 0 ? -acc : acc;
      out[i] = v > 1 ? 1 : v;
    }
    return out;
  }
}

/** An RGB image with rectangles and text blended in. */
export class Picture {
  readonly px: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
    bg: [number, number, number],
  ) {
    this.px = new Uint8Array(w * h * 3);
    this.rect(0, 0, w, h, bg);
  }

  rect(x: number, y: number, w: number, h: number, [r, g, b]: [number, number, number]): void {
    const px = this.px;
    // Integer pixel bounds: a fractional index into a typed array is a slow no-op.
    const x0 = Math.max(0, Math.round(x));
    const x1 = Math.min(this.w, Math.round(x + w));
    const y1 = Math.min(this.h, Math.round(y + h));
    for (let yy = Math.max(0, Math.round(y)); yy < y1; yy++) {
      for (let o = (yy * this.w + x0) * 3, end = (yy * this.w + x1) * 3; o < end; o += 3) {
        px[o] = r;
        px[o + 1] = g;
        px[o + 2] = b;
      }
    }
  }

  /** Blends a colour through a coverage mask (text drawn in one colour). */
  paint(mask: Coverage, [r, g, b]: [number, number, number]): void {
    const px = this.px;
    const a = mask.acc;
    const n = this.w * this.h;
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc += a[i]!;
      if (acc > -1e-4 && acc < 1e-4) continue;
      const v = Math.min(1, acc < 0 ? -acc : acc);
      const o = i * 3;
      px[o] = px[o]! + (r - px[o]!) * v;
      px[o + 1] = px[o + 1]! + (g - px[o + 1]!) * v;
      px[o + 2] = px[o + 2]! + (b - px[o + 2]!) * v;
    }
  }
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** PNG from 8-bit grey (channels 1) or RGB (channels 3) pixels; deterministic bytes. */
export function encodePng(w: number, h: number, channels: 1 | 3, px: Uint8Array): Buffer {
  const stride = w * channels;
  const raw = Buffer.alloc((stride + 1) * h);
  for (let y = 0; y < h; y++) {
    // Filter "Sub": flat areas and text compress several times better than unfiltered.
    raw[y * (stride + 1)] = 1;
    for (let i = 0; i < stride; i++) {
      const v = px[y * stride + i]!;
      const left = i >= channels ? px[y * stride + i - channels]! : 0;
      raw[y * (stride + 1) + 1 + i] = (v - left) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = channels === 1 ? 0 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array()),
  ]);
}
