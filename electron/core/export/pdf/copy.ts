/**
 * One document into a volume (runs in a worker): read the PDF or image, copy all its pages in
 * one copyPages call, put each on A4 above the stamp band, stamp it, and write every object the
 * pages need at reserved places in the volume file. Nothing of the document stays in memory.
 */
import { readFileSync } from 'node:fs';
import type { PDFDocument, PDFObject, PDFPage, PDFRef } from '@cantoo/pdf-lib';
import type { DocJob, DocResult, PageStamp } from './model';
import { evidenceStamp, STAMP_FONT } from './stamp';
import { jpegOrientation, placeImage, placePage, transformRect } from './place';
import { lib } from './pdflib';
import { shareNumbers, type VolumeWriter } from './writer';

/** A document whose page count is not what the layout assumed; the layout is redone. */
export class PageCountMismatch extends Error {
  constructor(
    readonly docId: number,
    readonly actual: number,
  ) {
    super(`page count ${actual}`);
    this.name = 'PageCountMismatch';
  }
}

export async function copyDocument(job: DocJob, writer: VolumeWriter): Promise<DocResult> {
  const { PDFDocument, ParseSpeeds } = lib();
  const sink = await PDFDocument.create({ updateMetadata: false });
  shareNumbers(sink.context, writer);
  const external = new Set<number>([job.refs.fontRef, ...job.parents]);
  let pages: PDFPage[];
  let heights: number[];
  let byContents = new Map<PDFObject, PDFRef>();
  if (job.doc.kind === 'image') {
    const page = await imagePage(sink, job);
    pages = [page.page];
    heights = [page.height];
  } else {
    let bytes: Uint8Array | null = readFileSync(job.doc.path);
    const src = await PDFDocument.load(bytes, {
      parseSpeed: ParseSpeeds.Fastest,
      updateMetadata: false,
      throwOnInvalidObject: false,
      // Opens (decrypts) PDFs restricted by an owner password only; a user password still fails.
      password: '',
    });
    bytes = null;
    const count = src.getPageCount();
    if (count !== job.doc.pages) throw new PageCountMismatch(job.doc.id, count);
    if (count === 0) throw new Error('Tệp PDF không có trang nào.');
    assertPagesReadable(src);
    sanitiseSource(src);
    pages = await sink.copyPages(
      src,
      Array.from({ length: count }, (_, i) => i),
    );
    // Before the pages' contents are wrapped: how to recognise a second copy of one of them.
    byContents = contentsIndex(pages);
    heights = pages.map((p, i) => placeCopiedPage(p, job.stamps[i]!, job.refs.fontRef));
  }
  const { PDFRef } = lib();
  pages.forEach((p, i) => {
    p.node.set(lib().PDFName.of('Parent'), PDFRef.of(job.parents[i]!));
  });
  const objects = reachable(sink, pages, external, byContents);
  const w = writer.writeObjects(objects);
  return {
    docId: job.doc.id,
    pageRefs: pages.map((p) => p.ref.objectNumber),
    firstPageHeight: heights[0] ?? 0,
    objects: w.numbers,
    offsets: w.offsets,
    bytes: w.bytes,
  };
}

/** A document whose pages lack objects they need (a truncated or damaged file). */
export class DamagedDocument extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DamagedDocument';
  }
}

/**
 * Every page's content streams, fonts and images must be there: a file cut short parses (the
 * loader skips what it cannot read), but its pages would be blank and break the dossier.
 */
function assertPagesReadable(src: PDFDocument): void {
  const { PDFName, PDFDict, PDFArray, PDFRef, PDFStream } = lib();
  const ctx = src.context;
  const present = (v: PDFObject | undefined): boolean =>
    !(v instanceof PDFRef) || ctx.lookup(v) !== undefined;
  src.getPages().forEach((page, i) => {
    const where = `trang ${i + 1}`;
    const contents = page.node.get(PDFName.of('Contents'));
    if (contents !== undefined) {
      const c = ctx.lookup(contents);
      const list = c instanceof PDFArray ? c.asArray() : [contents];
      for (const item of list) {
        if (!(ctx.lookup(item) instanceof PDFStream))
          throw new DamagedDocument(`${where}: thiếu nội dung`);
      }
    }
    const res = page.node.Resources();
    for (const kind of ['Font', 'XObject']) {
      const dict = res?.lookupMaybe(PDFName.of(kind), PDFDict);
      if (!dict) continue;
      for (const [, v] of dict.entries()) {
        if (!present(v)) throw new DamagedDocument(`${where}: thiếu ${kind}`);
      }
    }
  });
}

/**
 * Takes out of the source what must not travel into the dossier: scripts and automatic
 * actions, page thumbnails, article beads, and annotations' back-references to their page
 * (which would make the copier copy the page a second time).
 */
function sanitiseSource(src: PDFDocument): void {
  const { PDFName, PDFDict, PDFArray } = lib();
  const AA = PDFName.of('AA');
  const A = PDFName.of('A');
  const S = PDFName.of('S');
  const unsafe = new Set([
    'JavaScript',
    'Launch',
    'ImportData',
    'SubmitForm',
    'Rendition',
    'Movie',
    'Sound',
  ]);
  for (const page of src.getPages()) {
    const node = page.node;
    node.delete(AA);
    node.delete(PDFName.of('Thumb'));
    node.delete(PDFName.of('B'));
    const annots = node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const a = annots.lookupMaybe(i, PDFDict);
      if (!a) continue;
      a.delete(PDFName.of('P'));
      a.delete(AA);
      const action = a.lookupMaybe(A, PDFDict);
      const kind = action?.lookupMaybe(S, PDFName);
      if (kind && unsafe.has(kind.decodeText())) a.delete(A);
    }
  }
}

function numbers(arr: PDFObject | undefined): number[] | null {
  const { PDFArray, PDFNumber } = lib();
  if (!(arr instanceof PDFArray) || arr.size() < 4) return null;
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    const v = arr.lookup(i);
    if (!(v instanceof PDFNumber)) return null;
    out.push(v.asNumber());
  }
  return out.every(Number.isFinite) ? out : null;
}

/** The visible area: CropBox within MediaBox, normalised; Letter when the page has none. */
function visibleBox(page: PDFPage): { x: number; y: number; w: number; h: number } {
  const { PDFName } = lib();
  const norm = (b: number[]) => ({
    x1: Math.min(b[0]!, b[2]!),
    y1: Math.min(b[1]!, b[3]!),
    x2: Math.max(b[0]!, b[2]!),
    y2: Math.max(b[1]!, b[3]!),
  });
  const media = numbers(page.node.lookup(PDFName.of('MediaBox'))) ?? [0, 0, 612, 792];
  let box = norm(media);
  const crop = numbers(page.node.lookup(PDFName.of('CropBox')));
  if (crop) {
    const c = norm(crop);
    const i = {
      x1: Math.max(box.x1, c.x1),
      y1: Math.max(box.y1, c.y1),
      x2: Math.min(box.x2, c.x2),
      y2: Math.min(box.y2, c.y2),
    };
    if (i.x2 - i.x1 > 1 && i.y2 - i.y1 > 1) box = i;
  }
  if (box.x2 - box.x1 < 1 || box.y2 - box.y1 < 1) box = { x1: 0, y1: 0, x2: 612, y2: 792 };
  return { x: box.x1, y: box.y1, w: box.x2 - box.x1, h: box.y2 - box.y1 };
}

/** Fits a copied page onto A4 above the stamp band and stamps it; returns its height. */
function placeCopiedPage(page: PDFPage, stamp: PageStamp, fontRef: number): number {
  const { PDFName, PDFNumber, PDFArray, PDFDict, PDFStream } = lib();
  const ctx = page.doc.context;
  const node = page.node;
  const box = visibleBox(page);
  const rot = node.lookup(PDFName.of('Rotate'));
  const p = placePage(box, rot instanceof PDFNumber ? rot.asNumber() : 0);

  // The page's own content, scaled into place and clipped to what was visible.
  const f = (n: number) => (Math.abs(n) < 1e-6 ? '0' : String(Math.round(n * 10000) / 10000));
  const prefix = `q ${p.cm.map(f).join(' ')} cm ${f(box.x)} ${f(box.y)} ${f(box.w)} ${f(box.h)} re W n\n`;
  const suffix = `\nQ\n${evidenceStamp(stamp, { rotate: p.rotate, width: p.width, height: p.height, displayWidth: p.displayWidth })}`;
  const contents = node.get(PDFName.of('Contents'));
  const resolved = contents ? ctx.lookup(contents) : undefined;
  const list: PDFObject[] = [];
  if (resolved instanceof PDFArray) list.push(...resolved.asArray());
  else if (resolved instanceof PDFStream && contents) list.push(contents);
  const wrapped = ctx.obj([]);
  wrapped.push(ctx.register(ctx.stream(prefix)));
  for (const c of list) wrapped.push(c);
  wrapped.push(ctx.register(ctx.stream(suffix)));
  node.set(PDFName.of('Contents'), wrapped);

  for (const key of ['CropBox', 'BleedBox', 'TrimBox', 'ArtBox']) node.delete(PDFName.of(key));
  node.set(PDFName.of('MediaBox'), ctx.obj([0, 0, round(p.width), round(p.height)]));
  if (p.rotate) node.set(PDFName.of('Rotate'), PDFNumber.of(p.rotate));
  else node.delete(PDFName.of('Rotate'));

  // The stamp's font, next to the page's own fonts.
  let resources = node.lookupMaybe(PDFName.of('Resources'), PDFDict);
  if (!resources) {
    resources = ctx.obj({});
    node.set(PDFName.of('Resources'), resources);
  }
  let fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!fonts) {
    fonts = ctx.obj({});
    resources.set(PDFName.of('Font'), fonts);
  }
  fonts.set(PDFName.of(STAMP_FONT), lib().PDFRef.of(fontRef));

  // Annotations (links, the visible signature) move with the content.
  const annots = node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) {
    for (let i = 0; i < annots.size(); i++) {
      const a = annots.lookupMaybe(i, PDFDict);
      const rect = numbers(a?.lookup(PDFName.of('Rect')));
      if (a && rect) {
        const r = transformRect(p.cm, rect as [number, number, number, number]);
        a.set(PDFName.of('Rect'), ctx.obj(r.map(round)));
        a.delete(PDFName.of('QuadPoints'));
      }
    }
  }
  return p.rotate === 90 || p.rotate === 270 ? p.width : p.height;
}

async function imagePage(
  sink: PDFDocument,
  job: DocJob,
): Promise<{ page: PDFPage; height: number }> {
  const { PDFPage, PDFName, PDFRef } = lib();
  const bytes = readFileSync(job.doc.path);
  let image: { ref: PDFRef; width: number; height: number };
  const direct = job.doc.imageType === 'png' ? pngPassThrough(sink, bytes) : null;
  if (direct) image = direct;
  else {
    const embedded =
      job.doc.imageType === 'png' ? await sink.embedPng(bytes) : await sink.embedJpg(bytes);
    await embedded.embed();
    image = embedded;
  }
  const orientation = job.doc.imageType === 'jpeg' ? jpegOrientation(bytes) : 1;
  const place = placeImage(image.width, image.height, orientation);
  const page = PDFPage.create(sink);
  page.node.set(
    PDFName.of('MediaBox'),
    sink.context.obj([0, 0, round(place.pageWidth), round(place.pageHeight)]),
  );
  const resources = sink.context.obj({ XObject: { Im0: image.ref }, Font: {} });
  resources
    .lookup(PDFName.of('Font'), lib().PDFDict)
    .set(PDFName.of(STAMP_FONT), PDFRef.of(job.refs.fontRef));
  page.node.set(PDFName.of('Resources'), resources);
  const f = (n: number) => String(Math.round(n * 10000) / 10000);
  const content =
    `q ${place.cm.map(f).join(' ')} cm /Im0 Do Q\n` +
    evidenceStamp(job.stamps[0]!, {
      rotate: 0,
      width: place.pageWidth,
      height: place.pageHeight,
      displayWidth: place.pageWidth,
    });
  const ref = sink.context.register(sink.context.flateStream(content));
  page.node.set(PDFName.of('Contents'), sink.context.obj([ref]));
  return { page, height: place.pageHeight };
}

/**
 * An opaque, non-interlaced PNG goes into the PDF as it is: its IDAT data is a zlib stream with
 * PNG predictors, which PDF's FlateDecode reads directly (/Predictor 15). pdf-lib would decode
 * every pixel and compress them again in JavaScript (seconds for a large screenshot). PNGs with
 * an alpha channel or interlacing take that slower road.
 */
function pngPassThrough(
  sink: PDFDocument,
  bytes: Uint8Array,
): { ref: PDFRef; width: number; height: number } | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 33 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR')
    return null;
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const depth = b[24]!;
  const type = b[25]!;
  const interlace = b[28]!;
  if (interlace !== 0 || width === 0 || height === 0) return null;
  if (!(
    (type === 0 && depth === 8) ||
    (type === 2 && depth === 8) ||
    (type === 3 && [1, 2, 4, 8].includes(depth))
  )) {
    return null;
  }
  const idat: Buffer[] = [];
  let palette: Buffer | null = null;
  for (let i = 8; i + 8 <= b.length;) {
    const len = b.readUInt32BE(i);
    const kind = b.toString('latin1', i + 4, i + 8);
    if (i + 12 + len > b.length) return null;
    const data = b.subarray(i + 8, i + 8 + len);
    if (kind === 'IDAT') idat.push(data);
    else if (kind === 'PLTE') palette = data;
    else if (kind === 'tRNS') return null;
    else if (kind === 'IEND') break;
    i += 12 + len;
  }
  if (idat.length === 0 || (type === 3 && !palette)) return null;
  const colors = type === 2 ? 3 : 1;
  const colorSpace =
    type === 0
      ? 'DeviceGray'
      : type === 2
        ? 'DeviceRGB'
        : ['Indexed', 'DeviceRGB', palette!.length / 3 - 1, new Uint8Array(palette!)];
  const stream = sink.context.stream(Buffer.concat(idat), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    ColorSpace: colorSpace as never,
    BitsPerComponent: depth,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: depth, Columns: width },
  });
  return { ref: sink.context.register(stream), width, height };
}

/**
 * The objects the pages need, found by walking from them. On the way: references to a copy of
 * a page that is not one of ours (a link's destination copied twice) are pointed at our copy,
 * references to objects that do not exist become null, and unreadable objects are dropped.
 */
function contentsIndex(pages: PDFPage[]): Map<PDFObject, PDFRef> {
  const key = lib().PDFName.of('Contents');
  const out = new Map<PDFObject, PDFRef>();
  for (const p of pages) {
    const c = p.node.get(key);
    if (c) out.set(c, p.ref);
  }
  return out;
}

function reachable(
  sink: PDFDocument,
  pages: PDFPage[],
  external: Set<number>,
  byContents: Map<PDFObject, PDFRef>,
): [PDFRef, PDFObject][] {
  const { PDFDict, PDFArray, PDFRef, PDFStream, PDFNull, PDFInvalidObject, PDFPageLeaf, PDFName } =
    lib();
  const ctx = sink.context;
  const ours = new Map<PDFObject, PDFRef>();
  for (const p of pages) ours.set(p.node, p.ref);
  const seen = new Set<number>();
  const out: [PDFRef, PDFObject][] = [];
  const stack: PDFObject[] = [];
  const fix = (v: PDFObject): PDFObject => {
    if (v instanceof PDFInvalidObject) return PDFNull;
    if (!(v instanceof PDFRef)) return v;
    if (external.has(v.objectNumber)) return v;
    const target = ctx.lookup(v);
    if (target === undefined) return PDFNull;
    if (target instanceof PDFPageLeaf && !ours.has(target)) {
      const c = target.get(PDFName.of('Contents'));
      return (c && byContents.get(c)) ?? PDFNull;
    }
    return v;
  };
  const visitRef = (r: PDFRef) => {
    if (seen.has(r.objectNumber) || external.has(r.objectNumber)) return;
    const obj = ctx.lookup(r);
    if (obj === undefined) return;
    seen.add(r.objectNumber);
    out.push([r, obj]);
    stack.push(obj);
  };
  for (const p of pages) visitRef(p.ref);
  while (stack.length) {
    const obj = stack.pop()!;
    const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : null;
    if (dict) {
      for (const [k, v] of dict.entries()) {
        const nv = fix(v);
        if (nv !== v) dict.set(k, nv);
        if (nv instanceof PDFRef) visitRef(nv);
        else if (nv instanceof PDFDict || nv instanceof PDFArray) stack.push(nv);
      }
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) {
        const v = obj.get(i);
        const nv = fix(v);
        if (nv !== v) obj.set(i, nv);
        if (nv instanceof PDFRef) visitRef(nv);
        else if (nv instanceof PDFDict || nv instanceof PDFArray) stack.push(nv);
      }
    }
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
