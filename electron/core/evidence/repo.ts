import type {
  AnalysisStatus,
  EvidenceDocument,
  EvidenceLink,
  FileKind,
} from '../../../shared/contract/evidence';
import { docTypeName } from '../../../shared/evidence';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { notFound } from '../errors';

/** Rows of document and document_link, and their shapes on the contract. */

const statements = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per connection: intake runs these for every file. */
export function stmt(db: Db, sql: string): Statement {
  let byDb = statements.get(db);
  if (!byDb) statements.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) byDb.set(sql, (s = db.prepare(sql)));
  return s;
}

export interface DocumentRow {
  id: number;
  sha256: string;
  size: number;
  file_kind: FileKind;
  mime: string;
  original_name: string;
  pages: number | null;
  encrypted: number;
  damaged: number;
  has_text: number | null;
  doc_type: string | null;
  number: string | null;
  issued_on: string | null;
  issuer: string | null;
  subject: string | null;
  draft: number | null;
  note: string | null;
  metadata_source: 'auto' | 'user';
  analysis_status: AnalysisStatus;
  analysis_error: string | null;
  created_at: string;
  created_by: string | null;
  office_id: number | null;
  office_name: string | null;
  deleted_at: string | null;
  link_count: number;
}

/** Everything but the text, which can be large; links to deleted nodes do not count. */
export const DOCUMENT_SELECT = `
  SELECT d.id, d.sha256, d.size, d.file_kind, d.mime, d.original_name, d.pages, d.encrypted,
    d.damaged, d.has_text, d.doc_type, d.number, d.issued_on, d.issuer, d.subject, d.draft,
    d.note, d.metadata_source, d.analysis_status, d.analysis_error, d.created_at, d.created_by,
    d.office_id, o.name AS office_name, d.deleted_at,
    (SELECT count(*) FROM document_link l JOIN node n ON n.id = l.node_id
     WHERE l.document_id = d.id AND n.deleted_at IS NULL) AS link_count
  FROM document d LEFT JOIN office o ON o.id = d.office_id`;

const mb = (bytes: number) => (bytes / 1048576).toFixed(1).replace('.', ',');

export function isScan(r: Pick<DocumentRow, 'file_kind' | 'has_text' | 'encrypted' | 'damaged'>) {
  return r.file_kind === 'pdf' && r.has_text === 0 && r.encrypted === 0 && r.damaged === 0;
}

/** What a person should know about a file before relying on it, in Vietnamese. */
export function warningsOf(r: DocumentRow, uploadWarnMb: number): string[] {
  const out: string[] = [];
  if (r.encrypted) {
    out.push(
      'Tệp PDF có đặt mật khẩu: vẫn được lưu trong thư viện nhưng không thể đưa vào hồ sơ gửi Sở Nội vụ. Hãy bỏ mật khẩu rồi thêm lại.',
    );
  }
  if (r.damaged) {
    out.push('Tệp PDF bị hỏng, không đọc được đầy đủ. Hãy lấy lại bản gốc hoặc quét lại.');
  }
  if (isScan(r)) {
    out.push(
      'Bản scan, không có lớp chữ: không tìm được theo nội dung. Hãy kiểm tra và nhập số, ngày, trích yếu.',
    );
  }
  if (r.size > uploadWarnMb * 1048576) {
    out.push(
      `Tệp ${mb(r.size)} MB, lớn hơn giới hạn tải lên ${uploadWarnMb} MB của hệ thống chấm điểm. Hãy nén hoặc tách tệp.`,
    );
  }
  if (r.draft === 1) {
    out.push(
      'Văn bản có dấu hiệu là dự thảo (chưa có số hoặc ngày ban hành); dự thảo không được tính là tài liệu kiểm chứng.',
    );
  }
  if (r.analysis_status === 'failed' && r.analysis_error) out.push(r.analysis_error);
  return out;
}

export function toDocument(r: DocumentRow, uploadWarnMb: number): EvidenceDocument {
  return {
    id: r.id,
    sha256: r.sha256,
    size: r.size,
    fileKind: r.file_kind,
    mime: r.mime,
    originalName: r.original_name,
    pages: r.pages,
    encrypted: r.encrypted === 1,
    damaged: r.damaged === 1,
    hasText: r.has_text === null ? null : r.has_text === 1,
    isScan: isScan(r),
    docType: r.doc_type,
    docTypeName: docTypeName(r.doc_type),
    number: r.number,
    issuedOn: r.issued_on,
    issuer: r.issuer,
    subject: r.subject,
    draft: r.draft === 1,
    note: r.note,
    metadataSource: r.metadata_source,
    analysisStatus: r.analysis_status,
    analysisError: r.analysis_error,
    overUploadLimit: r.size > uploadWarnMb * 1048576,
    warnings: warningsOf(r, uploadWarnMb),
    officeId: r.office_id,
    officeName: r.office_name,
    createdAt: r.created_at,
    createdBy: r.created_by,
    deletedAt: r.deleted_at,
    linkCount: r.link_count,
  };
}

export function documentRow(db: Db, id: number): DocumentRow | undefined {
  return stmt(db, `${DOCUMENT_SELECT} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
}

/** A document that is in the library (not in the trash), or NOT_FOUND. */
export function liveRow(db: Db, id: number): DocumentRow {
  const row = documentRow(db, id);
  if (!row || row.deleted_at) throw notFound(`tài liệu số ${id}`);
  return row;
}

export function liveBySha(db: Db, sha256: string): DocumentRow | undefined {
  return stmt(db, `${DOCUMENT_SELECT} WHERE d.sha256 = ? AND d.deleted_at IS NULL`).get(sha256) as
    DocumentRow | undefined;
}

// ---------------------------------------------------------------------------------------------
// Links.

interface LinkRow {
  id: number;
  document_id: number;
  node_id: number;
  code: string;
  title: string;
  assessment_id: number;
  year: number;
  position: number;
  slot: string | null;
  pages: string | null;
  note: string | null;
  created_at: string;
}

const LINK_SELECT = `
  SELECT l.id, l.document_id, l.node_id, n.code, n.title, n.assessment_id, a.year, l.position,
    l.slot, l.pages, l.note, l.created_at
  FROM document_link l
  JOIN node n ON n.id = l.node_id AND n.deleted_at IS NULL
  JOIN assessment a ON a.id = n.assessment_id`;

const toLink = (r: LinkRow): EvidenceLink => ({
  id: r.id,
  documentId: r.document_id,
  nodeId: r.node_id,
  code: r.code,
  title: r.title,
  assessmentId: r.assessment_id,
  year: r.year,
  position: r.position,
  slot: r.slot,
  pages: r.pages,
  note: r.note,
  createdAt: r.created_at,
});

export function linksOfDocument(db: Db, documentId: number): EvidenceLink[] {
  const rows = db
    .prepare(`${LINK_SELECT} WHERE l.document_id = ? ORDER BY a.year DESC, n.assessment_id`)
    .all(documentId) as LinkRow[];
  return rows.map(toLink).sort((a, b) => compareCodes(a.code, b.code));
}

export function linksOfNode(db: Db, nodeId: number): EvidenceLink[] {
  return (
    db
      .prepare(`${LINK_SELECT} WHERE l.node_id = ? ORDER BY l.position, l.id`)
      .all(nodeId) as LinkRow[]
  ).map(toLink);
}

export function getLink(db: Db, nodeId: number, documentId: number): EvidenceLink | null {
  const row = db
    .prepare(`${LINK_SELECT} WHERE l.node_id = ? AND l.document_id = ?`)
    .get(nodeId, documentId) as LinkRow | undefined;
  return row ? toLink(row) : null;
}

/** "1.2.10" after "1.2.9"; letters ("a)") after numbers. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const c = x.localeCompare(y, 'vi', { numeric: true });
    if (c !== 0) return c;
  }
  return 0;
}

export interface NewDocument {
  sha256: string;
  size: number;
  fileKind: FileKind;
  mime: string;
  originalName: string;
  pages: number | null;
  encrypted: boolean;
  damaged: boolean;
  hasText: boolean | null;
  text: string | null;
  docType: string | null;
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  subject: string | null;
  draft: boolean | null;
  note: string | null;
  metadataSource: 'auto' | 'user';
  analysisStatus: AnalysisStatus;
  analysisError: string | null;
  createdBy: string | null;
  officeId: number | null;
}

/** Replaces a document's extracted text (none: no row). */
export function setText(db: Db, id: number, text: string | null): void {
  if (text) {
    stmt(
      db,
      `INSERT INTO document_text (document_id, text) VALUES (?, ?)
       ON CONFLICT(document_id) DO UPDATE SET text = excluded.text`,
    ).run(id, text);
  } else {
    stmt(db, 'DELETE FROM document_text WHERE document_id = ?').run(id);
  }
}

/** Inserts a row (the file must already be in the store); the caller indexes and audits. */
export function insertDocument(db: Db, d: NewDocument): number {
  const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
  const id = Number(
    stmt(
      db,
      `INSERT INTO document (sha256, size, file_kind, mime, original_name, pages, encrypted,
         damaged, has_text, doc_type, number, issued_on, issuer, subject, draft, note,
         metadata_source, analysis_status, analysis_error, created_at, created_by, office_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      d.sha256,
      d.size,
      d.fileKind,
      d.mime,
      d.originalName,
      d.pages,
      d.encrypted ? 1 : 0,
      d.damaged ? 1 : 0,
      bool(d.hasText),
      d.docType,
      d.number,
      d.issuedOn,
      d.issuer,
      d.subject,
      bool(d.draft),
      d.note,
      d.metadataSource,
      d.analysisStatus,
      d.analysisError,
      new Date().toISOString(),
      d.createdBy,
      d.officeId,
    ).lastInsertRowid,
  );
  setText(db, id, d.text);
  return id;
}
