import { createHash, randomBytes } from 'node:crypto';
import { constants, createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ExcludedDocument } from '../../../shared/contract/export';
import { CoreError } from '../errors';
import { planFolderLayout, TLKC_DIR, type FolderEntry } from './folder-layout';
import {
  buildManifest,
  MANIFEST_FILE,
  NOTE_FILE,
  readmeText,
  sha256Sums,
  SUMS_FILE,
  type WrittenFile,
} from './folder-manifest';
import type { FolderResult, PartContext, WriteFolder } from './parts';
import type { ExportPlan } from './plan';

/**
 * The upload folder: `<out>/TLKC/<area>/<code>/<code>-<nn>_<subject>.<ext>`, one copy per link
 * (upload systems take files per sub-criterion), plus manifest.json, SHA256SUMS and
 * DOC-TRUOC.txt. Everything is written into a temporary folder beside the final one and renamed
 * at the end, so a cancel or a crash never leaves a half folder under the name "TLKC".
 */

export interface EvidenceFolderResult extends FolderResult {
  /** Files written (one per link). */
  count: number;
  bytes: number;
  /**
   * Documents found damaged or missing while copying, left out. The plan's own exclusions are
   * not repeated here; the manifest and DOC-TRUOC.txt list both.
   */
  excluded: ExcludedDocument[];
}

/** Copies in flight at once: enough to hide per-file latency on Windows, little memory. */
const PARALLEL = 4;
const CHUNK = 1 << 20;

export const CANCELLED_MESSAGE = 'Đã hủy.';

export function cancelled(): CoreError {
  return new CoreError('CANCELLED', CANCELLED_MESSAGE);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: CHUNK }), hash);
  return hash.digest('hex');
}

/** Reflink (copy-on-write) where the file system allows it, a plain copy otherwise. */
async function copyOne(src: string, dest: string): Promise<void> {
  await fsp.copyFile(src, dest, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
}

/** Runs `fn` over `items` with at most `limit` at a time; stops starting new ones once aborted. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (failure === null && !signal.aborted && next < items.length) {
      const i = next++;
      try {
        await fn(items[i]!, i);
      } catch (e) {
        failure ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw failure;
}

/** Puts `tmp` in place of `final`, replacing an earlier export; the old one comes back on failure. */
async function replaceDir(tmp: string, final: string): Promise<void> {
  try {
    await fsp.rename(tmp, final);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTEMPTY' && code !== 'EPERM' && code !== 'EACCES') throw e;
  }
  const old = `${final}.cu-${randomBytes(4).toString('hex')}`;
  try {
    await fsp.rename(final, old);
  } catch {
    throw new CoreError(
      'CONFLICT',
      `Không thay được thư mục “${final}” của lần xuất trước: có thể một tệp trong đó đang mở. Hãy đóng tệp đó rồi xuất lại.`,
    );
  }
  try {
    await fsp.rename(tmp, final);
  } catch (e) {
    await fsp.rename(old, final).catch(() => {});
    throw e;
  }
  await fsp.rm(old, { recursive: true, force: true });
}

async function copyEntries(
  entries: FolderEntry[],
  tmp: string,
  ctx: PartContext,
): Promise<{ written: WrittenFile[]; bad: Map<number, string> }> {
  const made = new Set<string>();
  for (const e of entries) made.add(path.dirname(e.rel));
  for (const dir of made) await fsp.mkdir(path.join(tmp, ...dir.split('/')), { recursive: true });

  const bad = new Map<number, string>();
  const results: (WrittenFile | null)[] = new Array(entries.length).fill(null);
  let done = 0;
  const total = entries.length + 1;
  await pool(entries, PARALLEL, ctx.signal, async (e, i) => {
    const dest = path.join(tmp, ...e.rel.split('/'));
    try {
      await copyOne(e.doc.file, dest);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      bad.set(e.doc.id, 'Tệp không còn trong kho lưu trữ của hồ sơ.');
      return;
    }
    const size = (await fsp.stat(dest)).size;
    if (size !== e.doc.size) {
      bad.set(e.doc.id, 'Tệp đã bị hỏng (kích thước khác lúc thêm vào).');
    } else if (e.firstOfDocument) {
      // One hash per document proves the stored bytes; its other copies are checked by size.
      const sha = await sha256Of(dest);
      if (sha !== e.doc.sha256)
        bad.set(e.doc.id, 'Tệp đã bị hỏng (không khớp mã băm lúc thêm vào).');
    }
    results[i] = { entry: e, sha256: e.doc.sha256, size };
    done++;
    ctx.progress(done, total, `Đang chép tài liệu kiểm chứng ${e.link.evidenceCode}`);
  });
  if (ctx.signal.aborted) throw cancelled();

  const written: WrittenFile[] = [];
  for (const r of results) {
    if (!r) continue;
    if (bad.has(r.entry.doc.id)) {
      await fsp.rm(path.join(tmp, ...r.entry.rel.split('/')), { force: true });
      continue;
    }
    written.push(r);
  }
  return { written, bad };
}

function excludedOf(entries: FolderEntry[], bad: Map<number, string>): ExcludedDocument[] {
  const out = new Map<number, ExcludedDocument>();
  for (const e of entries) {
    const reason = bad.get(e.doc.id);
    if (!reason) continue;
    const x = out.get(e.doc.id) ?? {
      documentId: e.doc.id,
      name: e.doc.number ?? e.doc.subject ?? path.basename(e.doc.originalName),
      codes: [],
      reason,
    };
    x.codes.push(e.link.evidenceCode);
    out.set(e.doc.id, x);
  }
  return [...out.values()];
}

/** Temporary folders a crashed export left behind (not one still being written). */
async function removeStaleTemps(outAbs: string): Promise<void> {
  const names = await fsp.readdir(outAbs).catch(() => [] as string[]);
  const before = Date.now() - 10 * 60_000;
  for (const name of names) {
    if (!/^\.tlkc-[A-Za-z0-9]{6}$/.test(name) && !/^TLKC\.cu-[0-9a-f]{8}$/.test(name)) continue;
    const abs = path.join(outAbs, name);
    const st = await fsp.stat(abs).catch(() => null);
    if (st?.isDirectory() && st.mtimeMs < before)
      await fsp.rm(abs, { recursive: true, force: true });
  }
}

async function writeText(file: string, text: string): Promise<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  await fsp.writeFile(file, bytes, { flag: 'wx' });
  return bytes;
}

export const writeEvidenceFolder = (async (
  plan: ExportPlan,
  opts: { outDir: string; asciiNames: boolean },
  ctx: PartContext,
): Promise<EvidenceFolderResult> => {
  if (ctx.signal.aborted) throw cancelled();
  const outAbs = path.resolve(opts.outDir);
  const finalDir = path.join(outAbs, TLKC_DIR);
  const entries = planFolderLayout(plan, finalDir, opts.asciiNames);
  await fsp.mkdir(outAbs, { recursive: true });
  await removeStaleTemps(outAbs);
  const tmp = await fsp.mkdtemp(path.join(outAbs, '.tlkc-'));
  try {
    const { written, bad } = await copyEntries(entries, tmp, ctx);
    const damaged = excludedOf(entries, bad);
    const excluded = [...plan.excluded, ...damaged];
    const createdAt = new Date();
    const meta = { asciiNames: opts.asciiNames, createdAt };
    const manifest = await writeText(
      path.join(tmp, MANIFEST_FILE),
      `${JSON.stringify(buildManifest(plan, written, excluded, meta), null, 2)}\n`,
    );
    await writeText(path.join(tmp, NOTE_FILE), readmeText(plan, written, excluded, meta));
    const sums = written.map((w) => ({ sha256: w.sha256, path: w.entry.rel }));
    sums.push({ sha256: createHash('sha256').update(manifest).digest('hex'), path: MANIFEST_FILE });
    await writeText(path.join(tmp, SUMS_FILE), sha256Sums(sums));
    if (ctx.signal.aborted) throw cancelled();
    await replaceDir(tmp, finalDir);
    ctx.progress(written.length + 1, written.length + 1, 'Đã xong thư mục tài liệu kiểm chứng');
    const files = new Map<string, string>();
    for (const w of written) files.set(w.entry.link.evidenceCode, `${TLKC_DIR}/${w.entry.rel}`);
    return {
      folder: finalDir,
      files,
      count: written.length,
      bytes: written.reduce((s, w) => s + w.size, 0),
      excluded: damaged,
    };
  } catch (e) {
    await fsp.rm(tmp, { recursive: true, force: true });
    if (ctx.signal.aborted) throw cancelled();
    throw e;
  }
}) satisfies WriteFolder;
