import { existsSync } from 'node:fs';
import type { CheckDocument, CheckInput, CheckNode } from '../../../shared/check-model';
import type { NodeScore } from '../../../shared/contract/scoring';
import type { NodeKind } from '../../../shared/framework';
import type { Db } from '../db/open';
import { loadTree } from '../criteria/repo';
import { listOffices } from '../org';
import { readSettings } from '../settings';
import type { FileStore } from '../store/store';

/** Today's date on this PC (offices work in local time), as ISO YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

interface ScoreRow {
  node_id: number;
  self_score: number | null;
  not_applicable: number;
  na_reason: string | null;
  explanation: string | null;
  appraised: number | null;
  last_year: number | null;
}

export const toNodeScore = (r: ScoreRow): NodeScore => ({
  nodeId: r.node_id,
  selfScore: r.self_score,
  notApplicable: r.not_applicable === 1,
  naReason: r.na_reason,
  explanation: r.explanation,
  appraised: r.appraised,
  lastYear: r.last_year,
});

export function loadScores(db: Db, assessmentId: number): NodeScore[] {
  return (
    db
      .prepare(
        `SELECT s.* FROM score s JOIN node n ON n.id = s.node_id WHERE n.assessment_id = ? AND n.deleted_at IS NULL`,
      )
      .all(assessmentId) as ScoreRow[]
  ).map(toNodeScore);
}

/** Nodes with everything the check needs, in tree order, offices already inherited. */
export function loadCheckNodes(db: Db, assessmentId: number): CheckNode[] {
  const tree = loadTree(db, assessmentId);
  const extra = new Map(
    (
      db
        .prepare(
          'SELECT id, step, may_be_na, deadline FROM node WHERE assessment_id = ? AND deleted_at IS NULL',
        )
        .all(assessmentId) as {
        id: number;
        step: number | null;
        may_be_na: number;
        deadline: string | null;
      }[]
    ).map((r) => [r.id, r]),
  );
  const group = <T>(sql: string, map: (r: Record<string, unknown>) => T) => {
    const m = new Map<number, T[]>();
    for (const r of db.prepare(sql).all(assessmentId) as Record<string, unknown>[]) {
      const id = r.node_id as number;
      const list = m.get(id) ?? [];
      list.push(map(r));
      m.set(id, list);
    }
    return m;
  };
  const slots = group(
    'SELECT s.node_id, s.label FROM node_slot s JOIN node n ON n.id = s.node_id WHERE n.assessment_id = ? ORDER BY s.position',
    (r) => r.label as string,
  );
  const options = group(
    'SELECT o.node_id, o.label, o.points FROM node_option o JOIN node n ON n.id = o.node_id WHERE n.assessment_id = ? ORDER BY o.position',
    (r) => ({ label: r.label as string, points: r.points as number }),
  );
  return tree.map((n) => {
    const e = extra.get(n.id)!;
    return {
      id: n.id,
      parentId: n.parentId,
      code: n.code,
      title: n.title,
      kind: n.kind as NodeKind,
      maxPoints: n.maxPoints,
      step: e.step,
      mayBeNotApplicable: e.may_be_na === 1,
      leadOfficeId: n.leadOfficeId,
      deadline: isoDeadline(e.deadline),
      evidenceSlots: slots.get(n.id) ?? [],
      scoringOptions: options.get(n.id) ?? [],
    };
  });
}

/** Deadlines are free text in imported tables ("Quý IV/2024", "31/12/2024"); only real dates count. */
function isoDeadline(text: string | null): string | null {
  if (!text) return null;
  const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text) ?? null;
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
}

/** Documents linked to this assessment plus those linked to nothing (the library's loose ends). */
function loadDocuments(
  db: Db,
  store: FileStore,
  assessmentId: number,
): { documents: CheckDocument[]; links: CheckInput['links'] } {
  const hasEvidence = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'document'")
    .get();
  if (!hasEvidence) return { documents: [], links: [] };
  const links = db
    .prepare(
      `SELECT l.node_id AS nodeId, l.document_id AS documentId, l.slot FROM document_link l
       JOIN node n ON n.id = l.node_id JOIN document d ON d.id = l.document_id
       WHERE n.assessment_id = ? AND n.deleted_at IS NULL AND d.deleted_at IS NULL ORDER BY l.node_id, l.position`,
    )
    .all(assessmentId) as CheckInput['links'];
  const rows = db
    .prepare(
      `SELECT d.*, fs.status AS verified FROM document d LEFT JOIN file_status fs ON fs.sha256 = d.sha256
       WHERE d.deleted_at IS NULL AND (
         d.id IN (SELECT l.document_id FROM document_link l JOIN node n ON n.id = l.node_id
                  WHERE n.assessment_id = ? AND n.deleted_at IS NULL)
         OR d.id NOT IN (SELECT document_id FROM document_link))`,
    )
    .all(assessmentId) as Record<string, unknown>[];
  const documents = rows.map((r): CheckDocument => {
    const sha = r.sha256 as string;
    // Missing is looked at now; corrupt is what the last verification recorded (re-hashing
    // every file on each check would take minutes). A recorded 'missing' whose file is back is ok.
    const status: CheckDocument['fileStatus'] = !existsSync(store.pathOf(sha))
      ? 'missing'
      : r.verified === 'corrupt'
        ? 'corrupt'
        : 'ok';
    return {
      id: r.id as number,
      title: (r.subject as string | null) ?? (r.original_name as string),
      fileKind: r.file_kind as CheckDocument['fileKind'],
      docType: (r.doc_type as string | null) ?? null,
      number: (r.number as string | null) ?? null,
      issuedOn: (r.issued_on as string | null) ?? null,
      subject: (r.subject as string | null) ?? null,
      draft: r.draft === 1,
      isScan: r.file_kind === 'pdf' && r.has_text === 0,
      encrypted: r.encrypted === 1,
      damaged: r.damaged === 1,
      sizeBytes: r.size as number,
      fileStatus: status,
    };
  });
  return { documents, links };
}

export function buildCheckInput(db: Db, store: FileStore, assessmentId: number, year: number) {
  const { documents, links } = loadDocuments(db, store, assessmentId);
  return {
    assessmentId,
    year,
    today: localToday(),
    uploadLimitBytes: readSettings(db).uploadWarnMb * 1024 * 1024,
    nodes: loadCheckNodes(db, assessmentId),
    scores: loadScores(db, assessmentId),
    documents,
    links,
    offices: listOffices(db).map((o) => ({ id: o.id, name: o.name })),
  };
}
