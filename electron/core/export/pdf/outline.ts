/**
 * Bookmarks (/Outlines) and page labels. pdf-lib has no API for either, so the dictionaries
 * are built by hand: each item knows its parent, siblings, first and last child and the number
 * of descendants shown; destinations go to the top of the target page.
 */
import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import { lib } from './pdflib';

export interface OutlineItem {
  title: string;
  /** Page object number and the y of its top edge; null for a heading without a page. */
  dest: { ref: number; top: number } | null;
  children: OutlineItem[];
  open?: boolean;
}

export function destination(doc: PDFDocument, ref: number, top: number) {
  const { PDFRef } = lib();
  return doc.context.obj([PDFRef.of(ref), 'XYZ', null, Math.round(top * 100) / 100, null]);
}

/** Writes the outline and points the catalog at it. */
export function writeOutline(doc: PDFDocument, items: OutlineItem[]): void {
  if (items.length === 0) return;
  const { PDFName, PDFHexString, PDFNumber } = lib();
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const build = (
    list: OutlineItem[],
    parent: PDFRef,
  ): { first: PDFRef; last: PDFRef; visible: number } => {
    const refs = list.map(() => ctx.nextRef());
    let visible = list.length;
    list.forEach((item, i) => {
      const d = ctx.obj({});
      d.set(PDFName.of('Title'), PDFHexString.fromText(item.title.normalize('NFC')));
      d.set(PDFName.of('Parent'), parent);
      if (i > 0) d.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < list.length - 1) d.set(PDFName.of('Next'), refs[i + 1]!);
      if (item.dest) d.set(PDFName.of('Dest'), destination(doc, item.dest.ref, item.dest.top));
      if (item.children.length) {
        const sub = build(item.children, refs[i]!);
        d.set(PDFName.of('First'), sub.first);
        d.set(PDFName.of('Last'), sub.last);
        d.set(PDFName.of('Count'), PDFNumber.of(item.open ? sub.visible : -item.children.length));
        if (item.open) visible += sub.visible;
      }
      ctx.assign(refs[i]!, d);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, visible };
  };
  const top = build(items, rootRef);
  ctx.assign(
    rootRef,
    ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.visible }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * Page labels that match the printed page numbers: the cover is "Bìa", every other page its
 * number, so "go to page 154" in any reader lands on the page printed "Trang 154".
 */
export function writePageLabels(doc: PDFDocument, pages: number): void {
  const { PDFName, PDFHexString } = lib();
  const ctx = doc.context;
  const nums: unknown[] = [0, ctx.obj({ P: PDFHexString.fromText('Bìa') })];
  if (pages > 1) nums.push(1, ctx.obj({ S: 'D', St: 2 }));
  doc.catalog.set(PDFName.of('PageLabels'), ctx.obj({ Nums: nums as never }));
}
