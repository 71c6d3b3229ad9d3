/**
 * Worker-thread entry of the PDF dossier. Worker 0 also holds the assembler (layout and the
 * volume's own pages); every worker copies documents into the volume being written. The main
 * thread sends one job at a time and terminates the worker when a job overruns its time limit
 * or the export is cancelled.
 */
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { Assembler } from './assembler';
import { copyDocument, PageCountMismatch } from './copy';
import type { DocJob, DocResult, DossierSpec } from './model';
import { lib, loadPdfLib } from './pdflib';
import { VolumeWriter } from './writer';

export type WorkerRequest =
  | { id: number; kind: 'count'; path: string }
  | { id: number; kind: 'layout'; spec: DossierSpec }
  | { id: number; kind: 'begin'; volume: number; file: string }
  | { id: number; kind: 'doc'; job: DocJob }
  | { id: number; kind: 'finish'; results: DocResult[] }
  | { id: number; kind: 'release' }
  | { id: number; kind: 'abandon' };

export type WorkerReply =
  | { id: number; ok: true; data: unknown }
  | { id: number; ok: false; error: { name: string; message: string; actual?: number } };

const assembler = new Assembler();
/** Open volume files of this worker, by path. */
const writers = new Map<string, VolumeWriter>();

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.kind) {
    case 'count': {
      const { PDFDocument, ParseSpeeds } = lib();
      const doc = await PDFDocument.load(readFileSync(req.path), {
        parseSpeed: ParseSpeeds.Fastest,
        updateMetadata: false,
        password: '',
      });
      return doc.getPageCount();
    }
    case 'layout':
      return assembler.run(req.spec);
    case 'begin':
      return assembler.begin(req.volume, req.file);
    case 'doc': {
      let w = writers.get(req.job.refs.file);
      if (!w) {
        w = new VolumeWriter(req.job.refs.file, req.job.refs.counters);
        writers.set(req.job.refs.file, w);
      }
      return copyDocument(req.job, w);
    }
    case 'finish':
      release();
      return assembler.finish(req.results);
    case 'release':
      release();
      return null;
    case 'abandon':
      release();
      assembler.abandon();
      return null;
  }
}

function release(): void {
  for (const w of writers.values()) w.close();
  writers.clear();
}

const ready = loadPdfLib();
const trace = process.env.HSKC_PDF_TRACE === '1';
parentPort?.on('message', (req: WorkerRequest) => {
  const t0 = performance.now();
  ready
    .then(() => handle(req))
    .then((data) => {
      if (trace) console.error(`[pdf-worker] ${req.kind} ${Math.round(performance.now() - t0)} ms`);
      return data;
    })
    .then(
      (data) => parentPort?.postMessage({ id: req.id, ok: true, data } satisfies WorkerReply),
      (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        parentPort?.postMessage({
          id: req.id,
          ok: false,
          error: {
            name: err.name,
            message: err.message,
            ...(e instanceof PageCountMismatch ? { actual: e.actual } : {}),
          },
        } satisfies WorkerReply);
      },
    );
});
parentPort?.postMessage({ id: 0, ok: true, data: 'ready' } satisfies WorkerReply);
