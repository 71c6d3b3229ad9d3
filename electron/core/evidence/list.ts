import type { ParsedInput } from '../../../shared/api';
import type { EvidenceListItem } from '../../../shared/contract/evidence';
import type { Db } from '../db/open';
import { compareCodes, DOCUMENT_SELECT, toDocument, type DocumentRow } from './repo';
import { ftsQuery } from './search';

/** The library's list: filters combine with AND; a search ranks by relevance. */

/** Ids of documents with a link to a live node; evaluated once per query, not per row. */
const linked = (scope: string) =>
  `SELECT l.document_id FROM document_link l
   WHERE l.node_id IN (SELECT id FROM node WHERE deleted_at IS NULL${scope})`;
/** Above this many hits relevance ranking costs more than it tells: newest first instead. */
const RANK_UP_TO = 2000;
const SCAN = `(d.file_kind = 'pdf' AND d.has_text = 0 AND d.encrypted = 0 AND d.damaged = 0)`;

function subtree(db: Db, nodeId: number): number[] {
  return db
    .prepare(
      `WITH RECURSIVE sub(id) AS (
         SELECT id FROM node WHERE id = ? AND deleted_at IS NULL
         UNION ALL SELECT n.id FROM node n JOIN sub ON n.parent_id = sub.id WHERE n.deleted_at IS NULL)
       SELECT id FROM sub`,
    )
    .pluck()
    .all(nodeId) as number[];
}

export function listDocuments(
  db: Db,
  input: ParsedInput<'evidence.list'>,
  uploadWarnMb: number,
): { items: EvidenceListItem[]; total: number } {
  const where: string[] = ['d.deleted_at IS NULL'];
  const heavy =
    input.unlinked !== undefined || input.assessmentId !== undefined || input.nodeId !== undefined;
  const params: unknown[] = [];
  const match = input.search ? ftsQuery(input.search) : null;
  if (input.types?.length) {
    where.push(`d.doc_type IN (${input.types.map(() => '?').join(', ')})`);
    params.push(...input.types);
  }
  if (input.year !== undefined) {
    where.push('d.issued_on >= ? AND d.issued_on < ?');
    params.push(`${input.year}-01-01`, `${input.year + 1}-01-01`);
  }
  if (input.officeId !== undefined) {
    where.push('d.office_id = ?');
    params.push(input.officeId);
  }
  if (input.unlinked !== undefined) {
    const scope = input.assessmentId !== undefined ? ' AND assessment_id = ?' : '';
    where.push(`d.id ${input.unlinked ? 'NOT ' : ''}IN (${linked(scope)})`);
    if (scope) params.push(input.assessmentId);
  } else if (input.assessmentId !== undefined) {
    where.push(`d.id IN (${linked(' AND assessment_id = ?')})`);
    params.push(input.assessmentId);
  }
  if (input.scan !== undefined) where.push(input.scan ? SCAN : `NOT ${SCAN}`);
  if (input.draft !== undefined) {
    where.push('coalesce(d.draft, 0) = ?');
    params.push(input.draft ? 1 : 0);
  }
  if (input.fileKind !== undefined) {
    where.push('d.file_kind = ?');
    params.push(input.fileKind);
  }
  if (input.analysis !== undefined) {
    where.push('d.analysis_status = ?');
    params.push(input.analysis);
  }
  if (input.nodeId !== undefined) {
    const ids = input.descendants ? subtree(db, input.nodeId) : [input.nodeId];
    where.push(
      'd.id IN (SELECT l.document_id FROM document_link l WHERE l.node_id IN (SELECT value FROM json_each(?)))',
    );
    params.push(JSON.stringify(ids));
  }
  if (input.search && !match) return { items: [], total: 0 };

  if (match) return searchPage(db, match, where, params, input, uploadWarnMb);

  const whereSql = `WHERE ${where.join(' AND ')}`;
  const order = orderOf(input.sort ?? 'added');
  if (heavy) {
    // A link filter costs a subquery per evaluation: evaluate it once for the count and page.
    const all = db
      .prepare(`SELECT d.id FROM document d ${whereSql} ORDER BY ${order}`)
      .pluck()
      .all(...params) as number[];
    const ids = all.slice(input.offset, input.offset + input.limit);
    return { items: itemsOf(db, ids, uploadWarnMb), total: all.length };
  }
  const total = db
    .prepare(`SELECT count(*) FROM document d ${whereSql}`)
    .pluck()
    .get(...params) as number;
  const ids = db
    .prepare(`SELECT d.id FROM document d ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, input.limit, input.offset) as number[];
  return { items: itemsOf(db, ids, uploadWarnMb), total };
}

/**
 * A search: the index gives the matching ids (trashed documents are not in it), the other
 * filters give the allowed ids, and the two meet in a Set. Joining the index with the table
 * in SQL costs a row lookup, and ranking a score computation, per hit; this costs neither,
 * so a broad search over 20,000 documents stays in milliseconds. Ranking is used while it is
 * cheap and telling (up to RANK_UP_TO hits); beyond that the newest come first.
 */
function searchPage(
  db: Db,
  match: string,
  where: string[],
  params: unknown[],
  input: ParsedInput<'evidence.list'>,
  uploadWarnMb: number,
): { items: EvidenceListItem[]; total: number } {
  const hitIds = db
    .prepare('SELECT rowid FROM document_fts WHERE document_fts MATCH ?')
    .pluck()
    .all(match) as number[];
  let ids = hitIds;
  if (where.length > 1) {
    const allowed = new Set(
      db
        .prepare(`SELECT d.id FROM document d WHERE ${where.join(' AND ')}`)
        .pluck()
        .all(...params) as number[],
    );
    ids = hitIds.filter((id) => allowed.has(id));
  }
  const sort = input.sort ?? (hitIds.length <= RANK_UP_TO ? 'relevance' : 'added');
  const page = (list: number[]) => list.slice(input.offset, input.offset + input.limit);
  let pageIds: number[];
  if (sort === 'relevance') {
    const keep = new Set(ids);
    const ranked = db
      .prepare(
        'SELECT rowid FROM document_fts WHERE document_fts MATCH ? ORDER BY rank, rowid DESC',
      )
      .pluck()
      .all(match) as number[];
    pageIds = page(ranked.filter((id) => keep.has(id)));
  } else if (sort === 'added') {
    pageIds = page([...ids].sort((a, b) => b - a));
  } else {
    pageIds = db
      .prepare(
        `SELECT d.id FROM document d WHERE d.id IN (SELECT value FROM json_each(?))
         ORDER BY ${orderOf(sort)} LIMIT ? OFFSET ?`,
      )
      .pluck()
      .all(JSON.stringify(ids), input.limit, input.offset) as number[];
  }
  return { items: itemsOf(db, pageIds, uploadWarnMb), total: ids.length };
}

function orderOf(sort: string): string {
  return sort === 'issued'
    ? 'd.issued_on IS NULL, d.issued_on DESC, d.id DESC'
    : sort === 'number'
      ? 'd.doc_type IS NULL, d.doc_type, CAST(d.number AS INTEGER), d.number, d.id'
      : 'd.id DESC';
}

function itemsOf(db: Db, ids: number[], uploadWarnMb: number): EvidenceListItem[] {
  const rows = db
    .prepare(`${DOCUMENT_SELECT} WHERE d.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as DocumentRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const links = linkRefs(db, ids);
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is DocumentRow => r !== undefined)
    .map((r) => ({ ...toDocument(r, uploadWarnMb), links: links.get(r.id) ?? [] }));
}

function linkRefs(db: Db, ids: number[]): Map<number, EvidenceListItem['links']> {
  const out = new Map<number, EvidenceListItem['links']>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT l.document_id, l.node_id, n.code, n.assessment_id FROM document_link l
       JOIN node n ON n.id = l.node_id AND n.deleted_at IS NULL
       WHERE l.document_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as {
    document_id: number;
    node_id: number;
    code: string;
    assessment_id: number;
  }[];
  for (const r of rows) {
    const list = out.get(r.document_id) ?? [];
    list.push({ nodeId: r.node_id, code: r.code, assessmentId: r.assessment_id });
    out.set(r.document_id, list);
  }
  for (const list of out.values())
    list.sort((a, b) => b.assessmentId - a.assessmentId || compareCodes(a.code, b.code));
  return out;
}
