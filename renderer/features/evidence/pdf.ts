/// <reference types="vite/client" />
import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * pdf.js, loaded on first use (it is large), with its worker served from our own origin (the
 * CSP allows worker-src 'self' blob:) and without eval.
 */
let lib: Promise<typeof PdfJs> | null = null;

function pdfjs() {
  lib ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return lib;
}

/** Opens PDF bytes; the bytes are copied (pdf.js hands its copy to the worker). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentLoadingTask> {
  const m = await pdfjs();
  return m.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false });
}

/** Why a PDF could not be shown, as a kind the UI words. */
export function pdfFailure(e: unknown): 'password' | 'damaged' | 'other' {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'PasswordException') return 'password';
  if (name === 'InvalidPDFException') return 'damaged';
  return 'other';
}
