/**
 * Where a source page goes on the dossier's A4 page. Every evidence page becomes an A4 page in
 * its own orientation; its visible area is scaled (never enlarged) to fit above the stamp band
 * and centred, so the stamp never covers the document. A page with /Rotate keeps it: the
 * computation runs in the page's unrotated space and the stamp is turned to read upright.
 */
import { A4, FOOT } from './layout/display';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** [a b c d e f] */
export type Matrix = [number, number, number, number, number, number];

export interface Placement {
  rotate: 0 | 90 | 180 | 270;
  /** The new MediaBox, in the unrotated space: [0 0 width height]. */
  width: number;
  height: number;
  /** Displayed size (what the reader sees). */
  displayWidth: number;
  displayHeight: number;
  /** Maps the source page's user space into the new page. */
  cm: Matrix;
  scale: number;
}

export function normaliseRotation(r: number): 0 | 90 | 180 | 270 {
  const q = Math.round((((r % 360) + 360) % 360) / 90) % 4;
  return (q * 90) as 0 | 90 | 180 | 270;
}

export function placePage(box: Box, rotation: number, band = FOOT.band): Placement {
  const rotate = normaliseRotation(rotation);
  const turned = rotate === 90 || rotate === 270;
  const dw = turned ? box.h : box.w;
  const dh = turned ? box.w : box.h;
  const landscape = dw > dh;
  const ow = landscape ? A4.h : A4.w;
  const oh = landscape ? A4.w : A4.h;
  const uw = turned ? oh : ow;
  const uh = turned ? ow : oh;
  const availH = oh - band;
  const scale = Math.min(1, ow / dw, availH / dh);
  // The displayed rectangle of the scaled page.
  const dx0 = (ow - scale * dw) / 2;
  const dy0 = band + (availH - scale * dh) / 2;
  let ux0: number;
  let uy0: number;
  if (rotate === 0) [ux0, uy0] = [dx0, dy0];
  else if (rotate === 90) [ux0, uy0] = [uw - dy0 - scale * dh, dx0];
  else if (rotate === 180) [ux0, uy0] = [uw - dx0 - scale * dw, uh - dy0 - scale * dh];
  else [ux0, uy0] = [dy0, uh - dx0 - scale * dw];
  return {
    rotate,
    width: uw,
    height: uh,
    displayWidth: ow,
    displayHeight: oh,
    cm: [scale, 0, 0, scale, ux0 - scale * box.x, uy0 - scale * box.y],
    scale,
  };
}

/**
 * The text matrix that writes upright for the reader at display point (x, y) on a page with
 * this rotation and unrotated size.
 */
export function uprightAt(
  rotate: number,
  width: number,
  height: number,
  x: number,
  y: number,
): Matrix {
  switch (normaliseRotation(rotate)) {
    case 90:
      return [0, 1, -1, 0, width - y, x];
    case 180:
      return [-1, 0, 0, -1, width - x, height - y];
    case 270:
      return [0, -1, 1, 0, y, height - x];
    default:
      return [1, 0, 0, 1, x, y];
  }
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The axis-aligned box of a rectangle after a matrix (annotation rectangles). */
export function transformRect(
  m: Matrix,
  r: [number, number, number, number],
): [number, number, number, number] {
  const pts = [
    apply(m, r[0], r[1]),
    apply(m, r[2], r[3]),
    apply(m, r[0], r[3]),
    apply(m, r[2], r[1]),
  ];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Image placement: EXIF orientation, A4 in the image's displayed orientation, fit in margins. */
export function placeImage(
  pxWidth: number,
  pxHeight: number,
  orientation: number,
): { pageWidth: number; pageHeight: number; cm: Matrix } {
  const turned = orientation >= 5 && orientation <= 8;
  const dwPx = turned ? pxHeight : pxWidth;
  const dhPx = turned ? pxWidth : pxHeight;
  const landscape = dwPx > dhPx;
  const pw = landscape ? A4.h : A4.w;
  const ph = landscape ? A4.w : A4.h;
  const margin = 28;
  const bottom = FOOT.band + 6;
  const availW = pw - 2 * margin;
  const availH = ph - margin - bottom;
  // Screens and cameras carry no trustworthy size: take 96 dpi, shrink to fit, never enlarge.
  const natW = dwPx * 0.75;
  const natH = dhPx * 0.75;
  const s = Math.min(1, availW / natW, availH / natH);
  const w = natW * s;
  const h = natH * s;
  const x = (pw - w) / 2;
  const y = bottom + (availH - h) / 2;
  let cm: Matrix;
  switch (orientation) {
    case 3:
    case 4:
      cm = [-w, 0, 0, -h, x + w, y + h];
      break;
    case 5:
    case 8:
      cm = [0, h, -w, 0, x + w, y];
      break;
    case 6:
    case 7:
      cm = [0, -h, w, 0, x, y + h];
      break;
    default:
      cm = [w, 0, 0, h, x, y];
  }
  return { pageWidth: pw, pageHeight: ph, cm };
}

/** EXIF orientation (1–8) of a JPEG, 1 when absent or unreadable. */
export function jpegOrientation(bytes: Uint8Array): number {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return 1;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return 1;
    const marker = b[i + 1]!;
    if (marker === 0xda || marker === 0xd9) return 1;
    const len = b.readUInt16BE(i + 2);
    if (marker === 0xe1 && b.toString('latin1', i + 4, i + 10) === 'Exif\0\0') {
      return exifOrientation(b.subarray(i + 10, i + 2 + len));
    }
    i += 2 + len;
  }
  return 1;
}

function exifOrientation(t: Buffer): number {
  if (t.length < 8) return 1;
  const le = t.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > t.length) return 1;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > t.length) break;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}
