import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { CoreError } from '../errors';

/** 1 MiB reads hash about twice as fast as the 64 KiB default on large scans. */
const CHUNK = 1 << 20;
const SHA_RE = /^[0-9a-f]{64}$/;

export interface PutResult {
  sha256: string;
  size: number;
  /** The content was already in the store; the new copy was discarded. */
  existed: boolean;
}

export type FileStatus = 'ok' | 'missing' | 'corrupt';

/**
 * Content-addressed file store: files/ab/cdef… named by SHA-256. A file is streamed to a
 * temporary name while hashed, fsynced, then renamed into place, so a crash never leaves a
 * partial file under a real name and the same content is stored once.
 */
export class FileStore {
  readonly root: string;
  private readonly tmpDir: string;

  constructor(root: string) {
    this.root = root;
    this.tmpDir = path.join(root, '.tmp');
  }

  async init(): Promise<void> {
    await fsp.mkdir(this.tmpDir, { recursive: true });
  }

  pathOf(sha256: string): string {
    if (!SHA_RE.test(sha256)) throw new CoreError('INVALID_INPUT', 'Mã băm tệp không hợp lệ.');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  async has(sha256: string): Promise<boolean> {
    return fsp.access(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async putFile(
    source: string,
    opts: { signal?: AbortSignal; maxBytes?: number } = {},
  ): Promise<PutResult> {
    return this.putStream(() => createReadStream(source, { highWaterMark: CHUNK }), opts);
  }

  async putBytes(bytes: Uint8Array, opts: { maxBytes?: number } = {}): Promise<PutResult> {
    const { Readable } = await import('node:stream');
    return this.putStream(
      () => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
      opts,
    );
  }

  private async putStream(
    open: () => NodeJS.ReadableStream,
    opts: { signal?: AbortSignal; maxBytes?: number },
  ): Promise<PutResult> {
    await this.init();
    const tmp = path.join(this.tmpDir, `${process.pid}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > maxBytes) {
          cb(
            new CoreError(
              'TOO_LARGE',
              `Tệp vượt quá giới hạn ${Math.round(maxBytes / 1048576)} MB.`,
            ),
          );
          return;
        }
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    const out = createWriteStream(tmp, { flags: 'wx' });
    try {
      await pipeline(open(), meter, out, opts.signal ? { signal: opts.signal } : {});
      const fh = await fsp.open(tmp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      const sha256 = hash.digest('hex');
      const dest = this.pathOf(sha256);
      if (await this.has(sha256)) {
        await fsp.rm(tmp, { force: true });
        return { sha256, size, existed: true };
      }
      await fsp.mkdir(path.dirname(dest), { recursive: true });
      await fsp.rename(tmp, dest);
      await syncDir(path.dirname(dest));
      return { sha256, size, existed: false };
    } catch (e) {
      await fsp.rm(tmp, { force: true });
      if ((e as Error).name === 'AbortError') throw new CoreError('CANCELLED', 'Đã hủy.');
      throw e;
    }
  }

  /** Re-hashes the stored file: the only proof it is still the document that was added. */
  async verify(sha256: string): Promise<FileStatus> {
    const file = this.pathOf(sha256);
    try {
      const hash = createHash('sha256');
      await pipeline(createReadStream(file, { highWaterMark: CHUNK }), hash);
      return hash.digest('hex') === sha256 ? 'ok' : 'corrupt';
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw e;
    }
  }

  /** Removes temp files left by a crash. */
  async cleanTemp(): Promise<void> {
    await fsp.rm(this.tmpDir, { recursive: true, force: true });
    await fsp.mkdir(this.tmpDir, { recursive: true });
  }

  async remove(sha256: string): Promise<void> {
    await fsp.rm(this.pathOf(sha256), { force: true });
  }
}

/** Makes a rename durable on POSIX; Windows cannot open directories and does not need it. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
