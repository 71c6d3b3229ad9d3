import { rmSync } from 'node:fs';
import { documentLabel, normaliseDocType, normaliseNumber } from '../../../shared/evidence';
import { cleanText } from '../../../shared/text';
import type { Db } from '../db/open';
import { CoreError, notFound } from '../errors';
import { STORED_FILE_QUERIES } from '../verify';
import type { FileStore } from '../store/store';
import { liveRow } from './repo';
import { reindex, unindex } from './search';

/** Metadata edits, the trash, and purging; each runs inside the caller's transaction. */

export interface MetadataPatch {
  docType?: string | null | undefined;
  number?: string | null | undefined;
  issuedOn?: string | null | undefined;
  issuer?: string | null | undefined;
  subject?: string | null | undefined;
  draft?: boolean | null | undefined;
  note?: string | null | undefined;
}

const text = (s: string | null) => (s == null ? null : cleanText(s) || null);

/** Column → value for the fields present in the patch, cleaned as stored. */
export function metadataColumns(m: MetadataPatch): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  if (m.docType !== undefined) out.doc_type = normaliseDocType(m.docType);
  if (m.number !== undefined) out.number = normaliseNumber(m.number);
  if (m.issuedOn !== undefined) out.issued_on = m.issuedOn;
  if (m.issuer !== undefined) out.issuer = text(m.issuer);
  if (m.subject !== undefined) out.subject = text(m.subject);
  if (m.draft !== undefined) out.draft = m.draft === null ? null : m.draft ? 1 : 0;
  if (m.note !== undefined) out.note = text(m.note);
  return out;
}

/** Edits a document; any metadata field (not the note) marks it as confirmed by a person. */
export function updateDocument(
  db: Db,
  id: number,
  m: MetadataPatch,
  officeId: number | null | undefined,
): boolean {
  liveRow(db, id);
  const cols = metadataColumns(m);
  const sets = Object.keys(cols).map((k) => `${k} = @${k}`);
  if (Object.keys(cols).some((k) => k !== 'note')) sets.push("metadata_source = 'user'");
  if (officeId !== undefined) {
    if (officeId !== null && !db.prepare('SELECT 1 FROM office WHERE id = ?').get(officeId))
      throw notFound(`phòng ban số ${officeId}`);
    sets.push('office_id = @office_id');
    cols.office_id = officeId;
  }
  if (sets.length === 0) return false;
  sets.push('updated_at = @updated_at');
  db.prepare(`UPDATE document SET ${sets.join(', ')} WHERE id = @id`).run({
    ...cols,
    updated_at: new Date().toISOString(),
    id,
  });
  reindex(db, id);
  return true;
}

export function trashDocument(db: Db, id: number): boolean {
  const r = db
    .prepare('UPDATE document SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
    .run(new Date().toISOString(), id);
  if (r.changes) unindex(db, id);
  return r.changes > 0;
}

/** Brings a document back from the trash, unless the same content is in the library again. */
export function restoreDocument(db: Db, id: number): boolean {
  const row = db.prepare('SELECT id, sha256, deleted_at FROM document WHERE id = ?').get(id) as
    { id: number; sha256: string; deleted_at: string | null } | undefined;
  if (!row) throw notFound(`tài liệu số ${id}`);
  if (!row.deleted_at) return false;
  const twin = db
    .prepare(
      'SELECT number, doc_type, original_name FROM document WHERE sha256 = ? AND deleted_at IS NULL',
    )
    .get(row.sha256) as
    { number: string | null; doc_type: string | null; original_name: string } | undefined;
  if (twin) {
    throw new CoreError(
      'CONFLICT',
      `Không khôi phục được tài liệu số ${id}: thư viện đã có tài liệu cùng nội dung (${documentLabel({ number: twin.number, docType: twin.doc_type, originalName: twin.original_name })}).`,
    );
  }
  db.prepare('UPDATE document SET deleted_at = NULL WHERE id = ?').run(id);
  reindex(db, id);
  return true;
}

/**
 * Removes trashed documents for good (rows, links, search entry). Returns the hashes of their
 * files: the caller removes the unused ones after the transaction commits, so a crash can
 * leave an unused file but never a row without its file.
 */
export function purgeDocuments(db: Db, ids: number[]): { purged: number[]; hashes: string[] } {
  const hashes = new Set<string>();
  const purged: number[] = [];
  for (const id of ids) {
    const row = db.prepare('SELECT sha256, deleted_at FROM document WHERE id = ?').get(id) as
      { sha256: string; deleted_at: string | null } | undefined;
    if (!row) continue;
    if (!row.deleted_at) {
      throw new CoreError(
        'CONFLICT',
        `Tài liệu số ${id} chưa ở trong thùng rác; hãy xóa (chuyển vào thùng rác) trước khi xóa hẳn.`,
      );
    }
    unindex(db, id);
    db.prepare('DELETE FROM document WHERE id = ?').run(id);
    hashes.add(row.sha256);
    purged.push(id);
  }
  return { purged, hashes: [...hashes] };
}

/**
 * Deletes stored files that no row points at and no running intake holds. Synchronous on
 * purpose: nothing else in this process can claim or insert a hash between the check and
 * the deletion.
 */
export function removeUnusedFiles(
  db: Db,
  store: FileStore,
  hashes: string[],
  isClaimed: (sha: string) => boolean,
): number {
  if (hashes.length === 0) return 0;
  const used = new Set<string>();
  for (const sql of STORED_FILE_QUERIES) {
    for (const h of db.prepare(sql).pluck().all() as string[]) used.add(h);
  }
  let removed = 0;
  for (const h of hashes) {
    if (used.has(h) || isClaimed(h)) continue;
    rmSync(store.pathOf(h), { force: true });
    removed++;
  }
  return removed;
}
