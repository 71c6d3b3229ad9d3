/** Reading the PDFs a test wrote back with pdf.js, as an appraiser's viewer would. */
import { readFileSync } from 'node:fs';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;
let loading: Promise<PdfJs> | null = null;

/** pdf.js for Node, its worker loaded in-process (no worker thread to start per file). */
export function pdfjsLib(): Promise<PdfJs> {
  loading ??= (async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const worker: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = (await import(
      /* @vite-ignore */ worker
    )) as unknown;
    return lib;
  })();
  return loading;
}

export async function openPdf(file: string) {
  const lib = await pdfjsLib();
  return lib.getDocument({
    data: new Uint8Array(readFileSync(file)),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

/** Each page's text, NFC, whitespace collapsed. */
export async function pageTexts(file: string): Promise<string[]> {
  const doc = await openPdf(file);
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const tc = await (await doc.getPage(n)).getTextContent();
    out.push(
      tc.items
        .map((i) => ('str' in i ? i.str : ''))
        .join(' ')
        .normalize('NFC')
        .replace(/\s+/g, ' '),
    );
  }
  return out;
}

/** Every bookmark title, depth first, NFC. */
export async function outlineTitles(file: string): Promise<string[]> {
  const doc = await openPdf(file);
  type Item = { title: string; items: unknown[] };
  const titles: string[] = [];
  const walk = (items: Item[] | null) => {
    for (const i of items ?? []) {
      titles.push(i.title.normalize('NFC'));
      walk(i.items as Item[]);
    }
  };
  walk((await doc.getOutline()) as Item[] | null);
  return titles;
}
