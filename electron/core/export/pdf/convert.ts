/**
 * Turns the plan's documents into what the dossier includes: PDFs as they are, images as one
 * page each, office files converted by LibreOffice when it is there — otherwise (or when the
 * conversion fails) a notice page with the original attached inside the PDF. Page counts the
 * library does not know yet are read in a worker, under a time limit.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ExportPlan, PlanDocument } from '../plan';
import type { PartContext } from '../parts';
import { CoreError } from '../../errors';
import type { DocSpec } from './model';
import { convertToPdf, ConvertError } from './libreoffice';
import { JobTimeout, PoolStopped, WorkerFailed, type WorkerPool } from './pool';
import { docDescription } from './text';

export const CONVERT_TIMEOUT_MS = 180_000;

/** How long reading a PDF may take: 30 s, plus 1 s per MB. */
export function parseTimeoutMs(bytes: number): number {
  return 30_000 + Math.ceil(bytes / 1048576) * 1000;
}

/** "1.2.3-02 (154/KH-UBND ngày 31/05/2021: Kế hoạch…)" for messages. */
export function nameOf(
  d: Pick<DocSpec, 'code' | 'number' | 'issuedOn' | 'subject' | 'docTypeName' | 'originalName'>,
): string {
  const desc = docDescription(d);
  const short = desc.length > 90 ? `${desc.slice(0, 89)}…` : desc;
  return `${d.code} (${short})`;
}

export function docSpec(d: PlanDocument): DocSpec {
  return {
    id: d.id,
    kind: 'pdf',
    path: d.file,
    imageType: null,
    pages: d.pages ?? 0,
    size: d.size,
    code: d.firstEvidenceCode,
    number: d.number,
    issuedOn: d.issuedOn,
    issuer: d.issuer,
    subject: d.subject,
    docTypeName: d.docTypeName,
    originalName: d.originalName,
    attachment: null,
  };
}

export async function prepareDocuments(
  plan: ExportPlan,
  opts: { libreOffice: string | null; workDir: string; convertTimeoutMs?: number },
  pool: WorkerPool,
  ctx: PartContext,
  /** A PDF the workers cannot read: left out of the dossier by the caller. */
  onUnreadable: (docId: number, reason: string) => void = (id, reason) => {
    throw new CoreError('BAD_FILE', reason, { documentId: id });
  },
): Promise<DocSpec[]> {
  const out: DocSpec[] = [];
  const all = [...plan.documents.values()];
  const office = all.filter((d) => plan.officeKinds.has(d.fileKind));
  let converted = 0;
  for (const d of all) {
    if (ctx.signal.aborted) throw cancelled();
    const spec = docSpec(d);
    if (d.fileKind === 'png' || d.fileKind === 'jpeg') {
      out.push({ ...spec, kind: 'image', imageType: d.fileKind, pages: 1 });
      continue;
    }
    if (d.fileKind === 'pdf') {
      if (d.pages === null || d.pages <= 0) {
        try {
          spec.pages = await pool.any<number>(
            { kind: 'count', path: d.file },
            parseTimeoutMs(d.size),
          );
        } catch (e) {
          const reason = damagedReason(e);
          if (reason === null) throw readError(spec, e);
          onUnreadable(d.id, reason);
          continue;
        }
      }
      out.push(spec);
      continue;
    }
    const attach = (reason: 'no-office' | 'failed'): DocSpec => ({
      ...spec,
      kind: 'attachment',
      pages: 1,
      attachment: { reason, path: d.file, mime: d.mime, size: d.size, fileKind: d.fileKind },
    });
    if (!plan.officeKinds.has(d.fileKind) || !opts.libreOffice) {
      out.push(attach('no-office'));
      continue;
    }
    ctx.progress(converted, office.length, `Đang chuyển tệp ${nameOf(spec)} thành PDF…`);
    converted++;
    const inDir = path.join(opts.workDir, 'office', String(d.id));
    mkdirSync(inDir, { recursive: true });
    const input = path.join(inDir, `tai-lieu-${d.id}.${d.fileKind}`);
    copyFileSync(d.file, input);
    try {
      const pdf = await convertToPdf(
        opts.libreOffice,
        input,
        path.join(inDir, 'pdf'),
        path.join(opts.workDir, 'lo-profile'),
        {
          timeoutMs: opts.convertTimeoutMs ?? CONVERT_TIMEOUT_MS,
          signal: ctx.signal,
        },
      );
      const pages = await countPages(pool, spec, pdf, d.size).catch((e: unknown) => {
        if (e instanceof CoreError && e.code === 'CANCELLED') throw e;
        return 0;
      });
      out.push(pages > 0 ? { ...spec, kind: 'pdf', path: pdf, pages } : attach('failed'));
    } catch (e) {
      if (e instanceof ConvertError && e.reason === 'cancelled') throw cancelled();
      if (e instanceof CoreError) throw e;
      out.push(attach('failed'));
    }
  }
  return out;
}

async function countPages(
  pool: WorkerPool,
  spec: DocSpec,
  file: string,
  size: number,
): Promise<number> {
  try {
    return await pool.any<number>({ kind: 'count', path: file }, parseTimeoutMs(size));
  } catch (e) {
    throw readError(spec, e);
  }
}

/**
 * Why a document is left out when a worker failed on it with an error of its own (the file
 * does not parse, its pages' objects are missing): null for failures that are not the
 * document's (cancel, start-up), or that stop the export (time limit, out of memory, crash).
 */
export function damagedReason(e: unknown): string | null {
  if (!(e instanceof WorkerFailed)) return null;
  if (['Startup', 'OutOfMemory', 'Crash', 'PageCountMismatch'].includes(e.remoteName)) return null;
  return /encrypt|password/i.test(e.message)
    ? 'PDF có mật khẩu: không thể đưa vào hồ sơ.'
    : 'PDF bị hỏng, không đọc được khi dựng hồ sơ PDF.';
}

/** The PDF workers could not start (a broken installation): nobody's document is at fault. */
export function startupError(e: Error): CoreError {
  return new CoreError(
    'INTERNAL',
    'Không khởi động được phần dựng tệp PDF của ứng dụng. Hãy khởi động lại ứng dụng; nếu vẫn lỗi, hãy cài đặt lại.',
    { cause: e.message },
  );
}

export function cancelled(): CoreError {
  return new CoreError('CANCELLED', 'Đã hủy xuất hồ sơ PDF.');
}

/** The Vietnamese error for a document that cannot be read, naming it. */
export function readError(spec: DocSpec, e: unknown): CoreError {
  if (e instanceof CoreError) return e;
  if (e instanceof PoolStopped) return cancelled();
  const name = nameOf(spec);
  if (e instanceof WorkerFailed && e.remoteName === 'Startup') return startupError(e);
  if (e instanceof WorkerFailed && e.remoteName === 'OutOfMemory') {
    return new CoreError(
      'TOO_LARGE',
      `Tài liệu ${name} quá lớn hoặc quá phức tạp để đưa vào hồ sơ (hết bộ nhớ). Hãy in (lưu) lại thành PDF nhỏ hơn hoặc tách thành nhiều tệp.`,
      { documentId: spec.id },
    );
  }
  if (e instanceof JobTimeout) {
    return new CoreError(
      'TIMEOUT',
      `Đọc tài liệu ${name} quá lâu nên đã dừng xuất hồ sơ. Tệp có thể bị lỗi: hãy mở tệp, in (lưu) lại thành PDF mới, thay tệp trong thư viện rồi xuất lại.`,
      { documentId: spec.id },
    );
  }
  const msg = e instanceof Error ? e.message : String(e);
  const encrypted = /encrypt|password/i.test(msg);
  return new CoreError(
    'BAD_FILE',
    encrypted
      ? `Tài liệu ${name} có mật khẩu nên không đưa được vào hồ sơ. Hãy thay bằng bản không đặt mật khẩu rồi xuất lại.`
      : `Không đọc được tài liệu ${name}: tệp bị lỗi. Hãy mở tệp, in (lưu) lại thành PDF mới, thay tệp trong thư viện rồi xuất lại.`,
    { documentId: spec.id, cause: msg },
  );
}
