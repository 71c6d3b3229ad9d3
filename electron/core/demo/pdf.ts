import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit, { type Font } from '@cantoo/fontkit';
import { deflateSync } from 'node:zlib';
import { degrees, drawImage, PDFDocument, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import type { DemoDoc } from './documents';
import { A4, layoutDocument, type Style, type Surface } from './layout';
import { advanceWidth, Coverage } from './raster';
import { seededRandom } from '../../../shared/random';

/** Demo PDFs: a text PDF as exported from the document system, or a scan of the printout. */

const FILES: Record<Style, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};
/** Fixed, so the demo's files (and their hashes) are the same on every machine and run. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 5, 1, 0, 0));

export interface FontSet {
  bytes: Record<Style, Uint8Array>;
  parsed: Record<Style, Font>;
}

export function loadFonts(resourcesDir: string): FontSet {
  const bytes = {} as Record<Style, Uint8Array>;
  const parsed = {} as Record<Style, Font>;
  for (const [style, file] of Object.entries(FILES) as [Style, string][]) {
    bytes[style] = readFileSync(path.join(resourcesDir, 'fonts', file));
    parsed[style] = withCodePoints(fontkit.create(bytes[style]) as Font);
  }
  return { bytes, parsed };
}

/**
 * fontkit caches a glyph object per id with the code points of its first lookup, and decoding
 * a composite glyph (the raster's outlines, the subsetter when a document is saved) looks up
 * its components with none: the plain a, o, u, ư… under ạ, ộ, ụ, ự…. pdf-lib writes the
 * ToUnicode map from those glyph objects, so a font shared between the raster, the measuring
 * and earlier documents left the text layer without the commonest letters ("KẾ H ẠCH",
 * "Tự d"). Give a cached glyph the code points of the first lookup that knows them.
 */
export function withCodePoints(font: Font): Font {
  const f = font as unknown as {
    getGlyph: (id: number, cps?: number[]) => { codePoints: number[] } | null;
  };
  const getGlyph = f.getGlyph.bind(font);
  f.getGlyph = (id, cps = []) => {
    const g = getGlyph(id, cps);
    if (g && g.codePoints.length === 0 && cps.length > 0) g.codePoints = cps;
    return g;
  };
  return font;
}

/**
 * pdf-lib parses the font again for every document (laying out and subsetting a fresh copy
 * costs ~15 ms per style and document); hand it the already parsed one.
 */
function cachedFontkit(fonts: FontSet): typeof fontkit {
  const byBytes = new Map<Uint8Array, Font>(
    (Object.keys(FILES) as Style[]).map((s) => [fonts.bytes[s], fonts.parsed[s]]),
  );
  return {
    ...fontkit,
    create: ((data: Uint8Array, ...rest: unknown[]) =>
      byBytes.get(data) ??
      (fontkit.create as (...a: unknown[]) => unknown)(data, ...rest)) as typeof fontkit.create,
  };
}

async function newPdf(title: string, fonts: FontSet): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachedFontkit(fonts));
  doc.setTitle(title);
  doc.setProducer('Hồ sơ kiểm chứng (hồ sơ mẫu)');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  return doc;
}

class PdfSurface implements Surface {
  private page: PDFPage;
  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Record<Style, PDFFont>,
    private readonly parsed: Record<Style, Font>,
  ) {
    this.page = doc.addPage([A4.w, A4.h]);
  }
  // pdf-lib measures by shaping the text; plain advances are many times faster and as good.
  width(t: string, size: number, style: Style) {
    return advanceWidth(this.parsed[style], t, size);
  }
  text(t: string, x: number, y: number, size: number, style: Style) {
    this.page.drawText(t, { x, y: A4.h - y, size, font: this.fonts[style], color: rgb(0, 0, 0) });
  }
  rule(x1: number, x2: number, y: number) {
    this.page.drawLine({
      start: { x: x1, y: A4.h - y },
      end: { x: x2, y: A4.h - y },
      thickness: 0.6,
    });
  }
  box(x: number, y: number, w: number, h: number) {
    this.page.drawRectangle({
      x,
      y: A4.h - y - h,
      width: w,
      height: h,
      borderWidth: 1,
      borderColor: rgb(0, 0, 0),
    });
  }
  newPage() {
    this.page = this.doc.addPage([A4.w, A4.h]);
  }
}

/** Draws onto bitmaps at `dpi`, one per page. */
class RasterSurface implements Surface {
  readonly pages: Coverage[] = [];
  private readonly k: number;
  constructor(
    private readonly fonts: Record<Style, Font>,
    dpi: number,
  ) {
    this.k = dpi / 72;
    this.newPage();
  }
  private get cur(): Coverage {
    return this.pages[this.pages.length - 1]!;
  }
  width(t: string, size: number, style: Style) {
    return this.cur.width(this.fonts[style], t, size);
  }
  text(t: string, x: number, y: number, size: number, style: Style) {
    this.cur.text(this.fonts[style], t, x * this.k, y * this.k, size * this.k);
  }
  rule(x1: number, x2: number, y: number) {
    this.cur.rect(x1 * this.k, y * this.k, (x2 - x1) * this.k, 0.8 * this.k);
  }
  box(x: number, y: number, w: number, h: number) {
    const k = this.k;
    this.cur.rect(x * k, y * k, w * k, k);
    this.cur.rect(x * k, (y + h) * k, w * k, k);
    this.cur.rect(x * k, y * k, k, h * k);
    this.cur.rect((x + w) * k, y * k, k, h * k);
  }
  newPage() {
    this.pages.push(new Coverage(Math.round(A4.w * this.k), Math.round(A4.h * this.k)));
  }
}

export async function textPdf(
  d: DemoDoc,
  fonts: FontSet,
): Promise<{ bytes: Uint8Array; pages: number; text: string }> {
  const doc = await newPdf(d.meta.subject ?? d.file, fonts);
  const embedded = {} as Record<Style, PDFFont>;
  for (const style of Object.keys(FILES) as Style[]) {
    embedded[style] = await doc.embedFont(fonts.bytes[style], {
      subset: true,
      customName: FILES[style].replace('.ttf', ''),
    });
  }
  const { pages, text } = layoutDocument(new PdfSurface(doc, embedded, fonts.parsed), d);
  return { bytes: await doc.save(), pages, text };
}

/** The printed, signed page run through an office scanner: greyish paper, no text layer. */
export async function scannedPdf(
  d: DemoDoc,
  fonts: FontSet,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const surface = new RasterSurface(fonts.parsed, 96);
  layoutDocument(surface, d);
  const doc = await newPdf(d.file, fonts);
  const rand = seededRandom(20260320);
  for (const cov of surface.pages) {
    const mask = cov.resolve();
    const grey = new Uint8Array(mask.length);
    for (let i = 0; i < mask.length; i++) {
      const paper = rand() < 0.002 ? 150 : 242;
      grey[i] = Math.round(paper - (paper - 40) * mask[i]!);
    }
    // A raw grey image, deflated by zlib: what a scanner driver writes, without a PNG detour.
    const image = doc.context.register(
      doc.context.stream(deflateSync(grey), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: cov.w,
        Height: cov.h,
        ColorSpace: 'DeviceGray',
        BitsPerComponent: 8,
        Filter: 'FlateDecode',
      }),
    );
    const page = doc.addPage([A4.w, A4.h]);
    const key = page.node.newXObject('Image', image);
    page.pushOperators(
      ...drawImage(key, {
        x: 0,
        y: 0,
        width: A4.w,
        height: A4.h,
        rotate: degrees(0),
        xSkew: degrees(0),
        ySkew: degrees(0),
      }),
    );
  }
  return { bytes: await doc.save(), pages: surface.pages.length };
}
