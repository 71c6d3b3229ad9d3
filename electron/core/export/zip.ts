import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import yazl from 'yazl';
import { cancelled } from './folder';
import { posix } from './folder-names';
import type { PartContext } from './parts';

/**
 * One ZIP of a folder, streamed with yazl: entries under the folder's own name ("TLKC/1/…"),
 * UTF-8 names (yazl sets the language-encoding flag on every entry, so Windows Explorer shows
 * Vietnamese names correctly), already-compressed formats stored as they are. Written to a
 * temporary name beside the target and renamed at the end.
 */

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const STORED = new Set(['.pdf', '.png', '.jpg', '.jpeg', '.docx', '.xlsx', '.odt', '.ods', '.zip']);

async function listFiles(root: string): Promise<{ abs: string; rel: string; size: number }[]> {
  const out: { abs: string; rel: string; size: number }[] = [];
  const walk = async (dir: string) => {
    const items = await fsp.readdir(dir, { withFileTypes: true });
    items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const it of items) {
      const abs = path.join(dir, it.name);
      if (it.isDirectory()) await walk(abs);
      else if (it.isFile()) {
        out.push({ abs, rel: posix(path.relative(root, abs)), size: (await fsp.stat(abs)).size });
      }
    }
  };
  await walk(root);
  return out;
}

export async function zipFolder(folder: string, zipFile: string, ctx: PartContext): Promise<void> {
  if (ctx.signal.aborted) throw cancelled();
  const root = path.resolve(folder);
  const target = path.resolve(zipFile);
  const files = (await listFiles(root)).filter((f) => f.abs !== target);
  const prefix = path.basename(root);
  const total = files.reduce((s, f) => s + f.size, 0) || 1;

  const zip = new yazl.ZipFile();
  // yazl reports a file it cannot read on the ZipFile, not on its stream: end the stream with it.
  zip.on('error', (e: Error) => (zip.outputStream as Readable).destroy(e));
  for (const f of files) {
    zip.addFile(f.abs, `${prefix}/${f.rel}`, {
      compress: !STORED.has(path.extname(f.rel).toLowerCase()),
    });
  }
  zip.end();

  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let written = 0;
  let lastReport = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      written += chunk.length;
      if (written - lastReport >= 1 << 20) {
        lastReport = written;
        ctx.progress(Math.min(written, total), total, 'Đang nén thư mục tài liệu kiểm chứng');
      }
      cb(null, chunk);
    },
  });
  try {
    await pipeline(zip.outputStream, meter, createWriteStream(tmp, { flags: 'wx' }), {
      signal: ctx.signal,
    });
    await fsp.rename(tmp, target);
    ctx.progress(total, total, 'Đã nén xong');
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    if (ctx.signal.aborted) throw cancelled();
    throw e;
  }
}
