/**
 * The PDF dossier, checked on the real output: a workspace made with the core (the demo, plus
 * text PDFs in four page geometries, a scan, a JPEG with an EXIF rotation, PNG screenshots, a
 * DOCX, a document linked to two sub-criteria and a "không chấm" item), a plan built from it,
 * and the PDF read back with pdf.js and qpdf.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Core } from '../../electron/core';
import { CoreError } from '../../electron/core/errors';
import type { PartContext } from '../../electron/core/export/parts';
import { buildPlan, type ExportPlan, type PlanDocument } from '../../electron/core/export/plan';
import {
  buildDossier,
  findLibreOffice,
  type DossierTuning,
} from '../../electron/core/export/pdf/index';
import { COVER_TITLE } from '../../electron/core/export/pdf/cover';
import { WorkerPool } from '../../electron/core/export/pdf/pool';
import { dateLine, stampText, volumeFileName } from '../../electron/core/export/pdf/text';
import { openWorkspace, type Workspace } from '../../electron/core/workspace';
import type { Input, Method } from '../../shared/api';
import { tempDir, testCore, callOk } from '../helpers/workspace';
import {
  A4,
  encodeJpeg,
  encodePng,
  linkedPdf,
  scanPdf,
  scanPixels,
  screenshotPixels,
  textPdf,
  withExifOrientation,
} from '../fixtures/pdf-dossier-files';

type PdfJs = typeof PdfJsModule;
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

const RESOURCES = path.resolve('resources');
const FONTS = path.join(RESOURCES, 'fonts');
const NOW = new Date(2026, 10, 23, 9, 30);
const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;
const soffice = findLibreOffice(null);

let pdfjs: PdfJs;
let core: Core;
let ws: Workspace;
let plan: ExportPlan;
let dir: string;
let cleanup: () => void;
const ids: Record<string, number> = {};
const originals: Record<string, Uint8Array> = {};

const ok = <M extends Method>(method: M, input: Input<M>) => callOk(core, method, input);

const ctx = (): PartContext => ({ signal: new AbortController().signal, progress: () => {} });

function out(name: string): string {
  const d = path.join(dir, 'out', name);
  mkdirSync(d, { recursive: true });
  return d;
}

async function build(
  outDir: string,
  opts: Partial<Parameters<typeof buildDossier>[1]> = {},
  tuning: DossierTuning = {},
  p: ExportPlan = plan,
  c = ctx(),
) {
  return buildDossier(
    p,
    {
      outDir,
      baseName: 'Hồ sơ TLKC 2026',
      asciiNames: false,
      volumePerArea: false,
      resourcesDir: RESOURCES,
      libreOffice: soffice,
      ...opts,
    },
    c,
    { now: NOW, ...tuning },
  );
}

async function open(file: string): Promise<PdfDoc> {
  return pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

/** Text runs of a page, NFC, as drawn (one run per Tj). */
async function items(doc: PdfDoc, n: number): Promise<{ str: string; x: number; y: number }[]> {
  const page = await doc.getPage(n);
  const tc = await page.getTextContent();
  return tc.items
    .filter(
      (i): i is Extract<(typeof tc.items)[number], { str: string }> =>
        'str' in i && i.str.trim() !== '',
    )
    .map((i) => ({
      str: i.str.normalize('NFC'),
      x: i.transform[4] as number,
      y: i.transform[5] as number,
    }));
}

async function texts(doc: PdfDoc): Promise<string[][]> {
  const all: string[][] = [];
  for (let n = 1; n <= doc.numPages; n++) all.push((await items(doc, n)).map((i) => i.str));
  return all;
}

const joined = (page: string[]) => page.join(' ').replace(/\s+/g, ' ');

function qpdfCheck(file: string): void {
  if (!hasQpdf) return;
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  expect(r.status, r.stdout + r.stderr).toBe(0);
}

function leftovers(outDir: string): string[] {
  return readdirSync(outDir).filter((f) => f.endsWith('.part') || f.startsWith('.hskc-pdf-'));
}

const docById = (id: number): PlanDocument => plan.documents.get(id)!;

beforeAll(async () => {
  pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js runs its worker half in this thread when it finds it on globalThis.
  const worker: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = (await import(
    /* @vite-ignore */ worker
  )) as unknown;
  const t = tempDir('hskc-pdf-');
  dir = t.dir;
  cleanup = t.cleanup;
  const wsDir = path.join(dir, 'ws');
  const files = path.join(dir, 'files');
  mkdirSync(files, { recursive: true });
  core = testCore(wsDir);
  await ok('workspace.demo', {});
  const tree = await ok('criteria.tree', {});
  const node = (code: string) => tree.nodes.find((n) => n.code === code)!.id;

  const put = (name: string, bytes: Uint8Array) => {
    writeFileSync(path.join(files, name), bytes);
    originals[name] = bytes;
    return path.join(files, name);
  };
  put(
    'ke-hoach-154.pdf',
    await textPdf(FONTS, {
      issuer: 'UBND tỉnh Lạng Sơn',
      unit: 'UBND phường Đông Kinh',
      number: '154/KH-UBND',
      place: 'Đông Kinh',
      date: [15, 1, 2026],
      type: 'Kế hoạch',
      subject: 'Thực hiện cải cách hành chính năm 2026',
      pages: 4,
      sizes: ['A4', 'A4L', 'Letter', 'A4R'],
    }),
  );
  put(
    'bao-cao-88.pdf',
    await textPdf(FONTS, {
      issuer: 'UBND tỉnh Lạng Sơn',
      unit: 'UBND phường Đông Kinh',
      number: '88/BC-UBND',
      place: 'Đông Kinh',
      date: [20, 6, 2026],
      type: 'Báo cáo',
      subject: 'Kết quả tự kiểm tra công tác cải cách hành chính',
      pages: 2,
      seed: 2,
      objectStreams: false,
    }),
  );
  const scan = encodeJpeg(620, 877, scanPixels(620, 877, 4), 1, 60);
  const page = { jpeg: scan, pxW: 620, pxH: 877, w: A4.w, h: A4.h };
  put('ban-scan.pdf', scanPdf([page, page], { indirectLength: true }));
  // A photo taken sideways: stored landscape, EXIF says "turn 90° clockwise" → shown portrait.
  put('anh-chup.jpg', withExifOrientation(encodeJpeg(480, 360, scanPixels(480, 360, 9), 1, 70), 6));
  put('cong-thong-tin.png', encodePng(800, 450, screenshotPixels(800, 450, 5)));
  put('cong-thong-tin-rgba.png', encodePng(300, 400, screenshotPixels(300, 400, 6), true));
  put(
    'Báo cáo tự kiểm tra.docx',
    await Packer.toBuffer(
      new Document({
        sections: [
          { children: [new Paragraph('Báo cáo tự kiểm tra công tác cải cách hành chính quý III')] },
        ],
      }),
    ),
  );
  put('lien-ket.pdf', await linkedPdf(FONTS));
  // Large scans for the volume tests: about 2.5 MB each.
  const big = encodeJpeg(1654, 2339, scanPixels(1654, 2339, 11), 1, 60);
  const bigPage = { jpeg: big, pxW: 1654, pxH: 2339, w: A4.w, h: A4.h };
  for (const k of [1, 2, 3])
    put(
      `scan-lon-${k}.pdf`,
      scanPdf(
        Array.from({ length: 3 + k }, () => bigPage),
        { title: `Scan ${k}` },
      ),
    );

  const add = async (name: string, code: string, extra: Partial<Input<'evidence.add'>> = {}) => {
    const r = await ok('evidence.add', {
      files: [{ path: path.join(files, name) }],
      nodeId: node(code),
      analyse: 'wait',
      ...extra,
    });
    const d = r.results[0]!.document!;
    ids[name] = d.id;
    return d.id;
  };
  await add('ke-hoach-154.pdf', '1.1.1');
  await add('ban-scan.pdf', '1.1.1', {
    metadata: { number: null, subject: 'Bản scan quyết định thành lập tổ kiểm tra' },
  });
  await add('bao-cao-88.pdf', '1.1.2');
  await add('anh-chup.jpg', '1.1.2', {
    metadata: { subject: 'Ảnh chụp bảng niêm yết thủ tục hành chính' },
  });
  await add('cong-thong-tin.png', '1.2.1', {
    metadata: { subject: 'Ảnh chụp Cổng thông tin điện tử phường' },
  });
  await add('cong-thong-tin-rgba.png', '1.2.1');
  await add('Báo cáo tự kiểm tra.docx', '1.3.2');
  await add('lien-ket.pdf', '1.4.1', {
    metadata: { number: '12/TB-UBND', subject: 'Thông báo có liên kết' },
  });
  await add('scan-lon-1.pdf', '2.1.1');
  await add('scan-lon-2.pdf', '4.1.1');
  await add('scan-lon-3.pdf', '6.2.1');
  // The plan of 154/KH-UBND also backs 1.2.1: included once, pointed to from there.
  await ok('evidence.link', {
    documentId: ids['ke-hoach-154.pdf']!,
    nodeId: node('1.2.1'),
    pages: '2',
  });
  await ok('score.set', {
    nodeId: node('1.1.1'),
    selfScore: 100,
    explanation:
      'Kế hoạch ban hành ngày 15/12/2025, trước thời hạn 20/12.\nĐã triển khai tới các bộ phận.',
  });
  await ok('score.set', {
    nodeId: node('5.2'),
    notApplicable: true,
    naReason: 'Trong năm không tuyển dụng công chức',
  });
  ws = openWorkspace(wsDir, { readOnly: true });
  plan = buildPlan(ws.db, ws.store, {});
}, 180_000);

afterAll(() => {
  ws?.close();
  core?.close();
  cleanup?.();
});

describe('the PDF dossier, one volume', () => {
  let file: string;
  let doc: PdfDoc;
  let pages: string[][];
  let result: Awaited<ReturnType<typeof build>>;

  beforeAll(async () => {
    const outDir = out('one');
    result = await build(outDir);
    file = result.files[0]!;
    doc = await open(file);
    pages = await texts(doc);
  }, 180_000);

  it('is one valid PDF under its final name, and nothing else is left behind', () => {
    expect(result.files).toHaveLength(1);
    expect(path.basename(file)).toBe('Hồ sơ TLKC 2026.pdf');
    expect(leftovers(path.dirname(file))).toEqual([]);
    qpdfCheck(file);
    expect(doc.numPages).toBe(result.pages);
  });

  it('names its font subsets with the six-letter tag subsets must carry', async () => {
    const { PDFDocument, PDFDict, PDFName } = await import('@cantoo/pdf-lib');
    const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    // The cover draws with the dossier's three fonts (regular, bold, italic).
    const fonts = pdf.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const names: string[] = [];
    for (const [, ref] of fonts.entries()) {
      const font = pdf.context.lookup(ref, PDFDict);
      names.push(String(font.get(PDFName.of('BaseFont'))));
    }
    expect(names).toHaveLength(3);
    for (const n of names) expect(n).toMatch(/^\/[A-Z]{6}\+LiberationSerif(-Bold|-Italic)?$/);
  });

  it('has the administrative cover, with exact Vietnamese text', () => {
    const cover = pages[0]!;
    for (const s of [
      'UBND TỈNH LẠNG SƠN',
      'UBND PHƯỜNG ĐÔNG KINH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      COVER_TITLE,
      'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026',
      'UBND phường Đông Kinh',
      'Đông Kinh, ngày 23 tháng 11 năm 2026',
    ]) {
      expect(cover).toContain(s);
    }
    expect(dateLine('Vị Xuyên', new Date(2021, 0, 5))).toBe('Vị Xuyên, ngày 05 tháng 01 năm 2021');
    expect(dateLine(null, new Date(2021, 4, 31))).toBe('Ngày 31 tháng 5 năm 2021');
  });

  it('stamps every page of every document, and numbers every page', async () => {
    let stamped = 0;
    for (const d of plan.documents.values()) {
      const at = result.pageOf.get(d.id)!;
      expect(at.file).toBe(file);
      const n = d.fileKind === 'pdf' ? d.pages! : 1;
      const spec = {
        code: d.firstEvidenceCode,
        number: d.number,
        subject: d.subject,
        originalName: d.originalName,
      };
      for (let i = 1; i <= n; i++) {
        expect(pages[at.page + i - 2], `${d.firstEvidenceCode} tr. ${i}`).toContain(
          stampText(spec, i, n),
        );
      }
      stamped += n;
    }
    const withStamp = pages.filter((p) => p.some((s) => s.startsWith('TLKC ')));
    expect(withStamp).toHaveLength(stamped);
    // Every page has its dossier page number, the cover too.
    pages.forEach((p, i) => expect(p, `trang ${i + 1}`).toContain(`Trang ${i + 1}`));
    // Without a number, the stamp names the document by its Vietnamese subject, not its file.
    const scan = docById(ids['ban-scan.pdf']!);
    const scanPage = pages[result.pageOf.get(scan.id)!.page - 1]!;
    expect(scanPage).toContain(
      `TLKC ${scan.firstEvidenceCode} · Bản scan quyết định thành lập tổ kiểm tra · tr. 1/2`,
    );
    expect(joined(scanPage)).not.toContain('ban-scan');
    const photo = docById(ids['anh-chup.jpg']!);
    expect(pages[result.pageOf.get(photo.id)!.page - 1]).toContain(
      `TLKC ${photo.firstEvidenceCode} · Ảnh chụp bảng niêm yết thủ tục hành chính · tr. 1/1`,
    );
    // A long subject is shortened with "…".
    expect(
      stampText(
        {
          code: '1.1.1-03',
          number: null,
          subject: 'Ảnh chụp Cổng thông tin điện tử phường công khai thủ tục hành chính',
          originalName: 'anh-chup-cong-TTDT-cong-khai-TTHC.png',
        },
        1,
        1,
      ),
    ).toBe('TLKC 1.1.1-03 · Ảnh chụp Cổng thông tin điện tử phường công… · tr. 1/1');
    // Page count = the documents' pages + the generated ones (cover, table, contents, areas, dividers).
    const generated = pages.filter((p) => !p.some((s) => s.startsWith('TLKC ')));
    for (const p of generated) {
      const t = joined(p);
      expect(
        t.includes(COVER_TITLE) ||
          t.includes('Điểm tự đánh giá') ||
          t.includes('MỤC LỤC') ||
          t.includes('Tài liệu kiểm chứng') ||
          t.includes('Nội dung:'),
        t.slice(0, 120),
      ).toBe(true);
    }
    expect(doc.numPages).toBe(stamped + generated.length);
    const labels = await doc.getPageLabels();
    expect(labels?.[0]).toBe('Bìa');
    expect(labels?.[9]).toBe('10');
  });

  it('keeps the stamp clear of the document: pages are placed above the stamp band', async () => {
    const kh = result.pageOf.get(ids['ke-hoach-154.pdf']!)!.page;
    const runs = await items(doc, kh);
    const stamp = runs.filter((r) => r.str.startsWith('TLKC ') || /^Trang \d+$/.test(r.str));
    expect(stamp).toHaveLength(2);
    for (const s of stamp) expect(s.y).toBeLessThan(20);
    for (const r of runs.filter((x) => !stamp.includes(x))) expect(r.y).toBeGreaterThan(26);
  });

  it('puts every page on A4 in its own orientation: landscape, Letter, rotated', async () => {
    const kh = result.pageOf.get(ids['ke-hoach-154.pdf']!)!.page;
    const size = async (n: number) => {
      const p = await doc.getPage(n);
      return {
        w: Math.round(p.view[2]! - p.view[0]!),
        h: Math.round(p.view[3]! - p.view[1]!),
        rotate: p.rotate,
      };
    };
    expect(await size(kh)).toEqual({ w: 595, h: 842, rotate: 0 });
    expect(await size(kh + 1)).toEqual({ w: 842, h: 595, rotate: 0 });
    expect(await size(kh + 2)).toEqual({ w: 595, h: 842, rotate: 0 });
    // The page with /Rotate 90 keeps it: portrait box shown landscape, stamp upright.
    expect(await size(kh + 3)).toEqual({ w: 595, h: 842, rotate: 90 });
    const d = docById(ids['ke-hoach-154.pdf']!);
    expect(pages[kh + 2]).toContain(`TLKC ${d.firstEvidenceCode} · 154/KH-UBND · tr. 4/4`);
  });

  it('turns images into pages: the photo upright by its EXIF, the screenshots as they are', async () => {
    for (const [name, w, h] of [
      ['anh-chup.jpg', 595, 842],
      ['cong-thong-tin.png', 842, 595],
      ['cong-thong-tin-rgba.png', 595, 842],
    ] as const) {
      const n = result.pageOf.get(ids[name]!)!.page;
      const p = await doc.getPage(n);
      expect([Math.round(p.view[2]!), Math.round(p.view[3]!)], name).toEqual([w, h]);
      const ops = await p.getOperatorList();
      expect(ops.fnArray, name).toContain(pdfjs.OPS.paintImageXObject);
    }
  });

  it('includes a document linked twice once, and the second divider says where it is', () => {
    const d = docById(ids['ke-hoach-154.pdf']!);
    const first = result.pageOf.get(d.id)!.page;
    const all = pages.flat().filter(
      (s) =>
        s ===
        stampText(
          {
            code: d.firstEvidenceCode,
            number: d.number,
            subject: d.subject,
            originalName: d.originalName,
          },
          1,
          4,
        ),
    );
    expect(all).toHaveLength(1);
    const n121 = plan.nodes.find((n) => n.code === '1.2.1')!;
    const link = n121.links.find((l) => l.documentId === d.id)!;
    expect(link.first).toBe(false);
    const divider = pages.find(
      (p) => p[0]?.includes('›') && p.some((s) => s.startsWith('1.2.1. ')),
    )!;
    expect(divider).toContain(link.evidenceCode);
    expect(divider).toContain(`xem trang ${first}`);
    expect(divider).toContain('Trang cần xem: 2');
  });

  it('shows the office file: converted when LibreOffice is there, else attached inside the PDF', async () => {
    const d = docById(ids['Báo cáo tự kiểm tra.docx']!);
    const n = result.pageOf.get(d.id)!.page;
    const text = joined(pages[n - 1]!);
    if (soffice) {
      expect(text).toContain('Báo cáo tự kiểm tra công tác cải cách hành chính quý III');
    } else {
      expect(text).toContain('Tệp gốc được đính kèm nguyên vẹn');
      const attachments = (await doc.getAttachments()) as Record<string, { content: Uint8Array }>;
      const key = `${d.firstEvidenceCode} Báo cáo tự kiểm tra.docx`;
      expect(Object.keys(attachments)).toContain(key);
      expect(
        Buffer.from(attachments[key]!.content).equals(
          Buffer.from(originals['Báo cáo tự kiểm tra.docx']!),
        ),
      ).toBe(true);
      const annots = await (await doc.getPage(n)).getAnnotations();
      expect(annots.some((a) => a.subtype === 'FileAttachment')).toBe(true);
    }
  });

  it('has a score table with the scores, "Không chấm", totals and the pages of the evidence', () => {
    const table = pages.filter(
      (p) => p.includes('Điểm tự') || p.includes('BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM'),
    );
    expect(table.length).toBeGreaterThan(1);
    const t = table.map(joined).join(' ');
    expect(t).toContain('Không chấm');
    expect(t).toContain('TỔNG CỘNG');
    // Every table page repeats the header.
    for (const p of table) expect(p).toContain('Mã');
    const kh = docById(ids['ke-hoach-154.pdf']!);
    expect(t).toContain(`${kh.firstEvidenceCode} (tr. ${result.pageOf.get(kh.id)!.page})`);
    const na = pages.find((p) => p.some((s) => s.startsWith('5.2. ')) && p.includes('Không chấm'));
    expect(na && joined(na)).toContain('Trong năm không tuyển dụng công chức');
  });

  it('has bookmarks mirroring the tree down to each document, landing on the right pages', async () => {
    const outline = await doc.getOutline();
    const dest = async (d: unknown) =>
      Array.isArray(d) ? (await doc.getPageIndex(d[0])) + 1 : null;
    expect(outline.map((o) => o.title).slice(0, 3)).toEqual([
      'Bìa',
      'Bảng tự đánh giá, chấm điểm',
      'Mục lục',
    ]);
    expect(await dest(outline[0]!.dest)).toBe(1);
    expect(await dest(outline[1]!.dest)).toBe(2);
    const tocPage = pages.findIndex((p) => p.includes('MỤC LỤC')) + 1;
    expect(await dest(outline[2]!.dest)).toBe(tocPage);
    const seen = new Set<string>();
    const walk = async (list: typeof outline) => {
      for (const it of list) {
        const p = await dest(it.dest);
        const node = plan.nodes.find(
          (n) => it.title.startsWith(`${n.code}. `) && it.title === `${n.code}. ${n.title}`,
        );
        if (node) {
          seen.add(node.code);
          // The page it lands on opens that node: its area page, its divider, or (a criterion
          // without a page of its own) the divider of its first sub-criterion, whose breadcrumb names it.
          expect(joined(pages[p! - 1]!).toUpperCase(), it.title).toContain(`${node.code}. `);
        } else {
          const link = plan.nodes
            .flatMap((n) => n.links)
            .find((l) => it.title.startsWith(`${l.evidenceCode} · `));
          expect(link, it.title).toBeTruthy();
          expect(p).toBe(result.pageOf.get(link!.documentId)!.page);
        }
        await walk(it.items);
      }
    };
    await walk(outline.slice(3));
    for (const n of plan.nodes.filter((n) => n.links.length))
      expect(seen, n.code).toContain(n.code);
  });

  it('has a table of contents whose links land on the pages it names', async () => {
    const tocPage = pages.findIndex((p) => p.includes('MỤC LỤC')) + 1;
    const page = await doc.getPage(tocPage);
    const annots = (await page.getAnnotations()).filter((a) => a.subtype === 'Link');
    const runs = await items(doc, tocPage);
    expect(annots.length).toBeGreaterThan(10);
    for (const a of annots) {
      const [x1, y1, x2, y2] = a.rect as number[];
      const inside = runs.filter(
        (r) => r.x >= x1! - 1 && r.x <= x2! && r.y >= y1! - 1 && r.y <= y2!,
      );
      const line = inside.map((r) => r.str).join(' ');
      const label = line.replace(/[\s.]*\d+$/, '');
      const number = Number(/(\d+)$/.exec(line)![1]);
      const target = (await doc.getPageIndex((a.dest as unknown[])[0] as never)) + 1;
      expect(target, label).toBe(number);
      const code = /^([\d.]+)\. /.exec(label)?.[1];
      if (code) expect(joined(pages[target - 1]!).toUpperCase(), label).toContain(`${code}. `);
      else expect(label).toBe('Bảng tự đánh giá, chấm điểm');
    }
  });

  it("moves a document's links with its content, keeps its inner links, drops its scripts", async () => {
    const first = result.pageOf.get(ids['lien-ket.pdf']!)!.page;
    const annots = await (await doc.getPage(first)).getAnnotations();
    expect(annots).toHaveLength(3);
    const web = annots.find((a) => a.url === 'https://dichvucong.gov.vn/')!;
    const [x1, y1, x2, y2] = web.rect as number[];
    // Scaled with the page (a little under 1) and moved above the stamp band.
    expect(y2! - y1!).toBeLessThan(20);
    expect(x2! - x1!).toBeGreaterThan(190);
    expect(x2! - x1!).toBeLessThan(200);
    expect(y1!).toBeGreaterThan(26 + 650);
    const inner = annots.find((a) => Array.isArray(a.dest))!;
    expect((await doc.getPageIndex((inner.dest as unknown[])[0] as never)) + 1).toBe(first + 1);
    for (const a of annots) {
      expect(JSON.stringify(a.actions ?? {})).not.toContain('alert');
      expect(a.action ?? null).toBeNull();
    }
  });

  it('links the divider entries to the documents', async () => {
    const kh = docById(ids['ke-hoach-154.pdf']!);
    const dividerPage =
      pages.findIndex((p) => p[0]?.includes('›') && p.some((s) => s.startsWith('1.1.1. '))) + 1;
    const annots = await (await doc.getPage(dividerPage)).getAnnotations();
    const targets = await Promise.all(
      annots.map(async (a) => (await doc.getPageIndex((a.dest as unknown[])[0] as never)) + 1),
    );
    expect(targets).toContain(result.pageOf.get(kh.id)!.page);
  });
});

describe('volumes', () => {
  it('splits by size without splitting a document, and volume 1 indexes them all', async () => {
    const outDir = out('by-size');
    const r = await build(outDir, { maxVolumeMb: 5 });
    expect(r.files.length).toBeGreaterThan(1);
    expect(r.files.map((f) => path.basename(f))).toEqual(
      r.files.map((_, i) => volumeFileName('Hồ sơ TLKC 2026', i + 1, r.files.length, false)),
    );
    for (const f of r.files) {
      expect(statSync(f).size).toBeLessThanOrEqual(5 * 1048576);
      qpdfCheck(f);
    }
    const first = await open(r.files[0]!);
    const firstPages = await texts(first);
    const tocAt = firstPages.findIndex((p) => p.includes('MỤC LỤC'));
    expect(joined(firstPages[tocAt]!)).toMatch(/Tập 2, tr\. \d+/);
    // Entries in another volume open that file at the page (GoToR), for readers that can.
    const remote = (await (await first.getPage(tocAt + 1)).getAnnotations()).filter(
      (a) => typeof a.unsafeUrl === 'string' && a.unsafeUrl.includes('Tập 2.pdf#'),
    );
    expect(remote.length).toBeGreaterThan(0);
    let total = 0;
    for (const [i, f] of r.files.entries()) {
      const d = await open(f);
      total += d.numPages;
      const p = await texts(d);
      expect(p[0]).toContain(`TẬP ${i + 1}/${r.files.length}`);
      const outline = await d.getOutline();
      expect(outline[0]!.title).toBe('Bìa');
      if (i > 0) expect(p.some((x) => x.includes(`MỤC LỤC TẬP ${i + 1}`))).toBe(true);
    }
    expect(total).toBe(r.pages);
    // Each document starts where pageOf says, in the volume it names.
    for (const d of plan.documents.values()) {
      const at = r.pageOf.get(d.id)!;
      const p = await texts(await open(at.file));
      const n = d.fileKind === 'pdf' ? d.pages! : 1;
      expect(p[at.page - 1]).toContain(
        stampText(
          {
            code: d.firstEvidenceCode,
            number: d.number,
            subject: d.subject,
            originalName: d.originalName,
          },
          1,
          n,
        ),
      );
    }
  }, 240_000);

  it('makes one volume per area, with ASCII names when asked', async () => {
    const outDir = out('per-area');
    const r = await build(outDir, { volumePerArea: true, asciiNames: true });
    const areas = new Set(
      plan.nodes
        .filter((n) => n.links.length || n.score?.notApplicable)
        .map((n) => n.code.split('.')[0]!),
    );
    expect(r.files).toHaveLength(areas.size);
    expect(path.basename(r.files[0]!)).toBe('Ho so TLKC 2026 - Tap 1.pdf');
    for (const f of r.files) qpdfCheck(f);
    const second = await texts(await open(r.files[1]!));
    expect(second[0]).toContain('Lĩnh vực:');
  }, 240_000);
});

describe('an empty dossier', () => {
  it('still has its cover, score table and contents', async () => {
    const empty: ExportPlan = {
      ...plan,
      documents: new Map(),
      nodes: plan.nodes.map((n) => ({ ...n, links: [] })),
    };
    const r = await build(out('empty'), {}, {}, empty);
    expect(r.files).toHaveLength(1);
    qpdfCheck(r.files[0]!);
    const p = await texts(await open(r.files[0]!));
    expect(p[0]).toContain(COVER_TITLE);
    expect(p.some((x) => x.includes('MỤC LỤC'))).toBe(true);
    // The "không chấm" item keeps its divider, which says why.
    expect(p.some((x) => joined(x).includes('Trong năm không tuyển dụng công chức'))).toBe(true);
    expect(r.pageOf.size).toBe(0);
  }, 120_000);
});

describe('failures', () => {
  it('leaves no file when cancelled, before or during the build', async () => {
    const outDir = out('cancel');
    const before = new AbortController();
    before.abort();
    await expect(
      build(outDir, {}, {}, plan, { signal: before.signal, progress: () => {} }),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    const during = new AbortController();
    const c = {
      signal: during.signal,
      progress: (_d: number, _t: number, label: string) => {
        if (label.startsWith('Đang ghép')) during.abort();
      },
    };
    await expect(build(outDir, {}, {}, plan, c)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(outDir)).toEqual([]);
  }, 120_000);

  it('names a damaged document in Vietnamese and leaves no file', async () => {
    const outDir = out('damaged');
    const broken = path.join(dir, 'broken.pdf');
    writeFileSync(
      broken,
      Buffer.concat([
        Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
        Buffer.alloc(200, 0x41),
      ]),
    );
    const victim = docById(ids['bao-cao-88.pdf']!);
    const p: ExportPlan = {
      ...plan,
      documents: new Map(
        [...plan.documents].map(([k, d]) => [k, d.id === victim.id ? { ...d, file: broken } : d]),
      ),
    };
    // Without the person's consent: stopped, naming it, nothing left behind.
    const e = await build(outDir, {}, {}, p).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CoreError);
    expect((e as CoreError).code).toBe('CONFLICT');
    expect((e as CoreError).message).toContain(
      `88/BC-UBND (${victim.firstEvidenceCode}): PDF bị hỏng`,
    );
    expect(readdirSync(outDir)).toEqual([]);
    // With it: left out, never a broken page; nothing points at it.
    const r = await build(outDir, { confirmExcluded: true }, {}, p);
    expect(r.excluded.map((x) => x.documentId)).toEqual([victim.id]);
    expect(r.excluded[0]!.reason).toBe('PDF bị hỏng, không đọc được khi dựng hồ sơ PDF.');
    expect(r.pageOf.has(victim.id)).toBe(false);
    qpdfCheck(r.files[0]!);
    const d = await open(r.files[0]!);
    expect(d.numPages).toBe(r.pages);
    const text = await texts(d);
    expect(text.some((t) => t.some((x) => x.startsWith(`TLKC ${victim.firstEvidenceCode}`)))).toBe(
      false,
    );
    expect(
      text.some((t) => joined(t).includes(`${victim.firstEvidenceCode} – 88/BC-UBND: PDF bị hỏng`)),
    ).toBe(true);
    const outline = JSON.stringify(await d.getOutline());
    expect(outline).not.toContain('88/BC-UBND');
    expect(leftovers(outDir)).toEqual([]);
  }, 120_000);

  it('removes its work folder when the workers cannot even start', async () => {
    const outDir = out('warm');
    const spy = vi.spyOn(WorkerPool.prototype, 'warm').mockImplementation(() => {
      throw new Error('no workers');
    });
    try {
      await expect(build(outDir)).rejects.toThrow('no workers');
    } finally {
      spy.mockRestore();
    }
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('stops a document that takes too long, naming it', async () => {
    const outDir = out('timeout');
    const e = await build(outDir, {}, { parseTimeoutMs: () => 1 }).catch((x: unknown) => x);
    expect((e as CoreError).code).toBe('TIMEOUT');
    expect((e as CoreError).message).toMatch(/^Đọc tài liệu \S+ \(.+\) quá lâu/);
    expect(readdirSync(outDir)).toEqual([]);
  }, 120_000);

  it('trusts the file, not the library, for the page count', async () => {
    const outDir = out('pages');
    const victim = docById(ids['bao-cao-88.pdf']!);
    const p: ExportPlan = {
      ...plan,
      documents: new Map(
        [...plan.documents].map(([k, d]) => [k, d.id === victim.id ? { ...d, pages: 7 } : d]),
      ),
    };
    const r = await build(outDir, {}, {}, p);
    const d = await open(r.files[0]!);
    const at = r.pageOf.get(victim.id)!.page;
    const page = await texts(d);
    expect(page[at - 1]).toContain(
      stampText(
        {
          code: victim.firstEvidenceCode,
          number: victim.number,
          originalName: victim.originalName,
        },
        1,
        2,
      ),
    );
  }, 120_000);
});

describe('LibreOffice', () => {
  it('is found where configured or installed, and not invented', () => {
    expect(findLibreOffice('/khong/co/soffice')).toBe(soffice);
    const fake = path.join(dir, 'soffice');
    writeFileSync(fake, '#!/bin/sh\n');
    expect(findLibreOffice(fake)).toBe(fake);
    if (soffice) expect(existsSync(soffice)).toBe(true);
    else expect(() => execFileSync('which', ['soffice'])).toThrow();
  });

  // A stand-in for soffice: writes a known PDF where LibreOffice would, and logs its arguments.
  const fakeSoffice = (name: string, body: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, `#!/bin/sh\necho "$@" >> "${path.join(dir, `${name}.log`)}"\n${body}\n`, {
      mode: 0o755,
    });
    return f;
  };

  it.skipIf(process.platform === 'win32')(
    'converts office files with a private profile, and stamps the pages',
    async () => {
      const converted = path.join(dir, 'files', 'bao-cao-88.pdf');
      const lo = fakeSoffice(
        'soffice-ok',
        `out=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done\n` +
          `b=$(basename "$last"); cp "${converted}" "$out/\${b%.*}.pdf"`,
      );
      const r = await build(out('office'), { libreOffice: lo });
      const d = docById(ids['Báo cáo tự kiểm tra.docx']!);
      const at = r.pageOf.get(d.id)!;
      const p = await texts(await open(r.files[0]!));
      const spec = {
        code: d.firstEvidenceCode,
        number: d.number,
        subject: d.subject,
        originalName: d.originalName,
      };
      expect(p[at.page - 1]).toContain(stampText(spec, 1, 2));
      expect(p[at.page]).toContain(stampText(spec, 2, 2));
      expect(joined(p[at.page - 1]!)).toContain('Số: 88/BC-UBND');
      const log = readFileSync(path.join(dir, 'soffice-ok.log'), 'utf8');
      expect(log).toMatch(/-env:UserInstallation=file:\/\/\S+ --headless/);
      expect(log).toContain('--convert-to pdf --outdir');
    },
    120_000,
  );

  it.skipIf(process.platform === 'win32')(
    'attaches the original when LibreOffice hangs, after its time limit',
    async () => {
      const lo = fakeSoffice('soffice-hang', 'sleep 30');
      const started = Date.now();
      const r = await build(out('office-hang'), { libreOffice: lo }, { convertTimeoutMs: 1500 });
      expect(Date.now() - started).toBeLessThan(25_000);
      const d = docById(ids['Báo cáo tự kiểm tra.docx']!);
      const p = await texts(await open(r.files[0]!));
      const page = joined(p[r.pageOf.get(d.id)!.page - 1]!);
      expect(page).toContain('Không chuyển được tệp thành trang PDF');
      expect(page).toContain('Tệp gốc được đính kèm nguyên vẹn');
    },
    120_000,
  );
});
