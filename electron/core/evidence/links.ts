import { parsePageRanges } from '../../../shared/evidence';
import { cleanText, foldVi } from '../../../shared/text';
import type { Db } from '../db/open';
import { invalid, notFound } from '../errors';
import { getLink, stmt } from './repo';

/** Links between documents and nodes: order within a node, evidence slot, pages, note. */

export interface NodeRef {
  id: number;
  code: string;
  assessment_id: number;
}

export function nodeRef(db: Db, nodeId: number): NodeRef {
  const row = db
    .prepare('SELECT id, code, assessment_id FROM node WHERE id = ? AND deleted_at IS NULL')
    .get(nodeId) as NodeRef | undefined;
  if (!row) throw notFound(`tiêu chí số ${nodeId}`);
  return row;
}

/** The node's own spelling of a slot label, or a Vietnamese error naming the valid ones. */
export function resolveSlot(db: Db, node: NodeRef, slot: string | null | undefined): string | null {
  if (slot == null) return null;
  const labels = db
    .prepare('SELECT label FROM node_slot WHERE node_id = ? ORDER BY position')
    .pluck()
    .all(node.id) as string[];
  const key = foldVi(cleanText(slot));
  const hit = labels.find((l) => foldVi(l) === key);
  if (hit) return hit;
  if (labels.length === 0)
    throw invalid(`Tiêu chí ${node.code} không chia tài liệu theo ô; hãy bỏ trống ô tài liệu.`);
  throw invalid(
    `Tiêu chí ${node.code} không có ô tài liệu “${cleanText(slot)}”; các ô là: ${labels.join('; ')}.`,
  );
}

export function cleanPages(pages: string | null | undefined, pageCount: number | null) {
  if (pages == null) return null;
  const r = parsePageRanges(pages, pageCount);
  if (!r.ok) throw invalid(r.message);
  return r.value;
}

export function getLinkOrThrow(db: Db, nodeId: number, documentId: number) {
  const link = getLink(db, nodeId, documentId);
  if (!link) throw notFound('liên kết giữa tài liệu và tiêu chí này');
  return link;
}

const clean = (s: string | null | undefined) => (s == null ? null : cleanText(s) || null);

export interface LinkFields {
  slot?: string | null;
  pages?: string | null;
  note?: string | null;
}

/** Adds a link at the end of the node's list; false when it already existed (left as is). */
export function addLink(
  db: Db,
  node: NodeRef,
  documentId: number,
  pageCount: number | null,
  fields: LinkFields,
  by: string | null,
): boolean {
  const exists = stmt(db, 'SELECT 1 FROM document_link WHERE node_id = ? AND document_id = ?').get(
    node.id,
    documentId,
  );
  if (exists) return false;
  const position = stmt(
    db,
    'SELECT coalesce(max(position) + 1, 0) AS p FROM document_link WHERE node_id = ?',
  ).get(node.id) as { p: number };
  stmt(
    db,
    `INSERT INTO document_link (node_id, document_id, position, slot, pages, note, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    node.id,
    documentId,
    position.p,
    resolveSlot(db, node, fields.slot),
    cleanPages(fields.pages, pageCount),
    clean(fields.note),
    new Date().toISOString(),
    by,
  );
  return true;
}

/** Changes the given fields of an existing link (undefined: unchanged, null: cleared). */
export function updateLink(
  db: Db,
  node: NodeRef,
  documentId: number,
  pageCount: number | null,
  fields: LinkFields,
): void {
  const sets: string[] = [];
  const params: unknown[] = [];
  if (fields.slot !== undefined) {
    sets.push('slot = ?');
    params.push(resolveSlot(db, node, fields.slot));
  }
  if (fields.pages !== undefined) {
    sets.push('pages = ?');
    params.push(cleanPages(fields.pages, pageCount));
  }
  if (fields.note !== undefined) {
    sets.push('note = ?');
    params.push(clean(fields.note));
  }
  if (sets.length === 0) return;
  db.prepare(
    `UPDATE document_link SET ${sets.join(', ')} WHERE node_id = ? AND document_id = ?`,
  ).run(...params, node.id, documentId);
}

/** Removes a link and closes the gap in the node's order. */
export function removeLink(db: Db, nodeId: number, documentId: number): boolean {
  const r = db
    .prepare('DELETE FROM document_link WHERE node_id = ? AND document_id = ?')
    .run(nodeId, documentId);
  if (r.changes) renumber(db, nodeId);
  return r.changes > 0;
}

function renumber(db: Db, nodeId: number): void {
  const ids = db
    .prepare('SELECT id FROM document_link WHERE node_id = ? ORDER BY position, id')
    .pluck()
    .all(nodeId) as number[];
  const set = db.prepare('UPDATE document_link SET position = ? WHERE id = ?');
  ids.forEach((id, i) => set.run(i, id));
}

/**
 * Puts the node's documents in the given order. The list must name every linked document
 * once (documents in the trash may be left out; they keep their place after the others).
 */
export function reorderLinks(db: Db, nodeId: number, documentIds: number[]): void {
  const rows = db
    .prepare(
      `SELECT l.id, l.document_id, d.deleted_at FROM document_link l
       JOIN document d ON d.id = l.document_id WHERE l.node_id = ? ORDER BY l.position, l.id`,
    )
    .all(nodeId) as { id: number; document_id: number; deleted_at: string | null }[];
  const live = rows.filter((r) => r.deleted_at === null);
  const given = new Set(documentIds);
  if (
    given.size !== documentIds.length ||
    given.size !== live.length ||
    !live.every((r) => given.has(r.document_id))
  ) {
    throw invalid(
      'Thứ tự mới phải gồm đúng các tài liệu đang liên kết với tiêu chí, mỗi tài liệu một lần. Hãy tải lại danh sách rồi thử lại.',
    );
  }
  const byDoc = new Map(rows.map((r) => [r.document_id, r.id]));
  const order = [
    ...documentIds.map((d) => byDoc.get(d)!),
    ...rows.filter((r) => r.deleted_at !== null).map((r) => r.id),
  ];
  const set = db.prepare('UPDATE document_link SET position = ? WHERE id = ?');
  order.forEach((id, i) => set.run(i, id));
}
