import { formatDateVi } from '../../../shared/dates';
import { docTypeName } from '../../../shared/evidence';
import { foldVi, searchKey } from '../../../shared/text';
import type { Db } from '../db/open';
import { stmt } from './repo';

/**
 * Full-text search over the library. Each document has one row in document_fts (rowid = id)
 * holding its metadata and extracted text twice: as NFC ("body") and folded ("folded": no
 * diacritics, đ → d, lower case). Queries are folded the same way and run on "folded", so
 * "quyet dinh 1234" finds "QUYẾT ĐỊNH … Số: 1234/QĐ-UBND". Every write to a document's
 * searchable fields calls reindex() inside the same transaction. Documents in the trash are
 * left out of the index, so a plain search never has to look at the document table.
 */

interface Indexable {
  doc_type: string | null;
  number: string | null;
  issued_on: string | null;
  issuer: string | null;
  subject: string | null;
  original_name: string;
  note: string | null;
  text: string | null;
}

function bodyOf(r: Indexable): string {
  return [
    // The type's name makes a scan found by "quyết định" once a person has set its type.
    docTypeName(r.doc_type) ?? r.doc_type,
    r.number,
    r.issued_on ? formatDateVi(r.issued_on) : null,
    r.issuer,
    r.subject,
    r.original_name,
    r.note,
    r.text,
  ]
    .filter((s): s is string => Boolean(s))
    .join('\n');
}

export function reindex(db: Db, documentId: number): void {
  const row = stmt(
    db,
    `SELECT d.doc_type, d.number, d.issued_on, d.issuer, d.subject, d.original_name, d.note, t.text
     FROM document d LEFT JOIN document_text t ON t.document_id = d.id
     WHERE d.id = ? AND d.deleted_at IS NULL`,
  ).get(documentId) as Indexable | undefined;
  stmt(db, 'DELETE FROM document_fts WHERE rowid = ?').run(documentId);
  if (!row) return;
  const body = bodyOf(row);
  stmt(db, 'INSERT INTO document_fts (rowid, body, folded) VALUES (?, ?, ?)').run(
    documentId,
    body,
    foldVi(body),
  );
}

export function unindex(db: Db, documentId: number): void {
  db.prepare('DELETE FROM document_fts WHERE rowid = ?').run(documentId);
}

/**
 * The FTS5 expression for what a person typed: every word must appear in the folded column,
 * the last one as a prefix (the person may still be typing it) unless it is a single letter. "154/KH-UBND" stays one
 * quoted phrase, so its parts must be adjacent. Null when nothing searchable was typed.
 */
export function ftsQuery(search: string): string | null {
  const words = searchKey(search)
    .split(' ')
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  const kept = words.slice(0, 20);
  // A one-letter prefix matches nearly every document and costs the most: keep it a word.
  const terms = kept.map(
    (w, i) => `"${w.replace(/"/g, '""')}"${i === kept.length - 1 && w.length > 1 ? '*' : ''}`,
  );
  return `folded : (${terms.join(' AND ')})`;
}
