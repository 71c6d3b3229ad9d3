import { existsSync, promises as fsp } from 'node:fs';
import type { CallContext, ParsedInput } from '../../../shared/api';
import type { AddFileResult, AddResult } from '../../../shared/contract/evidence';
import type { FileRef } from '../../../shared/contract/files';
import { documentLabel } from '../../../shared/evidence';
import { audit } from '../audit';
import type { CoreContext } from '../context';
import { tx, type Db } from '../db/open';
import { CoreError, notFound } from '../errors';
import { readSettings } from '../settings';
import { safeName } from '../uploads';
import { analyseFile, cleanSuggestion, type Analysis } from './analysis';
import type { AnalysisQueue } from './analysis';
import { metadataColumns, updateDocument, type MetadataPatch } from './edit';
import { addLink, nodeRef, resolveSlot, type NodeRef } from './links';
import { documentRow, insertDocument, liveBySha, toDocument, type DocumentRow } from './repo';
import { reindex } from './search';
import { isRefused, sniffFile, type SniffAccepted } from './sniff';
import { removeUnusedFiles } from './edit';

/**
 * Adding files to the library. Per file: type from the bytes, size limit, then one streaming
 * pass that hashes and copies into the store; rows are written after their files, in input
 * order, a batch of files per transaction. Up to IO_AHEAD files are read at once so copying
 * overlaps the fsyncs. Reading the content (pages, text, metadata) is either awaited before the row is
 * written (small batches: a damaged PDF is refused outright) or left to the background queue.
 */

const IO_AHEAD = 8;
const BATCH = 32;
const BATCH_MS = 250;
const WAIT_UP_TO = 20;

/** Hashes held by a running intake: purge must not delete them under it. */
export class ShaClaims {
  private readonly held = new Map<string, number>();
  claim(sha: string): void {
    this.held.set(sha, (this.held.get(sha) ?? 0) + 1);
  }
  release(sha: string): void {
    const n = (this.held.get(sha) ?? 1) - 1;
    if (n <= 0) this.held.delete(sha);
    else this.held.set(sha, n);
  }
  has(sha: string): boolean {
    return this.held.has(sha);
  }
}

type Prepared =
  | { kind: 'refused'; name: string; reason: string }
  | { kind: 'skipped' }
  | {
      kind: 'stored';
      name: string;
      sha256: string;
      size: number;
      existed: boolean;
      sniff: SniffAccepted;
      analysis: Analysis | null;
    };

const mb = (bytes: number) => (bytes / 1048576).toFixed(1).replace('.', ',');

const DAMAGED =
  'Tệp PDF bị hỏng hoặc không đầy đủ (có thể chưa tải về hay sao chép xong) nên không đọc được. Hãy lấy lại tệp gốc rồi thêm lại.';

/** A complete PDF ends with %%EOF; a cut download or copy does not. Cheap, before any copying. */
async function pdfLooksComplete(file: string, size: number): Promise<boolean> {
  const fh = await fsp.open(file, 'r');
  try {
    const len = Math.min(size, 2048);
    const buf = Buffer.alloc(len);
    await fh.read(buf, 0, len, size - len);
    return buf.toString('latin1').includes('%%EOF');
  } finally {
    await fh.close();
  }
}

const FIELD_NAMES: Record<keyof MetadataPatch, string> = {
  docType: 'loại văn bản',
  number: 'số, ký hiệu',
  issuedOn: 'ngày ban hành',
  issuer: 'cơ quan ban hành',
  subject: 'trích yếu',
  draft: 'dự thảo',
  note: 'ghi chú',
};
const COLUMNS: Record<keyof MetadataPatch, keyof DocumentRow> = {
  docType: 'doc_type',
  number: 'number',
  issuedOn: 'issued_on',
  issuer: 'issuer',
  subject: 'subject',
  draft: 'draft',
  note: 'note',
};

/** The given fields whose stored value (cleaned as stored) differs from the document's. */
function changedMetadata(row: DocumentRow, given: MetadataPatch): MetadataPatch {
  const out: MetadataPatch = {};
  for (const key of Object.keys(COLUMNS) as (keyof MetadataPatch)[]) {
    if (given[key] === undefined) continue;
    const col = COLUMNS[key];
    const value = metadataColumns({ [key]: given[key] })[col];
    if (value !== row[col]) (out as Record<string, unknown>)[key] = given[key];
  }
  return out;
}

function officeOf(c: CoreContext, db: Db, given: number | undefined): number | null {
  if (given !== undefined) {
    if (!db.prepare('SELECT 1 FROM office WHERE id = ? AND deleted_at IS NULL').get(given))
      throw notFound(`phòng ban số ${given}`);
    return given;
  }
  const name = c.actor().office;
  const byName = name
    ? (db
        .prepare('SELECT id FROM office WHERE deleted_at IS NULL AND lower(name) = lower(?)')
        .pluck()
        .get(name) as number | undefined)
    : undefined;
  return byName ?? readSettings(db).userOfficeId;
}

export async function addFiles(
  c: CoreContext,
  queue: AnalysisQueue,
  claims: ShaClaims,
  input: ParsedInput<'evidence.add'>,
  ctx: CallContext,
): Promise<AddResult> {
  const w = c.writable();
  const db = w.db;
  const settings = readSettings(db);
  const maxBytes = settings.maxFileMb * 1048576;
  const node: NodeRef | null = input.nodeId === undefined ? null : nodeRef(db, input.nodeId);
  const slot = node ? resolveSlot(db, node, input.slot) : null;
  const officeId = officeOf(c, db, input.officeId);
  const overrides = metadataColumns(input.metadata ?? {});
  const actor = c.actor();
  const total = input.files.length;
  const wait = input.analyse === 'wait' || (input.analyse === 'auto' && total <= WAIT_UP_TO);
  const uploads = c.uploads();

  const prepare = async (ref: FileRef): Promise<Prepared> => {
    if (ctx.signal.aborted) return { kind: 'skipped' };
    let name = 'tệp';
    try {
      const file = uploads.resolve(ref);
      name = safeName(file.name);
      const { size } = await fsp.stat(file.path);
      if (size > maxBytes) {
        return {
          kind: 'refused',
          name,
          reason: `Tệp ${mb(size)} MB vượt quá giới hạn ${settings.maxFileMb} MB cho mỗi tệp. Hãy nén hoặc tách tệp rồi thêm lại.`,
        };
      }
      const sniff = await sniffFile(file.path);
      if (isRefused(sniff)) return { kind: 'refused', name, reason: sniff.reason };
      if (sniff.kind === 'pdf' && !(await pdfLooksComplete(file.path, size)))
        return { kind: 'refused', name, reason: DAMAGED };
      let put = await w.store.putFile(file.path, { signal: ctx.signal, maxBytes });
      claims.claim(put.sha256);
      // A purge may have removed the stored copy between hashing and the claim.
      if (!existsSync(w.store.pathOf(put.sha256))) put = await w.store.putFile(file.path);
      let analysis: Analysis | null = null;
      if (wait && !liveBySha(db, put.sha256)) {
        const stored = w.store.pathOf(put.sha256);
        analysis = await queue.run(true, () => analyseFile(stored, sniff.kind, name));
      }
      return { kind: 'stored', name, ...put, sniff, analysis };
    } catch (e) {
      if (e instanceof CoreError && e.code === 'CANCELLED') return { kind: 'skipped' };
      if (e instanceof CoreError) return { kind: 'refused', name, reason: e.message };
      const code = (e as NodeJS.ErrnoException).code;
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
        return {
          kind: 'refused',
          name,
          reason:
            'Không đọc được tệp (tệp đang mở ở chương trình khác, bị khóa hoặc không có quyền đọc).',
        };
      }
      throw e;
    }
  };

  /** Gives up a stored file that ended with no row: removed unless something else uses it. */
  const discard = (p: Extract<Prepared, { kind: 'stored' }>) => {
    claims.release(p.sha256);
    if (!p.existed) removeUnusedFiles(db, w.store, [p.sha256], (h) => claims.has(h));
  };

  const commit = (index: number, p: Extract<Prepared, { kind: 'stored' }>): AddFileResult => {
    const existing = liveBySha(db, p.sha256);
    if (existing) {
      let linked = false;
      let already = false;
      const patch = changedMetadata(existing, input.metadata ?? {});
      tx(db, () => {
        // What was given for this file (CLI --number, --subject, …) applies to the document
        // already in the library, as an edit by this person.
        if (Object.keys(patch).length > 0 && updateDocument(db, existing.id, patch, undefined)) {
          audit(db, actor, 'evidence.update', 'document', existing.id, {
            ...metadataColumns(patch),
            duplicateOf: p.name,
          });
        }
        if (node) {
          linked = addLink(db, node, existing.id, existing.pages, { slot }, actor.name);
          already = !linked;
          if (linked)
            audit(db, actor, 'evidence.link', 'document', existing.id, {
              nodeId: node.id,
              code: node.code,
              duplicateOf: p.name,
            });
        }
      });
      const row = documentRow(db, existing.id)!;
      const label = documentLabel({
        number: row.number,
        docType: row.doc_type,
        originalName: row.original_name,
      });
      const fields = Object.keys(patch).map((k) => FIELD_NAMES[k as keyof MetadataPatch]);
      const updated = fields.length
        ? ` Đã cập nhật ${fields.join(', ')} theo thông tin vừa nhập.`
        : '';
      return {
        index,
        fileName: p.name,
        status: 'duplicate',
        reason:
          (linked
            ? `Tệp này đã có trong thư viện (${label}); đã liên kết tài liệu sẵn có.`
            : already
              ? `Tệp này đã có trong thư viện (${label}) và đã được liên kết với tiêu chí ${node!.code} từ trước.`
              : `Tệp này đã có trong thư viện (${label}).`) + updated,
        warnings: toDocument(row, settings.uploadWarnMb).warnings,
        document: toDocument(row, settings.uploadWarnMb),
        linked,
      };
    }
    const a = p.analysis;
    const pick = <T>(col: string, suggested: T): T =>
      col in overrides ? (overrides[col] as T) : suggested;
    const draft = pick<number | null>('draft', a?.meta.draft == null ? null : a.meta.draft ? 1 : 0);
    const id = tx(db, () => {
      const newId = insertDocument(db, {
        sha256: p.sha256,
        size: p.size,
        fileKind: p.sniff.kind,
        mime: p.sniff.mime,
        originalName: p.name,
        pages: a?.pages ?? null,
        encrypted: a?.encrypted ?? false,
        damaged: a?.damaged ?? false,
        hasText: a?.hasText ?? null,
        text: a?.text ?? null,
        docType: pick('doc_type', cleanSuggestion(a?.meta.docType ?? null)),
        number: pick('number', cleanSuggestion(a?.meta.number ?? null)),
        issuedOn: pick('issued_on', a?.meta.issuedOn ?? null),
        issuer: pick('issuer', cleanSuggestion(a?.meta.issuer ?? null)),
        subject: pick('subject', cleanSuggestion(a?.meta.subject ?? null)),
        draft: draft === null ? null : draft === 1,
        note: pick<string | null>('note', null),
        metadataSource: 'auto',
        analysisStatus: a ? (a.error ? 'failed' : 'done') : 'pending',
        analysisError: a?.error ?? null,
        createdBy: actor.name,
        officeId,
      });
      if (node) addLink(db, node, newId, a?.pages ?? null, { slot }, actor.name);
      reindex(db, newId);
      audit(db, actor, 'evidence.add', 'document', newId, {
        name: p.name,
        sha256: p.sha256,
        size: p.size,
        ...(node ? { nodeId: node.id, code: node.code } : {}),
      });
      return newId;
    });
    const doc = toDocument(documentRow(db, id)!, settings.uploadWarnMb);
    return {
      index,
      fileName: p.name,
      status: 'added',
      reason: null,
      warnings: doc.warnings,
      document: doc,
      linked: node !== null,
    };
  };

  const results: AddFileResult[] = [];
  const started = new Map<number, Promise<Prepared>>();
  const ready = new Map<number, Prepared>();
  const start = (i: number) => {
    if (i >= total || started.has(i)) return;
    const p = prepare(input.files[i]!);
    started.set(i, p);
    void p.then(
      (v) => ready.set(i, v),
      () => undefined,
    );
  };
  const refusal = (index: number, fileName: string, reason: string): AddFileResult => ({
    index,
    fileName,
    status: 'refused',
    reason,
    warnings: [],
    document: null,
    linked: false,
  });
  let cancelled = false;
  // Files read but not yet committed. They are committed together, in one transaction: one
  // sync of the journal for many files (the files themselves are already durable).
  let batch: [number, Prepared][] = [];
  let batchSince = 0;
  const flush = () => {
    const out: AddFileResult[] = [];
    const committed: string[] = [];
    const taken = batch;
    batch = [];
    tx(db, () => {
      for (const [index, p] of taken) {
        if (cancelled || p.kind === 'skipped' || ctx.signal.aborted) {
          cancelled = true;
          if (p.kind === 'stored') discard(p);
        } else if (p.kind === 'refused') {
          out.push(refusal(index, p.name, p.reason));
        } else if (p.analysis?.damaged && p.sniff.kind === 'pdf') {
          discard(p);
          out.push(refusal(index, p.name, DAMAGED));
        } else {
          out.push(commit(index, p));
          committed.push(p.sha256);
        }
      }
    });
    for (const sha of committed) claims.release(sha);
    for (const r of out) {
      results.push(r);
      uploads.discard(input.files[r.index]!);
      ctx.progress(results.length, total, r.fileName);
    }
  };
  try {
    for (let i = 0; i < total && !cancelled;) {
      for (let k = i; k < i + IO_AHEAD; k++) start(k);
      await started.get(i)!;
      if (batch.length === 0) batchSince = Date.now();
      for (; ready.has(i); i++) {
        batch.push([i, ready.get(i)!]);
        ready.delete(i);
        started.delete(i);
      }
      const stop = ctx.signal.aborted || batch.some(([, p]) => p.kind === 'skipped');
      if (stop || i >= total || batch.length >= BATCH || Date.now() - batchSince >= BATCH_MS)
        flush();
    }
  } finally {
    // Whatever was read and not committed leaves nothing behind.
    for (const [, p] of batch) if (p.kind === 'stored') discard(p);
    for (const pending of started.values()) {
      const p = await pending.catch(() => null);
      if (p?.kind === 'stored') discard(p);
    }
  }

  if (results.some((r) => r.status === 'added' && r.document?.analysisStatus === 'pending'))
    queue.kick();
  if (results.some((r) => r.status !== 'refused')) c.changed('evidence');
  const count = (s: AddFileResult['status']) => results.filter((r) => r.status === s).length;
  return {
    results,
    summary: {
      total,
      added: count('added'),
      duplicates: count('duplicate'),
      refused: count('refused'),
      linked: results.filter((r) => r.linked).length,
      skipped: total - results.length,
      cancelled,
      pendingAnalysis: results.filter((r) => r.document?.analysisStatus === 'pending').length,
    },
  };
}
