/**
 * The volume's own pages and structure (runs in worker 0): lays the dossier out, then for each
 * volume draws the generated pages (cover, score table, contents, area and divider pages,
 * attachment notices), encodes every evidence page's stamp with the volume's font subset, and
 * — once the document jobs have written their pages — adds links, attachments, bookmarks,
 * page labels and the page tree, and closes the file with its cross-reference table.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { PDFDocument, PDFFont, PDFPage, PDFRef } from '@cantoo/pdf-lib';
import type { DocResult, DocSpec, DossierSpec, PageStamp, PagePos, StampText } from './model';
import { A4, FOOT, type GenPage, type Target } from './layout/display';
import { layoutDossier, type DossierLayout } from './layout/index';
import { codeTitle, resolve } from './layout/context';
import { Metrics, type Style } from './layout/metrics';
import { destination, writeOutline, writePageLabels, type OutlineItem } from './outline';
import { FONT_KEYS, GlyphCache, opsToContent, setPageContent } from './render';
import { stampOps } from './stamp';
import { asciiName, docDescription, indexTitle, pageNumberText, stampText, vi } from './text';
import { fontkit, lib } from './pdflib';
import { HEADER, newCounters, shareNumbers, VolumeWriter, xrefAndTrailer } from './writer';

/** Children per page-tree node: readers find page N without scanning a flat list of 10,000. */
const FAN = 64;

export interface LayoutSummary {
  volumes: { index: number; pages: number; docs: { docId: number; firstPage: number }[] }[];
}

export interface BeginResult {
  refs: { counters: SharedArrayBuffer; file: string; fontRef: number };
  docs: { docId: number; firstPage: number; stamps: PageStamp[]; parents: number[] }[];
}

interface TreeNode {
  ref: number;
  parent: number | null;
  /** Children: page indices (0-based) for the lowest level, else tree nodes. */
  pages?: [number, number];
  kids?: TreeNode[];
  count: number;
}

interface VolumeState {
  index: number;
  doc: PDFDocument;
  writer: VolumeWriter;
  fonts: Record<Style, PDFFont>;
  /** Per page of the volume: the generated page, or the document and page within it. */
  slots: ({ gen: GenPage; page: PDFPage } | { doc: number; i: number })[];
  tree: TreeNode;
  parents: number[];
}

export class Assembler {
  private spec: DossierSpec | null = null;
  private metrics: Metrics | null = null;
  private layout: DossierLayout | null = null;
  private vol: VolumeState | null = null;

  run(spec: DossierSpec): LayoutSummary {
    this.spec = spec;
    this.metrics ??= new Metrics(spec.fontsDir);
    this.layout = layoutDossier(spec, this.metrics);
    return {
      volumes: this.layout.volumes.map((v) => {
        const docs: { docId: number; firstPage: number }[] = [];
        let page = 0;
        for (const e of v.entries) {
          if ('gen' in e) {
            page++;
            if (e.gen.stampDoc !== undefined) docs.push({ docId: e.gen.stampDoc, firstPage: page });
          } else {
            docs.push({ docId: e.doc, firstPage: page + 1 });
            page += e.pages;
          }
        }
        return { index: v.index, pages: v.pages, docs };
      }),
    };
  }

  async begin(volume: number, file: string): Promise<BeginResult> {
    const { PDFDocument, PDFPage, PDFName, PDFRef } = lib();
    const layout = this.layout!;
    const spec = this.spec!;
    const vl = layout.volumes[volume - 1]!;
    writeFileSync(file, HEADER);
    const counters = newCounters();
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit());
    new Int32Array(counters, 0, 1)[0] = doc.context.largestObjectNumber;
    new BigInt64Array(counters, 8, 1)[0] = BigInt(HEADER.length);
    const writer = new VolumeWriter(file, counters);
    shareNumbers(doc.context, writer);
    const m = this.metrics!;
    const embed = (s: Style) =>
      doc.embedFont(m.bytes[s], {
        subset: true,
        // A subset's name carries a six-letter tag (PDF 32000-1, 9.6.4): "QWERTY+LiberationSerif".
        customName: `${subsetTag()}+${m.postscriptName(s)}`,
        features: { liga: false, clig: false, calt: false },
      });
    const fonts = {
      regular: await embed('regular'),
      bold: await embed('bold'),
      italic: await embed('italic'),
    };
    const glyphs = {
      regular: new GlyphCache(fonts.regular),
      bold: new GlyphCache(fonts.bold),
      italic: new GlyphCache(fonts.italic),
    };
    const stamp = (text: string) => ({
      hex: glyphs.regular.hex(text),
      width: glyphs.regular.width(text, FOOT.size),
    });

    const rootRef = (doc.catalog.get(PDFName.of('Pages')) as PDFRef).objectNumber;
    const { tree, parents } = pageTree(vl.pages, rootRef, () => writer.allocate());

    const slots: VolumeState['slots'] = [];
    const docs: BeginResult['docs'] = [];
    for (const e of vl.entries) {
      if ('gen' in e) {
        const idx = slots.length;
        const page = PDFPage.create(doc);
        page.node.set(PDFName.of('MediaBox'), doc.context.obj([0, 0, A4.w, A4.h]));
        page.node.set(PDFName.of('Parent'), PDFRef.of(parents[idx]!));
        let content = opsToContent(e.gen.ops, glyphs);
        const pos: PagePos = { volume, page: idx + 1 };
        if (e.gen.stampDoc !== undefined) {
          const d = layout.ctx.docs.get(e.gen.stampDoc)!;
          content += `\n${footer(stamp(stampText(d, 1, 1)), stamp(pageNumberText(pos, spec.volumes.length)))}`;
          docs.push({ docId: d.id, firstPage: idx + 1, stamps: [], parents: [] });
        } else if (e.gen.numbered) {
          content += `\n${footer(null, stamp(pageNumberText(pos, spec.volumes.length)))}`;
        }
        setPageContent(doc, page, content, fonts);
        slots.push({ gen: e.gen, page });
      } else {
        const d = layout.ctx.docs.get(e.doc)!;
        const first = slots.length + 1;
        const stamps: PageStamp[] = [];
        const docParents: number[] = [];
        for (let i = 0; i < e.pages; i++) {
          const pos: PagePos = { volume, page: first + i };
          stamps.push({
            left: stamp(stampText(d, i + 1, e.pages)),
            right: stamp(pageNumberText(pos, spec.volumes.length)),
          });
          docParents.push(parents[first - 1 + i]!);
          slots.push({ doc: e.doc, i });
        }
        docs.push({ docId: e.doc, firstPage: first, stamps, parents: docParents });
      }
    }
    this.vol = { index: volume, doc, writer, fonts, slots, tree, parents };
    return {
      refs: { counters, file, fontRef: fonts.regular.ref.objectNumber },
      docs: docs.filter((d) => d.stamps.length),
    };
  }

  async finish(results: DocResult[]): Promise<{ bytes: number; pages: number }> {
    const { PDFName, PDFRef, PDFArray, PDFHexString, PDFString, PDFDict } = lib();
    const vol = this.vol!;
    const { doc, writer } = vol;
    const layout = this.layout!;
    const spec = this.spec!;
    const ctx = doc.context;
    const byDoc = new Map(results.map((r) => [r.docId, r]));

    // Every page's object number, in order.
    const pageRefs = vol.slots.map((s) => {
      if ('gen' in s) return s.page.ref.objectNumber;
      const r = byDoc.get(s.doc);
      if (!r) throw new Error(`missing document ${s.doc}`);
      return r.pageRefs[s.i]!;
    });
    const pageTop = vol.slots.map((s) =>
      'gen' in s ? A4.h : (byDoc.get(s.doc)?.firstPageHeight ?? A4.h),
    );
    const writeTree = (n: TreeNode) => {
      const kids = n.pages
        ? pageRefs.slice(n.pages[0], n.pages[1]).map((r) => PDFRef.of(r))
        : n.kids!.map((k) => PDFRef.of(k.ref));
      const dict = ctx.obj({ Type: 'Pages', Kids: kids, Count: n.count });
      if (n.parent !== null) dict.set(PDFName.of('Parent'), PDFRef.of(n.parent));
      ctx.assign(PDFRef.of(n.ref), dict);
      n.kids?.forEach(writeTree);
    };
    writeTree(vol.tree);

    const target = (t: Target): { ref: number; top: number } | null => {
      const pos = resolve(layout.at, t, vol.index);
      if (!pos || pos.volume !== vol.index) return null;
      return { ref: pageRefs[pos.page - 1]!, top: pageTop[pos.page - 1]! };
    };

    // Links and attachment icons on the generated pages.
    const files = new Map<number, { page: PDFPage; rect: number[] }>();
    for (const s of vol.slots) {
      if (!('gen' in s)) continue;
      const annots: PDFRef[] = [];
      for (const op of s.gen.ops) {
        if (op.k === 'a') {
          const rect = [op.x, op.y, op.x + op.w, op.y + op.h].map(r2);
          const to = target(op.target);
          const away = to ? null : resolve(layout.at, op.target, vol.index);
          if (to) {
            annots.push(
              ctx.register(
                ctx.obj({
                  Type: 'Annot',
                  Subtype: 'Link',
                  Rect: rect,
                  Border: [0, 0, 0],
                  Dest: destination(doc, to.ref, to.top),
                }),
              ),
            );
          } else if (away) {
            // A page of another volume, by its file name next to this one (GoToR).
            const name = spec.volumes[away.volume - 1]!.fileName;
            annots.push(
              ctx.register(
                ctx.obj({
                  Type: 'Annot',
                  Subtype: 'Link',
                  Rect: rect,
                  Border: [0, 0, 0],
                  A: {
                    S: 'GoToR',
                    F: {
                      Type: 'Filespec',
                      F: PDFString.of(asciiName(name)),
                      UF: PDFHexString.fromText(name),
                    },
                    D: [away.page - 1, 'XYZ', null, null, null],
                    NewWindow: false,
                  },
                }),
              ),
            );
          }
        } else if (op.k === 'file') {
          files.set(op.docId, {
            page: s.page,
            rect: [op.x, op.y, op.x + op.w, op.y + op.h].map(r2),
          });
        }
      }
      if (annots.length) s.page.node.set(PDFName.of('Annots'), ctx.obj(annots));
    }

    // Office files that did not become pages travel inside the PDF.
    const attached: { d: DocSpec; name: string }[] = [];
    for (const docId of files.keys()) {
      const d = layout.ctx.docs.get(docId)!;
      const a = d.attachment!;
      const name = `${d.code} ${vi(d.originalName)}`.normalize('NFC');
      await doc.attach(readFileSync(a.path), name, {
        mimeType: a.mime,
        description: docDescription(d),
        creationDate: new Date(),
        modificationDate: new Date(),
      });
      attached.push({ d, name });
    }

    writeOutline(doc, this.outline(target));
    writePageLabels(doc, pageRefs.length);

    const unitName = vi(spec.unit?.name);
    const title = `Hồ sơ tài liệu kiểm chứng – ${indexTitle(spec.assessment.indexKind, spec.assessment.frameworkName, spec.assessment.year)}${unitName ? ` – ${unitName}` : ''}${spec.volumes.length > 1 ? ` – Tập ${vol.index}/${spec.volumes.length}` : ''}`;
    doc.setTitle(title, { showInWindowTitleBar: true });
    if (unitName) doc.setAuthor(unitName);
    doc.setSubject('Tài liệu kiểm chứng gửi Sở Nội vụ thẩm định');
    doc.setCreator('Hồ sơ kiểm chứng');
    doc.setProducer('Hồ sơ kiểm chứng (pdf-lib)');
    doc.setCreationDate(new Date());
    doc.setModificationDate(new Date());
    doc.catalog.set(PDFName.of('Lang'), PDFString.of('vi-VN'));

    await doc.flush();

    // After the flush the attachments exist: ASCII /F for old readers, and the paperclip icon.
    const names = doc.catalog
      .lookupMaybe(PDFName.of('Names'), PDFDict)
      ?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict)
      ?.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (names) {
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const key = names.lookup(i);
        const specRef = names.get(i + 1);
        const spec = names.lookupMaybe(i + 1, PDFDict);
        const text =
          key instanceof PDFHexString || key instanceof PDFString ? key.decodeText() : '';
        const hit = attached.find((a) => a.name === text);
        if (!spec || !hit || !(specRef instanceof PDFRef)) continue;
        spec.set(PDFName.of('F'), PDFString.of(asciiName(text).replace(/[()\\]/g, '_')));
        const place = files.get(hit.d.id);
        if (!place) continue;
        const annot = ctx.register(
          ctx.obj({
            Type: 'Annot',
            Subtype: 'FileAttachment',
            Rect: place.rect,
            FS: specRef,
            Name: 'Paperclip',
            F: 4,
            C: [0.1, 0.3, 0.7],
            Contents: PDFHexString.fromText(`Tệp gốc: ${vi(hit.d.originalName)}`),
          }),
        );
        const existing = place.page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
        if (existing) existing.push(annot);
        else place.page.node.set(PDFName.of('Annots'), ctx.obj([annot]));
      }
    }

    // The volume's own objects, then the cross-reference table.
    const own = writer.writeObjects(ctx.enumerateIndirectObjects());
    const size = writer.lastNumber + 1;
    const offsets = new Float64Array(size).fill(-1);
    const put = (nums: number[], offs: number[]) => nums.forEach((n, i) => (offsets[n] = offs[i]!));
    for (const r of results) put(r.objects, r.offsets);
    put(own.numbers, own.offsets);
    const id = randomBytes(16).toString('hex');
    const info = ctx.trailerInfo.Info as PDFRef | undefined;
    const root = doc.context.trailerInfo.Root as PDFRef;
    const trailer = `<< /Size ${size} /Root ${root.objectNumber} 0 R${info ? ` /Info ${info.objectNumber} 0 R` : ''} /ID [<${id}> <${id}>] >>`;
    const startxref = writer.end;
    writer.append(xrefAndTrailer(offsets, size, trailer, startxref));
    writer.sync();
    writer.close();
    const bytes = writer.end;
    this.vol = null;
    return { bytes, pages: pageRefs.length };
  }

  /** Closes a volume that will not be finished (cancel, error, restart). */
  abandon(): void {
    this.vol?.writer.close();
    this.vol = null;
  }

  /** Bookmarks: the parts, then area → criterion → sub-criterion → each document. */
  private outline(target: (t: Target) => { ref: number; top: number } | null): OutlineItem[] {
    const vol = this.vol!;
    const layout = this.layout!;
    const lc = layout.ctx;
    const v = vol.index;
    const items: OutlineItem[] = [];
    const anchor = (title: string, name: string) => {
      const dest = target({ anchor: name });
      if (dest) items.push({ title, dest, children: [] });
    };
    anchor('Bìa', 'cover');
    anchor('Bảng tự đánh giá, chấm điểm', 'table');
    anchor(lc.volumeCount > 1 && v > 1 ? `Mục lục tập ${v}` : 'Mục lục', 'toc');

    const units = new Map<number, number[]>();
    for (const u of lc.spec.volumes[v - 1]!.units)
      units.set(u.nodeId, [...(units.get(u.nodeId) ?? []), ...u.docIds]);
    const nodeItem = (id: number): OutlineItem | null => {
      const n = lc.nodes.get(id)!;
      if (!lc.inVolume.get(id)?.has(v)) return null;
      const children: OutlineItem[] = [];
      if (units.has(id)) {
        for (const l of n.links) {
          const d = lc.docs.get(l.docId);
          if (!d) continue;
          const dest = target({ doc: l.docId }) ?? target({ node: id });
          const title = `${l.evidenceCode} · ${docDescription(d)}`;
          children.push({ title: clip(title, 160), dest, children: [] });
        }
      }
      for (const c of lc.children.get(id) ?? []) {
        const item = nodeItem(c.id);
        if (item) children.push(item);
      }
      return { title: clip(codeTitle(n, vi(n.title)), 160), dest: target({ node: id }), children };
    };
    for (const top of lc.children.get(null) ?? []) {
      const item = nodeItem(top.id);
      if (item) items.push(item);
    }
    return items;
  }
}

/** The foot of a generated page, drawn like an evidence page's stamp. */
function footer(left: StampText | null, right: StampText): string {
  return stampOps(
    { left, right },
    { rotate: 0, width: A4.w, height: A4.h, displayWidth: A4.w, font: FONT_KEYS.regular },
  );
}

/** A balanced page tree of at most FAN children per node; the root keeps the catalog's ref. */
function pageTree(
  pages: number,
  rootRef: number,
  alloc: () => number,
): { tree: TreeNode; parents: number[] } {
  const parents = new Array<number>(pages);
  if (pages <= FAN) {
    parents.fill(rootRef);
    return { tree: { ref: rootRef, parent: null, pages: [0, pages], count: pages }, parents };
  }
  let level: TreeNode[] = [];
  for (let start = 0; start < pages; start += FAN) {
    const end = Math.min(pages, start + FAN);
    const node: TreeNode = { ref: alloc(), parent: null, pages: [start, end], count: end - start };
    for (let p = start; p < end; p++) parents[p] = node.ref;
    level.push(node);
  }
  while (level.length > FAN) {
    const up: TreeNode[] = [];
    for (let i = 0; i < level.length; i += FAN) {
      const kids = level.slice(i, i + FAN);
      const node: TreeNode = {
        ref: alloc(),
        parent: null,
        kids,
        count: kids.reduce((a, k) => a + k.count, 0),
      };
      for (const k of kids) k.parent = node.ref;
      up.push(node);
    }
    level = up;
  }
  const root: TreeNode = { ref: rootRef, parent: null, kids: level, count: pages };
  for (const k of level) k.parent = rootRef;
  return { tree: root, parents };
}

/** Six random upper-case letters, the prefix of a subset font's name. */
function subsetTag(): string {
  return Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

function r2(n: number): number {
  return Math.round(n * 100) / 100;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}
