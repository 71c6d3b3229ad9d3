/**
 * Draws generated pages and stamps. pdf-lib's drawText shapes every string with fontkit, which
 * made the volume's own pages the slowest part of the export (two seconds for 600 pages);
 * here each character is encoded once per font (no ligatures, no shaping is needed for
 * Vietnamese in NFC: every letter is one precomposed glyph) and the page's content stream is
 * written directly and compressed with zlib.
 */
import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFFont, PDFPage } from '@cantoo/pdf-lib';
import type { Op } from './layout/display';
import type { Style } from './layout/metrics';
import { lib } from './pdflib';

/** Per-character glyph codes and widths of one embedded (subset) font. */
export class GlyphCache {
  private readonly hexes = new Map<string, string>();
  private readonly widths = new Map<string, number>();

  constructor(readonly font: PDFFont) {}

  private glyph(ch: string): string {
    let h = this.hexes.get(ch);
    if (h === undefined) {
      h = this.font.encodeText(ch).toString().slice(1, -1);
      this.hexes.set(ch, h);
      this.widths.set(ch, this.font.widthOfTextAtSize(ch, 1000) / 1000);
    }
    return h;
  }

  hex(text: string): string {
    let out = '';
    for (const ch of text.normalize('NFC')) out += this.glyph(ch);
    return out;
  }

  width(text: string, size: number): number {
    let w = 0;
    for (const ch of text.normalize('NFC')) {
      this.glyph(ch);
      w += this.widths.get(ch)!;
    }
    return w * size;
  }
}

export const FONT_KEYS: Record<Style, string> = { regular: 'F1', bold: 'F2', italic: 'F3' };

const n = (v: number) => String(Math.round(v * 100) / 100);

/** Content-stream operators for the display list (links and file icons are annotations). */
export function opsToContent(ops: Op[], glyphs: Record<Style, GlyphCache>): string {
  const out: string[] = [];
  for (const op of ops) {
    if (op.k === 't') {
      const hex = glyphs[op.style].hex(op.text);
      if (!hex) continue;
      out.push(
        `BT /${FONT_KEYS[op.style]} ${n(op.size)} Tf ${n(op.gray ?? 0)} g 1 0 0 1 ${n(op.x)} ${n(op.y)} Tm <${hex}> Tj ET`,
      );
    } else if (op.k === 'l') {
      out.push(
        `${n(op.gray ?? 0)} G ${n(op.width)} w ${n(op.x1)} ${n(op.y1)} m ${n(op.x2)} ${n(op.y2)} l S`,
      );
    } else if (op.k === 'b') {
      out.push(`0 G ${n(op.width)} w ${n(op.x)} ${n(op.y)} ${n(op.w)} ${n(op.h)} re S`);
    } else if (op.k === 'r') {
      out.push(`${n(op.fill)} g ${n(op.x)} ${n(op.y)} ${n(op.w)} ${n(op.h)} re f`);
    }
  }
  return out.join('\n');
}

/** Gives the page its fonts and its (compressed) content. */
export function setPageContent(
  doc: PDFDocument,
  page: PDFPage,
  content: string,
  fonts: Record<Style, PDFFont>,
): void {
  const { PDFName } = lib();
  const ctx = doc.context;
  const fontDict = ctx.obj({});
  for (const s of Object.keys(FONT_KEYS) as Style[])
    fontDict.set(PDFName.of(FONT_KEYS[s]), fonts[s].ref);
  page.node.set(PDFName.of('Resources'), ctx.obj({ Font: fontDict }));
  const stream = ctx.stream(deflateSync(Buffer.from(`q\n${content}\nQ\n`, 'latin1')), {
    Filter: 'FlateDecode',
  });
  page.node.set(PDFName.of('Contents'), ctx.register(stream));
}
