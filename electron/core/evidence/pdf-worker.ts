/**
 * Worker-thread entry: reads one PDF with pdf.js and posts a PdfInfo back. It runs in its own
 * thread so the host can terminate it when a malformed file makes pdf.js spin.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfInfo, PdfWorkerJob, PdfWorkerReply, PositionedItem } from './pdf-types';

import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

type PdfJs = typeof PdfJsModule;
type RawItem = TextItem;

const PDFJS_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const shared = globalThis as { __hskcPdfjs?: PdfJs; pdfjsWorker?: unknown };

/**
 * pdf.js runs its "worker" half in this thread: with globalThis.pdfjsWorker set it does not go
 * looking for pdf.worker.mjs itself. The TS bootstrap may already have loaded both natively.
 */
async function loadPdfjs(): Promise<PdfJs> {
  if (shared.__hskcPdfjs && shared.pdfjsWorker) return shared.__hskcPdfjs;
  const [lib, worker] = await Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import(/* @vite-ignore */ PDFJS_WORKER) as Promise<unknown>,
  ]);
  shared.pdfjsWorker = worker;
  return lib;
}

function pdfjsAssetDir(sub: string): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    return pathToFileURL(path.join(path.dirname(pkg), sub) + path.sep).href;
  } catch {
    return undefined;
  }
}

/** The file does not end with %%EOF (allowing trailing whitespace/garbage): cut short. */
function looksTruncated(data: Uint8Array): boolean {
  const tail = Buffer.from(data.subarray(Math.max(0, data.length - 2048))).toString('latin1');
  return !tail.includes('%%EOF');
}

function pageText(items: RawItem[]): string {
  let out = '';
  let lastY: number | null = null;
  for (const it of items) {
    const y = it.transform[5] ?? 0;
    if (lastY !== null && Math.abs(y - lastY) > 2 && !out.endsWith('\n')) out += '\n';
    out += it.str;
    if (it.hasEOL) out += '\n';
    lastY = y;
  }
  return out.normalize('NFC').replace(/[ \t]+\n/g, '\n');
}

async function analyse(job: PdfWorkerJob): Promise<PdfInfo> {
  const info: PdfInfo = {
    pages: 0,
    encrypted: false,
    damaged: false,
    hasText: false,
    textPages: [],
    items: [],
    pageWidth: 0,
    pageHeight: 0,
  };
  const data = new Uint8Array(await readFile(job.path));
  info.damaged = looksTruncated(data);
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data,
    // CVE-2024-4367: never compile font code with eval/Function.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    standardFontDataUrl: pdfjsAssetDir('standard_fonts'),
    cMapUrl: pdfjsAssetDir('cmaps'),
    cMapPacked: true,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') info.encrypted = true;
    else info.damaged = true;
    await task.destroy().catch(() => undefined);
    return info;
  }
  try {
    info.pages = doc.numPages;
    let chars = 0;
    let read = 0;
    const upto = Math.min(doc.numPages, Math.max(1, job.textPages));
    for (let n = 1; n <= upto && read < (job.textChars ?? Infinity); n++) {
      let page;
      try {
        page = await doc.getPage(n);
      } catch {
        info.damaged = true;
        continue;
      }
      try {
        const content = await page.getTextContent();
        const raw = content.items.filter((i): i is RawItem => 'str' in i);
        const text = pageText(raw);
        info.textPages.push(text);
        chars += text.replace(/\s+/g, '').length;
        read += text.length;
        if (n === 1) {
          const vp = page.getViewport({ scale: 1 });
          info.pageWidth = vp.width;
          info.pageHeight = vp.height;
          info.items = await positioned(pdfjs, page, vp.transform, raw);
        }
      } catch {
        info.damaged = true;
        info.textPages.push('');
      } finally {
        page.cleanup();
      }
    }
    // A stray signature stamp or page number is not a text layer.
    info.hasText = chars >= 30;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  return info;
}

async function positioned(
  pdfjs: PdfJs,
  page: Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>,
  viewport: number[],
  raw: RawItem[],
): Promise<PositionedItem[]> {
  // Fonts (and with them bold/italic) are only resolved once the page's operators are read.
  const fonts = new Map<string, { bold: boolean; italic: boolean }>();
  try {
    await page.getOperatorList();
    for (const name of new Set(raw.map((r) => r.fontName))) {
      const f = page.commonObjs.has(name)
        ? (page.commonObjs.get(name) as {
            name?: string;
            bold?: boolean;
            black?: boolean;
            italic?: boolean;
          })
        : null;
      const psName = f?.name ?? '';
      fonts.set(name, {
        bold: Boolean(f?.bold || f?.black) || /bold|black|heavy|semibold|demi/i.test(psName),
        italic: Boolean(f?.italic) || /italic|oblique/i.test(psName),
      });
    }
  } catch {
    // Positions are still useful without styles.
  }
  const out: PositionedItem[] = [];
  for (const r of raw) {
    if (!r.str.trim()) continue;
    const t = pdfjs.Util.transform(viewport, r.transform);
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || r.height;
    const style = fonts.get(r.fontName);
    out.push({
      str: r.str.normalize('NFC'),
      x: t[4] ?? 0,
      y: t[5] ?? 0,
      width: r.width,
      height: size,
      ...(style ? { bold: style.bold, italic: style.italic } : {}),
    });
  }
  return out;
}

const job = workerData as PdfWorkerJob;
analyse(job).then(
  (info) => parentPort?.postMessage({ ok: true, info } satisfies PdfWorkerReply),
  (e: unknown) =>
    parentPort?.postMessage({
      ok: false,
      message: e instanceof Error ? e.message : String(e),
    } satisfies PdfWorkerReply),
);
