/**
 * PDF analysis in a killable worker thread: page count, password, damage, text layer and the
 * positioned runs of page 1 that the metadata extractor reads.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CoreError } from '../errors';
import type { PdfInfo, PdfWorkerJob, PdfWorkerReply } from './pdf-types';

export type { PdfInfo, PositionedItem } from './pdf-types';
export { docxText } from './docx-text';

export interface AnalysePdfOptions {
  /** The worker is terminated after this long (a malformed PDF can keep pdf.js busy for minutes). */
  timeoutMs?: number;
  /** How many leading pages to extract text from. */
  textPages?: number;
  /** Stop at the end of the page where this many characters of text have been read. */
  textChars?: number;
}

export const DEFAULT_PDF_TIMEOUT_MS = 30_000;

function moduleDir(): string {
  // A CommonJS bundle has __dirname and no import.meta.url; ESM (tsx, vitest) is the reverse.
  return typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
}

/**
 * Starts the worker. A build that bundles this module must also emit `pdf-worker.mjs` (from
 * pdf-worker.ts, pdfjs-dist left external) next to the bundle; it is then loaded directly.
 * From TypeScript sources (tsx, vitest) there is no compiled worker, and Node 20 does not apply
 * `--import tsx` from a worker's execArgv to its entry module, so a small bootstrap loads the
 * .ts entry through tsx's tsImport. It loads pdf.js natively first: through tsx's loader the
 * 3 MB of pdf.js would be transformed on every start (2–4 s instead of 0.5 s).
 */
function startWorker(job: PdfWorkerJob): Worker {
  const dir = moduleDir();
  const resourceLimits = { maxOldGenerationSizeMb: 1024 };
  for (const name of ['pdf-worker.mjs', 'pdf-worker.js']) {
    const built = path.join(dir, name);
    if (existsSync(built)) return new Worker(built, { workerData: job, resourceLimits });
  }
  const url = (s: string) => JSON.stringify(s);
  const entry = pathToFileURL(path.join(dir, 'pdf-worker.ts')).href;
  const boot = [
    `Promise.all([import(${url(import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'))}),`,
    ` import(${url(import.meta.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'))})])`,
    '.then(([lib, worker]) => { globalThis.__hskcPdfjs = lib; globalThis.pdfjsWorker = worker;',
    ` return import(${url(import.meta.resolve('tsx/esm/api'))}); })`,
    `.then((tsx) => tsx.tsImport(${url(entry)}, ${url(entry)}))`,
  ].join('');
  return new Worker(boot, { eval: true, workerData: job, resourceLimits });
}

/**
 * Reads a PDF. Never throws for a bad PDF: a password-protected file gives encrypted:true, a
 * broken one damaged:true. Throws CoreError TIMEOUT when the time limit is hit (the worker is
 * killed) and BAD_FILE when the worker itself dies (e.g. out of memory on a hostile file).
 */
export function analysePdf(filePath: string, options: AnalysePdfOptions = {}): Promise<PdfInfo> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  const job: PdfWorkerJob = {
    path: path.resolve(filePath),
    textPages: options.textPages ?? 3,
    ...(options.textChars !== undefined ? { textChars: options.textChars } : {}),
  };
  return new Promise<PdfInfo>((resolve, reject) => {
    let settled = false;
    const worker = startWorker(job);
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new CoreError(
              'TIMEOUT',
              'Đọc tệp PDF quá lâu nên đã dừng lại. Tệp có thể bị lỗi; hãy mở và lưu (in) lại thành PDF mới rồi thêm lại.',
              { path: filePath, timeoutMs },
            ),
          ),
        ),
      timeoutMs,
    );
    worker.once('message', (reply: PdfWorkerReply) =>
      finish(() => {
        if (reply.ok) resolve(reply.info);
        else
          reject(
            new CoreError('BAD_FILE', 'Không đọc được tệp PDF.', {
              path: filePath,
              cause: reply.message,
            }),
          );
      }),
    );
    worker.once('error', (e) =>
      finish(() =>
        reject(
          new CoreError('BAD_FILE', 'Không đọc được tệp PDF.', {
            path: filePath,
            cause: e.message,
          }),
        ),
      ),
    );
    worker.once('exit', (code) =>
      finish(() =>
        reject(
          new CoreError('BAD_FILE', 'Không đọc được tệp PDF.', {
            path: filePath,
            cause: `exit ${code}`,
          }),
        ),
      ),
    );
  });
}
