/**
 * The main thread's side of the PDF workers: starts them (from the bundle's compiled
 * pdf-dossier-worker.mjs, or from the TypeScript sources through tsx as pdf-info.ts does),
 * sends one job at a time to each, and enforces time limits: a job that overruns has its
 * worker terminated, which is the only way to stop pdf-lib spinning on a malformed file.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerReply, WorkerRequest } from './worker';

export class JobTimeout extends Error {
  constructor() {
    super('timeout');
    this.name = 'JobTimeout';
  }
}

export class WorkerFailed extends Error {
  constructor(
    message: string,
    readonly remoteName: string,
    readonly actual?: number,
  ) {
    super(message);
    this.name = 'WorkerFailed';
  }
}

export class PoolStopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'PoolStopped';
  }
}

type Job = WorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

interface Slot {
  worker: Worker;
  busy: boolean;
  /** The worker has loaded and said so; a death before that is not a document's fault. */
  ready: boolean;
  pending: {
    id: number;
    resolve: (v: unknown) => void;
    reject: (e: Error) => void;
    timer: NodeJS.Timeout | null;
  } | null;
}

function moduleDir(): string {
  return typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
}

let bootstrap: string | null = null;

function startWorker(): Worker {
  const dir = moduleDir();
  const resourceLimits = { maxOldGenerationSizeMb: 1536 };
  for (const name of ['pdf-dossier-worker.mjs', 'pdf-dossier-worker.js']) {
    const built = path.join(dir, name);
    if (existsSync(built)) return new Worker(built, { resourceLimits });
  }
  bootstrap ??= sourceBootstrap(dir);
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

/**
 * From the TypeScript sources: pdf-lib and fontkit load natively (through tsx they would be
 * transformed again, ~1 s, and be a second copy); the .ts entry finds them on globalThis
 * (pdflib.ts). Resolved once: import.meta.resolve goes through the loader hooks, which block.
 */
function sourceBootstrap(dir: string): string {
  const url = (s: string) => JSON.stringify(s);
  const entry = pathToFileURL(path.join(dir, 'worker.ts')).href;
  return [
    `Promise.all([import(${url(import.meta.resolve('@cantoo/pdf-lib'))}),`,
    ` import(${url(import.meta.resolve('@cantoo/fontkit'))})])`,
    '.then(([lib, fk]) => { globalThis.__hskcPdfLib = lib; globalThis.__hskcFontkit = fk.default ?? fk;',
    ` return import(${url(import.meta.resolve('tsx/esm/api'))}); })`,
    `.then((tsx) => tsx.tsImport(${url(entry)}, ${url(entry)}))`,
  ].join('');
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;
  private stopped = false;

  constructor(readonly size: number) {}

  private slot(i: number): Slot {
    let s = this.slots[i];
    if (!s) {
      const worker = startWorker();
      const slot: Slot = { worker, busy: false, ready: false, pending: null };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.id === 0) slot.ready = true;
        const p = slot.pending;
        if (!p || reply.id !== p.id) return;
        slot.pending = null;
        if (p.timer) clearTimeout(p.timer);
        if (reply.ok) p.resolve(reply.data);
        else p.reject(new WorkerFailed(reply.error.message, reply.error.name, reply.error.actual));
      });
      const die = (e: Error) => {
        const p = slot.pending;
        slot.pending = null;
        if (p) {
          if (p.timer) clearTimeout(p.timer);
          p.reject(this.stopped ? new PoolStopped() : e);
        }
      };
      const kind = (e: Error) =>
        !slot.ready
          ? 'Startup'
          : (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? 'OutOfMemory'
            : 'Crash';
      worker.on('error', (e) => die(new WorkerFailed(e.message, kind(e))));
      worker.on('exit', (code) =>
        die(new WorkerFailed(`worker exited with code ${code}`, slot.ready ? 'Crash' : 'Startup')),
      );
      this.slots[i] = slot;
      s = slot;
    }
    return s;
  }

  /** Starts every worker now, so they load while the main thread prepares the documents. */
  warm(): void {
    for (let i = 0; i < this.size; i++) this.slot(i);
  }

  /** Runs a job on worker `i` (the assembler is worker 0). */
  call<T>(i: number, job: Job, timeoutMs: number | null = null): Promise<T> {
    if (this.stopped) return Promise.reject(new PoolStopped());
    const slot = this.slot(i);
    if (slot.pending) return Promise.reject(new Error(`worker ${i} is busy`));
    return new Promise<T>((resolve, reject) => {
      const id = this.nextId++;
      const timer =
        timeoutMs === null
          ? null
          : setTimeout(() => {
              slot.pending = null;
              reject(new JobTimeout());
              void this.terminate();
            }, timeoutMs);
      slot.pending = { id, resolve: resolve as (v: unknown) => void, reject, timer };
      slot.worker.postMessage({ ...job, id });
    });
  }

  /** Runs a job on the first idle worker. */
  async any<T>(job: Job, timeoutMs: number | null): Promise<T> {
    for (;;) {
      if (this.stopped) throw new PoolStopped();
      for (let i = 0; i < this.size; i++) {
        const s = this.slot(i);
        if (!s.busy) {
          s.busy = true;
          try {
            return await this.call<T>(i, job, timeoutMs);
          } finally {
            s.busy = false;
            this.waiting.shift()?.();
          }
        }
      }
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }

  /** Runs a job on every started worker. */
  async each(job: Job): Promise<void> {
    await Promise.all(this.slots.map((_, i) => this.call(i, job, 60_000)));
  }

  /** Stops every worker at once (cancel, time limit, end of export). */
  async terminate(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const w of this.waiting.splice(0)) w();
    await Promise.all(this.slots.map((s) => s?.worker.terminate()));
  }
}
