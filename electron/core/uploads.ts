import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fsp, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { FileRef } from '../../shared/contract/files';
import { nfc } from '../../shared/text';
import { CoreError } from './errors';

export interface ResolvedFile {
  path: string;
  /** The name the person knows the file by (the original name of an upload). */
  name: string;
}

/**
 * Files sent by the web host land here before the core takes them: <workspace>/.uploads/<id>
 * plus <id>.json with the original name. Left-overs are removed at start and close.
 */
export class Uploads {
  private readonly dir: string;

  constructor(
    workspaceDir: string,
    private readonly allowPaths: boolean,
  ) {
    this.dir = path.join(workspaceDir, '.uploads');
    rmSync(this.dir, { recursive: true, force: true });
  }

  async receive(
    name: string,
    body: Readable,
    maxBytes: number,
  ): Promise<{ uploadId: string; name: string; size: number }> {
    await fsp.mkdir(this.dir, { recursive: true });
    const uploadId = randomBytes(16).toString('base64url');
    const file = path.join(this.dir, uploadId);
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > maxBytes)
          cb(
            new CoreError(
              'TOO_LARGE',
              `Tệp vượt quá giới hạn ${Math.round(maxBytes / 1048576)} MB.`,
            ),
          );
        else cb(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(file, { flags: 'wx' }));
    } catch (e) {
      rmSync(file, { force: true });
      throw e;
    }
    const clean = safeName(name);
    await fsp.writeFile(`${file}.json`, JSON.stringify({ name: clean }));
    return { uploadId, name: clean, size };
  }

  async receiveBytes(
    name: string,
    bytes: Uint8Array,
  ): Promise<{ uploadId: string; name: string; size: number }> {
    const { Readable } = await import('node:stream');
    return this.receive(name, Readable.from([Buffer.from(bytes)]), Number.MAX_SAFE_INTEGER);
  }

  resolve(ref: FileRef): ResolvedFile {
    if ('path' in ref) {
      if (!this.allowPaths)
        throw new CoreError('INVALID_INPUT', 'Hãy tải tệp lên thay vì chỉ đường dẫn.');
      const p = path.resolve(nfc(ref.path));
      let st;
      try {
        st = statSync(p);
      } catch {
        throw new CoreError('NOT_FOUND', `Không tìm thấy tệp “${p}”.`);
      }
      if (!st.isFile()) throw new CoreError('INVALID_INPUT', `“${p}” không phải là một tệp.`);
      return { path: p, name: path.basename(p) };
    }
    const file = path.join(this.dir, ref.uploadId);
    try {
      const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { name: string };
      return { path: file, name: meta.name };
    } catch {
      throw new CoreError('NOT_FOUND', 'Tệp tải lên đã hết hạn; hãy chọn lại tệp.');
    }
  }

  discard(ref: FileRef): void {
    if ('uploadId' in ref) {
      const file = path.join(this.dir, ref.uploadId);
      rmSync(file, { force: true });
      rmSync(`${file}.json`, { force: true });
    }
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The base name only, NFC, without control characters: never a path. */
export function safeName(name: string): string {
  const base = nfc(name).split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.slice(0, 255) || 'tep-khong-ten';
}
