import type { Db } from '../db/open';
import type { Framework, FrameworkNode, NodeKind } from '../../../shared/framework';
import type { Assessment, NodeDetail, TreeNode } from '../../../shared/models';
import { pointsFromNumber } from '../../../shared/points';
import { cleanText, nfc } from '../../../shared/text';
import { ensureOffice } from '../org';
import { notFound } from '../errors';

interface AssessmentRow {
  id: number;
  year: number;
  framework_id: string;
  framework_name: string;
  index_kind: Assessment['indexKind'];
  scored: number;
  illustrative: number;
  source: string | null;
}

const toAssessment = (r: AssessmentRow): Assessment => ({
  id: r.id,
  year: r.year,
  frameworkId: r.framework_id,
  frameworkName: r.framework_name,
  indexKind: r.index_kind,
  scored: r.scored === 1,
  illustrative: r.illustrative === 1,
  source: r.source,
});

export function listAssessments(db: Db): Assessment[] {
  return (
    db
      .prepare('SELECT * FROM assessment WHERE deleted_at IS NULL ORDER BY year DESC, id DESC')
      .all() as AssessmentRow[]
  ).map(toAssessment);
}

export function getAssessment(db: Db, id?: number): Assessment {
  const row = (
    id === undefined
      ? db
          .prepare(
            'SELECT * FROM assessment WHERE deleted_at IS NULL ORDER BY year DESC, id DESC LIMIT 1',
          )
          .get()
      : db.prepare('SELECT * FROM assessment WHERE id = ? AND deleted_at IS NULL').get(id)
  ) as AssessmentRow | undefined;
  if (!row)
    throw notFound(id === undefined ? 'kỳ đánh giá nào trong hồ sơ' : `kỳ đánh giá số ${id}`);
  return toAssessment(row);
}

/** Creates an assessment for a year and writes the framework's tree into it. */
export function createAssessment(db: Db, framework: Framework, year: number): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO assessment (year, framework_id, framework_name, index_kind, scored, source, illustrative, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        year,
        framework.id,
        framework.name,
        framework.index,
        framework.scored ? 1 : 0,
        framework.source,
        framework.status === 'illustrative' ? 1 : 0,
        new Date().toISOString(),
      ).lastInsertRowid,
  );
  insertTree(db, id, null, framework.nodes);
  return id;
}

/** Inserts nodes (recursively) under parentId; office names become office rows as needed. */
export function insertTree(
  db: Db,
  assessmentId: number,
  parentId: number | null,
  nodes: FrameworkNode[],
): void {
  const insNode = db.prepare(
    `INSERT INTO node (assessment_id, parent_id, position, code, title, max_points, kind, may_be_na,
       lead_office_id, scoring_guide, evidence_guide, task, target, deadline, note, step)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insOpt = db.prepare(
    'INSERT INTO node_option (node_id, position, label, points) VALUES (?, ?, ?, ?)',
  );
  const insSlot = db.prepare('INSERT INTO node_slot (node_id, position, label) VALUES (?, ?, ?)');
  const insCoop = db.prepare(
    'INSERT OR IGNORE INTO node_coop_office (node_id, office_id) VALUES (?, ?)',
  );
  const opt = (s: string | null | undefined) =>
    s == null || s.trim() === '' ? null : nfc(s).trim();

  const walk = (parent: number | null, list: FrameworkNode[]) => {
    list.forEach((n, i) => {
      const lead = n.leadOffice ? ensureOffice(db, n.leadOffice) : null;
      const id = Number(
        insNode.run(
          assessmentId,
          parent,
          i,
          cleanText(n.code),
          cleanText(n.title),
          n.maxPoints == null ? null : pointsFromNumber(n.maxPoints),
          n.kind ?? 'self',
          n.mayBeNotApplicable ? 1 : 0,
          lead,
          opt(n.scoringGuide),
          opt(n.evidenceGuide),
          opt(n.task),
          opt(n.target),
          opt(n.deadline),
          opt(n.note),
          n.step == null ? null : pointsFromNumber(n.step),
        ).lastInsertRowid,
      );
      n.scoringOptions?.forEach((o, j) =>
        insOpt.run(id, j, cleanText(o.label), pointsFromNumber(o.points)),
      );
      n.evidenceSlots?.forEach((s, j) => insSlot.run(id, j, cleanText(s)));
      n.coopOffices?.forEach((name) => insCoop.run(id, ensureOffice(db, name)));
      walk(id, n.children ?? []);
    });
  };
  walk(parentId, nodes);
}

interface NodeRow {
  id: number;
  parent_id: number | null;
  code: string;
  title: string;
  max_points: number | null;
  kind: NodeKind;
  lead_office_id: number | null;
  lead_name: string | null;
}

/** The whole tree of an assessment in display order, with levels and inherited offices. */
export function loadTree(db: Db, assessmentId: number): TreeNode[] {
  const rows = db
    .prepare(
      `SELECT n.id, n.parent_id, n.code, n.title, n.max_points, n.kind, n.lead_office_id, o.name AS lead_name
       FROM node n LEFT JOIN office o ON o.id = n.lead_office_id
       WHERE n.assessment_id = ? AND n.deleted_at IS NULL
       ORDER BY n.parent_id, n.position, n.id`,
    )
    .all(assessmentId) as NodeRow[];
  const coops = new Map<number, number[]>();
  for (const r of db
    .prepare(
      `SELECT c.node_id, c.office_id FROM node_coop_office c JOIN node n ON n.id = c.node_id
       JOIN office o ON o.id = c.office_id
       WHERE n.assessment_id = ? ORDER BY o.position, o.id`,
    )
    .all(assessmentId) as { node_id: number; office_id: number }[]) {
    const list = coops.get(r.node_id) ?? [];
    list.push(r.office_id);
    coops.set(r.node_id, list);
  }
  const children = new Map<number | null, NodeRow[]>();
  for (const r of rows) {
    const list = children.get(r.parent_id) ?? [];
    list.push(r);
    children.set(r.parent_id, list);
  }
  interface Inherited {
    lead: { id: number; name: string } | null;
    coop: number[];
  }
  const out: TreeNode[] = [];
  // Iterative DFS: real trees are shallow, but an imported one must never blow the stack.
  const stack: { row: NodeRow; level: number; from: Inherited }[] = [];
  const pushChildren = (parent: number | null, level: number, from: Inherited) => {
    const list = children.get(parent) ?? [];
    for (let i = list.length - 1; i >= 0; i--) stack.push({ row: list[i]!, level, from });
  };
  pushChildren(null, 1, { lead: null, coop: [] });
  while (stack.length) {
    const { row, level, from } = stack.pop()!;
    const own =
      row.lead_office_id != null && row.lead_name != null
        ? { id: row.lead_office_id, name: row.lead_name }
        : null;
    const effective: Inherited = { lead: own ?? from.lead, coop: coops.get(row.id) ?? from.coop };
    out.push({
      id: row.id,
      parentId: row.parent_id,
      code: row.code,
      title: row.title,
      level,
      isLeaf: !children.has(row.id),
      kind: row.kind,
      maxPoints: row.max_points,
      leadOfficeId: effective.lead?.id ?? null,
      leadOffice: effective.lead?.name ?? null,
      leadOfficeInherited: own == null && effective.lead != null,
      coopOfficeIds: effective.coop,
    });
    pushChildren(row.id, level + 1, effective);
  }
  return out;
}

export function nodeDetail(db: Db, nodeId: number): NodeDetail {
  const row = db.prepare('SELECT * FROM node WHERE id = ? AND deleted_at IS NULL').get(nodeId) as
    | (Record<string, unknown> & { assessment_id: number; may_be_na: number; step: number | null })
    | undefined;
  if (!row) throw notFound(`tiêu chí số ${nodeId}`);
  const tree = loadTree(db, row.assessment_id);
  const index = tree.findIndex((n) => n.id === nodeId);
  const base = tree[index]!;
  const byId = new Map(tree.map((n) => [n.id, n]));
  const path: NodeDetail['path'] = [];
  for (let p = base.parentId; p != null; p = byId.get(p)?.parentId ?? null) {
    const n = byId.get(p)!;
    path.unshift({ id: n.id, code: n.code, title: n.title });
  }
  const str = (k: string) => (row[k] as string | null) ?? null;
  return {
    ...base,
    path,
    mayBeNotApplicable: row.may_be_na === 1,
    step: row.step,
    scoringGuide: str('scoring_guide'),
    scoringOptions: db
      .prepare('SELECT label, points FROM node_option WHERE node_id = ? ORDER BY position')
      .all(nodeId) as { label: string; points: number }[],
    evidenceGuide: str('evidence_guide'),
    evidenceSlots: (
      db.prepare('SELECT label FROM node_slot WHERE node_id = ? ORDER BY position').all(nodeId) as {
        label: string;
      }[]
    ).map((r) => r.label),
    coopOffices: base.coopOfficeIds.map((id) => ({
      id,
      name: (db.prepare('SELECT name FROM office WHERE id = ?').get(id) as { name: string }).name,
    })),
    deadline: str('deadline'),
    task: str('task'),
    target: str('target'),
    note: str('note'),
  };
}

/** The live tree as a FrameworkNode forest (points as numbers), e.g. to export it as a table. */
export function treeToFramework(db: Db, assessmentId: number): FrameworkNode[] {
  const rows = db
    .prepare(
      `SELECT n.*, o.name AS lead_name FROM node n LEFT JOIN office o ON o.id = n.lead_office_id
       WHERE n.assessment_id = ? AND n.deleted_at IS NULL ORDER BY n.parent_id, n.position, n.id`,
    )
    .all(assessmentId) as (Record<string, unknown> & { id: number; parent_id: number | null })[];
  const options = db.prepare(
    'SELECT label, points FROM node_option WHERE node_id = ? ORDER BY position',
  );
  const slots = db
    .prepare('SELECT label FROM node_slot WHERE node_id = ? ORDER BY position')
    .pluck();
  const coops = db
    .prepare(
      'SELECT o.name FROM node_coop_office c JOIN office o ON o.id = c.office_id WHERE c.node_id = ? ORDER BY o.position',
    )
    .pluck();
  const byParent = new Map<number | null, FrameworkNode[]>();
  const built = new Map<number, FrameworkNode>();
  for (const r of rows) {
    const str = (k: string) => (r[k] as string | null) ?? undefined;
    const node: FrameworkNode = {
      code: r.code as string,
      title: r.title as string,
      maxPoints: r.max_points === null ? null : (r.max_points as number) / 100,
      kind: r.kind as NodeKind,
      ...(r.may_be_na === 1 ? { mayBeNotApplicable: true } : {}),
      ...(str('scoring_guide') ? { scoringGuide: str('scoring_guide') } : {}),
      scoringOptions: (options.all(r.id) as { label: string; points: number }[]).map((o) => ({
        label: o.label,
        points: o.points / 100,
      })),
      ...(typeof r.step === 'number' ? { step: r.step / 100 } : {}),
      ...(str('evidence_guide') ? { evidenceGuide: str('evidence_guide') } : {}),
      evidenceSlots: slots.all(r.id) as string[],
      ...(str('lead_name') ? { leadOffice: str('lead_name') } : {}),
      coopOffices: coops.all(r.id) as string[],
      ...(str('deadline') ? { deadline: str('deadline') } : {}),
      ...(str('task') ? { task: str('task') } : {}),
      ...(str('target') ? { target: str('target') } : {}),
      ...(str('note') ? { note: str('note') } : {}),
    };
    built.set(r.id, node);
    const list = byParent.get(r.parent_id) ?? [];
    list.push(node);
    byParent.set(r.parent_id, list);
  }
  for (const [id, node] of built) {
    const kids = byParent.get(id);
    if (kids) node.children = kids;
  }
  return byParent.get(null) ?? [];
}
